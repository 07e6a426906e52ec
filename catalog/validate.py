"""Validate phase: every rule over every record, all problems collected, none raised."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterator

from . import schema
from .load import TAXONOMY_FILE, Catalog, Record
from .problems import Problem, field_name
from .markdown import parse_body
from .safety import body_problems, field_problems
from .slug import fold, slugify

CONTAINERS = {"list": "een lijst", "item": "een lijst", "block_quote": "een citaat (>)", "table": "een tabel"}


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
    """Contributors' text is untrusted: fields are plain text, and a body may hold only what the
    site shows as it is meant (judged on the renderer's syntax tree, not on the source text)."""
    parsed = record.parsed
    for path, text in _strings(parsed.data, ()):
        for offset, message in field_problems(text):
            yield Problem(record.path, parsed.line_of(path) + offset, field_name(path), message)
    for line, message in body_problems(parse_body(parsed.body)):
        yield Problem(record.path, parsed.body_line + line - 1, "body", message)


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
    """Body headings start at ## (the title is the page's #), stand on their own (the page is
    divided at them) and skip no level: screen readers navigate by them."""
    previous = 1
    for heading in parse_body(record.body).headings:
        line = record.parsed.body_line + heading.line - 1
        if heading.level == 1:
            yield Problem(record.path, line, "body", "een kopje met één # (of met === eronder) kan niet: dat is de titel van de pagina; gebruik ##")
        elif heading.nested_in:
            where = CONTAINERS.get(heading.nested_in, "een ander blok")
            yield Problem(record.path, line, "body", f"een kopje in {where} kan niet: de pagina wordt bij kopjes in delen verdeeld; zet het kopje los aan het begin van een regel")
            continue
        elif heading.level > previous + 1:
            yield Problem(record.path, line, "body", f"dit kopje slaat een niveau over ({'#' * previous} naar {'#' * heading.level}); gebruik {'#' * (previous + 1)}")
        previous = max(heading.level, 2)


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
