"""Raw HTML pieces of record pages. Python-Markdown passes raw HTML through almost for free,
which keeps mkdocs fast with thousands of pages; links use the final URLs (see Renderer.href)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from catalog.outputs.text import (
    AGE_YEARS, UNKNOWN, copy_text, dutch_date, escape, newest_source, phone_href, recognition, source_text, sources_old_from,
)


# A recognition is re-assessed after five years (the sources are on the evidence overview page).
RECOGNITION_YEARS = 5
REASSESSMENT_SOURCES = (
    ("'Dialoog maakt de databank beter'", "Nederlands Jeugdinstituut", "https://www.nji.nl/nieuws/dialoog-maakt-de-databank-beter"),
    ("Procedure na de beoordeling", "Trimbos-instituut", "https://erkendeinterventiesggz.trimbos.nl/procedure-na-de-beoordeling"),
)


class HtmlParts:
    """Mixed into the Renderer; needs its label(), href(), record_page() and term_page()."""

    catalog: Any
    graph: Any

    def _a(self, here: str, target: str, text: str) -> str:
        return f'<a href="{self.href(here, target)}">{escape(text)}</a>'

    def _term(self, here: str, vocabulary: str, slug: str) -> str:
        return self._a(here, self.term_page(vocabulary, slug), self.label(vocabulary, slug))

    def _element(self, here: str, slug: str) -> str:
        return self._a(here, f"werkzame-elementen/{slug}.md", self.catalog.elements[slug].data["title"])

    def facts(self, record, here: str) -> Markup:
        """The facts table. The decision rows are always there: what the sources do not give
        reads "Onbekend: de bronnen noemen dit niet", so a gap is not mistaken for an oversight."""
        d = record.data
        rows = [
            ("Soort", self._term(here, "kinds", d["kind"])),
            ("Erkenning", self._evidence(record, here)),
            ("Doelgroepen", ", ".join(self._term(here, "target_groups", s) for s in d["target_groups"])),
        ]
        if d["themes"]:
            rows.append(("Thema's", ", ".join(self._term(here, "themes", s) for s in d["themes"])))
        if d["since"]:
            rows.append(("Sinds", str(d["since"])))
        if (d["developer"] or {}).get("organisation"):
            rows.append(("Ontwikkelaar", escape(d["developer"]["organisation"])))
        if d["variants"]:
            rows.append(("Varianten", _inline_list(d["variants"])))
        decisions = self._decision_rows(d)
        rows += [(name, value or f'<span class="ci-unknown">{UNKNOWN}</span>') for name, value in decisions]
        rows.append(("Nieuwste bron", self.source_age(d, here)))
        if d.get("checked"):
            rows.append(("Gecontroleerd op", f'<time datetime="{d["checked"]}">{dutch_date(d["checked"])}</time>'))
        unknown = [name for name, value in decisions if not value]
        body = "".join(
            f'<dt class="ci-fact-unknown">{name}</dt><dd class="ci-fact-unknown">{value}</dd>' if name in unknown
            else f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows
        )
        if unknown:  # on paper the unknown rows as one line, so a werkkaart still fits two A4 pages
            body += f'<dt class="ci-print-only">Onbekend</dt><dd class="ci-print-only">De bronnen noemen niet: {", ".join(unknown)}.</dd>'
        return Markup(f'<div class="ci-facts"><dl>{body}</dl></div>')

    def _decision_rows(self, d: dict) -> list[tuple[str, str]]:
        """(name, HTML or '') for the rows a professional weighs; '' where the sources say nothing."""
        return [
            ("Kosten", escape(d["costs"]) if d["costs"] else ""),
            ("Duur", escape(d["duration"]) if d["duration"] else ""),
            ("Wie voert uit", _inline_list(d["implementers"])),
            ("Training en materiaal", escape(d["training"]) if d["training"] else ""),
            ("Randvoorwaarden", escape(d["preconditions"]) if d["preconditions"] else ""),
            ("Contact of meer informatie", self._contact(d["developer"] or {})),
        ]

    def source_age(self, d: dict, here: str) -> str:
        """'2014' and, once that is more than AGE_YEARS ago, the mark (shown by catalogus.js)."""
        newest = newest_source(d)
        if not newest:
            return "onbekend (geen bron noemt een datum)"
        about = self.href(here, "over/index.md")
        return (
            f'<time datetime="{newest}">{str(newest)[:4]}</time> '
            f'<span class="ci-expired ci-old-sources" data-valid-until="{sources_old_from(d)}" hidden>'
            f'<a href="{about}#hoe-een-beschrijving-ontstaat">bronnen meer dan {AGE_YEARS} jaar oud</a></span>'
        )

    def _evidence(self, record, here: str) -> str:
        """The recognition as text.recognition gives it to every output, with links on the page."""
        d = record.data
        shown = recognition(self.label("evidence", d["evidence"]), d["assessment"])
        badge = f'<span class="ci-badge ci-badge--{d["evidence"]}">{escape(shown["level"])}</span>'
        text = f'<a href="{self.href(here, self.term_page("evidence", d["evidence"]))}">{badge}</a>'
        if not shown["detail"]:
            return text
        a = d["assessment"]
        text += " " + escape(shown["detail"])
        if (a.get("reported_in") or {}).get("url"):
            text += f', <a href="{escape(a["reported_in"]["url"])}">bericht</a>'
        if a.get("url"):
            text += f', <a href="{escape(a["url"])}">oordeel</a>'
        return text + " " + self.recognition_flag(shown, here)

    def recognition_flag(self, shown: dict, here: str) -> str:
        """The mark catalogus.js shows from shown['flag_from'] on; the 5-year one links to why."""
        mark = escape(shown["flag"])
        if shown["flag"] != "verlopen":
            overview = self.href(here, f"{self.SECTIONS['evidence'][0]}/index.md")
            mark = f'<a href="{overview}#herbeoordeling-na-{RECOGNITION_YEARS}-jaar">{mark}</a>'
        return f'<span class="ci-expired" data-valid-until="{shown["flag_from"]}" hidden>{mark}</span>'

    def _contact(self, dev: dict) -> str:
        """Name, e-mail (mailto:), phone (tel:) and website, with the year of the source that gave them."""
        parts = [escape(dev["contact"])] if dev.get("contact") else []
        if dev.get("email"):
            parts.append(f'<a href="mailto:{escape(dev["email"])}">{escape(dev["email"])}</a>')
        if dev.get("phone"):
            parts.append(f'<a href="{escape(phone_href(dev["phone"]))}">{escape(dev["phone"])}</a>')
        if dev.get("website"):
            parts.append(f'<a href="{escape(dev["website"])}">{escape(dev["website"])}</a>')
        if parts and dev.get("year"):
            parts[-1] += f" (volgens een bron uit {dev['year']})"
        return ", ".join(parts)

    def element_list(self, record, here: str) -> Markup:
        items = "".join(
            f"<li>{self._element(here, slug)}<span class=\"ci-explain\">: {escape(self.catalog.elements[slug].data['summary'])}</span></li>"
            for slug in record.data["elements"]
        )
        return Markup(f"<ul>{items}</ul>")

    def related_list(self, record, here: str) -> Markup:
        items = []
        for rel in self.graph.related[record.slug]:
            reasons = []
            if rel.named:
                reasons.append("genoemd als verwant")
            if rel.problem:
                reasons.append("ook voor: " + ", ".join(escape(self.label(vocabulary, term)) for vocabulary, term in rel.problem))
            if rel.shared:
                noun = "werkzaam element" if len(rel.shared) == 1 else "werkzame elementen"
                titles = ", ".join(escape(self.catalog.elements[e].data["title"]) for e in rel.shared)
                reasons.append(f"deelt {len(rel.shared)} {noun}: {titles}")
            link = self._a(here, f"interventies/{rel.slug}.md", self.catalog.interventions[rel.slug].data["title"])
            items.append(f"<li>{link}: {'; '.join(reasons)}</li>")
        # Not in the theme's search index: other interventions' titles there made every search
        # for one intervention list the pages of all its relatives too (Material drops the attribute).
        return Markup(f'<ul class="ci-related" data-search-exclude="true">{"".join(items)}</ul>')

    def companion_list(self, record, here: str) -> Markup:
        items = "".join(
            f"<li>{self._element(here, other)}: in {count} {'interventie' if count == 1 else 'interventies'} samen</li>"
            for other, count in self.graph.companions[record.slug][:6]
        )
        return Markup(f"<ul>{items}</ul>")

    def element_links(self, slugs: list[str], here: str) -> Markup:
        return Markup("<ul>" + "".join(f"<li>{self._element(here, slug)}</li>" for slug in slugs) + "</ul>")

    def source_list(self, record) -> Markup:
        items = []
        for source in record.data["sources"]:
            text = escape(source_text(source))
            copy = copy_text(source)
            if copy:  # the original first: that is what a reader cites
                text += f'. <span class="ci-copy">{escape(copy)}</span>'
                original_url = (source.get("original") or {}).get("url")
                if original_url:
                    text += f'. Origineel: <a href="{escape(original_url)}">{escape(original_url)}</a>'
                text += f'. Kopie: <a href="{escape(source["url"])}">{escape(source["url"])}</a>'
            elif source["url"]:
                text += f'. <a href="{escape(source["url"])}">{escape(source["url"])}</a>'
            items.append(f"<li>{text}</li>")
        return Markup(f'<ul class="ci-sources">{"".join(items)}</ul>')


def _inline_list(values: list[str]) -> str:
    return "; ".join(escape(v) for v in values)
