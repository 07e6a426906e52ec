"""The search index in a compact form for the page.

lunr's serialised index names every (term, field, document) twice: in `invertedIndex` (the
documents that have the term) and in `fieldVectors` (the term's score in that document's field),
with the document as a string key. The page's file holds each once, as small numbers, and
catalogus-search.js (CI.expandIndex) makes lunr's form again before lunr.Index.load: about half
the bytes to download on a phone, and the same search (tests/test_compact_index.py).

Per term (in lunr's sorted order) one flat list of numbers, for each field the term is in:
field number, how many documents, the documents as gaps from the previous one, then their
scores times 1,000 (lunr rounds scores to 3 decimals, so this is exact). A term's place in
`terms` becomes its `_index` in the page; lunr only needs that number to be the same in the
inverted index and the vectors.
"""

from __future__ import annotations

from typing import Any

SCALE = 1000


def compact_index(serialized: dict[str, Any]) -> dict[str, Any]:
    fields = serialized["fields"]
    number = {field: k for k, field in enumerate(fields)}
    # Per term number, per field: (document, score), read once from the vectors (lunr puts every
    # posting of the inverted index in a vector too: tests/test_compact_index.py checks it).
    found: dict[int, list[list[tuple[int, float]]]] = {}
    for field_ref, elements in serialized["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        k, document = number[field], int(ref)
        for term, score in zip(elements[::2], elements[1::2]):
            per_field = found.get(term) or found.setdefault(term, [[] for _ in fields])
            per_field[k].append((document, score))
    terms, postings = [], []
    for term, posting in serialized["invertedIndex"]:
        flat: list[int] = []
        for k, pairs in enumerate(found.get(posting["_index"], ())):
            if not pairs:
                continue
            pairs.sort()
            refs = [ref for ref, _ in pairs]
            gaps = [ref - before for ref, before in zip(refs, [0, *refs])]
            flat += [k, len(pairs), *gaps, *(round(score * SCALE) for _, score in pairs)]
        terms.append(term)
        postings.append(flat)
    return {
        "version": serialized["version"], "fields": fields, "pipeline": serialized["pipeline"],
        "documents": len(serialized["fieldVectors"]) // len(fields), "terms": terms, "postings": postings,
    }
