"""Validate phase: every rule over every record, all problems collected, none raised."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterator

from . import schema
from .load import TAXONOMY_FILE, Catalog, Record
from .problems import Problem, field_name
from .safety import unsafe_html
from .slug import fold, slugify

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")  # an ATX heading of a Markdown body
_FENCE = re.compile(r"^(```|~~~)")  # opens or closes a code block, where # is no heading


def validate(catalog: Catalog) -> list[Problem]:
    """Load problems plus every rule's findings, sorted by file and line."""
    validators = schema.validators(catalog.vocabulary)
    problems = list(catalog.problems)
    problems += _taxonomy(catalog, validators["taxonomy"])
    for record in catalog.all_records():
        for rule in RECORD_RULES:
            problems += rule(record, validators)
    problems += unique_titles(catalog)
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.field, p.message))


def _taxonomy(catalog: Catalog, validator) -> list[Problem]:
    parsed = catalog.taxonomy
    if parsed.errors or not isinstance(parsed.data, dict):
        return []
    return [
        Problem(TAXONOMY_FILE, parsed.line_of(path), field_name(path), message)
        for path, message in schema.errors(validator, parsed.data, parsed.raw)
        if path not in parsed.error_paths
    ]


def schema_rules(record: Record, validators) -> Iterator[Problem]:
    """Keys, types, required fields, vocabularies, dates, URLs and lengths, from the JSON Schema."""
    if not record.readable:
        return
    parsed = record.parsed
    for path, message in schema.errors(validators[record.type], parsed.data, parsed.raw):
        if not any(path[: len(p)] == p for p in parsed.error_paths):
            yield Problem(record.path, parsed.line_of(path), field_name(path), message)


def file_name_matches_title(record: Record, validators) -> Iterator[Problem]:
    """The file name is the slug of the title, so URLs follow from titles."""
    title = record.data.get("title")
    if isinstance(title, str) and title.strip() and slugify(title) != record.slug:
        expected = slugify(title)
        if expected:
            message = f"de bestandsnaam past niet bij de titel; hernoem het bestand naar {expected}.md (of pas de titel aan)"
        else:
            message = "de titel moet letters of cijfers bevatten"
        yield Problem(record.path, record.parsed.line_of(("title",)), "title", message)


def not_related_to_itself(record: Record, validators) -> Iterator[Problem]:
    """A record listing itself under `related` is a slip of the pen."""
    related = record.data.get("related")
    if isinstance(related, list) and record.slug in related:
        index = related.index(record.slug)
        path = ("related", index)
        yield Problem(record.path, record.parsed.line_of(path), field_name(path), "een record kan niet aan zichzelf verwant zijn; haal deze weg")


def no_script(record: Record, validators) -> Iterator[Problem]:
    """Contributors' text is untrusted: nothing that could run script, in any field or the body."""
    parsed = record.parsed
    for path, text in _strings(parsed.data, ()):
        for offset, message in unsafe_html(text):
            yield Problem(record.path, parsed.line_of(path) + offset, field_name(path), message)
    for offset, message in unsafe_html(parsed.body):
        yield Problem(record.path, parsed.body_line + offset, "body", message)


def _strings(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def heading_outline(record: Record, validators) -> Iterator[Problem]:
    """Body headings start at ## (the title is the page's #) and skip no level: screen readers navigate by them."""
    previous, fenced = 1, False
    for offset, line in enumerate(record.body.split("\n")):
        if _FENCE.match(line.strip()):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if not match:
            continue
        level = len(match.group(1))
        line_number = record.parsed.body_line + offset
        if level == 1:
            yield Problem(record.path, line_number, "body", "een kopje met één # kan niet: dat is de titel van de pagina; gebruik ##")
        elif level > previous + 1:
            yield Problem(record.path, line_number, "body", f"dit kopje slaat een niveau over ({'#' * previous} naar {'#' * level}); gebruik {'#' * (previous + 1)}")
        previous = max(level, 2)


RECORD_RULES = (schema_rules, file_name_matches_title, not_related_to_itself, no_script, heading_outline)


def unique_titles(catalog: Catalog) -> Iterator[Problem]:
    """Titles that differ only in case or accents would look like one record to readers."""
    by_title: dict[str, list[Record]] = defaultdict(list)
    for record in catalog.all_records():
        title = record.data.get("title")
        if isinstance(title, str) and title.strip():
            by_title[fold(title)].append(record)
    for records in by_title.values():
        for record in records[1:]:
            first = records[0]
            yield Problem(
                record.path, record.parsed.line_of(("title",)), "title",
                f"deze titel lijkt te veel op '{first.data['title']}' in {first.path} "
                "(alleen hoofdletters of accenten verschillen); kies een duidelijk andere titel",
            )
