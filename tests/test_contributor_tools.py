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
