"""What every output hands to the site: a Page (a file by its path in the docs folder), where
mkdocs puts a page, data as classic scripts, and a record's labels as the site shows them.
The outputs (pages, tools, open data, search) are siblings: what more than one of them needs
lives here, in text.py or in scriptjson.py, never in one of them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from catalog.outputs.scriptjson import script_string
from catalog.records.load import Catalog, Record

CARDS_PER_FILE = 50  # cards per classic script: the page loads those of the results shown first (issue 29)
MAX_COMPARE = 4  # interventions side by side (the comparison page and its data)

# Decided in issue 28: the texts CC BY 4.0 (LICENSES/CC-BY-4.0.txt), the code EUPL-1.2 (LICENSE).
LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_TEXT = (
    "De teksten van deze catalogus vallen onder de licentie Creative Commons Naamsvermelding 4.0 "
    f"({LICENCE_NAME}, {LICENCE_URL}deed.nl): u mag ze delen en bewerken als u de catalogus als bron noemt."
)
LICENCE_SHORT = f"Teksten: {LICENCE_NAME} ({LICENCE_URL}deed.nl)."  # on paper, where a werkkaart must fit two A4 pages


@dataclass
class Page:
    path: str  # inside the docs folder, e.g. "interventies/kan-wel.md"
    text: str


def page_url(page: str, directory: bool) -> str:
    """Where mkdocs puts a Markdown page: 'a/b.md' -> 'a/b/' (directory URLs) or 'a/b.html'."""
    stem = page[: -len(".md")]
    if stem == "index":
        return "" if directory else "index.html"
    if stem.endswith("/index"):
        return stem[: -len("index")] if directory else stem + ".html"
    return stem + "/" if directory else stem + ".html"


def script(variable: str, value: Any) -> str:
    """A classic script that sets a global: works from file://, unlike fetch() or modules.

    The data is a JSON string handed to JSON.parse: for megabytes of data browsers parse that
    several times faster than the same data as a JavaScript object literal (2.3 s -> 0.4 s for
    the index of 5,000 interventions in Chromium).
    """
    return f"window.{variable}=JSON.parse({_json_literal(value)});\n"


def chunk_script(variable: str, key: int, value: Any) -> str:
    """A classic script that adds one numbered part to a global: `window.X[key] = ...`."""
    return f"(window.{variable}=window.{variable}||{{}})[{key}]=JSON.parse({_json_literal(value)});\n"


def _json_literal(value: Any) -> str:
    """`value` as JSON inside a JavaScript string literal, safe inside a script element."""
    return script_string(json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True))


def labels(catalog: Catalog, record: Record) -> dict[str, Any]:
    """Taxonomy slugs and element slugs as the site shows them."""
    taxonomy, d = catalog.taxonomy.data, record.data
    if record.type == "element":
        return {}
    return {
        "kind": taxonomy["kinds"][d["kind"]]["label"],
        "evidence": taxonomy["evidence"][d["evidence"]]["label"],
        "target_groups": [taxonomy["target_groups"][s]["label"] for s in d["target_groups"]],
        "themes": [taxonomy["themes"][s]["label"] for s in d["themes"]],
        "elements": [catalog.elements[s].data["title"] for s in d["elements"]],
    }

