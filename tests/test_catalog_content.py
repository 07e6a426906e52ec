"""The live catalogue: it passes check (which holds every rule for a single record: the five
headings, followable sources, recognitions with by/date/url), every record is listed with its
elements, evidence and sources in catalog_expected.yml (so a change to any of them is a visible
diff), and the goals for the whole catalogue hold: coverage, all seed documents cited, own words.

A new record passes as it is (it is not listed yet); a change to a listed record fails and names
the command that rewrites catalog_expected.yml (make golden), whose diff the reviewer reads.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import pytest
import yaml

from catalog.records.load import load_catalog
from catalog.checks.own_words import FINGERPRINT_FILE
from catalog.contributors.overlap import RUN, fingerprint, shared_runs
from catalog.checks.policy import SEED_DOCUMENTS as SEED_TITLES
from catalog.checks.validate import validate
from conftest import REPO

EXPECTED_FILE = Path(__file__).parent / "catalog_expected.yml"
SEED_SOURCES = REPO.parent / "shared" / "sources"  # beside the repository here and in CI, not in a clone
SEVEN = [
    "professional-als-procesbegeleider", "persoonlijke-benadering", "aansluiten-bij-behoeften-en-capaciteiten",
    "laagdrempeligheid", "empowerment", "samenwerken-met-partners", "gewoon-beginnen",
]


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
            if a.get("reported_in"):
                entry["assessment"]["reported_in"] = source_line(a["reported_in"])
        entry["sources"] = [source_line(s) for s in d["sources"]]
        interventions[slug] = entry
    elements = {slug: [source_line(s) for s in r.data["sources"]] for slug, r in sorted(catalog().elements.items())}
    return {"interventions": interventions, "elements": elements}


def test_catalogue_passes_check():
    assert validate(catalog()) == []


UPDATE_COMMAND = "make golden"


def test_every_listed_record_is_unchanged():
    """Records in catalog_expected.yml keep their elements, evidence and sources until the list is
    rewritten on purpose; records not in it yet (a contributor's new one) pass."""
    current = listing()
    if os.environ.get("UPDATE_GOLDEN"):
        header = f"# Elke record van de catalogus met zijn werkzame elementen, erkenning en bronnen.\n# Gemaakt met {UPDATE_COMMAND}; bekijk de diff.\n"
        EXPECTED_FILE.write_text(header + yaml.safe_dump(current, allow_unicode=True, sort_keys=False, width=200), "utf-8")
    expected = yaml.safe_load(EXPECTED_FILE.read_text("utf-8"))
    changed = [
        f"{kind}/{slug}" for kind in ("interventions", "elements") for slug in expected[kind]
        if current[kind].get(slug) != expected[kind][slug]
    ]
    if changed:
        pytest.fail(
            f"Deze records zijn veranderd of weg: {', '.join(changed)}. Klopt dat? Draai dan: {UPDATE_COMMAND} "
            f"en zet de nieuwe {EXPECTED_FILE.name} in de pull request.", pytrace=False,
        )


def test_at_least_thirty_full_interventions():
    """A goal for the catalogue, not a rule for one record: check lets a record say detail: brief."""
    full = [slug for slug, r in catalog().interventions.items() if r.data.get("detail", "full") == "full"]
    assert len(full) >= 30


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


def test_every_seed_document_is_cited():
    cited = {s["title"] for r in catalog().all_records() for s in r.data["sources"]}
    assert SEED_TITLES <= cited


def seed_fingerprint(documents: list[Path]) -> dict:
    """What seed_fingerprint.json holds: per seed document the hash of every run of 8 words."""
    return {
        "run": RUN,
        "hash": "sha256 of the run's words (overlap.words: lower case, no accents or punctuation) joined by single spaces, first 16 hex digits",
        "documents": {path.name: sorted(fingerprint(path.read_text("utf-8"))) for path in documents},
    }


def test_the_fingerprint_is_that_of_the_seed_documents():
    """With ../shared/sources beside the repository (here and in CI) the committed fingerprint must
    be exactly that of the five documents; a clone without them (GitHub) cannot check it."""
    if not SEED_SOURCES.is_dir():
        pytest.skip(f"NIETS gecontroleerd: {SEED_SOURCES} ontbreekt, dus {FINGERPRINT_FILE.name} is niet met de brondocumenten vergeleken")
    documents = sorted(SEED_SOURCES.glob("*.txt"))
    assert len(documents) == 5
    expected = seed_fingerprint(documents)
    if os.environ.get("UPDATE_GOLDEN"):
        FINGERPRINT_FILE.write_text(json.dumps(expected, indent=0, ensure_ascii=False) + "\n", "utf-8")
    assert json.loads(FINGERPRINT_FILE.read_text("utf-8")) == expected


def test_overlap_finds_a_copied_sentence_through_small_edits():
    source = "Bewoners van de wijk bepalen zelf wat goed is voor hun eigen buurt, zegt de projectleider."
    assert shared_runs("Zij zeggen: bewoners van de wijk bepalen zelf wat GOED is voor hun eigen buurt.", source) == [
        "bewoners van de wijk bepalen zelf wat goed is voor hun eigen buurt"
    ]
    assert shared_runs("Bewoners beslissen zelf wat de buurt nodig heeft.", source) == []
