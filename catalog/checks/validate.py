"""Validate phase: every rule over every record, all problems collected, none raised."""

from __future__ import annotations

import datetime
import html
import re
from collections import defaultdict
from typing import Any, Iterator

from markdown.extensions.toc import slugify as toc_slugify

from catalog.checks import policy
from catalog.records import schema, schema_errors
from catalog.records.dates import as_date
from catalog.records.load import TAXONOMY_FILE, Catalog, Record
from catalog.records.problems import Problem, field_name
from catalog.checks.markdown import parse_body
from catalog.records.slug import RESERVED_SLUGS
from catalog.records.synonyms import SYNONYMS_FILE, synonym_problems
from catalog.checks.integrity import assessment_date_or_report, taxonomy_problems, title_key, unassessed_without_assessment
from catalog.checks.tagwords import tag_evidence
from catalog.checks.text_rules import no_script, plain_text, vocabulary_text
from catalog.checks.typography import quoted_title
from catalog.checks.own_words import own_words

CONTAINERS = {"list": "een lijst", "item": "een lijst", "block_quote": "een citaat (>)", "table": "een tabel"}


def validate(catalog: Catalog, changed: set[str] | None = None) -> list[Problem]:
    """Load problems plus every rule's findings, sorted by file and line. `changed`: the files
    under review (check PATH...), where a clash between two records is reported."""
    validators = schema.validators(catalog.vocabulary)
    problems = list(catalog.problems)
    problems += _taxonomy(catalog, validators["taxonomy"])
    problems += synonym_problems(catalog.synonyms)
    problems += taxonomy_problems(catalog)
    problems += vocabulary_text(TAXONOMY_FILE, catalog.taxonomy)
    if catalog.synonyms is not None:
        problems += vocabulary_text(SYNONYMS_FILE, catalog.synonyms)
    for record in catalog.all_records():
        for rule in RECORD_RULES:
            problems += rule(record, validators)
    problems += unique_titles(catalog, changed or set())
    problems += unique_addresses(catalog)
    problems += tag_evidence(catalog)
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.field, p.message))


def _taxonomy(catalog: Catalog, validator) -> list[Problem]:
    parsed = catalog.taxonomy
    if parsed.errors or not isinstance(parsed.data, dict):
        return []
    problems = [
        Problem(TAXONOMY_FILE, parsed.line_of(path), field_name(path), message)
        for path, message in schema_errors.errors(validator, parsed.data, parsed.raw)
        if path not in parsed.error_paths
    ]
    for name, terms in parsed.data.items():
        for slug in terms if isinstance(terms, dict) else ():
            if slug in RESERVED_SLUGS:
                path = (name, slug)
                problems.append(Problem(TAXONOMY_FILE, parsed.line_of(path), field_name(path), f"de term '{slug}' is gereserveerd voor de overzichtspagina; kies een andere naam"))
    return problems


def schema_rules(record: Record, validators) -> Iterator[Problem]:
    """Keys, types, required fields, vocabularies, dates, URLs and lengths, from the JSON Schema."""
    if not record.readable:
        return
    parsed = record.parsed
    for path, message in schema_errors.errors(validators[record.type], parsed.data, parsed.raw):
        if not any(path[: len(p)] == p for p in parsed.error_paths):
            yield Problem(record.path, parsed.line_of(path), field_name(path), message)


def not_related_to_itself(record: Record, validators) -> Iterator[Problem]:
    """A record listing itself under `related` is a slip of the pen."""
    related = record.data.get("related")
    if isinstance(related, list) and record.slug in related:
        index = related.index(record.slug)
        path = ("related", index)
        yield Problem(record.path, record.parsed.line_of(path), field_name(path), "een record kan niet aan zichzelf verwant zijn; haal deze weg")


MAX_HEADINGS = 100  # each becomes a section and a table-of-contents entry; mkdocs slows down with many


def heading_outline(record: Record, validators) -> Iterator[Problem]:
    """Body headings start at ## (the title is the page's #), stand on their own (the page is
    divided at them) and skip no level: screen readers navigate by them."""
    headings = parse_body(record.body).headings
    if len(headings) > MAX_HEADINGS:
        line = record.parsed.body_line + headings[MAX_HEADINGS].line - 1
        yield Problem(record.path, line, "body", f"te veel kopjes ({len(headings)}, maximaal {MAX_HEADINGS}); een beschrijving heeft er meestal vijf tot tien")
        return
    previous = 1
    for heading in headings:
        line = record.parsed.body_line + heading.line - 1
        if heading.level == 1:
            yield Problem(record.path, line, "body", "een kopje met één # (of met === eronder) kan niet: dat is de titel van de pagina; gebruik ##")
        elif heading.nested_in:
            where = CONTAINERS.get(heading.nested_in, "een ander blok")
            yield Problem(record.path, line, "body", f"een kopje in {where} kan niet: de pagina wordt bij kopjes in delen verdeeld; zet het kopje los aan het begin van een regel")
            continue
        elif heading.level > previous + 1:
            yield Problem(record.path, line, "body", f"dit kopje slaat een niveau over ({'#' * previous} naar {'#' * heading.level}); gebruik {'#' * (previous + 1)}")
        anchor = heading_anchor(heading.html)
        if anchor.startswith(RESERVED_ANCHORS):
            yield Problem(record.path, line, "body", f"dit kopje krijgt het anker '{anchor}', maar namen die met {' of '.join(RESERVED_ANCHORS)} beginnen gebruikt de site zelf (zoals het zoekveld); kies een ander kopje")
        previous = max(heading.level, 2)


# Ids the page's scripts and Material rely on: ci-q (the header search), __drawer, __toc, ...
RESERVED_ANCHORS = ("ci-", "_")
_TAGS = re.compile(r"<[^>]*>")


