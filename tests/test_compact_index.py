"""The index file holds lunr's index in a compact form (catalog/outputs/search/compact_index.py); the page
makes lunr's own form again (CI.expandIndex). Both must give the same index and the same search."""

from __future__ import annotations

import pytest

from catalog.outputs.search.compact_index import compact_index
from catalog.records.load import load_catalog
from catalog.records.schema import apply_defaults
from catalog.outputs.search.search import LUNR_FILES, build_index, documents
from conftest import FIXTURES, REPO

ASSETS = REPO / "catalog" / "assets" / "catalogus"  # the catalogue page's scripts


def serialized_index(root):
    catalog = load_catalog(root)
    apply_defaults(catalog)
    return build_index(documents(catalog))


@pytest.fixture(scope="module")
def original():
    return serialized_index(FIXTURES / "search")


@pytest.fixture
def search_page(page):
    page.set_content("<html><body></body></html>")
    for path in LUNR_FILES.values():
        page.add_script_tag(content=path.read_text("utf-8"))
    for name in ("catalogus-words.js", "catalogus-shards.js", "catalogus-search.js"):
        page.add_script_tag(path=str(ASSETS / name))
    return page


def by_term(serialized):
    """What an index says, independent of the numbers it gives its terms: per term and field the
    documents with their scores, and the fields every document has a vector for."""
    names = {posting["_index"]: term for term, posting in serialized["invertedIndex"]}
    scores = {}
    for ref, elements in serialized["fieldVectors"]:
        for number, score in zip(elements[::2], elements[1::2]):
            scores[names[number], ref] = score
    postings = {
        term: {field: {ref: scores[term, f"{field}/{ref}"] for ref in posting[field]} for field in serialized["fields"]}
        for term, posting in serialized["invertedIndex"]
    }
    return postings, sorted(ref for ref, _ in serialized["fieldVectors"]), [t for t, _ in serialized["invertedIndex"]]


def test_the_page_makes_the_same_index_again(search_page, original):
    compact = compact_index(original)
    expanded = search_page.evaluate("compact => CI.expandIndex(compact)", compact)
    assert by_term(expanded) == by_term(original)
    assert {k: expanded[k] for k in ("version", "fields", "pipeline")} == {k: original[k] for k in ("version", "fields", "pipeline")}


def test_lunr_finds_the_same_with_both_forms(search_page, original):
    words = [term for term, _ in original["invertedIndex"]]
    assert len(words) > 200
    found = search_page.evaluate("""([original, compact, words]) => {
        CI.registerWordForms();
        const a = lunr.Index.load(original), b = lunr.Index.load(CI.expandIndex(compact));
        const run = (index, word) => index.query(q => {
            q.term(word, { usePipeline: false, boost: 10 });
            q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        }).map(hit => [hit.ref, hit.score]);
        return words.map(word => [run(a, word), run(b, word)]);
    }""", [original, compact_index(original), words])
    assert all(hits for hits, _ in found)
    assert [a for a, _ in found] == [b for _, b in found]


def test_the_compact_form_is_about_half_the_size(original):
    import gzip
    import json

    def size(value):
        return len(gzip.compress(json.dumps(value, separators=(",", ":")).encode(), 9))

    assert size(compact_index(original)) < 0.6 * size(original)
