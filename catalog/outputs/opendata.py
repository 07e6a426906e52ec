"""Open data beside the site: catalogus.json (every record, schema-versioned, with the JSON Schema
it validates against), catalogus.csv (one row per intervention, for Excel) and feed.xml (an Atom
feed of new and changed records). All three are generated from the validated catalogue and are
the same from one build to the next."""

from __future__ import annotations

import csv
import io
import json
import uuid
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from catalog.graph.link import Graph, title_key
from catalog.outputs.page import LICENCE_NAME, LICENCE_TEXT, LICENCE_URL, Page, labels, page_url
from catalog.outputs.text import dutch_date
from catalog.records.dates import as_date, record_dates
from catalog.records.load import Catalog, Record
from catalog.records.schema import _inline, raw_schemas

SCHEMA_VERSION = 1
JSON_FILE, SCHEMA_FILE, CSV_FILE, FEED_FILE = "catalogus.json", "catalogus.schema.json", "catalogus.csv", "feed.xml"
FEED_ENTRIES = 50
LICENCE_TEXT_FEED = f"De teksten vallen onder {LICENCE_NAME}: {LICENCE_URL}"
_FEED_NAMESPACE = uuid.UUID("6f1d3a1e-5b0c-4c53-9a51-2a4f3c6f2b10")  # fixed: entry ids stay the same


