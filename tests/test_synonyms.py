"""synoniemen.yml: the repository's list is valid and reaches the page; the shapes `check` refuses
beyond the rule fixtures (tests/fixtures/invalid/synonyms-*)."""

from __future__ import annotations

import pytest

from catalog.records.load import load_catalog as _load
from catalog.records.schema import apply_defaults
from catalog.outputs.search.search import catalog_data
from catalog.records.synonyms import synonym_groups
from catalog.records.words import phrase_key
from conftest import REPO, run_cli


def load_catalog(root):
    catalog = _load(root)
    apply_defaults(catalog)
    return catalog


def test_the_repository_list_is_valid_and_has_the_groups_of_the_issue(capsys):
    code, lines, _ = run_cli(capsys, "--root", REPO, "check", REPO / "synoniemen.yml")
    assert (code, lines) == (0, ["Geen fouten in 1 bestand."])
    groups = synonym_groups(load_catalog(REPO))
    by_word = {phrase_key(term): {phrase_key(t) for t in group} for group in groups for term in group}
    for a, b in [("vrijwilligers", "actieve bewoners"), ("jeugd", "jongeren"), ("ouderen", "senioren"),
                 ("ruzie", "conflict"), ("ruzie", "burenruzie"), ("eenzaam", "sociaal isolement"),
                 ("ABCD", "asset based community development"), ("WMO", "Wet maatschappelijke ondersteuning"),
                 ("GGZ", "geestelijke gezondheidszorg"), ("SWT", "sociaal wijkteam")]:
        assert phrase_key(b) in by_word[phrase_key(a)], (a, b)


def test_the_groups_travel_in_the_data_file(valid_catalog):
    (valid_catalog / "synoniemen.yml").write_text("groepen:\n  - [ouderen, senioren]\n  - [WMO, Wet maatschappelijke ondersteuning]\n", "utf-8")
    catalog = load_catalog(valid_catalog)
    assert catalog_data(catalog)["synonyms"] == [["ouderen", "senioren"], ["WMO", "Wet maatschappelijke ondersteuning"]]


def test_without_the_file_there_are_no_synonyms_and_no_problems(valid_catalog, capsys):
    assert not (valid_catalog / "synoniemen.yml").exists()
    assert catalog_data(load_catalog(valid_catalog))["synonyms"] == []
    assert run_cli(capsys, "--root", valid_catalog, "check")[:2] == (0, ["Geen fouten in 7 bestanden."])


@pytest.mark.parametrize("text, message", [
    ("", "synoniemen.yml:1: bestand: het bestand is leeg; begin met 'groepen:' en zet daaronder de groepen, zoals '- [ouderen, senioren]'"),
    ("- [ouderen, senioren]\n", "synoniemen.yml:1: bestand: het bestand is een lijst; begin met 'groepen:' en zet daaronder de groepen, zoals '- [ouderen, senioren]'"),
    ("groep: []\n", "synoniemen.yml:1: groep: onbekend veld; toegestaan: groepen"),
    ("groepen: ouderen en senioren\n", "synoniemen.yml:1: groepen: verwacht een lijst van groepen, niet tekst ('ouderen en senioren'); schrijf elke groep op een eigen regel, zoals '- [ouderen, senioren]'"),
    ("groepen:\n  - [ouderen, no]\n", "synoniemen.yml:2: groepen[1][2]: 'no' wordt in YAML gelezen als ja/nee-waarde; bedoel je tekst, zet het dan tussen aanhalingstekens: \"no\""),
    ("groepen:\n  - [ouderen, senioren]\ngroepen: []\n", "synoniemen.yml:3: groepen: dubbel veld; 'groepen' staat al op regel 1, laat er één staan"),
])
def test_shapes_of_the_whole_file(valid_catalog, capsys, text, message):
    (valid_catalog / "synoniemen.yml").write_text(text, "utf-8")
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "check")
    assert code == 1
    assert message in lines
    assert lines[-1].endswith("(van 8 gecontroleerd).")


def test_a_list_with_mistakes_stops_the_build(valid_catalog, capsys, tmp_path):
    (valid_catalog / "synoniemen.yml").write_text("groepen:\n  - [ouderen]\n", "utf-8")
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "build", "--site-dir", tmp_path / "site")
    assert code == 1
    assert lines[0].startswith("synoniemen.yml:2: groepen[1]: een groep van één woord")
