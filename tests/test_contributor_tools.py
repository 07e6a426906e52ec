"""`new` and `docs`: templates and the field reference come from the schema."""

from __future__ import annotations

from conftest import REPO, run_cli


def test_new_writes_a_correctly_named_record(valid_catalog, capsys):
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "new", "Thuis op Straat!")
    assert code == 0
    assert lines[0] == "Gemaakt: interventions/thuis-op-straat.md"
    text = (valid_catalog / "interventions" / "thuis-op-straat.md").read_text("utf-8")
    assert 'title: "Thuis op Straat!"' in text
    assert "# Voor wie de interventie is." in text  # the schema's description as a comment
    assert "## Doelgroep" in text


def test_new_shortens_a_long_title_to_a_file_name_that_fits(valid_catalog, capsys):
    """A title may have 150 characters, a file name 100 (check refuses longer ones): `new` cuts
    the name at a '-'."""
    title = "Samen werken aan een buurt waar iedereen meedoet, " * 3
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "new", title.strip())
    name = "samen-werken-aan-een-buurt-waar-iedereen-meedoet-samen-werken-aan-een-buurt-waar-iedereen-meedoet"
    assert (code, lines[0]) == (0, f"Gemaakt: interventions/{name}.md")
    assert len(name) <= 100


def test_new_record_fails_check_only_on_what_must_be_filled_in(valid_catalog, capsys):
    run_cli(capsys, "--root", valid_catalog, "new", "Thuis op Straat")
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "check")
    assert code == 1
    assert lines == [
        "interventions/thuis-op-straat.md:9: summary: mag niet leeg zijn; vul een waarde in of laat het veld weg als het niet verplicht is",
        "interventions/thuis-op-straat.md:15: elements: mag niet leeg zijn; vul minstens één waarde in of laat het veld weg als het niet verplicht is",
        "2 fouten in 1 bestand (van 8 gecontroleerd).",
    ]


def test_new_element_and_filled_in_template_pass(valid_catalog, capsys):
    run_cli(capsys, "--root", valid_catalog, "new", "--element", "Samen eten")
    path = valid_catalog / "elements" / "samen-eten.md"
    path.write_text(path.read_text("utf-8").replace('summary: ""', 'summary: "Bewoners eten samen."'), "utf-8")
    assert run_cli(capsys, "--root", valid_catalog, "check")[:2] == (0, ["Geen fouten in 8 bestanden."])


def test_new_refuses_existing_and_unnameable(valid_catalog, capsys):
    code, _, err = run_cli(capsys, "--root", valid_catalog, "new", "Kan wél!")
    assert (code, err.strip()) == (2, "build_catalog.py: fout: interventions/kan-wel.md bestaat al")
    code, _, err = run_cli(capsys, "--root", valid_catalog, "new", "!!!")
    assert (code, err.strip()) == (2, "build_catalog.py: fout: van de titel '!!!' is geen bestandsnaam te maken; gebruik letters en cijfers")


def test_contributing_field_reference_is_current(capsys):
    assert run_cli(capsys, "--root", REPO, "docs", "--check")[0] == 0


def test_field_reference_lists_every_schema_field_and_term():
    from catalog.records.schema import raw_schemas

    text = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    for kind in ("intervention", "element"):
        for name in raw_schemas()[kind]["properties"]:
            assert f"| `{name}` |" in text
    assert "| `niet-beoordeeld` | Niet beoordeeld |" in text


