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


def copy_text(source: dict) -> str | None:
    """For a source on a copy site (records/copies.py): 'Kopie op 5dok.net van: <titel>, <uitgever>',
    a sentence of its own on the record page, in the comparison and in the JSON-LD."""
    from catalog.records.copies import copy_host

    host, original = copy_host(source.get("url")), source.get("original")
    if not host:
        return None
    if not original:  # check refuses this; a preview of a record being written may still show it
        return f"Kopie op {host}; het origineel is niet genoemd"
    who = " ".join(str(original.get("publisher") or original.get("author")).split())
    if " ".join(str(original["title"]).split()) == " ".join(str(source["title"]).split()):
        return f"Kopie op {host} van het origineel van {who}"  # the entry already names the document
    return f"Kopie op {host} van: " + " ".join(f"{original['title']}, {who}".split())


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



# -- what a reader needs to weigh a record: its age, the unknowns, a contact to reach (issue 28) --

UNKNOWN = "Onbekend: de bronnen noemen dit niet"
AGE_YEARS = 5  # sources older than this are flagged, as recognitions are (a re-assessment after 5 years)


def _period_end(value: Any):
    """The last day a partial date can mean: 2014 -> 2014-12-31, 2019-06 -> 2019-06-30."""
    import calendar
    import datetime

    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 12, 31)
    if len(parts) == 2:
        return datetime.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return datetime.date(*parts)


def newest_source(data: dict) -> str | None:
    """The newest date among a record's sources (as written: 2014, 2019-06 or 2019-06-01), or None."""
    dates = [s["date"] for s in data["sources"] if s.get("date")]
    return str(max(dates, key=_period_end)) if dates else None


def years_later(day, years: int = AGE_YEARS) -> str:
    """`day` plus whole years, as ISO text (29 February becomes 1 March)."""
    try:
        return day.replace(year=day.year + years).isoformat()
    except ValueError:
        return day.replace(year=day.year + years, month=3, day=1).isoformat()


def sources_old_from(data: dict) -> str | None:
    """The first day on which even the newest source is more than AGE_YEARS old (the reader's
    browser compares it with today, so a built page stays the same every day)."""
    newest = newest_source(data)
    return years_later(_period_end(newest)) if newest else None


def phone_href(phone: str) -> str:
    """A Dutch phone number as a tel: link: '030 231 75 11' -> 'tel:+31302317511'."""
    digits = "".join(c for c in str(phone) if c.isdigit() or c == "+")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+31" + digits[1:]
    return "tel:" + digits


def section_text(body: str, heading: str, limit: int = 600) -> str | None:
    """The text under a top-level heading of a body (such as Doel) as plain text, list items
    ended with ';', cut after the last whole sentence within `limit` characters (then '...')."""
    for _level, title, cleaned in body_sections(body):
        if title == heading:
            marked = re.sub(r"([^.;:!?\s])(\s*</li>)", r"\1;\2", cleaned)  # list items as one sentence
            text = " ".join(html.unescape(TEXT_OF_HTML.sub(" ", marked)).split()).replace(" ;", ";")
            if len(text) > limit:
                cut = text[:limit]
                end = max(cut.rfind(". "), cut.rfind("; "))
                text = (cut[: end + 1] if end > 0 else cut.rstrip()) + " ..."
            return text or None
    return None


def recognition(label: str, assessment: dict | None) -> dict[str, Any]:
    """One recognition as every output shows it: the level, who judged and when, and the mark
    the reader's browser adds from `flag_from` on ('verlopen' after valid_until, otherwise
    'meer dan 5 jaar oud' once a re-assessment is due)."""
    if not assessment:
        return {"level": label, "detail": "", "flag_from": None, "flag": None}
    from catalog.records.dates import as_date

    report = assessment.get("reported_in") or {}
    given = as_date(assessment.get("date") or report["date"])  # reported: given no later
    when = assessment_when(assessment)
    detail = f"beoordeeld door {' '.join(str(assessment['by']).split())} ({when})"
    if assessment.get("valid_until"):
        until = str(assessment["valid_until"])
        return {"level": label, "detail": f"{detail}; geldig tot {dutch_date(until)}", "flag_from": until, "flag": "verlopen"}
    return {"level": label, "detail": detail, "flag_from": years_later(given), "flag": f"meer dan {AGE_YEARS} jaar oud"}
