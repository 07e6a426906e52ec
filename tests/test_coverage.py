"""Coverage (issue 26): enough full interventions, and for every question a wijkprofessional
brings (taxonomy.yml `questions`) at least three full records whose themes (and target groups,
where the question names them) say so. A failure lists the counts of every question."""

from __future__ import annotations

from conftest import REPO

MIN_FULL = 75
MIN_PER_QUESTION = 3


def _catalog():
    from catalog.records.load import load_catalog

    return load_catalog(REPO)


def test_at_least_75_full_interventions():
    from catalog.graph.questions import is_full

    full = sorted(r.slug for r in _catalog().interventions.values() if is_full(r))
    assert len(full) >= MIN_FULL, f"{len(full)} volledige interventies, nodig: {MIN_FULL}"


def test_every_question_has_three_full_records():
    from catalog.graph.questions import answering

    found = answering(_catalog())
    assert len(found) == 18, sorted(found)
    report = "\n".join(f"{len(slugs):3}  {question}: {', '.join(slugs)}" for question, slugs in found.items())
    print(report)  # pytest -rP tests/test_coverage.py shows the counts when the test passes
    short = [question for question, slugs in found.items() if len(slugs) < MIN_PER_QUESTION]
    assert short == [], f"vragen met minder dan {MIN_PER_QUESTION} volledige records:\n{report}"


def test_a_record_answers_by_theme_and_named_target_group():
    from catalog.records.strict_yaml import Parsed
    from catalog.records.load import Record
    from catalog.graph.questions import answers

    def record(themes, groups):
        parsed = Parsed()
        parsed.data = {"themes": themes, "target_groups": groups}
        return Record("intervention", "x", "interventions/x.md", parsed)

    question = {"label": "Jongeren op straat", "themes": ["overlast", "veiligheid"], "target_groups": ["jongeren"]}
    assert answers(question, record(["veiligheid"], ["bewoners", "jongeren"]))
    assert not answers(question, record(["veiligheid"], ["bewoners"]))  # the group named is missing
    assert not answers(question, record(["leefbaarheid"], ["jongeren"]))
    assert answers({"label": "Armoede", "themes": ["armoede-en-schulden"]}, record(["armoede-en-schulden"], ["bewoners"]))


def test_vragen_lists_per_question_the_records_and_their_recognition(valid_catalog, capsys):
    from conftest import run_cli

    taxonomy = valid_catalog / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text("utf-8") + "questions:\n  samen:\n    label: Samen in de buurt\n    themes: [sociale-cohesie]\n", "utf-8")
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "vragen", "--bronnen")
    assert code == 0
    assert lines == [
        "## Samen in de buurt (1)",
        "",
        "- Kan wél! (`interventions/kan-wel.md`): geen oordeel gevonden",
        "  - Testbron, Testuitgever (1 mei 2011) https://www.voorbeeld.nl/kan-wel",
        "",
    ]


def test_vragen_refuses_a_catalogue_with_errors(valid_catalog, capsys):
    from conftest import run_cli

    (valid_catalog / "interventions" / "kapot.md").write_text("---\ntitle: [\n---\n", "utf-8")
    code, _, err = run_cli(capsys, "--root", valid_catalog, "vragen")
    assert (code, err.strip()) == (2, "build_catalog.py: fout: de catalogus heeft fouten; draai eerst: python build_catalog.py check")
