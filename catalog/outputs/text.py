"""Contributor text as the outputs show it: escaped on one line, dates in Dutch, a source on one
line, and a record's body as cleaned HTML (cmark-gfm, then nh3)."""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Any

import nh3
from babel.dates import format_date

from catalog.checks.markdown import parse_body

def escape(value: Any) -> str:
    """Contributor text for raw HTML in a generated page, on one line: a blank line in a field
    would end the HTML block and let the rest be read as Markdown."""
    return html.escape(" ".join(str(value).split()), quote=True)


@cache  # a catalogue has few distinct dates, and babel takes 0.1 ms per call
def dutch_date(value: Any) -> str:
    """2011-05-01 -> '1 mei 2011', 2019-06 -> 'juni 2019', 2014 -> '2014'."""
    import datetime

    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return str(parts[0])
    day = datetime.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    return format_date(day, "d MMMM y" if len(parts) == 3 else "MMMM y", locale="nl")


def assessment_when(assessment: dict) -> str:
    """When a recognition was given, or, without a known date, who reported it and when."""
    if assessment.get("date"):
        return dutch_date(assessment["date"])
    report = assessment.get("reported_in") or {}
    teller = " ".join(str(report.get("publisher") or f"'{report.get('title', '')}'").split())
    return f"datum van het oordeel onbekend; gemeld door {teller} op {dutch_date(report['date'])}"


def source_text(source: dict) -> str:
    """A source as plain text on one line: title, publisher (date); the pages and the werkkaart."""
    text = " ".join(str(source["title"]).split())
    if source.get("publisher"):
        text += ", " + " ".join(str(source["publisher"]).split())
    if source.get("date"):
        text += f" ({dutch_date(source['date'])})"
    return text


TEXT_OF_HTML = re.compile(r"<[^>]+>")  # tags of cleaned HTML, removed to get the plain text


def clean_html(source: str) -> str:
    """A whole body as GitHub-flavoured Markdown to HTML, cleaned by nh3 (pages use body_sections).

    cmark-gfm is what GitHub shows in a pull request, so contributors see their text as the site
    will. Raw HTML is passed on (UNSAFE) only so that nh3 decides, in one place, what stays.
    """
    return _clean("".join(block.html for block in parse_body(source).blocks))


@cache  # the intervention pages and the search index both need it, in the same process
def body_sections(body: str) -> list[tuple[int, str, str]]:
    """A body as (level, heading text, cleaned HTML) sections, divided at its top-level headings,
    so headings stay Markdown (and reach the table of contents) while everything else is cleaned
    HTML. Each section is cleaned on its own: nothing in one section can swallow the next."""
    sections: list[tuple[int, str, str]] = []
    level, title, chunk = 0, "", []
    for block in parse_body(body).blocks:
        if block.heading:
            if level or chunk:
                sections.append((level, title, _clean("".join(chunk)).strip()))
            level, title, chunk = block.heading.level, html.unescape(TEXT_OF_HTML.sub("", block.html)).strip(), []
        else:
            chunk.append(block.html)
    if level or chunk:
        sections.append((level, title, _clean("".join(chunk)).strip()))
    return sections


def _clean(rendered: str) -> str:
    return nh3.clean(rendered, link_rel="noopener noreferrer")

