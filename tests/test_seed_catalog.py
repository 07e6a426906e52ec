"""The live catalogue: it passes check and holds the records the source documents describe."""

from __future__ import annotations

from pathlib import Path

import yaml

from catalog.load import load_catalog
from catalog.validate import validate
from conftest import REPO

EXPECTED = yaml.safe_load((Path(__file__).parent / "seed_expected.yml").read_text("utf-8"))
SEVEN = [
    "professional-als-procesbegeleider", "persoonlijke-benadering", "aansluiten-bij-behoeften-en-capaciteiten",
    "laagdrempeligheid", "empowerment", "samenwerken-met-partners", "gewoon-beginnen",
]
FULL = {"kan-wel", "vitale-wijken-amersfoort", "verbindend-werken-van-koek", "afwegen-in-de-wijk"}


def catalog():
    return load_catalog(REPO)


def test_catalogue_passes_check():
    assert validate(catalog()) == []


def test_every_seed_intervention_with_the_elements_its_sources_attribute():
    interventions = catalog().interventions
    assert sorted(interventions) == sorted(EXPECTED["interventions"])
    for slug, expected in EXPECTED["interventions"].items():
        data = interventions[slug].data
        assert sorted(data["elements"]) == expected["elements"], slug
        assert data.get("kind", "interventie") == expected["kind"], slug
        assert data.get("detail", "full") == expected["detail"], slug


def test_elements_include_the_seven_of_the_article():
    elements = catalog().elements
    assert sorted(elements) == sorted(EXPECTED["elements"])
    assert set(SEVEN) <= set(elements)


def test_full_and_brief_records():
    interventions = catalog().interventions
    for slug, record in interventions.items():
        assert (record.data.get("detail", "full") == "full") == (slug in FULL), slug
    for slug in FULL:
        body = interventions[slug].body
        assert "## Doel" in body or "## Aanpak" in body, slug


def test_no_invented_recognition():
    """None of the source documents gives a recognition level, so none may be claimed."""
    for record in catalog().interventions.values():
        assert record.data["evidence"] == "niet-beoordeeld"
        assert "assessment" not in record.data


def test_every_source_document_is_cited():
    cited = {source["title"] for record in catalog().all_records() for source in record.data["sources"]}
    assert cited == {
        "Kan wél!",
        "Werkzame elementen bij buurtontwikkeling: het mobiliseren van eigen kracht in buurtontwikkeling",
        "Oplossingen komen van buurtbewoners zelf, niet van het zoveelste project",
        "De aanpak Vitale Wijken in Amersfoort werkt!",
        "Afwegen wat werkt in de wijk",
    }
