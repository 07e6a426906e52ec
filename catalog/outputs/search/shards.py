"""The search index in shards that the page loads per query (issue 29).

One file with the whole index grows with the catalogue, and full-text search waited for it. The
index (terms with the compact postings of compact_index.py) is cut into classic scripts, each a
run of terms in lunr's sorted order, that add themselves to `window.CATALOG_SHARDS` (so they
load from file:// too). The page (catalogus-search.js) loads only the shards of the terms a
query looks at, in parallel, and keeps them. A shard holds the terms of whole two-letter groups
("bu..."), so a prefix of three or more letters is in one shard, unless a group alone is larger
than a shard may be.

The small file INDEX_FILE says what is in which shard (the first term of each) and carries what
lunr needs besides the terms. The catalogue's words for typo correction are in WORDS_FILE, which
the page loads only when a word finds nothing.

Postings a query never scores carry no scores: the page matches a word in more than `common`
records without scores (catalogus-search.js: lookup), so a term in that many records of the
fields it is looked up in only lists its records. A field's records more than half the catalogue
are listed as the records without the term. The search gives the same results and scores as
with the single index (tests/test_search_shards.py).
"""

from __future__ import annotations

import json
from typing import Any

from catalog.outputs.page import chunk_script, script

INDEX_FILE = "assets/catalogus-index.js"
WORDS_FILE = "assets/catalogus-woorden.js"
SHARD_FILE = "assets/zoekdeel-{}.js"
# Of JSON at most per shard, unless one two-letter group is larger: about 12 kB gzipped at 5,000
# and 20,000 interventions; smaller shards compress worse in the offline zip (8% more than the
# single index for the live catalogue; 11% at 24,000).
SHARD_BYTES = 48_000
GROUP = 2  # letters of a term that choose its shard
NEAR = (0, 1)  # title, about: where a prefix is looked up (catalogus-search.js: NEAR_FIELDS)
WRITTEN = (0, 1, 2)  # title, about, body
UNSCORED, ABSENT = 1, 2  # field number + this many times the number of fields: a posting's kind


def common(documents: int) -> float:
    """catalogus-search.js: a word in more records than this is matched without scores."""
    return max(200, documents / 10)


def _fields(flat: list[int]):
    k = 0
    while k < len(flat):
        field, count = flat[k], flat[k + 1]
        yield field, flat[k + 2:k + 2 + count], flat[k + 2 + count:k + 2 + 2 * count]
        k += 2 + 2 * count


def lean_postings(flat: list[int], documents: int, fields: int) -> list[int]:
    """A term's postings with the scores no query uses left out, and dense fields inverted."""
    parts = list(_fields(flat))
    counts = {field: len(gaps) for field, gaps, _ in parts}
    limit = common(documents)

    def count(of) -> int:
        return sum(counts.get(f, 0) for f in of)

    scored = {0: count(NEAR) <= limit, 1: count(NEAR) <= limit, 2: count(WRITTEN) <= limit,
              3: count(range(fields)) <= limit}
    out: list[int] = []
    for field, gaps, scores in parts:
        if scored.get(field, True):
            out += [field, len(gaps), *gaps, *scores]
            continue
        refs, ref = set(), 0
        for gap in gaps:
            ref += gap
            refs.add(ref)
        if 2 * len(refs) > documents:
            others = [d for d in range(documents) if d not in refs]
            out += [field + ABSENT * fields, len(others), *_gaps(others)]
        else:
            out += [field + UNSCORED * fields, len(gaps), *gaps]
    return out


def _gaps(refs: list[int]) -> list[int]:
    return [ref - before for ref, before in zip(refs, [0, *refs])]


def _size(term: str, posting: list[int]) -> int:
    return len(term) + 4 + len(json.dumps(posting, separators=(",", ":")))


def shard_files(compact: dict[str, Any], words: str, extra: dict[str, Any] | None = None, titled: str | None = None) -> dict[str, str]:
    """Path -> text: INDEX_FILE (with `extra` in it), WORDS_FILE and the shards. `titled`: per
    word of `words` "1" when a title has it (a typo's nearest word from a title wins a tie)."""
    n, fields = compact["documents"], len(compact["fields"])
    terms = compact["terms"]
    postings = [lean_postings(p, n, fields) for p in compact["postings"]]
    shards = pack(term_groups(terms), [_size(term, posting) for term, posting in zip(terms, postings)])
    files = {}
    for i, shard in enumerate(shards):
        files[SHARD_FILE.format(i)] = chunk_script("CATALOG_SHARDS", i, {
            "start": shard[0], "terms": [terms[t] for t in shard], "postings": [postings[t] for t in shard]})
    files[INDEX_FILE] = script("CATALOG_INDEX", {
        "version": compact["version"], "fields": compact["fields"], "pipeline": compact["pipeline"],
        "documents": n, "shards": [terms[s[0]] for s in shards], **(extra or {})})
    files[WORDS_FILE] = script("CATALOG_WORDS", words) + (script("CATALOG_TITLED", titled) if titled is not None else "")
    return files


def term_groups(terms: list[str]) -> list[list[int]]:
    """Term numbers per two-letter group, in order."""
    groups: list[list[int]] = []
    for t, term in enumerate(terms):
        if groups and terms[groups[-1][0]][:GROUP] == term[:GROUP]:
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def pack(groups: list[list[int]], sizes: list[int], limit: int = SHARD_BYTES) -> list[list[int]]:
    """Whole groups into shards of at most `limit` bytes; a larger group is cut between its terms."""
    shards: list[list[int]] = []
    size = 0
    for group in groups:
        group_size = sum(sizes[t] for t in group)
        if shards and size + group_size <= limit:
            shards[-1] += group
            size += group_size
            continue
        shards.append([])
        size = 0
        for t in group:
            if shards[-1] and size + sizes[t] > limit:
                shards.append([])
                size = 0
            shards[-1].append(t)
            size += sizes[t]
    return shards
