"""Catalogue search: a prebuilt lunr index with Dutch stemming, and the data the page filters on.

Both files are classic scripts (`window.CATALOG = ...`) so they load from file:// too. The
index side stems with PyStemmer's `dutch_porter`, the same Snowball algorithm as lunr.nl.js
on the query side (tests compare the two on a word list), and both fold accents first, so
"wel" finds "wél".
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import Stemmer
from lunr.builder import Builder
from lunr.pipeline import Pipeline

from .facets import FACETS
from .load import Catalog
from .opendata import labels
from .link import title_key
from .render import CARDS_PER_FILE, TEXT_OF_HTML, Page, body_sections
from .slug import strip_accents

LUNR_DIR = Path(__import__("mkdocs").__file__).parent / "contrib" / "search"
LUNR_FILES = {
    "lunr.js": LUNR_DIR / "templates" / "search" / "lunr.js",
    "lunr.stemmer.support.js": LUNR_DIR / "lunr-language" / "lunr.stemmer.support.js",
    "lunr.nl.js": LUNR_DIR / "lunr-language" / "lunr.nl.js",
}
# Few fields and short refs keep the serialised index small: every term lists, per field, the
# refs of the documents it occurs in. A ref is the document's position in CATALOG.items.
FIELDS = [("title", 10), ("about", 3), ("body", 1)]
_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Lower case without accents or punctuation: 'Kan wél!' -> 'kan wel'. The page does the same."""
    return _NON_WORD.sub(" ", strip_accents(text.lower()).replace("_", " ")).strip()


@cache
def stop_words() -> frozenset[str]:
    """The Dutch stop words of lunr.nl.js itself, so index and query drop the same words."""
    source = LUNR_FILES["lunr.nl.js"].read_text("utf-8")
    match = re.search(r"generateStopWordFilter\(\s*'([^']*)'", source)
    if not match:
        raise RuntimeError("geen stopwoordenlijst gevonden in lunr.nl.js")
    return frozenset(match.group(1).split())


_stemmer = Stemmer.Stemmer("dutch_porter")
_stems: dict[str, str] = {}


def stem(word: str) -> str:
    cached = _stems.get(word)
    if cached is None:
        cached = _stems[word] = _stemmer.stemWord(word)
    return cached


def _stemmer_nl(token, i=None, tokens=None):
    return token.update(lambda text, metadata=None: stem(text))


def _stop_word_filter_nl(token, i=None, tokens=None):
    return None if str(token) in stop_words() else token


# The labels lunr.nl.js registers, so lunr.js can load the serialised pipeline.
Pipeline.register_function(_stemmer_nl, "stemmer-nl")
Pipeline.register_function(_stop_word_filter_nl, "stopWordFilter-nl")


def documents(catalog: Catalog) -> list[dict[str, str]]:
    """What is searchable per intervention: title, summary, body, element and taxonomy labels.

    Documents are in slug order, like CATALOG.items, so a ref is an index into that list.
    """
    docs = []
    for position, (slug, record) in enumerate(sorted(catalog.interventions.items())):
        d, lab = record.data, labels(catalog, record)
        # The page's own sections (cleaned once per body): each heading, then its text.
        text = " ".join(f"{html.escape(title)} {chunk}" for _, title, chunk in body_sections(record.body))
        body = html.unescape(TEXT_OF_HTML.sub(" ", text))
        docs.append({
            "ref": str(position),
            "title": fold(d["title"]),
            "about": fold(" ".join([d["summary"], *lab["elements"], lab["kind"], lab["evidence"], *lab["target_groups"], *lab["themes"]])),
            "body": fold(body),
        })
    return docs


def build_index(docs: list[dict[str, str]]) -> dict[str, Any]:
    """A serialised lunr index, as lunr.js's `lunr.Index.load` reads it."""
    builder = Builder()
    builder.pipeline.add(_stop_word_filter_nl, _stemmer_nl)
    builder.search_pipeline.add(_stemmer_nl)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for doc in docs:
        builder.add(doc)
    return builder.build().serialize()


def catalog_data(catalog: Catalog) -> dict[str, Any]:
    """Facets and, per intervention, what the filters need. Cards themselves are in the page."""
    taxonomy = catalog.taxonomy.data
    elements = sorted(catalog.elements.values(), key=lambda r: r.data["title"].casefold())
    facets = []
    for facet in FACETS:
        if facet.vocabulary is None:
            options = [{"value": r.slug, "label": r.data["title"]} for r in elements]
        else:
            options = [{"value": s, "label": t["label"]} for s, t in taxonomy[facet.vocabulary].items()]
        facets.append({"key": facet.key, "field": facet.field, "legend": facet.legend, "options": options})
    items = []
    for slug, record in sorted(catalog.interventions.items()):
        d = record.data
        items.append({
            "slug": slug, "title": d["title"], "elements": d["elements"], "target_groups": d["target_groups"],
            "themes": d["themes"], "evidence": [d["evidence"]], "kind": [d["kind"]],
        })
    records = [catalog.interventions[item["slug"]] for item in items]
    title_order = sorted(range(len(items)), key=lambda i: title_key(records[i]))
    return {
        "facets": facets, "evidenceOrder": list(taxonomy["evidence"]), "items": items,
        "titleOrder": title_order, "cardFiles": -(-len(items) // CARDS_PER_FILE), "cardsPerFile": CARDS_PER_FILE,
    }


def script(variable: str, value: Any) -> str:
    """A classic script that sets a global: works from file://, unlike fetch() or modules.

    The data is a JSON string handed to JSON.parse: for megabytes of data browsers parse that
    several times faster than the same data as a JavaScript object literal (2.3 s -> 0.4 s for
    the index of 5,000 interventions in Chromium).
    """
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    literal = json.dumps(payload, ensure_ascii=False).replace("</", "<\\/")  # never end the script element early
    return f"window.{variable}=JSON.parse({literal});\n"


def chunk_script(variable: str, key: int, value: Any) -> str:
    """A classic script that adds one numbered part to a global: `window.X[key] = ...`."""
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    literal = json.dumps(payload, ensure_ascii=False).replace("</", "<\\/")
    return f"(window.{variable}=window.{variable}||{{}})[{key}]=JSON.parse({literal});\n"


INDEX_FILE = "assets/catalogus-index.js"  # loaded by the page itself, after the first results


def index_script(docs: list[dict[str, str]]) -> str:
    """The index file's text; a top-level function so a second process can make it."""
    return script("CATALOG_INDEX", build_index(docs))


def search_files(catalog: Catalog, data: dict[str, Any], with_index: bool = True) -> list[Page]:
    """The catalogue page's scripts: lunr (from the installed mkdocs package), data and, unless
    the caller builds it elsewhere, the index."""
    files = [Page(f"assets/vendor/{name}", path.read_text("utf-8")) for name, path in LUNR_FILES.items()]
    files.append(Page("assets/catalogus-data.js", script("CATALOG", data)))
    if with_index:
        files.append(Page(INDEX_FILE, index_script(documents(catalog))))
    return files