def test_a_python_without_the_packages_says_in_one_dutch_line_how_to_start(tmp_path):
    """`python build_catalog.py ...` with a Python that is not the .venv (here: without its
    site-packages) ends with exit 2 and one line, not a ModuleNotFoundError traceback."""
    import subprocess
    import sys

    for args, command in ((["check"], "check"), (["new", "Repair Café"], "new 'Repair Café'")):
        result = subprocess.run([sys.executable, "-S", str(REPO / "build_catalog.py"), *args], capture_output=True, text=True, cwd=tmp_path)
        assert (result.returncode, result.stdout) == (2, "")
        line = result.stderr.removesuffix("\n")
        assert "\n" not in line and "Traceback" not in line
        assert line.startswith("build_catalog.py: fout: deze Python heeft de pakketten van de catalogus niet (module '")
        assert line.endswith(f"' ontbreekt); start het zo: .venv/bin/python build_catalog.py {command}")
    assert not (REPO / "interventions" / "repair-cafe.md").exists()


def test_new_says_how_to_check_without_activating_anything(valid_catalog, capsys):
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "new", "Repair Café")
    assert (code, lines) == (0, [
        "Gemaakt: interventions/repair-cafe.md",
        "Vul de velden in en controleer met: make check (of: .venv/bin/python build_catalog.py check interventions/repair-cafe.md)",
    ])


# The row of "Wat het formulier vraagt" in CONTRIBUTING.md that explains each field of the form.
FORM_ROWS = {
    "Naam van de interventie *": ["title"], "Korte samenvatting *": ["summary"], "Soort": ["kind"],
    "Werkzame elementen *": ["elements"], "Doelgroepen *": ["target_groups"], "Thema's": ["themes"],
    "Erkenning *": ["evidence"],
    "Beoordeling: wie, wanneer, tot wanneer, webadres": ["assessment_by", "assessment_date", "assessment_valid_until", "assessment_url"],
    "Welk document meldt de beoordeling?": ["assessment_reported_in"],
    "Hoe lang, sinds welk jaar": ["duration", "since"],
    "Organisatie, contactpersoon, e-mail, telefoon, website": [
        "developer_organisation", "developer_contact", "developer_email", "developer_phone", "developer_website"],
    "Uit welk jaar is de bron met deze contactgegevens?": ["developer_year"],
    "Wie voert de interventie uit, varianten": ["implementers", "variants"],
    "Kosten, opleiding en materialen, randvoorwaarden": ["costs", "training", "preconditions"],
    "Verwante interventies": ["related"], "Hoeveel zegt de bron?": ["detail"],
    "Titel van het document *": ["sources_title"], "Uitgever, datum van het document": ["sources_publisher", "sources_date"],
    "Webadres van het document *": ["sources_url"], "Is het document een kopie?": ["sources_original"], "Meer bronnen": ["sources_more"],
    "Doel, Doelgroep, Aanpak, Onderzoek, Praktijkervaringen": ["doel", "doelgroep", "aanpak", "onderzoek", "praktijkervaringen"],
}


def test_contributing_puts_the_form_first_and_explains_every_field_it_asks():
    import re

    import yaml

    text = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    outside_code = re.sub(r"```.*?```", "", text, flags=re.S)
    headings = [line for line in outside_code.splitlines() if line.startswith("## ")]
    assert headings[:4] == [
        "## De belangrijkste afspraken", "## Manier 1: een formulier invullen (zonder git)",
        "## Manier 2: een bestand maken op de website van GitHub", "## Manier 3: op uw eigen computer",
    ]
    assert "hebt u een **gratis account op GitHub** nodig" in text
    table = text.split("### Wat het formulier vraagt", 1)[1].split("\n## ", 1)[0]
    rows = [line.split(" | ")[0].removeprefix("| ") for line in table.splitlines() if line.startswith("| ") and not line.startswith(("| Veld", "| ---"))]
    assert rows == list(FORM_ROWS)
    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "nieuwe-interventie.yml").read_text("utf-8"))
    asked = [item["id"] for item in form["body"] if item.get("id")]
    assert sorted(asked) == sorted(i for ids in FORM_ROWS.values() for i in ids)
    required = {item["id"] for item in form["body"] if item.get("validations", {}).get("required")}
    starred = {i for row, ids in FORM_ROWS.items() if row.endswith(" *") for i in ids}
    assert required == starred
