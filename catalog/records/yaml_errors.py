"""A YAML syntax error in Dutch, with its line, column and fix: libyaml's English problem text
never reaches a contributor. The cause is read from the text itself (a tab, a colon in a value,
a quote left open), because libyaml names the place where it gave up, not what was meant."""

from __future__ import annotations

import re

import yaml

WORD_QUOTES = "“”„‟‘’‚‛«»"  # what a word processor makes of " and '
_INDENT = "controleer de inspringing: velden van hetzelfde niveau staan recht onder elkaar, en de items van een lijst ('- ') ook"


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """(line in `text`, counted from 1; Dutch message) for a syntax error in `text`."""
    lines = text.split("\n")
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    filled = [n for n, text_line in enumerate(lines) if text_line.strip()] or [0]
    if line > filled[-1]:  # libyaml gave up at the end of the text: point at its last line
        line, column = filled[-1], 0
    problem, context = exc.problem or "", exc.context or ""
    tab = _first_tab(lines, line)
    if tab:
        return tab[0] + 1, f"kolom {tab[1] + 1}: hier staat een tab; YAML telt alleen spaties, vervang de tab door spaties"
    if "quoted scalar" in context and "end of stream" in problem:
        start = exc.context_mark
        return start.line + 1, f"kolom {start.column + 1}: de aanhalingstekens die hier openen, worden niet gesloten; zet hetzelfde teken ({text_at(lines, start.line, start.column)}) ook aan het eind van de tekst"
    if "flow sequence" in context or "flow mapping" in context:
        start, close = exc.context_mark, "]" if "sequence" in context else "}"
        return start.line + 1, f"kolom {start.column + 1}: de {text_at(lines, start.line, start.column)} die hier opent, wordt niet gesloten; zet een {close} aan het eind, met komma's tussen de waarden"
    if "could not find expected ':'" in problem and exc.context_mark:
        key = exc.context_mark.line
        return key + 1, f"kolom 1: '{_shown(lines[key])}' mist de dubbele punt; schrijf veld: waarde (een dubbele punt en een spatie), of hoort de regel bij de tekst erboven, spring hem dan net zo ver in"
    if "mapping values are not allowed" in problem:
        return _colon(lines, line, column)
    if "did not find expected key" in problem or "expected '-' indicator" in problem or "expected <block end>" in problem:
        opened = _open_quote(lines, line)
        if opened:
            return opened[0] + 1, f"kolom {opened[1] + 1}: de aanhalingstekens die hier openen, worden op deze regel niet gesloten; zet hetzelfde teken ({lines[opened[0]][opened[1]]}) ook aan het eind van de tekst"
        current = lines[line] if line < len(lines) else ""
        closed = re.match(r"\s*(?:- )?[^:#]+:\s+(\"[^\"]*\"|'[^']*')\s*\S", current)
        if closed:
            return line + 1, f"kolom {column + 1}: na de afsluitende aanhalingstekens staat nog tekst; zet de hele tekst tussen de aanhalingstekens"
        return line + 1, f"kolom {column + 1}: deze regel springt niet goed in{_compared(lines, line)}; {_INDENT}"
    if "cannot start any token" in problem:
        char = text_at(lines, line, column)
        if char in "`@":
            return line + 1, f"kolom {column + 1}: een waarde kan niet met {char} beginnen; zet de tekst tussen aanhalingstekens"
        return line + 1, f"kolom {column + 1}: het teken {char} kan hier niet staan; zet de tekst tussen aanhalingstekens"
    return line + 1, f"kolom {column + 1}: de velden kloppen hier niet; schrijf elk veld als veld: waarde, spring in met spaties en zet tekst met ': ' of '#' tussen aanhalingstekens"


def _open_quote(lines: list[str], until: int) -> tuple[int, int] | None:
    """A value that opens a quote its own line does not close, on a line before the error: the
    quote then ran on into the next field (YAML allows quoted text over several lines)."""
    for number in range(until - 1, -1, -1):
        match = re.match(r"\s*(?:- )?[^:#\s][^:#]*:\s+([\"'])", lines[number])
        if match:
            quote, start = match.group(1), match.end(1) - 1
            rest = lines[number][start + 1 :].replace("\\\"", "") if quote == '"' else lines[number][start + 1 :].replace("''", "")
            return (number, start) if quote not in rest else None
    return None


def _first_tab(lines: list[str], until: int) -> tuple[int, int] | None:
    """A tab in the indentation of a line up to the error: YAML forbids it there."""
    for number, text in enumerate(lines[: until + 1]):
        indent = len(text) - len(text.lstrip(" \t-"))
        if "\t" in text[:indent]:
            return number, text.index("\t")
    return None


def _colon(lines: list[str], line: int, column: int) -> tuple[int, str]:
    """libyaml stops at a ': ' it cannot use as a field: a colon in an unquoted value, a line
    without a colon above it, or a line indented deeper than the field it follows."""
    current = lines[line] if line < len(lines) else ""
    first = current.find(": ")
    if 0 <= first < column - 1:  # an earlier ': ' on this line made the field; this one is in its value
        key, value = current[:first], current[first + 2 :].strip()
        fix = _quoted(value.strip(WORD_QUOTES + " "))
        hint = f"{key.strip()}: {fix}"
        curly = next((c for c in value if c in WORD_QUOTES), None)
        word = f" De aanhalingstekens {curly} uit een tekstverwerker tellen in YAML niet; gebruik rechte." if curly else ""
        return line + 1, f"kolom {column + 1}: deze tekst bevat ': ', dat YAML leest als een nieuw veld; zet de hele tekst tussen rechte aanhalingstekens: {hint}.{word}"
    above = next((n for n in range(line - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")), None)
    if above is not None and ":" not in lines[above] and not lines[above].lstrip().startswith("- "):
        return above + 1, f"kolom 1: '{_shown(lines[above])}' mist de dubbele punt; schrijf veld: waarde (een dubbele punt en een spatie)"
    return line + 1, f"kolom {len(current) - len(current.lstrip()) + 1}: deze regel springt verder in dan het veld erboven{_compared(lines, line)}; {_INDENT}"


def _compared(lines: list[str], line: int) -> str:
    """Where this line and the one above start, so the contributor can count."""
    above = next((n for n in range(line - 1, -1, -1) if lines[n].strip()), None)
    if above is None or line >= len(lines):
        return ""
    start = lambda text: len(text) - len(text.lstrip(" ")) + 1  # noqa: E731
    return f" (hij begint op kolom {start(lines[line])}, de regel erboven op kolom {start(lines[above])})"


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'" if '"' in value else f'"{value}"'


def _shown(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 40 else text[:37] + "..."


def text_at(lines: list[str], line: int, column: int) -> str:
    text = lines[line] if line < len(lines) else ""
    return text[column] if column < len(text) else "?"
