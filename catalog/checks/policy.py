"""The catalogue's own content rules, beyond the schema: a full description has the five fixed
headings, and a reader can follow every source. `check` applies them, so a contributor learns
them in Dutch before CI does."""

from __future__ import annotations

import html
import re
from typing import Iterator

from catalog.checks.markdown import parse_body
from catalog.records.copies import copy_host
from catalog.records.load import Record
from catalog.records.problems import Problem, field_name

HEADINGS = ("Doel", "Doelgroep", "Aanpak", "Onderzoek", "Praktijkervaringen")
_LIST = ", ".join(f"## {h}" for h in HEADINGS)
# The five documents the catalogue started from (in ../shared/sources/ beside the repository).
# None of them is online, so they are the only sources cited without a web address.
SEED_DOCUMENTS = frozenset({
    "Kan wél!",
    "Werkzame elementen bij buurtontwikkeling: het mobiliseren van eigen kracht in buurtontwikkeling",
    "Oplossingen komen van buurtbewoners zelf, niet van het zoveelste project",
    "De aanpak Vitale Wijken in Amersfoort werkt!",
    "Afwegen wat werkt in de wijk",
})


def five_headings(record: Record, validators) -> Iterator[Problem]:
    """An intervention's `##` headings are the five fixed ones, in order; a full description
    (no `detail: brief`) has all five, a brief one may leave some out."""
    if record.type != "intervention" or not record.readable:
        return
    start = record.parsed.body_line
    found: list[tuple[str, int]] = []
    for heading in parse_body(record.body).headings:
        if heading.level == 2 and not heading.nested_in:
            found.append((_text(heading.html), start + heading.line - 1))
    position = -1
    for text, line in found:
        if text not in HEADINGS:
            yield Problem(record.path, line, "body", f"'## {text}' is geen vast kopje; gebruik {_LIST}, of maak er een ### van onder een van die kopjes")
        elif HEADINGS.index(text) <= position:
            yield Problem(record.path, line, "body", f"'## {text}' staat niet op de goede plek; de volgorde is {_LIST}, elk kopje één keer")
        else:
            position = HEADINGS.index(text)
    if record.data.get("detail", "full") == "brief":
        return
    names = {text for text, _ in found}
    missing = [h for h in HEADINGS if h not in names]
    if missing:
        shown = ", ".join(f"## {h}" for h in missing)
        noun = "het kopje" if len(missing) == 1 else "de kopjes"
        yield Problem(
            record.path, start, "body",
            f"de tekst mist {noun} {shown}; een volledige beschrijving heeft deze vijf kopjes, in deze volgorde: {_LIST}. "
            "Zegt de bron ergens niets over? Schrijf dat onder het kopje, of zet detail: brief als de bron maar weinig zegt",
        )


def followable_sources(record: Record, validators) -> Iterator[Problem]:
    """A reader can look every source up: it has a web address (the seed documents aside)."""
    sources = record.data.get("sources")
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        if not isinstance(source, dict) or "url" in source or source.get("title") in SEED_DOCUMENTS:
            continue
        path = ("sources", index)
        yield Problem(
            record.path, record.parsed.line_of(path), field_name(path + ("url",)),
            "verplicht veld ontbreekt; zet onder de titel het webadres van het document, zoals "
            "url: https://www.voorbeeld.nl/rapport.pdf, zodat lezers de bron kunnen nalezen",
        )


def copies_name_their_original(record: Record, validators) -> Iterator[Problem]:
    """A source on a site that keeps copies of documents (records/copies.py) names its original:
    a title and who published or wrote it, so a reader can cite and find the real document."""
    sources = record.data.get("sources")
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        host = copy_host(source.get("url")) if isinstance(source, dict) else None
        if not host:
            continue
        original = source.get("original")
        path = ("sources", index, "original")
        if not isinstance(original, dict):
            yield Problem(
                record.path, record.parsed.line_of(("sources", index, "url")), field_name(path),
                f"deze bron staat op {host}, een site met kopieën van documenten die lezers niet kunnen citeren "
                "(en die vaak geblokkeerd is); noem het origineel onder de bron: original: met title, publisher "
                "(wie het uitgaf) of author (wie het schreef), en url als het origineel nog online staat",
            )
        elif not original.get("publisher") and not original.get("author"):
            yield Problem(
                record.path, record.parsed.line_of(path), field_name(path),
                "noem wie het origineel uitgaf (publisher) of schreef (author)",
            )


def contacts_have_their_year(record: Record, validators) -> Iterator[Problem]:
    """A contact person, e-mail address or phone number comes with the year of the source that
    names it: the site shows that year, so a reader sees how old the contact may be (issue 28)."""
    developer = record.data.get("developer")
    if not isinstance(developer, dict) or "year" in developer:
        return
    given = [name for field, name in CONTACT_FIELDS if developer.get(field)]
    if given:
        yield Problem(
            record.path, record.parsed.line_of(("developer",)), "developer.year",
            f"verplicht veld ontbreekt; bij {_and(given)} hoort het jaar van de bron die deze gegevens noemt, zoals year: 2016 "
            "(het jaar van die bron, niet van vandaag), zodat lezers zien hoe oud ze zijn. "
            "Noemt geen bron met een jaar deze gegevens? Laat ze dan weg",
        )


CONTACT_FIELDS = (("contact", "een naam (contact)"), ("email", "een e-mailadres (email)"), ("phone", "een telefoonnummer (phone)"))


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _text(heading_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", heading_html)).strip()


RULES = (five_headings, followable_sources, copies_name_their_original, contacts_have_their_year)
