"""Own words: a record's text shares no run of 8 words with the seed documents the catalogue
started from. The documents themselves are not in the repository; seed_fingerprint.json beside
this module holds a short hash of every run of 8 words of each, enough to find a copy."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Iterator

from catalog.records.load import Record
from catalog.records.problems import Problem

FINGERPRINT_FILE = Path(__file__).with_name("seed_fingerprint.json")
# The seed documents by file name, as records cite them (catalog/checks/policy.SEED_DOCUMENTS).
SEED_TITLES = {
    "000_4c8e51b18ee5fc93.txt": "Kan wél!",
    "001_2f1472a6082d62d4.txt": "Werkzame elementen bij buurtontwikkeling",
    "002_4adb803acd157610.txt": "Oplossingen komen van buurtbewoners zelf, niet van het zoveelste project",
    "003_493677b301b19222.txt": "De aanpak Vitale Wijken in Amersfoort werkt!",
    "004_a4a6b8b56e3038c5.txt": "Afwegen wat werkt in de wijk",
}
RUN = 8  # words in a row that count as copied
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-case words without accents or punctuation, so small edits do not hide a copy."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return _WORD.findall("".join(c for c in folded if not unicodedata.combining(c)))


def shared_runs(text: str, source: str, length: int = RUN) -> list[str]:
    """Each maximal run of at least `length` words of `text` that also occurs in `source`."""
    return copied_runs(text, fingerprint(source, length), length)


def run_hash(run: list[str]) -> str:
    """A run of words as the fingerprint holds it: the first 16 hex digits of its sha256."""
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


def fingerprint(source: str, length: int = RUN) -> set[str]:
    """The hash of every run of `length` words of `source`: enough to find a copy, without the
    source's text (seed_fingerprint.json beside this module holds the seed documents')."""
    return {run_hash(g) for g in _grams(words(source), length)}


def copied_runs(text: str, hashes: set[str], length: int = RUN) -> list[str]:
    """Each maximal run of at least `length` words of `text` whose runs of `length` words are all
    in the fingerprint `hashes`."""
    own = words(text)
    return [" ".join(own[start:end]) for start, end in _run_spans(own, hashes, length)]


def _grams(tokens: list[str], length: int):
    return (tokens[i : i + length] for i in range(len(tokens) - length + 1))




@cache
def seed_fingerprints() -> dict[str, frozenset[str]]:
    documents = json.loads(FINGERPRINT_FILE.read_text("utf-8"))["documents"]
    return {name: frozenset(hashes) for name, hashes in documents.items()}


def own_words(record: Record, validators) -> Iterator[Problem]:
    """Each run of 8 or more words that a field or the body shares with a seed document, at the
    line where the run starts (source titles may be copied, so `sources` is left out)."""
    if not record.readable:
        return
    for key, value in record.data.items():
        if key == "sources":
            continue
        line = record.parsed.line_of((key,))
        for text in _texts(value):
            yield from _problems(record, [(w, line) for w in words(text)], key)
    body = [(w, record.parsed.body_line + i) for i, text in enumerate(record.body.split("\n")) for w in words(text)]
    yield from _problems(record, body, "body")


def _problems(record: Record, tokens: list[tuple[str, int]], field: str) -> Iterator[Problem]:
    own = [w for w, _ in tokens]
    for name, hashes in seed_fingerprints().items():
        for start, end in _run_spans(own, hashes):
            run = " ".join(own[start:end])
            yield Problem(
                record.path, tokens[start][1], field,
                f"deze {end - start} woorden staan ook zo in het brondocument '{SEED_TITLES.get(name, name)}': '{run}'; "
                "schrijf het in uw eigen woorden (namen, titels en cijfers mag u overnemen)",
            )


def _run_spans(own: list[str], hashes: set[str] | frozenset[str], length: int = RUN) -> Iterator[tuple[int, int]]:
    start = None
    for i in range(len(own) - length + 1):
        hit = run_hash(own[i : i + length]) in hashes
        if hit and start is None:
            start = i
        if not hit and start is not None:
            yield start, i - 1 + length
            start = None
    if start is not None:
        yield start, len(own)


def _texts(value) -> list[str]:
    if isinstance(value, dict):
        return [t for item in value.values() for t in _texts(item)]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item)]
    return [value] if isinstance(value, str) else []
