"""The live catalogue: it passes check, every record is listed with its elements, evidence and
sources in catalog_expected.yml (so a change to any of them is a visible diff), and the rules
for content hold: full records, followable sources, recognitions with by/date/url, own words.

After a deliberate change to the records: UPDATE_GOLDEN=1 pytest tests/test_catalog_content.py
rewrites catalog_expected.yml; review its diff like any other.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import yaml

from catalog.records.load import load_catalog
from catalog.contributors.overlap import prose, shared_runs
from catalog.checks.validate import validate
from conftest import REPO

EXPECTED_FILE = Path(__file__).parent / "catalog_expected.yml"
SEED_DOCUMENTS = sorted((REPO.parent / "shared" / "sources").glob("*.txt"))
SEED_TITLES = {
    "Kan wél!",
    "Werkzame elementen bij buurtontwikkeling: het mobiliseren van eigen kracht in buurtontwikkeling",
    "Oplossingen komen van buurtbewoners zelf, niet van het zoveelste project",
    "De aanpak Vitale Wijken in Amersfoort werkt!",
    "Afwegen wat werkt in de wijk",
}
SEVEN = [
    "professional-als-procesbegeleider", "persoonlijke-benadering", "aansluiten-bij-behoeften-en-capaciteiten",
    "laagdrempeligheid", "empowerment", "samenwerken-met-partners", "gewoon-beginnen",
]
HEADINGS = ["Doel", "Doelgroep", "Aanpak", "Onderzoek", "Praktijkervaringen"]


@cache
def catalog():
    return load_catalog(REPO)


def source_line(source: dict) -> str:
    parts = [source["title"], source.get("publisher"), str(source["date"]) if source.get("date") else None, source.get("url")]
    return " | ".join(p for p in parts if p)


def listing() -> dict:
    """What catalog_expected.yml holds: per record what a reviewer must see change."""
    interventions = {}
    for slug, record in sorted(catalog().interventions.items()):
        d = record.data
        entry = {
            "kind": d.get("kind", "interventie"),
            "detail": d.get("detail", "full"),
            "elements": sorted(d["elements"]),
            "evidence": d["evidence"],
        }
        if d.get("assessment"):
            a = d["assessment"]
            entry["assessment"] = {k: str(a[k]) for k in ("by", "date", "valid_until", "url") if a.get(k)}
        entry["sources"] = [source_line(s) for s in d["sources"]]
        interventions[slug] = entry
    elements = {slug: [source_line(s) for s in r.data["sources"]] for slug, r in sorted(catalog().elements.items())}
    return {"interventions": interventions, "elements": elements}


def test_catalogue_passes_check():
    assert validate(catalog()) == []


def test_every_record_is_listed_with_its_elements_evidence_and_sources():
    if os.environ.get("UPDATE_GOLDEN"):
        header = "# Elke record van de catalogus met zijn werkzame elementen, erkenning en bronnen.\n# Gemaakt met UPDATE_GOLDEN=1 pytest tests/test_catalog_content.py; bekijk de diff.\n"
        EXPECTED_FILE.write_text(header + yaml.safe_dump(listing(), allow_unicode=True, sort_keys=False, width=200), "utf-8")
    assert listing() == yaml.safe_load(EXPECTED_FILE.read_text("utf-8"))


def test_at_least_thirty_full_interventions():
    interventions = catalog().interventions
    assert len(interventions) >= 30
    for slug, record in interventions.items():
        assert record.data.get("detail", "full") == "full", slug
        headings = [line[3:].strip() for line in record.body.splitlines() if line.startswith("## ")]
        assert headings == HEADINGS, slug


def test_the_field_a_wijkteam_asks_about_is_covered():
    """Neighbours who quarrel, lonely residents, young people who organise something themselves."""
    interventions = catalog().interventions
    assert "buurtbemiddeling" in interventions
    assert any("eenzaamheid" in r.data.get("themes", []) for r in interventions.values())
    assert any("jongeren" in r.data["target_groups"] and "eigen-kracht" in r.data.get("themes", []) for r in interventions.values())


def test_elements_include_the_seven_of_the_article_and_all_are_used():
    elements = catalog().elements
    assert set(SEVEN) <= set(elements)
    used = {e for r in catalog().interventions.values() for e in r.data["elements"]}
    assert used == set(elements)


def test_every_source_can_be_followed():
    """Seed documents (in ../shared/sources/, without an address) aside, every source has a url."""
    for record in catalog().all_records():
        for source in record.data["sources"]:
            if source["title"] not in SEED_TITLES:
                assert source.get("url"), (record.path, source["title"])


def test_every_recognition_says_who_when_and_where():
    for record in catalog().interventions.values():
        if record.data["evidence"] != "niet-beoordeeld":
            assessment = record.data["assessment"]
            assert assessment.get("by") and assessment.get("date") and assessment.get("url"), record.path


def test_every_seed_document_is_cited():
    cited = {s["title"] for r in catalog().all_records() for s in r.data["sources"]}
    assert SEED_TITLES <= cited


def test_own_words_no_eight_word_runs_from_the_seed_documents():
    """Titles of sources may be copied; the records' own text shares no run of 8 words."""
    assert len(SEED_DOCUMENTS) == 5
    texts = [path.read_text("utf-8") for path in SEED_DOCUMENTS]
    copied = []
    for record in catalog().all_records():
        pieces = prose((REPO / record.path).read_text("utf-8"))
        for source, text in zip(SEED_DOCUMENTS, texts):
            copied += [f"{record.path} ~ {source.name}: {run}" for piece in pieces for run in shared_runs(piece, text)]
    assert copied == []


def test_overlap_finds_a_copied_sentence_through_small_edits():
    source = "Bewoners van de wijk bepalen zelf wat goed is voor hun eigen buurt, zegt de projectleider."
    assert shared_runs("Zij zeggen: bewoners van de wijk bepalen zelf wat GOED is voor hun eigen buurt.", source) == [
        "bewoners van de wijk bepalen zelf wat goed is voor hun eigen buurt"
    ]
    assert shared_runs("Bewoners beslissen zelf wat de buurt nodig heeft.", source) == []
