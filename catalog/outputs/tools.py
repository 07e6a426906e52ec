"""The data of the reader's tools (issue 18): what the comparison (/vergelijk/) shows of every
intervention, and the titles that the matrix and the choice helper read too. Their pages are
outputs/pages/tool_pages.py; their scripts (catalog/assets/vergelijk.js, matrix.js, afwegen.js)
read this classic data script, so they work from file:// too. The comparison's data is its own
file, loaded only by the pages that need it.
"""

from __future__ import annotations

from typing import Any

from catalog.graph.link import Graph, title_key
from catalog.outputs.page import MAX_COMPARE, Page, labels, script
from catalog.outputs.text import assessment_when, dutch_date, source_text
from catalog.records.load import Catalog, Record

COMPARE_DATA = "assets/vergelijk-data.js"


def _one_line(value: Any) -> str | None:
    """Contributor text on one line, as the pages show it (the script sets it as text)."""
    if value is None or value == "":
        return None
    return " ".join(str(value).split())


def compare_item(catalog: Catalog, record: Record) -> dict[str, Any]:
    """One intervention's rows of the comparison, labels resolved (page.labels)."""
    d, lab = record.data, labels(catalog, record)
    assessment, developer = d["assessment"] or {}, d["developer"] or {}
    contact = [_one_line(developer.get(key)) for key in ("contact", "email", "phone", "website")]
    return {
        "slug": record.slug,
        "title": _one_line(d["title"]),
        "kind": lab["kind"],
        "target_groups": lab["target_groups"],
        "themes": lab["themes"],
        "evidence": lab["evidence"],
        "assessed_by": _one_line(assessment.get("by")),
        "assessed_on": assessment_when(assessment) if assessment else None,
        "valid_until": dutch_date(assessment["valid_until"]) if assessment.get("valid_until") else None,
        "duration": _one_line(d["duration"]),
        "since": str(d["since"]) if d["since"] else None,
        "costs": _one_line(d["costs"]),
        "training": _one_line(d["training"]),
        "preconditions": _one_line(d["preconditions"]),
        "developer": _one_line(developer.get("organisation")),
        "contact": [c for c in contact if c],
        "implementers": [_one_line(v) for v in d["implementers"]],
        "variants": [_one_line(v) for v in d["variants"]],
        "sources": [source_text(s) for s in d["sources"]],
        "elements": list(d["elements"]),
    }


def compare_data(catalog: Catalog, graph: Graph) -> dict[str, Any]:
    """What the comparison (and, for titles, the matrix and the helper) reads: every
    intervention in title order, the elements in title order, old addresses, the catalogue date."""
    by_title = sorted(catalog.interventions.values(), key=title_key)
    aliases = {alias: r.slug for r in by_title for alias in r.data["aliases"]}
    return {
        "items": [compare_item(catalog, r) for r in by_title],
        "elements": [{"slug": r.slug, "title": _one_line(r.data["title"])} for r in sorted(catalog.elements.values(), key=title_key)],
        "aliases": aliases,
        "catalogueDate": dutch_date(graph.newest.isoformat()),
        "max": MAX_COMPARE,
    }


def compare_files(catalog: Catalog, graph: Graph) -> list[Page]:
    """The comparison's data file, a classic script (build.generate adds it beside the pages)."""
    return [Page(COMPARE_DATA, script("CATALOG_COMPARE", compare_data(catalog, graph)))]


