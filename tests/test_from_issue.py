"""`from-issue`: issue-form bodies as GitHub renders them become records, checked by `check`.

Each folder in tests/fixtures/from-issue/ holds issue.md (the body), expected.txt (what the
command prints) and, when it succeeds, expected.md (the record it writes). Set
FROM_ISSUE_REGENERATE=1 to rewrite the expected files, then read every diff before committing."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, REPO, make_catalog, run_cli

CASES = FIXTURES / "from-issue"
NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir())
FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "nieuwe-interventie.yml"
REGENERATE = os.environ.get("FROM_ISSUE_REGENERATE") == "1"


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _run(capsys, monkeypatch, root: Path, body: bytes, *options: str):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(body)))
    return run_cli(capsys, "--root", root, "from-issue", "-", *options)


def test_the_cases_are_there():
    assert NAMES == ["alle-velden", "html-script", "kopje-in-tekst", "lijkt-op-bestaande", "lookalike", "minimaal", "nep-kopje",
                     "no-response", "stuurtekens", "te-lang", "titel-stuurteken", "titel-te-lang", "volledig", "yaml-truc"]


@pytest.mark.parametrize("name", NAMES)
def test_issue_body_becomes_the_expected_record_or_messages(name, tmp_path, capsys, monkeypatch):
    case = CASES / name
    root = make_catalog(tmp_path)
    before = _files(root)
    code, out, err = _run(capsys, monkeypatch, root, (case / "issue.md").read_bytes())
    after = _files(root)
    written = {path: data for path, data in after.items() if path not in before}
    if REGENERATE:
        (case / "expected.txt").write_text("\n".join(out) + "\n", "utf-8")
        for path, data in written.items():
            (case / "expected.md").write_bytes(data)
    assert err == ""
    assert out == (case / "expected.txt").read_text("utf-8").splitlines()
    # Nothing else changes: no record is touched, nothing lands outside interventions/.
    assert {path: after[path] for path in before} == before
    if (case / "expected.md").exists():
        assert code == 0
        assert len(written) == 1
        (path, data), = written.items()
        assert re.fullmatch(r"interventions/[a-z0-9]+(-[a-z0-9]+)*\.md", path)
        assert out[0] == f"Gemaakt: {path}"
        assert data == (case / "expected.md").read_bytes()
        # The record passes check on its own, as in the pull request.
        assert run_cli(capsys, "--root", root, "check")[0] == 0
    else:
        assert code == 1
        assert written == {}
        assert out[-1].endswith("Er is geen bestand gemaakt.")


def test_every_field_of_the_form_has_a_place_in_the_record():
    from catalog.contributors.issue_form import DETAIL, MAPPING, SECTIONS
    from catalog.records.schema import raw_schemas, resolve

    form = yaml.safe_load(FORM.read_text("utf-8"))
    fields = [item for item in form["body"] if item["type"] != "markdown"]
    ids = [item["id"] for item in fields]
    missing = [i for i in ids if i not in MAPPING]
    assert missing == [], f"velden zonder plaats in het record (zet ze in MAPPING van catalog/contributors/issue_form.py): {missing}"
    assert sorted(MAPPING) == sorted(ids), "MAPPING noemt velden die niet (meer) in het formulier staan"
    schema = raw_schemas()["intervention"]["properties"]
    for field_id, (target, how) in MAPPING.items():
        if target in ("note", "body"):
            assert how in ("text", "markdown")
            continue
        head, _, sub = target.partition(".")
        assert head in schema, target
        if sub:
            spec = resolve(schema[head], "intervention")
            spec = resolve(spec.get("items", spec), "common") if head == "sources" else spec
            assert sub in spec["properties"], target
    assert {k for k, (t, _) in MAPPING.items() if t == "body"} == set(SECTIONS)
    # Every option of a dropdown names its value: a slug in brackets, or a word of `detail`.
    for item in fields:
        if item["type"] == "dropdown":
            for option in item["attributes"]["options"]:
                assert option in DETAIL if item["id"] == "detail" else re.search(r"\([a-z0-9-]+\)$", option), option
        elif item["type"] == "checkboxes":
            assert MAPPING[item["id"]][1] == "checkboxes", item["id"]
        else:
            assert item["type"] in ("input", "textarea"), f"{item['id']}: een {item['type']} leest from-issue nog niet"
    assert set(DETAIL.values()) == set(resolve(schema["detail"], "intervention")["enum"])


def test_pull_request_body_names_the_issue_the_submitter_and_what_was_left_out(tmp_path, capsys, monkeypatch):
    root = make_catalog(tmp_path)
    body = tmp_path / "pr.md"
    code, out, _ = _run(capsys, monkeypatch, root, (CASES / "alle-velden" / "issue.md").read_bytes(),
                        "--issue", "12", "--submitter", "@jan-de-vries", "--pr-body", body, "--comment", tmp_path / "c.md")
    assert code == 0 and not (tmp_path / "c.md").exists()
    text = body.read_text("utf-8")
    assert text.startswith("Sluit #12\n\nVoorgesteld door @jan-de-vries met het formulier 'Nieuwe interventie voorstellen' in #12.\n")
    assert "`interventions/wijkkeuken-oost.md`" in text
    assert text.endswith("Meer bronnen:\n\n```text\nTweede bron: Jaarverslag 2022, Buurthuis Oost, https://www.voorbeeld.nl/jaarverslag\n"
                         "<b>vet</b> en 'code'\n```\n")
    assert "```text\nissue:46: assessment_reported_in: 'Welk document meldt de beoordeling?' staat niet in het record" in text
    assert text.count("```") == 8  # four blocks, none broken open by the submitter's backticks


def test_failure_comment_quotes_the_messages_as_plain_text(tmp_path, capsys, monkeypatch):
    root = make_catalog(tmp_path)
    comment = tmp_path / "c.md"
    body = (CASES / "minimaal" / "issue.md").read_text("utf-8").replace(
        "Bewoners koken om de beurt", "```\n@everyone <img src=x onerror=alert(1)> ` `` \x1b]8;;x\x07 koken om de beurt")
    code, _, _ = _run(capsys, monkeypatch, root, body.encode(), "--comment", comment, "--pr-body", tmp_path / "pr.md", "--issue", "3")
    assert code == 1 and not (tmp_path / "pr.md").exists()
    text = comment.read_text("utf-8")
    assert text.startswith("Dit voorstel kon niet worden omgezet in een beschrijving. Dit zegt de controle:\n\n```text\n")
    assert text.count("```") == 4  # two blocks, each opened and closed by the comment itself
    block = text.split("```text\n")[1].split("\n```")[0]
    assert "`" not in block and "\x1b" not in block and "\x07" not in block
    assert "\\u001b" in block
    assert "Zo heten deze velden in het formulier:\n\n```text\nsummary: Korte samenvatting\n```" in text
    assert text.endswith("het label `omzetten` opnieuw zetten.\n")


def test_a_title_that_is_the_old_name_of_a_record_is_refused(tmp_path, capsys, monkeypatch):
    root = make_catalog(tmp_path)
    record = root / "interventions" / "wijkgesprek.md"
    record.write_text(record.read_text("utf-8").replace("kind: instrument\n", "kind: instrument\naliases: [buurt-overleg]\n", 1), "utf-8")
    body = (CASES / "minimaal" / "issue.md").read_text("utf-8").replace("\nBuurtmaaltijd\n", "\nBuurt-overleg\n", 1)
    before = _files(root)
    code, out, _ = _run(capsys, monkeypatch, root, body.encode())
    assert code == 1 and _files(root) == before
    assert out == [
        "issue:1: title: 'buurt-overleg' is de oude naam van interventions/wijkgesprek.md ('Wijkgesprek'); "
        "is het dezelfde interventie? Anders: kies een titel die duidelijk anders is",
        "1 fout in 1 bestand (van 1 gecontroleerd). Er is geen bestand gemaakt.",
    ]


def test_a_title_with_a_path_stays_a_file_name_in_interventions(tmp_path, capsys, monkeypatch):
    root = make_catalog(tmp_path)
    body = (CASES / "minimaal" / "issue.md").read_text("utf-8").replace("\nBuurtmaaltijd\n", "\n../../Buurtmaaltijd/index\n", 1)
    code, out, _ = _run(capsys, monkeypatch, root, body.encode())
    assert (code, out[0]) == (0, "Gemaakt: interventions/buurtmaaltijdindex.md")
    assert sorted(set(_files(root)) - set(_files(make_catalog(tmp_path / "schoon")))) == ["interventions/buurtmaaltijdindex.md"]


def test_a_huge_body_is_refused_by_its_size(tmp_path, capsys, monkeypatch):
    root = make_catalog(tmp_path)
    body = (CASES / "minimaal" / "issue.md").read_text("utf-8").replace("Bewoners koken", "é" * 300_000 + " koken")
    before = _files(root)
    code, out, _ = _run(capsys, monkeypatch, root, body.encode())
    assert code == 1 and _files(root) == before
    assert out == ["issue:1: formulier: het formulier is te groot (meer dan 500 kB); een beschrijving is ongeveer 10 kB",
                   "1 fout in 1 bestand (van 1 gecontroleerd). Er is geen bestand gemaakt."]


@pytest.mark.parametrize("body, message", [
    ("Gewoon een bericht, geen formulier.\n", "issue:1: formulier: dit is geen ingevuld formulier 'Nieuwe interventie voorstellen': geen van de kopjes ervan staat erin"),
    ("### Korte samenvatting\n\nx\n\n### Naam van de interventie\n\nY\n", "issue:1: formulier: de kopjes staan niet in de volgorde van het formulier; is het issue met de hand veranderd?"),
    (b"### Naam van de interventie\n\n\xff\n", "issue:1: formulier: de tekst is geen UTF-8"),
])
def test_a_body_that_is_not_this_form_is_refused(body, message, tmp_path, capsys, monkeypatch):
    root = make_catalog(tmp_path)
    code, out, _ = _run(capsys, monkeypatch, root, body if isinstance(body, bytes) else body.encode())
    assert (code, out[0]) == (1, message)


@pytest.mark.parametrize("options, message", [
    (["--submitter", "jan de vries"], "--submitter is een GitHub-naam"),
    (["--submitter=-jan"], "--submitter is een GitHub-naam"),
    (["--pr-body", "pr.md"], "--pr-body heeft --issue NUMMER nodig"),
])
def test_usage_errors_exit_2(options, message, tmp_path, capsys, monkeypatch):
    root = make_catalog(tmp_path)
    code, out, err = _run(capsys, monkeypatch, root, (CASES / "minimaal" / "issue.md").read_bytes(), *options)
    assert (code, out) == (2, [])
    assert err.startswith(f"build_catalog.py: fout: {message}")


def test_a_missing_file_is_a_usage_error(tmp_path, capsys):
    code, out, err = run_cli(capsys, "--root", make_catalog(tmp_path), "from-issue", tmp_path / "nergens.md")
    assert (code, out) == (2, [])
    assert err.startswith("build_catalog.py: fout: ") and "nergens.md is niet te lezen" in err


def test_checkboxes_count_only_the_forms_own_ticked_labels():
    from catalog.contributors.issue_form import checked

    options = ("Alles staat in de bron", "In eigen woorden")
    value = "- [X] Alles staat in de bron\n- [ ] In eigen woorden\n- [x] Iets anders\n  - [X] In eigen woorden (ingesprongen)"
    assert checked(value, options) == ["Alles staat in de bron"]
    assert checked("- [x] In eigen woorden \n- [X] Alles staat in de bron", options) == list(options)
    assert checked("_No response_", options) == []


def test_thousands_of_unknown_names_are_counted_not_listed(tmp_path, capsys, monkeypatch):
    root = make_catalog(tmp_path)
    names = ", ".join(f"element {i}" for i in range(5000))
    body = (CASES / "minimaal" / "issue.md").read_text("utf-8").replace("\nontmoeten\n", f"\nontmoeten, {names}\n", 1)
    code, out, _ = _run(capsys, monkeypatch, root, body.encode())
    assert code == 0
    assert out[1:] == ["Niet overgenomen uit het formulier:"] + [
        f"issue:13: elements: 'element {i}' is geen werkzaam element in de catalogus; niet overgenomen" for i in range(20)
    ] + ["issue:13: elements: en nog 4980 namen die niet in de catalogus staan; niet overgenomen"]


def test_an_issue_filed_with_an_older_form_keeps_its_answers_apart(tmp_path, capsys, monkeypatch):
    """A question the form no longer asks ends the answer above it; its own answer is named, not used."""
    root = make_catalog(tmp_path)
    body = (CASES / "minimaal" / "issue.md").read_text("utf-8").replace(
        "### Titel van het document", "### Wanneer heeft u de bronnen bekeken?\n\n2024-05-01\n\n### Titel van het document", 1)
    code, out, _ = _run(capsys, monkeypatch, root, body.encode())
    assert code == 0
    assert out[1:] == ["Niet overgenomen uit het formulier:",
                       "issue:109: formulier: 'Wanneer heeft u de bronnen bekeken?' vraagt het formulier niet meer: "
                       "de redactie zet nu zelf de datum van de controle (checked); niet overgenomen"]
    assert (root / "interventions" / "buurtmaaltijd.md").read_bytes() == (CASES / "minimaal" / "expected.md").read_bytes()
