"""Runs of words that a record shares with a source text: own words only, so none may be long.

    python -m catalog.contributors.overlap RECORD.md SOURCE.txt [SOURCE.txt ...]

prints every run of 8 or more words that the record's own text (not its source titles) shares with one of the sources.
"""

from __future__ import annotations

import sys
from pathlib import Path

from catalog.checks.own_words import RUN, _texts, copied_runs, fingerprint, run_hash, shared_runs, words

__all__ = ["RUN", "copied_runs", "fingerprint", "prose", "run_hash", "shared_runs", "words"]


def prose(text: str) -> list[str]:
    """A record's own words, one piece per field and the body; the sources are left out (titles
    may be copied), and runs never cross from one field into the next."""
    from catalog.records.frontmatter import parse_document

    parsed = parse_document(text)
    fields = {k: v for k, v in parsed.data.items() if k != "sources"} if isinstance(parsed.data, dict) else {}
    return _texts(fields) + [parsed.body]


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
