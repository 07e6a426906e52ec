"""Runs of words that a record shares with a source text: own words only, so none may be long.

    python -m catalog.contributors.overlap RECORD.md SOURCE.txt [SOURCE.txt ...]

prints every run of 8 or more words that the record's own text (not its source titles) shares with one of the sources.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from pathlib import Path

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
    source's text (tests/seed_fingerprint.json holds the seed documents' fingerprints)."""
    return {run_hash(g) for g in _grams(words(source), length)}


def copied_runs(text: str, hashes: set[str], length: int = RUN) -> list[str]:
    """Each maximal run of at least `length` words of `text` whose runs of `length` words are all
    in the fingerprint `hashes`."""
    own = words(text)
    runs, start = [], None
    for i in range(len(own) - length + 1):
        hit = run_hash(own[i : i + length]) in hashes
        if hit and start is None:
            start = i
        if not hit and start is not None:
            runs.append(" ".join(own[start : i - 1 + length]))
            start = None
    if start is not None:
        runs.append(" ".join(own[start:]))
    return runs


def prose(text: str) -> list[str]:
    """A record's own words, one piece per field and the body; the sources are left out (titles
    may be copied), and runs never cross from one field into the next."""
    from catalog.records.frontmatter import parse_document

    parsed = parse_document(text)
    fields = {k: v for k, v in parsed.data.items() if k != "sources"} if isinstance(parsed.data, dict) else {}
    return _texts(fields) + [parsed.body]


def _texts(value) -> list[str]:
    if isinstance(value, dict):
        return [t for item in value.values() for t in _texts(item)]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item)]
    return [value] if isinstance(value, str) else []


def _grams(tokens: list[str], length: int):
    return (tokens[i : i + length] for i in range(len(tokens) - length + 1))


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    record = prose(Path(argv[0]).read_text("utf-8"))
    found = 0
    for name in argv[1:]:
        source = Path(name).read_text("utf-8")
        for run in (run for piece in record for run in shared_runs(piece, source)):
            found += 1
            print(f"{argv[0]}: {name}: {run}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