def open_data_files(catalog: Catalog, graph: Graph, site: dict) -> list[Page]:
    directory = not site.get("offline")
    records = {kind: sorted(catalog.records[kind].values(), key=title_key) for kind in catalog.records}
    return [
        Page(JSON_FILE, json.dumps(catalog_json(catalog, records, graph, directory), ensure_ascii=False, indent=1, sort_keys=True) + "\n"),
        Page(SCHEMA_FILE, json.dumps(published_schema(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"),
        Page(CSV_FILE, catalog_csv(catalog, records["intervention"], directory)),
        Page(FEED_FILE, feed(records, graph, site, directory)),
    ]


def fields(record: Record) -> dict[str, Any]:
    """The record's own fields: the empty ones that the build fills in for its templates left out."""
    return _pruned(record.data)


def _pruned(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _pruned(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_pruned(v) for v in value]
    return value


def page_path(record: Record, directory: bool) -> str:
    """The record page's address relative to the site (kan-wel/ online, kan-wel.html offline)."""
    folder = "interventies" if record.type == "intervention" else "werkzame-elementen"
    return page_url(f"{folder}/{record.slug}.md", directory)


def catalog_json(catalog: Catalog, records: dict[str, list[Record]], graph: Graph, directory: bool) -> dict[str, Any]:
    def entry(record: Record) -> dict[str, Any]:
        item = {"slug": record.slug, "page": page_path(record, directory), "fields": fields(record), "body": record.body.strip() + "\n"}
        if record.type == "intervention":
            item["labels"] = labels(catalog, record)
        return item

    return {
        "$schema": SCHEMA_FILE,
        "schema_version": SCHEMA_VERSION,
        "catalogue_date": graph.newest.isoformat(),
        "license": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "interventions": [entry(r) for r in records["intervention"]],
        "elements": [entry(r) for r in records["element"]],
        "taxonomy": catalog.taxonomy.data,
    }


def published_schema() -> dict[str, Any]:
    """One self-contained JSON Schema for catalogus.json, made from the record schemas."""
    schemas = raw_schemas()
    record = {
        "type": "object",
        "additionalProperties": False,
        "required": ["slug", "page", "fields", "body"],
        "properties": {
            "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "page": {"type": "string", "description": "Adres van de pagina, ten opzichte van de site."},
            "body": {"type": "string", "description": "De beschrijving in Markdown."},
            "labels": {"type": "object", "description": "Soort, erkenning, doelgroepen, thema's en werkzame elementen zoals de site ze noemt."},
        },
    }
    intervention = {**record, "properties": {**record["properties"], "fields": _inline(schemas["intervention"], "intervention", schemas)}}
    element = {**record, "properties": {**record["properties"], "fields": _inline(schemas["element"], "element", schemas)}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_FILE,
        "title": "Catalogus van buurtinterventies (open data)",
        "type": "object",
        "required": ["schema_version", "catalogue_date", "license", "interventions", "elements", "taxonomy"],
        "properties": {
            "$schema": {"type": "string"},
            "schema_version": {"const": SCHEMA_VERSION},
            "catalogue_date": {"type": "string", "format": "date"},
            "license": {
                "type": "object", "required": ["name", "url"], "description": "De licentie van de teksten.",
                "properties": {"name": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
            },
            "interventions": {"type": "array", "items": intervention},
            "elements": {"type": "array", "items": element},
            "taxonomy": _inline(schemas["taxonomy"], "taxonomy", schemas),
        },
    }


def _reported_in(record: Record) -> dict[str, Any]:
    """The document that reported a recognition whose own date no source gives (or {})."""
    return (record.data["assessment"] or {}).get("reported_in") or {}


CSV_COLUMNS = (
    ("slug", lambda r, lab: r.slug),
    ("titel", lambda r, lab: r.data["title"]),
    ("samenvatting", lambda r, lab: r.data["summary"]),
    ("soort", lambda r, lab: lab["kind"]),
    ("erkenning", lambda r, lab: lab["evidence"]),
    ("beoordeeld_door", lambda r, lab: (r.data["assessment"] or {}).get("by")),
    ("beoordeeld_op", lambda r, lab: (r.data["assessment"] or {}).get("date")),
    ("geldig_tot", lambda r, lab: (r.data["assessment"] or {}).get("valid_until")),
    ("oordeel_url", lambda r, lab: (r.data["assessment"] or {}).get("url")),
    ("oordeel_gemeld_in", lambda r, lab: _reported_in(r).get("title")),
    ("oordeel_gemeld_door", lambda r, lab: _reported_in(r).get("publisher")),
    ("oordeel_gemeld_op", lambda r, lab: _reported_in(r).get("date")),
    ("oordeel_gemeld_url", lambda r, lab: _reported_in(r).get("url")),
    ("doelgroepen", lambda r, lab: lab["target_groups"]),
    ("themas", lambda r, lab: lab["themes"]),
    ("werkzame_elementen", lambda r, lab: lab["elements"]),
    ("duur", lambda r, lab: r.data["duration"]),
    ("sinds", lambda r, lab: r.data["since"]),
    ("ontwikkelaar", lambda r, lab: (r.data["developer"] or {}).get("organisation")),
    ("contact", lambda r, lab: (r.data["developer"] or {}).get("contact")),
    ("email", lambda r, lab: (r.data["developer"] or {}).get("email")),
    ("telefoon", lambda r, lab: (r.data["developer"] or {}).get("phone")),
    ("website", lambda r, lab: (r.data["developer"] or {}).get("website")),
    ("uitvoering", lambda r, lab: r.data["implementers"]),
    ("varianten", lambda r, lab: r.data["variants"]),
    ("kosten", lambda r, lab: r.data["costs"]),
    ("training", lambda r, lab: r.data["training"]),
    ("randvoorwaarden", lambda r, lab: r.data["preconditions"]),
    ("gecontroleerd", lambda r, lab: r.data["checked"]),
    ("bronnen", lambda r, lab: [s["title"] + (f" ({s['url']})" if s.get("url") else "") for s in r.data["sources"]]),
    ("pagina", lambda r, lab: lab["page"]),
)


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV Injection"):
# =HYPERLINK(...) or a DDE payload would run on the reader's machine, and +31 30 ... would be
# read as a sum. A leading apostrophe makes it text; the home page says so.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        text = "; ".join(str(v) for v in value)
    else:
        text = " ".join(str(value).split())
    return "'" + text if text.startswith(FORMULA_START) else text


def catalog_csv(catalog: Catalog, interventions: list[Record], directory: bool) -> str:
    """Semicolons between columns, as Dutch Excel expects, and a BOM so accents stay intact."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for record in interventions:
        lab = {**labels(catalog, record), "page": page_path(record, directory)}
        writer.writerow([csv_value(get(record, lab)) for _, get in CSV_COLUMNS])
    return "\ufeff" + out.getvalue()


def feed(records: dict[str, list[Record]], graph: Graph, site: dict, directory: bool) -> str:
    """The newest records by their own dates (checked, sources, assessment), newest first."""
    base = (site.get("site_url") or "").rstrip("/") + "/" if site.get("site_url") else ""
    dated = []
    for record in records["intervention"] + records["element"]:
        dates = record_dates(record.data)
        if dates:
            dated.append((max(as_date(d) for d in dates), record))
    dated.sort(key=lambda pair: (-pair[0].toordinal(), pair[1].path))
    entries = []
    for day, record in dated[:FEED_ENTRIES]:
        kind = "Interventie" if record.type == "intervention" else "Werkzaam element"
        href = base + page_path(record, directory)
        entries.append(
            "<entry>\n"
            f"<id>urn:uuid:{uuid.uuid5(_FEED_NAMESPACE, record.path)}</id>\n"
            f"<title>{escape(kind + ': ' + record.data['title'])}</title>\n"
            f"<updated>{day.isoformat()}T00:00:00Z</updated>\n"
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(href)}/>\n"
            f"<summary>{escape(' '.join(record.data['summary'].split()))}</summary>\n"
            "</entry>\n"
        )
    self_link = f'<link rel="self" type="application/atom+xml" href={quoteattr(base + FEED_FILE)}/>\n' if base else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">\n'
        f"<id>urn:uuid:{uuid.uuid5(_FEED_NAMESPACE, 'catalogus')}</id>\n"
        f"<title>{escape(site.get('site_name', 'Buurtinterventies'))}: nieuwe en bijgewerkte beschrijvingen</title>\n"
        f"<updated>{graph.newest.isoformat()}T00:00:00Z</updated>\n"
        f'<link rel="alternate" type="text/html" href={quoteattr(base or "./")}/>\n{self_link}'
        "<author><name>Catalogus van buurtinterventies</name></author>\n"
        f"<rights>{escape(LICENCE_TEXT_FEED)}</rights>\n"
        + "".join(entries) + "</feed>\n"
    )


README_FILE = "LEESMIJ.txt"


def offline_readme(graph: Graph, site: dict) -> Page:
    """LEESMIJ.txt at the top of the offline copy: what it is, how to open it, its date, where the
    online version lives and the licence. Windows line ends: it is opened in Notepad most."""
    online = site.get("site_url")
    lines = [
        "Catalogus van buurtinterventies: de offline versie",
        "",
        "Wat is dit?",
        "Een kopie van de catalogus van buurtinterventies en hun werkzame elementen, die werkt zonder",
        "internet. Zoeken, filteren, vergelijken en afdrukken werken ook offline.",
        "",
        "Hoe opent u het?",
        "1. Pak de zip helemaal uit. In Windows: klik met de rechtermuisknop op de zip en kies 'Alles uitpakken'.",
        "2. Open de map catalogus-offline.",
        "3. Dubbelklik op index.html. De catalogus opent in uw browser.",
        "",
        f"Stand van de catalogus: {dutch_date(graph.newest.isoformat())} (de nieuwste datum in de beschrijvingen).",
        "",
        "De actuele versie staat online op: " + online if online else
        "Deze kopie noemt geen online adres. Vraag wie u de zip gaf waar de actuele versie staat.",
        "",
        "Licentie: " + LICENCE_TEXT + " De code van de site valt onder de licentie EUPL-1.2.",
    ]
    return Page(README_FILE, "\r\n".join(lines) + "\r\n")