def heading_anchor(heading_html: str) -> str:
    """The id the site gives a heading (mkdocs' toc with markdown's slugify)."""
    return toc_slugify(html.unescape(_TAGS.sub("", heading_html)).strip(), "-")


FUTURE_MARGIN = datetime.timedelta(days=31)  # a document about to appear
MAX_VALID_YEARS = 25  # a recognition runs for years (in the Netherlands five), not centuries


def plausible_dates(record: Record, validators) -> Iterator[Problem]:
    """Dates are facts about the past; a typo such as 2201 for 2011 would pass the format."""
    today = datetime.date.today()
    data, parsed = record.data, record.parsed
    dated: list[tuple[tuple, Any]] = []
    if isinstance(data.get("sources"), list):
        dated += [(("sources", i, "date"), s.get("date")) for i, s in enumerate(data["sources"]) if isinstance(s, dict)]
    assessment = data.get("assessment") if isinstance(data.get("assessment"), dict) else {}
    dated += [(("assessment", "date"), assessment.get("date")), (("checked",), data.get("checked"))]
    for path, value in dated:
        day = _as_date(value)
        # A source may be about to appear; a record cannot have been checked tomorrow (its date
        # becomes the catalogue's date on every page and in the feed). One day for time zones.
        margin = datetime.timedelta(days=1) if path == ("checked",) else FUTURE_MARGIN
        if day and day > today + margin:
            yield Problem(record.path, parsed.line_of(path), field_name(path), f"'{value}' ligt in de toekomst; controleer het jaartal (deze datum kan niet later zijn dan vandaag)")
        elif day and day.year < 1900:
            yield Problem(record.path, parsed.line_of(path), field_name(path), f"'{value}' ligt voor 1900; controleer het jaartal")
    until = _as_date(assessment.get("valid_until"))
    if until and not (1900 <= until.year <= today.year + MAX_VALID_YEARS):
        path = ("assessment", "valid_until")
        yield Problem(record.path, parsed.line_of(path), field_name(path), f"'{assessment['valid_until']}' kan niet: een erkenning geldt een aantal jaren; kies een datum tussen 1900 en {today.year + MAX_VALID_YEARS}")
    since = data.get("since")
    if isinstance(since, int) and not isinstance(since, bool) and today.year + 1 < since <= 2100:  # beyond 2100 the schema speaks
        yield Problem(record.path, parsed.line_of(("since",)), "since", f"{since} ligt in de toekomst; schrijf het jaar waarin de interventie voor het eerst werd uitgevoerd")


def _as_date(value: Any) -> datetime.date | None:
    """A valid JJJJ, JJJJ-MM or JJJJ-MM-DD as its first day; None for anything the schema refuses."""
    if value is None or not schema.FORMATS["partial-date"][0](value):
        return None
    return as_date(value)


def reserved_slug(record: Record, validators) -> Iterator[Problem]:
    """Generated overview pages live beside the records: interventies/index.md is the list."""
    if record.slug in RESERVED_SLUGS:
        yield Problem(record.path, 1, "file", f"de naam {record.slug}.md is gereserveerd voor de overzichtspagina van de map; kies een andere titel")


RECORD_RULES = (schema_rules, not_related_to_itself, no_script, heading_outline, plain_text, plausible_dates, reserved_slug, unassessed_without_assessment, assessment_date_or_report, *policy.RULES, quoted_title, own_words)


def unique_titles(catalog: Catalog, changed: set[str]) -> Iterator[Problem]:
    """Titles that differ only in case, accents or the form of characters would look like one
    record to readers. The clash is reported on the files under review (the new ones), else on
    every record but the first."""
    by_title: dict[str, list[Record]] = defaultdict(list)
    for record in catalog.all_records():
        title = record.data.get("title")
        if isinstance(title, str) and title.strip():
            by_title[title_key(title)].append(record)
    for records in by_title.values():
        if len(records) < 2:
            continue
        new = [r for r in records if r.path in changed] or records[1:]
        first = next((r for r in records if r not in new), records[0])
        for record in new:
            if record is first:
                continue
            yield Problem(
                record.path, record.parsed.line_of(("title",)), "title",
                f"deze titel lijkt te veel op '{first.data['title']}' in {first.path} "
                "(alleen hoofdletters, accenten, leestekens of de vorm van tekens verschillen); kies een duidelijk andere titel",
            )


def unique_addresses(catalog: Catalog) -> Iterator[Problem]:
    """An old address (alias) leads to exactly one page: not a current file name, not a name the
    site uses itself, and not the alias of another record."""
    for kind, records in catalog.records.items():
        owner: dict[str, Record] = {}
        for record in sorted(records.values(), key=lambda r: r.path):
            aliases = record.data.get("aliases")
            for index, alias in enumerate(aliases if isinstance(aliases, list) else []):
                if not isinstance(alias, str):
                    continue
                line = record.parsed.line_of(("aliases", index))
                field = field_name(("aliases", index))
                if alias in RESERVED_SLUGS:
                    message = f"'{alias}' is gereserveerd voor de overzichtspagina; dat kan geen oude naam zijn"
                elif alias == record.slug:
                    message = f"'{alias}' is de huidige bestandsnaam van dit record; zet hier alleen oude namen"
                elif alias in records:
                    message = f"'{alias}' is het adres van {records[alias].path}; een oude naam mag geen bestaand record zijn"
                elif alias in owner:
                    message = f"'{alias}' staat ook als oude naam in {owner[alias].path}; een oud adres kan maar naar één pagina doorsturen"
                else:
                    owner[alias] = record
                    continue
                yield Problem(record.path, line, field, message)


