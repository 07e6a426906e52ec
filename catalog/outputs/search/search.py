"""Catalogue search: a prebuilt lunr index with Dutch word forms, and the data the page filters on.

Both files are classic scripts (`window.CATALOG = ...`) so they load from file:// too. Words
become search keys as catalog/records/words.py describes (fold, stop words, Snowball's Dutch stem made
uniform across singular and plural); the page does the same in catalogus-words.js, and tests
compare the two on word lists. The index also lists the parts of compound words (field
`parts`), and carries the catalogue's words for typo suggestions; the synonyms of
synoniemen.yml travel in the data file.
"""

from __future__ import annotations

import html
from typing import Any

from lunr.builder import Builder
from lunr.pipeline import Pipeline

from catalog.graph.link import in_title_order
from catalog.outputs.page import CARDS_PER_FILE, Page, labels, script
from catalog.outputs.search.compact_index import compact_index
from catalog.outputs.search.dutch import dutch_file
from catalog.outputs.search.facts import fact_files, ranking_facts
from catalog.outputs.search.shards import INDEX_FILE, shard_files
from catalog.outputs.text import TEXT_OF_HTML, body_sections
from catalog.records.facets import FACETS
from catalog.records.load import Catalog
from catalog.records.synonyms import synonym_groups
from catalog.records.words import LUNR_DIR, LUNR_NL, compound_parts, fold, key, known_words, stem, stop_words, vocabulary

__all__ = ["fold", "stem", "key", "stop_words", "documents", "build_index", "catalog_data", "search_files", "search_facts"]

LUNR_FILES = {
    "lunr.js": LUNR_DIR / "templates" / "search" / "lunr.js",
    "lunr.stemmer.support.js": LUNR_DIR / "lunr-language" / "lunr.stemmer.support.js",
    "lunr.nl.js": LUNR_NL,
}
# Few fields and short refs keep the serialised index small: every term lists, per field, the
# refs of the documents it occurs in. A ref is the document's position in CATALOG.items.
# `parts`: the parts of the compound words in the other fields ("plek" of "ontmoetingsplek").
FIELDS = [("title", 10), ("about", 3), ("body", 1), ("parts", 1)]
TEXT_FIELDS = ("title", "about", "body")


def _word_form_nl(token, i=None, tokens=None):
    return token.update(lambda text, metadata=None: key(text))


def _stop_word_filter_nl(token, i=None, tokens=None):
    return None if str(token) in stop_words() else token


# The labels the page registers too (catalogus-words.js), so lunr.js can load the serialised
# pipeline: loading fails on a label the page does not know, so the two sides cannot drift apart
# unnoticed. The stop-word label is lunr.nl.js's own.
Pipeline.register_function(_word_form_nl, "woordvorm-nl")
Pipeline.register_function(_stop_word_filter_nl, "stopWordFilter-nl")


def documents(catalog: Catalog) -> list[dict[str, str]]:
    """What is searchable per intervention: title, summary, body, element and taxonomy labels.

    Documents are in title order, like CATALOG.items, so a ref is an index into that list.
    """
    docs = []
    for position, record in enumerate(in_title_order(catalog)):
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
    add_compound_parts(docs)
    return docs


def add_compound_parts(docs: list[dict[str, str]]) -> None:
    """Each document's `parts`: the parts of its compound words, each once."""
    known = known_words(doc[field] for doc in docs for field in TEXT_FIELDS)
    parts_of: dict[str, list[str]] = {}
    for doc in docs:
        parts: set[str] = set()
        for word in {w for field in TEXT_FIELDS for w in doc[field].split()}:
            found = parts_of.get(word)
            if found is None:
                found = parts_of[word] = compound_parts(word, known) if word.isalpha() else []
            parts.update(found)
        doc["parts"] = " ".join(sorted(parts))


def build_index(docs: list[dict[str, str]]) -> dict[str, Any]:
    """A serialised lunr index, as lunr.js's `lunr.Index.load` reads it."""
    builder = Builder()
    builder.pipeline.add(_stop_word_filter_nl, _word_form_nl)
    builder.search_pipeline.add(_word_form_nl)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    if not docs:  # lunr.py's build divides by the number of documents
        import lunr

        return {"version": lunr.__TARGET_JS_VERSION__, "fields": [name for name, _ in FIELDS], "fieldVectors": [],
                "invertedIndex": [], "pipeline": builder.search_pipeline.serialize()}
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
            # `words`: what shows that a text is about the term (taxonomy.yml), so a query word
            # that names a theme or target group can rank the records tagged with it first.
            options = [{"value": s, "label": t["label"], **({"words": t["words"]} if t.get("words") else {})}
                       for s, t in taxonomy[facet.vocabulary].items()]
        facets.append({"key": facet.key, "field": facet.field, "legend": facet.legend, "options": options})
    items = []
    for record in in_title_order(catalog):  # in title order: the catalogue's default order
        d = record.data
        items.append({
            "slug": record.slug, "title": d["title"], "elements": d["elements"], "target_groups": d["target_groups"],
            "themes": d["themes"], "evidence": [d["evidence"]], "kind": [d["kind"]],
        })
    return {
        "facets": facets, "evidenceOrder": list(taxonomy["evidence"]), "items": items,
        "cardFiles": -(-len(items) // CARDS_PER_FILE), "cardsPerFile": CARDS_PER_FILE,
        "synonyms": synonym_groups(catalog),
    }


def index_script(docs: list[dict[str, str]], facts: dict[str, Any] | None = None) -> dict[str, str]:
    """The index files (path -> text); a top-level function so a second process can make them.
    The lunr index in its compact form (compact_index.py) cut into shards (shards.py), and the
    catalogue's words, most common first, that a typo is compared with. With `facts`
    (search_facts), also what the page ranks with before catalogus-data.js (facts.py)."""
    index = compact_index(build_index(docs))
    texts = [" ".join(doc[f] for f in TEXT_FIELDS) for doc in docs]
    words = vocabulary(texts)
    if facts is None:
        return shard_files(index, " ".join(words))
    titled = {w for doc in docs for w in doc["title"].split()}
    extra, files = fact_files([doc["title"] for doc in docs], facts)
    return {**shard_files(index, " ".join(words), extra, "".join("1" if w in titled else "0" for w in words)), **files}


def search_facts(catalog: Catalog) -> dict[str, Any]:
    """What index_script needs of the catalogue besides the documents (facts.py)."""
    return ranking_facts(catalog, in_title_order(catalog))


def search_files(catalog: Catalog, data: dict[str, Any], with_index: bool = True) -> list[Page]:
    """The catalogue page's scripts: lunr (from the installed mkdocs package), data and, unless
    the caller builds it elsewhere, the index."""
    files = [Page(f"assets/vendor/{name}", path.read_text("utf-8")) for name, path in LUNR_FILES.items()]
    files.append(Page("assets/catalogus-data.js", script("CATALOG", data)))
    files.append(dutch_file())  # loaded only when the page considers correcting a word
    if with_index:
        files += [Page(path, text) for path, text in index_script(documents(catalog), search_facts(catalog)).items()]
    return files
