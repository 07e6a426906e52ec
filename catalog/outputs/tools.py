"""The data of the reader's tools (issue 18): what the comparison (/vergelijk/) shows of every
intervention, and the titles that the matrix and the choice helper read too. Their pages are
outputs/pages/tool_pages.py; their scripts (catalog/assets/vergelijk/, matrix/, afwegen/)
read this classic data script, so they work from file:// too. The comparison's data is its own
file, loaded only by the pages that need it.
"""

from __future__ import annotations

from typing import Any

from catalog.graph.link import Graph, title_key
from catalog.outputs.page import MAX_COMPARE, Page, labels, script
from catalog.outputs.text import (
    copy_text, dutch_date, newest_source, phone_href, recognition, section_text, source_text, sources_old_from,
)
from catalog.records.load import Catalog, Record

COMPARE_DATA = "assets/vergelijk-data.js"


def _one_line(value: Any) -> str | None:
    """Contributor text on one line, as the pages show it (the script sets it as text)."""
    if value is None or value == "":
        return None
    return " ".join(str(value).split())


def compare_item(catalog: Catalog, record: Record) -> dict[str, Any]:
    """One intervention's rows of the comparison, labels resolved (page.labels). The helper reads
    its recognition and age too: one display everywhere (text.recognition, text.newest_source)."""
    d, lab = record.data, labels(catalog, record)
    developer = d["developer"] or {}
    newest = newest_source(d)
    return {
        "slug": record.slug,
        "title": _one_line(d["title"]),
        "summary": _one_line(d["summary"]),
        "aim": section_text(record.body, "Doel"),
        "kind": lab["kind"],
        "target_groups": lab["target_groups"],
        "themes": lab["themes"],
        "evidence": lab["evidence"],
        "recognition": recognition(lab["evidence"], d["assessment"]),
        "newest_source": str(newest)[:4] if newest else None,
        "old_sources_from": sources_old_from(d),
        "duration": _one_line(d["duration"]),
        "since": str(d["since"]) if d["since"] else None,
        "costs": _one_line(d["costs"]),
        "training": _one_line(d["training"]),
        "preconditions": _one_line(d["preconditions"]),
        "developer": _one_line(developer.get("organisation")),
        "contact": contact_links(developer),
        "contact_year": developer.get("year"),
        "implementers": [_one_line(v) for v in d["implementers"]],
        "variants": [_one_line(v) for v in d["variants"]],
        "sources": [_source(s) for s in d["sources"]],
        "elements": list(d["elements"]),
    }


def _source(source: dict) -> dict[str, str | None]:
    """A source as the comparison lists it: its text ('Kopie op ... van: ...' for a copy) and the
    address to follow, the original's where it is still online."""
    copy = copy_text(source)
    text = source_text(source) + (f". {copy}" if copy else "")
    return {"text": text, "url": (source.get("original") or {}).get("url") or source.get("url")}


def contact_links(developer: dict) -> list[dict[str, str | None]]:
    """The contact as the comparison shows it: text, and a mailto:, tel: or web link where there is one."""
    links = []
    if developer.get("contact"):
        links.append({"text": _one_line(developer["contact"]), "href": None})
    if developer.get("email"):
        links.append({"text": _one_line(developer["email"]), "href": "mailto:" + _one_line(developer["email"])})
    if developer.get("phone"):
        links.append({"text": _one_line(developer["phone"]), "href": phone_href(developer["phone"])})
    if developer.get("website"):
        links.append({"text": _one_line(developer["website"]), "href": _one_line(developer["website"])})
    return links


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


