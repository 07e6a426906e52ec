"""Text pasted from a word processor: a title in curly quotes, a no-break space, an ellipsis.
Where they would change what the site does (a title's sorting and comparison), `check` names
the character and says what to type instead; in running text they are good typography."""

from __future__ import annotations

import unicodedata
from typing import Iterator

from catalog.records.characters import dutch_name
from catalog.records.load import Record
from catalog.records.problems import Problem

OPENING = "“„‘‚«‹\"'"
CLOSING = "”“’‘»›\"'"


def special_form(char: str) -> str:
    """The message for a character in a title that is a special form of an ordinary one."""
    code = f"U+{ord(char):04X}"
    if unicodedata.category(char) == "Zs":
        return f"de titel bevat een {dutch_name(char)} ({code}) in plaats van een gewone spatie; vervang hem door een gewone spatie"
    if char == "…":
        return f"de titel bevat een weglatingsteken ({code}): drie puntjes in één teken; typ drie gewone punten (...) of laat ze weg"
    plain = unicodedata.normalize("NFKC", char)
    return f"de titel bevat '{char}' ({code}), een bijzondere vorm van '{plain}'; typ het als '{plain}'"


def quoted_title(record: Record, validators) -> Iterator[Problem]:
    """A title in quotes from a word processor (“Repair Café”) keeps them on every page and
    sorts after Z; the quotes in YAML ("Repair Café") are not part of the title."""
    title = record.data.get("title")
    if not isinstance(title, str) or len(title.strip()) < 3:
        return
    text = title.strip()
    if text[0] in OPENING and text[-1] in CLOSING and any(c not in "\"'" for c in (text[0], text[-1])):
        inner = text[1:-1].strip()
        fix = f'"{inner}"' if ": " in inner or inner[:1] in "!&*?|>%@`[{" else inner
        yield Problem(
            record.path, record.parsed.line_of(("title",)), "title",
            f"de titel staat tussen aanhalingstekens uit een tekstverwerker ({text[0]} en {text[-1]}); die horen niet bij de titel. "
            f"Haal ze weg: title: {fix}",
        )
