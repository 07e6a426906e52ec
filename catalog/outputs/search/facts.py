"""What the page ranks with before catalogus-data.js has loaded (issue 29).

Besides the index, the search looks at the titles (a title holding the words typed ranks first;
a query of stop words only matches titles; a typo's nearest word from a title wins a tie) and at
a record's themes and target groups (a word naming one ranks the records tagged with it first).
Those came from catalogus-data.js, which grows with the catalogue. Here they come in files a
query loads only as it needs them (catalogus-facts.js reads them):

- the title words (folded, not stemmed, stop words too) in shards like those of shards.py, per
  word its (record, position) pairs, so "the title holds these words in this order" is exact;
- per group of naming terms (a theme or target group with taxonomy `words`) the records tagged
  with each, as gaps.

What the page needs to name terms (the facets' terms with words, labels, fields) and the synonym
groups travel in the shard list (INDEX_FILE). Records are numbered in title order, like the
index's refs and CATALOG.items.
"""

from __future__ import annotations

import json
from typing import Any

from catalog.outputs.page import CARDS_PER_FILE, chunk_script
from catalog.outputs.search.shards import pack, term_groups
from catalog.records.facets import FACETS
from catalog.records.load import Catalog
from catalog.records.synonyms import synonym_groups

TITLE_FILE = "assets/zoektitel-{}.js"
TAG_FILE = "assets/zoeklabel-{}.js"


def ranking_facts(catalog: Catalog, records: list) -> dict[str, Any]:
    """The naming terms' facets, the synonym groups and per naming term its records' numbers.
    `records`: the interventions in title order (their numbers)."""
    taxonomy = catalog.taxonomy.data
    facets, tags = [], []
    for facet in FACETS:
        if facet.vocabulary is None:
            continue
        options = [{"value": s, "label": t["label"], "words": t["words"]}
                   for s, t in taxonomy[facet.vocabulary].items() if t.get("words")]
        if not options:
            continue
        facets.append({"key": facet.key, "field": facet.field, "options": options})
        for option in options:
            tags.append([n for n, record in enumerate(records) if option["value"] in record.data[facet.field]])
    return {"facets": facets, "synonyms": synonym_groups(catalog), "tags": tags}


def _js_order(word: str) -> bytes:
    """The order of JavaScript's string comparison (UTF-16 code units), which the page searches in."""
    return word.encode("utf-16-be")


def title_postings(titles: list[str]) -> tuple[list[str], list[list[int]]]:
    """Per folded title word, in JavaScript's order: [record gap, position, ...] (gap 0: the same record)."""
    found: dict[str, list[tuple[int, int]]] = {}
    for ref, title in enumerate(titles):
        for position, word in enumerate(title.split()):
            found.setdefault(word, []).append((ref, position))
    words = sorted(found, key=_js_order)
    postings = []
    for word in words:
        flat, before = [], 0
        for ref, position in found[word]:
            flat += [ref - before, position]
            before = ref
        postings.append(flat)
    return words, postings


def fact_files(titles: list[str], facts: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """(what the shard list carries besides the index, path -> text of the title and tag files).
    `titles`: the records' folded titles, in title order."""
    words, postings = title_postings(titles)
    shards = pack(term_groups(words), [len(word) + 4 + len(json.dumps(p)) for word, p in zip(words, postings)])
    files = {}
    for number, shard in enumerate(shards):
        files[TITLE_FILE.format(number)] = chunk_script("CATALOG_TITLES", number, {
            "words": [words[k] for k in shard], "postings": [postings[k] for k in shard]})
    tags = [[ref - before for ref, before in zip(refs, [0, *refs])] for refs in facts["tags"]]
    tag_packs = pack([[t] for t in range(len(tags))], [len(json.dumps(t)) for t in tags])
    for number, terms in enumerate(tag_packs):
        files[TAG_FILE.format(number)] = chunk_script("CATALOG_TAGS", number, {"start": terms[0], "tags": [tags[t] for t in terms]})
    manifest = {"facets": facts["facets"], "synonyms": facts["synonyms"], "titles": [words[s[0]] for s in shards],
                "tagFiles": [terms[0] for terms in tag_packs], "cardsPerFile": CARDS_PER_FILE}
    return manifest, files
