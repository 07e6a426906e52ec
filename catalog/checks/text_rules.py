"""Contributors' text is untrusted: the rules over every text of a record, of taxonomy.yml and of
synoniemen.yml. Fields are plain text (no markup, no hosts that pretend to be others), a body
holds only what the site shows as meant, no text holds control or direction characters, and a
title is one line of ordinary Latin letters."""

from __future__ import annotations

import unicodedata
from typing import Any, Iterator

from catalog.checks.markdown import parse_body
from catalog.checks.safety import body_problems, field_problems, host_problem
from catalog.checks.typography import special_form
from catalog.records.characters import shown
from catalog.records.frontmatter import FORBIDDEN, char_message, describe, yaml_escape
from catalog.records.load import Record
from catalog.records.problems import Problem, field_name


def no_script(record: Record, validators) -> Iterator[Problem]:
    """Contributors' text is untrusted: fields are plain text, and a body may hold only what the
    site shows as it is meant (judged on the renderer's syntax tree, not on the source text)."""
    parsed = record.parsed
    for path, text in _strings(parsed.data, ()):
        for offset, message in field_problems(text):
            yield Problem(record.path, parsed.line_of(path) + offset, field_name(path), message)
        if text.startswith(("http://", "https://")):
            message = host_problem(text, user_name=False)
            if message:
                yield Problem(record.path, parsed.line_of(path), field_name(path), message)
    for line, message in body_problems(parse_body(parsed.body)):
        yield Problem(record.path, parsed.body_line + line - 1, "body", message)


def vocabulary_text(path: str, parsed) -> Iterator[Problem]:
    """taxonomy.yml and synoniemen.yml reach the same pages, scripts and data as record fields:
    the same rules for markup and for characters that are no text."""
    if not isinstance(parsed.data, (dict, list)):
        return
    for where, text in _strings(parsed.data, ()):
        if any(where[: len(p)] == p for p in parsed.error_paths):
            continue
        for offset, message in field_problems(text):
            yield Problem(path, parsed.line_of(where) + offset, field_name(where), message)
        match = FORBIDDEN.search(text)
        if match:
            escape = "\\r" if match.group() == "\r" else yaml_escape(match.group())
            yield Problem(path, parsed.line_of(where), field_name(where), f"{char_message(match.group())} (in YAML geschreven als {escape})")


def _strings(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def plain_text(record: Record, validators) -> Iterator[Problem]:
    """Text is what a reader sees: no control or direction characters (not even written as YAML
    escapes such as "\x1b"), and a title is one line of ordinary Latin letters, so that no two
    titles look alike while they differ."""
    parsed = record.parsed
    for path, text in _strings(parsed.data, ()):
        match = FORBIDDEN.search(text)
        if match:
            escape = "\\r" if match.group() == "\r" else yaml_escape(match.group())
            yield Problem(record.path, parsed.line_of(path), field_name(path), f"{char_message(match.group())} (in YAML geschreven als {escape})")
    title = record.data.get("title")
    if isinstance(title, str) and title.strip():
        for message in title_problems(title):
            yield Problem(record.path, parsed.line_of(("title",)), "title", message)


def title_problems(title: str) -> Iterator[str]:
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in title.strip(" ")):
        yield "de titel moet op één regel staan; haal regeleinden en tabs weg"
    invisible = next((c for c in title if unicodedata.category(c) == "Cf"), None)
    if invisible:
        yield f"de titel bevat een onzichtbaar teken {describe(invisible)}; haal het weg"
    if unicodedata.normalize("NFC", title) != title:
        yield "de titel gebruikt losse accenttekens (Unicode-vorm NFD); typ de letters met een accent opnieuw, zodat é één teken is"
    wide = next((c for c in title if unicodedata.normalize("NFKC", c) != unicodedata.normalize("NFC", c)), None)
    if wide:
        yield special_form(wide)
    mark = next((c for c in unicodedata.normalize("NFC", title) if unicodedata.category(c).startswith("M")), None)
    if mark and unicodedata.normalize("NFC", title) == title:
        yield f"de titel bevat het losse teken {describe(mark)}, dat op een andere letter wordt gezet; typ de titel met gewone letters"
    letters = unicodedata.normalize("NFKC", title)
    foreign = next((c for c in letters if (c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"))
                    or (unicodedata.category(c).startswith("N") and c not in "0123456789")), None)
    if foreign:
        yield (
            f"de titel bevat {shown(foreign)}, een letter of cijfer uit een ander schrift "
            "die op een gewoon teken kan lijken; typ de titel met gewone (Latijnse) letters en de cijfers 0-9"
        )
