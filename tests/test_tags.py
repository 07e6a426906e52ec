"""Tag evidence: the words of taxonomy.yml that show a target group or theme in a record's text
(catalog/checks/tagwords.py), the `check` rule that uses them and `build_catalog.py tags`."""

from __future__ import annotations

import pytest
import yaml

from conftest import REPO, run_cli


def _text(words: str) -> str:
    from catalog.records.words import fold

    return f" {fold(words)} "


@pytest.mark.parametrize("entry, text, found", [
    ("schuld", "Hulp bij Schulden en schuldhulpverlening", "schulden"),  # the start of a word
    ("-armoede", "tegen kinderarmoede", "kinderarmoede"),  # inside a compound
    ("-armoede", "armoede in de wijk", "armoede"),
    ("geisoleerd", "ouderen die geïsoleerd leven", "geisoleerd"),  # accents fold
    ("65 plus", "voor 65-plussers", "65 plussers"),  # punctuation is a word break
    ("weinig geld", "mensen met weinig geld", "weinig geld"),
    ("taal", "een betaalbare woning", None),  # not inside a word without '-'
    ("weinig geld", "weinig tijd en geld", None),  # words in order, next to each other
    ("ouders", "ouderen", None),
])
def test_word_forms(entry, text, found):
    from catalog.checks.tagwords import find

    assert find(_text(text), entry) == found


def test_every_tag_term_of_the_catalogue_has_words():
    """A term without words is not judged by check: the catalogue's own terms all have them."""
    taxonomy = yaml.safe_load((REPO / "taxonomy.yml").read_text("utf-8"))
    for vocabulary in ("target_groups", "themes"):
        assert [slug for slug, term in taxonomy[vocabulary].items() if not term.get("words")] == []


def test_tags_lists_terms_the_text_names(valid_catalog, capsys):
    path = valid_catalog / "interventions" / "wijkgesprek.md"
    path.write_text(path.read_text("utf-8") + "\nOok jongeren uit de buurt praten mee.\n", "utf-8")
    code, lines, err = run_cli(capsys, "--root", valid_catalog, "tags")
    assert (code, err) == (0, "")
    assert lines == [
        "interventions/wijkgesprek.md: doelgroep 'jongeren'? de tekst noemt 'jongeren' (woord '-jongere')",
        "1 keer noemt de tekst een doelgroep of thema die het record niet heeft. "
        "Voeg er een toe als de interventie er echt over gaat; anders laat u het zo.",
    ]


def test_tags_without_suggestions(valid_catalog, capsys):
    assert run_cli(capsys, "--root", valid_catalog, "tags") == (0, ["Geen records die een doelgroep of thema noemen die ze niet hebben."], "")


def test_tags_for_one_record(valid_catalog, capsys):
    path = valid_catalog / "interventions" / "wijkgesprek.md"
    path.write_text(path.read_text("utf-8") + "\nOok jongeren uit de buurt praten mee.\n", "utf-8")
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "tags", valid_catalog / "interventions" / "kan-wel.md")
    assert (code, lines) == (0, ["Geen records die een doelgroep of thema noemen die ze niet hebben."])
    code, lines, _ = run_cli(capsys, "--root", valid_catalog, "tags", path)
    assert lines[0] == "interventions/wijkgesprek.md: doelgroep 'jongeren'? de tekst noemt 'jongeren' (woord '-jongere')"
