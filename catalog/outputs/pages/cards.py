"""Interventions in lists: a compact line each (overviews, term and element pages) or a result
card each (the catalogue page, and the card files its script loads after the first results).
Raw HTML, which Python-Markdown passes through almost for free: fast for thousands of records,
and complete without JavaScript."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from catalog.graph.link import in_title_order
from catalog.outputs.page import CARDS_PER_FILE, Page, chunk_script
from catalog.outputs.text import escape, recognition
from catalog.records.load import Record

CATALOGUE_PAGE = "catalogus/index.md"


def card_file(number: int) -> str:
    return f"assets/catalogus-kaarten-{number}.js"


class ResultCards:
    """Mixed into the Renderer; needs its catalog, label(), href() and record_page()."""

    catalog: Any

    def result_list(self, records: list[Record], here: str, label: str = "", cards: bool = False, list_id: str = "") -> Markup:
        """A list of interventions as raw HTML: fast for thousands of records, and complete without JavaScript."""
        aria = f' aria-label="{escape(label)}"' if label else ""
        if cards:
            # A div with list roles, not ul/li: Chromium recounts list-item numbers for every
            # hidden li, which made filtering 5,000 cards take seconds.
            ident = f' id="{list_id}"' if list_id else ""
            items = "\n".join(self.card(record, here) for record in records)
            return Markup(f'<div class="ci-results"{ident} role="list"{aria}>\n{items}\n</div>')
        items = "\n".join(self._line(record, here) for record in records)
        return Markup(f'<ul class="ci-list-compact"{aria}>\n{items}\n</ul>')

    def _line(self, record: Record, here: str) -> str:
        d = record.data
        link = f'<a href="{self.href(here, self.record_page(record))}">{escape(d["title"])}</a>'
        return f'<li>{link} <span class="ci-meta">({escape(self.label("kinds", d["kind"]))}, {escape(self.label("evidence", d["evidence"]))})</span></li>'

    def card(self, record: Record, here: str) -> str:
        """One result card on one line (a multi-line summary is one line already, see text())."""
        d = record.data
        e = escape
        brief = ' · <span class="ci-brief">korte beschrijving</span>' if d["detail"] == "brief" else ""
        elements = ", ".join(
            f'<a href="{self.href(here, "werkzame-elementen/" + slug + ".md")}">{e(self.catalog.elements[slug].data["title"])}</a>'
            for slug in d["elements"]
        )
        return (
            f'<div class="ci-result" role="listitem" data-slug="{record.slug}">'
            f'<h2><a href="{self.href(here, self.record_page(record))}">{e(d["title"])}</a></h2>'
            f'<p>{e(self.label("kinds", d["kind"]))} · {self._card_recognition(d, here)}{brief}</p>'
            f'<p class="ci-card-age">Nieuwste bron: {self.source_age(d, here)}</p>'
            f'<p>{e(d["summary"])}</p>{self._card_terms(d)}<p>Werkzame elementen: {elements}</p><p class="ci-card-compare"><label><input type="checkbox" value="{record.slug}"> Vergelijk<span class="ci-sr"> {e(d["title"])}</span></label></p></div>'
        ).replace("\n", " ")

    def _card_recognition(self, d: dict, here: str) -> str:
        """The record page's recognition (text.recognition), without its links to the judgement."""
        shown = recognition(self.label("evidence", d["evidence"]), d["assessment"])
        badge = f'<span class="ci-badge ci-badge--{d["evidence"]}">{escape(shown["level"])}</span>'
        if not shown["detail"]:
            return badge
        return f'{badge} {escape(shown["detail"])} {self.recognition_flag(shown, here)}'

    def _card_terms(self, d: dict) -> str:
        """Doelgroep and thema on a card, as plain text: the facets already filter on them."""
        groups = ", ".join(escape(self.label("target_groups", s)) for s in d["target_groups"])
        themes = ", ".join(escape(self.label("themes", s)) for s in d["themes"])
        return f'<p class="ci-terms">Doelgroep: {groups}' + (f" · Thema: {themes}" if themes else "") + "</p>"

    def card_files(self) -> list[Page]:
        """The catalogue's cards in title order (the order of CATALOG.items), CARDS_PER_FILE per
        classic script: the page loads them after its first results, which are in the HTML."""
        here = CATALOGUE_PAGE
        cards = [self.card(record, here) for record in in_title_order(self.catalog)]
        return [
            Page(card_file(number), chunk_script("CATALOG_CARDS", number, cards[start:start + CARDS_PER_FILE]))
            for number, start in enumerate(range(0, len(cards), CARDS_PER_FILE))
        ]
