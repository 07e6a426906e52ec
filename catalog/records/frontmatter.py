"""Split a record file into strict YAML front matter and a Markdown body, keeping line numbers.

strict_yaml.py reads the YAML; this module reads the file around it: the encoding, the
characters no record needs, and the fences of the front matter.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from catalog.records.characters import describe  # noqa: F401 - also imported from here
from catalog.records.problems import field_name
from catalog.records.strict_yaml import Parsed, parse_yaml

_FENCE = re.compile(r"^---[ \t]*$")
_END = re.compile(r"^(---|\.\.\.)[ \t]*$")
# Characters no record needs: C0 controls but tab and newline, DEL, C1 controls, and the bidi
# embeddings, overrides and isolates that make text read differently from how it is stored;
# and what XML forbids, so that the feed stays well-formed: lone surrogates and the Unicode
# non-characters (U+FDD0-U+FDEF and the last two code points of every plane, such as U+FFFE).
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff" + _NONCHARACTERS + "]")
MAX_REPORTED = 10  # per file: a file full of control characters gets ten lines and a count


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """Bytes to text: a UTF-8 BOM and CRLF line endings are fine; other encodings are not."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        return None, (
            f"het bestand is geen geldige UTF-8 (byte 0x{byte:02X} op regel {line}); "
            "sla het op als UTF-8"
        )
    return text.replace("\r\n", "\n"), None




def yaml_escape(char: str) -> str:
    """How YAML writes the character between double quotes: \\u001b, or \\U0001fffe beyond U+FFFF."""
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"


def char_message(char: str) -> str:
    if "\ud800" <= char <= "\udfff":
        return f"het teken U+{ord(char):04X} is een losse helft van een teken (surrogaat) en geen tekst; haal het weg"
    if "\ufdd0" <= char <= "\ufdef" or ord(char) & 0xFFFE == 0xFFFE:
        return f"het teken U+{ord(char):04X} is een niet-teken (Unicode gebruikt het niet voor tekst) en maakt de feed (XML) ongeldig; haal het weg"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return f"het teken U+{ord(char):04X} keert de leesrichting om, zodat de tekst anders leest dan hij is opgeslagen; haal het weg"
    return f"onzichtbaar stuurteken {describe(char)}; haal het weg"


def remove_controls(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text without forbidden characters, and (line, message) for the first few of them.

    A lone CR (old Mac line ends) still ends a line, so lines count as an editor shows them.
    """
    found: list[tuple[int, str]] = []
    if not FORBIDDEN.search(text):
        return text, found
    line, last, line_start, total = 1, 0, 0, 0
    for match in FORBIDDEN.finditer(text):
        total += 1
        if len(found) < MAX_REPORTED:
            breaks = text.count("\n", last, match.start()) + text.count("\r", last, match.start())
            if breaks:
                line += breaks
                line_start = max(text.rfind("\n", last, match.start()), text.rfind("\r", last, match.start())) + 1
            last = match.start()
            char = match.group()
            if char == "\r":
                found.append((line, "losse CR als regeleinde; sla het bestand op met gewone regeleinden (LF of CRLF)"))
            else:
                found.append((line, f"{char_message(char)} (kolom {match.start() - line_start + 1})"))
    if total > len(found):
        found.append((found[-1][0], f"en nog {total - len(found)} van zulke tekens in dit bestand"))
    cleaned = FORBIDDEN.sub(lambda m: "\n" if m.group() == "\r" else "", text)
    return cleaned, found


def parse_document(text: str) -> Parsed:
    """Front matter between `---` lines, then the body."""
    result = Parsed()
    text, controls = remove_controls(text)
    try:
        _parse_document(text, result)
    finally:
        result.errors += [(line, field_at(result, line), message) for line, message in controls]
    return result


def field_at(result: Parsed, line: int) -> str:
    """The field (or body) a file line belongs to: the last key that starts on or before it."""
    if result.body_line > 1 and line >= result.body_line:
        return "body"
    best: tuple = ()
    for path, start in result.lines.items():
        if start <= line and (not best or (start, len(path)) >= (result.lines[best], len(best))):
            best = path
    return field_name(best) if best else "front matter"


def _parse_document(text: str, result: Parsed) -> None:
    if not text.strip():
        result.errors.append((1, "file", "het bestand is leeg; begin met front matter tussen twee regels '---'"))
        return
    lines = text.split("\n")
    if not _FENCE.match(lines[0]):
        result.errors.append(
            (1, "front matter", "geen front matter gevonden; de eerste regel van het bestand moet '---' zijn")
        )
        return
    end = next((i for i in range(1, len(lines)) if _END.match(lines[i])), None)
    if end is None:
        result.errors.append(
            (1, "front matter", "de front matter wordt niet afgesloten; zet een regel '---' na de laatste veldregel")
        )
        return
    parse_yaml("\n".join(lines[1:end]) + "\n", result, offset=1)
    if not result.errors and not isinstance(result.data, dict):
        kind = "leeg" if result.data is None else f"een {_type_noun(result.data)}"
        result.errors.append(
            (1, "front matter", f"de front matter is {kind}; schrijf velden als 'title: Naam', één per regel")
        )
    result.body = "\n".join(lines[end + 1 :])
    result.body_line = end + 2


def _type_noun(value: Any) -> str:
    if isinstance(value, list):
        return "lijst"
    if isinstance(value, str):
        return "tekst"
    return "losse waarde"
