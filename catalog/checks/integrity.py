"""Vocabulary integrity: what each file may say on its own, but not together with the rest.

Two terms with one label read as one on the site; the evidence ladder is read in the order of
taxonomy.yml (the "erkenning" sort and the helper rank by it); an assessment belongs to a
recognition, not to `niet-beoordeeld`.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Iterator

from catalog.records.load import TAXONOMY_FILE, Catalog, Record
from catalog.records.problems import Problem, field_name
from catalog.records.schema import raw_schemas
from catalog.records.slug import fold

UNASSESSED = "niet-beoordeeld"


def evidence_ladder() -> list[str]:
    """The evidence levels from low to high, then niet-erkend: the order the schema lists them."""
    return list(raw_schemas()["taxonomy"]["properties"]["evidence"]["required"])


def taxonomy_problems(catalog: Catalog) -> Iterator[Problem]:
    parsed = catalog.taxonomy
    data = parsed.data
    if parsed.errors or not isinstance(data, dict):
        return
    for name, terms in data.items():
        if not isinstance(terms, dict):
            continue
        seen: dict[str, str] = {}
        for slug, term in terms.items():
            label = term.get("label") if isinstance(term, dict) else None
            if not isinstance(label, str) or not label.strip():
                continue
            key = title_key(label)
            if key in seen:
                path = (name, slug, "label")
                yield Problem(
                    TAXONOMY_FILE, parsed.line_of(path), field_name(path),
                    f"'{label}' is ook de naam van '{seen[key]}' (hoofdletters, accenten en leestekens tellen niet); "
                    "lezers zien dan twee keer hetzelfde: kies een andere naam of voeg de termen samen",
                )
            else:
                seen[key] = slug
    yield from _ladder(parsed, data.get("evidence"))


def _ladder(parsed, evidence: Any) -> Iterator[Problem]:
    if not isinstance(evidence, dict):
        return
    ladder = evidence_ladder()
    written = [slug for slug in evidence if slug in ladder]
    expected = [slug for slug in ladder if slug in evidence]
    if written != expected:
        slug = next(w for w, e in zip(written, expected) if w != e)
        path = ("evidence", slug)
        yield Problem(
            TAXONOMY_FILE, parsed.line_of(path), field_name(path),
            "de erkenningsniveaus staan in een andere volgorde dan de ladder; de site sorteert en rangschikt op deze volgorde. "
            f"Zet ze zo: {', '.join(expected)}",
        )


def unassessed_without_assessment(record: Record, validators) -> Iterator[Problem]:
    """A record rule: `niet-beoordeeld` with an assessment is a contradiction the page would show."""
    data = record.data
    if data.get("evidence") == UNASSESSED and data.get("assessment") is not None:
        path = ("assessment",)
        yield Problem(
            record.path, record.parsed.line_of(path), field_name(path),
            f"evidence is '{UNASSESSED}', maar er staat een beoordeling; kies het erkenningsniveau uit die beoordeling, "
            "of haal assessment weg",
        )


def assessment_date_or_report(record: Record, validators) -> Iterator[Problem]:
    """A record rule: an assessment says when it was given (date), or, when no source says that,
    which dated document reports it (reported_in); never both, never neither."""
    assessment = record.data.get("assessment")
    if not isinstance(assessment, dict) or not isinstance(assessment.get("by"), str):
        return
    has_date, has_report = assessment.get("date") is not None, assessment.get("reported_in") is not None
    if has_date == has_report:
        path = ("assessment", "reported_in") if has_report else ("assessment",)
        message = (
            "noem de datum van het oordeel (date) of het document dat het oordeel meldt (reported_in), niet allebei; "
            "reported_in is alleen voor een oordeel zonder bekende datum"
            if has_date else
            "noem wanneer het oordeel gegeven is (date); noemt geen bron die datum, vul dan reported_in in "
            "met het document dat het oordeel meldt en zijn datum; verzin geen datum"
        )
        yield Problem(record.path, record.parsed.line_of(path), field_name(path), message)


def title_key(title: str) -> str:
    """Compare names without case, accents, punctuation or invisible characters:
    'Kan wél!' and 'kan wel' are one name to a reader."""
    visible = "".join(c for c in unicodedata.normalize("NFKC", title) if unicodedata.category(c) != "Cf")
    return " ".join("".join(c if c.isalnum() else " " for c in fold(visible)).split())
