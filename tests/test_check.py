"""`check`: one failing fixture per rule, each with its exact messages, and the CLI contract."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import FIXTURES, REPO, make_catalog, run_cli

RULE_FIXTURES = sorted(p.name for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


def expected_lines(name: str) -> list[str]:
    return (FIXTURES / "invalid" / name / "expected.txt").read_text("utf-8").splitlines()


def test_valid_fixture_is_clean(valid_catalog, capsys):
    code, lines, err = run_cli(capsys, "--root", valid_catalog, "check")
    assert (code, lines, err) == (0, ["Geen fouten in 7 bestanden."], "")


@pytest.mark.parametrize("name", RULE_FIXTURES)
def test_rule_fixture(name, tmp_path, capsys):
    root = make_catalog(tmp_path, name)
    code, lines, err = run_cli(capsys, "--root", root, "check")
    if os.environ.get("UPDATE_GOLDEN"):
        (FIXTURES / "invalid" / name / "expected.txt").write_text("\n".join(lines) + "\n", "utf-8")
    assert code == 1
    assert err == ""
    assert lines == expected_lines(name)


def test_all_problems_reported_at_once(tmp_path, capsys):
    """Every record fixture together: all their messages in one run, sorted, then one count."""
    # taxonomy.yml and synoniemen.yml are one file each: their fixtures cannot be laid together.
    names = [n for n in RULE_FIXTURES if not n.startswith(("taxonomy", "synonyms-"))]
    root = make_catalog(tmp_path, *names)
    code, lines, _ = run_cli(capsys, "--root", root, "check")
    # The lists of allowed slugs grow with the other fixtures' files, so compare without them.
    messages = sorted(
        (_without_allowed(line) for name in names for line in expected_lines(name)[:-1]),
        key=lambda m: (m.split(":")[0], int(m.split(":")[1]), *m.split(": ", 2)[1:]),  # as check sorts: path, line, field, message
    )
    assert code == 1
    assert [_without_allowed(line) for line in lines[:-1]] == messages
    files = len({m.split(":")[0] for m in messages})
    checked = 7 + sum(1 for n in names for p in (FIXTURES / "invalid" / n).rglob("*") if p.is_file() and p.name != "expected.txt")
    assert lines[-1] == f"{len(messages)} fouten in {files} bestanden (van {checked} gecontroleerd)."


def _without_allowed(line: str) -> str:
    return re.split(r"; (?:toegestaan:|zie) ", line)[0]


def test_bom_and_crlf_are_accepted(valid_catalog, capsys):
    path = valid_catalog / "interventions" / "kan-wel.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert run_cli(capsys, "--root", valid_catalog, "check")[:2] == (0, ["Geen fouten in 7 bestanden."])


def test_crlf_keeps_line_numbers(valid_catalog, capsys):
    path = valid_catalog / "interventions" / "kan-wel.md"
    path.write_bytes(path.read_bytes().replace(b"since: 2006", b"since: soon").replace(b"\n", b"\r\n"))
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "check")
    assert lines[0] == "interventions/kan-wel.md:9: since: verwacht jaartal, niet tekst"


def test_symlinked_record_is_refused(valid_catalog, capsys):
    (valid_catalog / "interventions" / "link.md").symlink_to(valid_catalog / "interventions" / "kan-wel.md")
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "check")
    assert (code, lines[0]) == (1, "interventions/link.md:1: bestand: het bestand is een symbolische link; zet de tekst in een gewoon bestand")


def test_record_outside_repository_is_refused(tmp_path, capsys):
    root = make_catalog(tmp_path)
    outside = tmp_path / "elders"
    (root / "elements").rename(outside)
    (root / "elements").symlink_to(outside, target_is_directory=True)
    code, lines, _ = run_cli(capsys, "--root", root, "check")
    assert code == 1
    assert lines[0] == "elements/buurtcoach.md:1: bestand: het bestand ligt buiten de repository; zet het in de map zelf"


def test_check_given_paths_still_resolves_against_whole_catalogue(tmp_path, capsys):
    root = make_catalog(tmp_path, "unknown-slug", "duplicate-key")
    code, lines, _ = run_cli(capsys, "--root", root, "check", root / "interventions" / "kan-wel.md")
    assert (code, lines) == (0, ["Geen fouten in 1 bestand."])
    code, lines, _ = run_cli(capsys, "--root", root, "check", root / "interventions" / "dubbel-veld.md")
    assert (code, lines) == (1, expected_lines("duplicate-key")[:-1] + ["1 fout in 1 bestand (van 1 gecontroleerd)."])


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "bestaat-niet.md"], "build_catalog.py: fout: bestaat-niet.md bestaat niet"),
        (["check", "taxonomy.yml", "README"], "build_catalog.py: fout: README is geen record: noem een bestand in interventions/ of elements/, taxonomy.yml of synoniemen.yml"),
    ],
)
def test_usage_errors_exit_2(valid_catalog, capsys, monkeypatch, args, message):
    monkeypatch.chdir(valid_catalog)
    (valid_catalog / "README").write_text("x")
    code, lines, err = run_cli(capsys, "--root", valid_catalog, *args)
    assert (code, lines, err.strip()) == (2, [], message)


def test_unknown_command_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        run_cli(capsys, "bouw")
    assert exc.value.code == 2


def test_github_annotations(tmp_path):
    root = make_catalog(tmp_path, "duplicate-key")
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    result = subprocess.run(
        [sys.executable, REPO / "build_catalog.py", "--root", root, "check"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "interventions/dubbel-veld.md:5: summary: dubbel veld; 'summary' staat al op regel 3, laat er één staan",
        "::error file=interventions/dubbel-veld.md,line=5::summary: dubbel veld; 'summary' staat al op regel 3, laat er één staan",
        "1 fout in 1 bestand (van 8 gecontroleerd).",
    ]
    assert "Traceback" not in result.stderr


def test_every_rule_has_a_fixture():
    """Adding a rule without a fixture (or the reverse) fails here."""
    from catalog.checks.validate import RECORD_RULES

    covered = {
        "schema_rules": "wrong-type", "not_related_to_itself": "related-self",
        "no_script": "unsafe-html", "heading_outline": "heading-outline", "plain_text": "control-characters",
        "plausible_dates": "future-date", "reserved_slug": "reserved-slug",
        "unassessed_without_assessment": "unassessed-with-assessment",
        "five_headings": "fixed-headings", "followable_sources": "source-without-url",
        "copies_name_their_original": "copy-without-original", "contacts_have_their_year": "contact-without-year",
        "assessment_date_or_report": "assessment-date",
        "quoted_title": "word-processor-text",
        "own_words": "seed-copy",
    }
    assert {rule.__name__ for rule in RECORD_RULES} == set(covered)
    assert set(covered.values()) <= set(RULE_FIXTURES)


def test_title_clash_lands_on_the_file_under_review(tmp_path, capsys):
    """check PATH is what a pull request runs on its changed files: the clash must reach that file,
    not the existing one (where the path filter used to hide it)."""
    root = make_catalog(tmp_path, "title-collision")
    code, lines, _ = run_cli(capsys, "--root", root, "check", root / "interventions" / "kan-wel.md")
    assert (code, lines) == (1, [
        "interventions/kan-wel.md:2: title: deze titel lijkt te veel op 'Kan Wel!' in elements/kan-wel.md "
        "(alleen hoofdletters, accenten, leestekens of de vorm van tekens verschillen); kies een duidelijk andere titel",
        "1 fout in 1 bestand (van 1 gecontroleerd).",
    ])


def test_messages_cannot_forge_github_annotations(tmp_path):
    """A value with a newline and '::error' or '::stop-commands::' stays on its own line, escaped."""
    root = make_catalog(tmp_path, "message-injection")
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    result = subprocess.run(
        [sys.executable, REPO / "build_catalog.py", "--root", root, "check"], capture_output=True, text=True, env=env
    )
    allowed = ", ".join(["title", "summary", "kind", "elements", "target_groups", "themes", "evidence", "assessment", "duration", "since", "developer", "implementers", "variants", "costs", "training", "preconditions", "related", "detail", "checked", "sources", "aliases"])
    shown = "x\\n::error file=README.md,line=1::alles goed\\n::stop-commands::klaar: onbekend veld; toegestaan: " + allowed
    assert result.stdout.splitlines() == [
        f"interventions/valse-melding.md:8: {shown}",
        f"::error file=interventions/valse-melding.md,line=8::{shown}",
        "1 fout in 1 bestand (van 8 gecontroleerd).",
    ]


def test_taxonomy_term_index_is_reserved(valid_catalog, capsys):
    """A term page index.md would replace the overview of its vocabulary."""
    path = valid_catalog / "taxonomy.yml"
    path.write_text(path.read_text("utf-8").replace("themes:\n", "themes:\n  index:\n    label: Index\n    description: Een poging.\n", 1), "utf-8")
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "check")
    assert (code, lines) == (1, [
        "taxonomy.yml:8: themes.index: de term 'index' is gereserveerd voor de overzichtspagina; kies een andere naam",
        "1 fout in 1 bestand (van 7 gecontroleerd).",
    ])


def test_checked_after_today_is_refused(valid_catalog, capsys):
    """`checked` becomes the catalogue's date on every page and in the feed: not even a few days
    ahead (sources may be a month ahead: a document about to appear)."""
    import datetime

    soon = datetime.date.today() + datetime.timedelta(days=3)
    path = valid_catalog / "interventions" / "kan-wel.md"
    path.write_text(path.read_text("utf-8").replace("checked: 2020-02-29", f"checked: {soon.isoformat()}"), "utf-8")
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "check")
    assert (code, lines) == (1, [
        f"interventions/kan-wel.md:23: checked: '{soon.isoformat()}' ligt in de toekomst; controleer het jaartal (deze datum kan niet later zijn dan vandaag)",
        "1 fout in 1 bestand (van 7 gecontroleerd).",
    ])


def test_a_theme_that_only_looks_alike_gets_the_list_not_a_wrong_suggestion(valid_catalog, capsys):
    """'duurzaamheid' shares letters with 'eenzaamheid' but means something else: no 'bedoelde je',
    the whole list and what to do when the theme is missing. A real slip still gets its suggestion."""
    import shutil

    import yaml

    shutil.copy(REPO / "taxonomy.yml", valid_catalog / "taxonomy.yml")
    themes = ", ".join(yaml.safe_load((REPO / "taxonomy.yml").read_text("utf-8"))["themes"])
    path = valid_catalog / "interventions" / "kan-wel.md"
    path.write_text(path.read_text("utf-8").replace("themes: [leefbaarheid, sociale-cohesie]", "themes: [duurzaamheid, eenzaamhied]"), "utf-8")
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "check", path)
    assert (code, lines) == (1, [
        f"interventions/kan-wel.md:6: themes[1]: onbekend thema 'duurzaamheid'; toegestaan: {themes}; "
        "staat uw thema er niet bij? Noem het in de pull request, dan kan het in taxonomy.yml komen",
        "interventions/kan-wel.md:6: themes[2]: onbekend thema 'eenzaamhied' (bedoelde je 'eenzaamheid'?); zie taxonomy.yml (themes)",
        "2 fouten in 1 bestand (van 1 gecontroleerd).",
    ])
