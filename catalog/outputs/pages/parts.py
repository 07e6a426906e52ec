"""Raw HTML pieces of record pages. Python-Markdown passes raw HTML through almost for free,
which keeps mkdocs fast with thousands of pages; links use the final URLs (see Renderer.href)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from catalog.outputs.text import assessment_when, dutch_date, escape, source_text


# A recognition is re-assessed after five years (the sources are on the evidence overview page).
RECOGNITION_YEARS = 5
REASSESSMENT_SOURCES = (
    ("'Dialoog maakt de databank beter'", "Nederlands Jeugdinstituut", "https://www.nji.nl/nieuws/dialoog-maakt-de-databank-beter"),
    ("Procedure na de beoordeling", "Trimbos-instituut", "https://erkendeinterventiesggz.trimbos.nl/procedure-na-de-beoordeling"),
)


def reassessment_due(value: Any) -> str:
    """The day a recognition of `value` (JJJJ, JJJJ-MM or JJJJ-MM-DD) is due for re-assessment."""
    from catalog.records.dates import as_date

    day = as_date(value)
    try:
        return day.replace(year=day.year + RECOGNITION_YEARS).isoformat()
    except ValueError:  # 29 February
        return day.replace(year=day.year + RECOGNITION_YEARS, month=3, day=1).isoformat()


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
        d = record.data
        rows = [
            ("Soort", self._term(here, "kinds", d["kind"])),
            ("Erkenning", self._evidence(record, here)),
            ("Doelgroepen", ", ".join(self._term(here, "target_groups", s) for s in d["target_groups"])),
        ]
        if d["themes"]:
            rows.append(("Thema's", ", ".join(self._term(here, "themes", s) for s in d["themes"])))
        if d["duration"]:
            rows.append(("Duur", escape(d["duration"])))
        if d["since"]:
            rows.append(("Sinds", str(d["since"])))
        if d["developer"]:
            rows.append(("Ontwikkelaar", self._developer(d["developer"])))
        if d["implementers"]:
            rows.append(("Uitvoering", _inline_list(d["implementers"])))
        if d["variants"]:
            rows.append(("Varianten", _inline_list(d["variants"])))
        for key, name in (("costs", "Kosten"), ("training", "Training en materiaal"), ("preconditions", "Randvoorwaarden")):
            if d[key]:
                rows.append((name, escape(d[key])))
        if d["updated"]:
            rows.append(("Bijgewerkt", f'<time datetime="{d["updated"]}">{dutch_date(d["updated"])}</time>'))
        body = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
        return Markup(f'<div class="ci-facts"><dl>{body}</dl></div>')

    def _evidence(self, record, here: str) -> str:
        d = record.data
        badge = f'<span class="ci-badge ci-badge--{d["evidence"]}">{escape(self.label("evidence", d["evidence"]))}</span>'
        text = f'<a href="{self.href(here, self.term_page("evidence", d["evidence"]))}">{badge}</a>'
        a = d["assessment"]
        if a:
            text += f' beoordeeld door {escape(a["by"])} ({escape(assessment_when(a))})'
            if a["reported_in"] and a["reported_in"]["url"]:
                text += f', <a href="{escape(a["reported_in"]["url"])}">bericht</a>'
            if a["url"]:
                text += f', <a href="{escape(a["url"])}">oordeel</a>'
            if a["valid_until"]:
                until = a["valid_until"]
                text += (
                    f'; geldig tot <time datetime="{until}">{dutch_date(until)}</time> '
                    f'<span class="ci-expired" data-valid-until="{until}" hidden>verlopen</span>'
                )
            else:  # the browser shows the mark once the re-assessment is due (see catalogus.js)
                due = reassessment_due(a["date"] or a["reported_in"]["date"])  # reported: given no later
                overview = self.href(here, f"{self.SECTIONS['evidence'][0]}/index.md")
                text += (
                    f' <span class="ci-expired" data-valid-until="{due}" hidden>'
                    f'<a href="{overview}#herbeoordeling-na-{RECOGNITION_YEARS}-jaar">meer dan {RECOGNITION_YEARS} jaar oud</a></span>'
                )
        return text

    def _developer(self, dev: dict) -> str:
        parts = [escape(dev[key]) for key in ("organisation", "contact") if dev[key]]
        if dev["email"]:
            parts.append(f'<a href="mailto:{escape(dev["email"])}">{escape(dev["email"])}</a>')
        if dev["phone"]:
            parts.append(f"tel. {escape(dev['phone'])}")
        if dev["website"]:
            parts.append(f'<a href="{escape(dev["website"])}">{escape(dev["website"])}</a>')
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
            if rel.shared:
                noun = "werkzaam element" if len(rel.shared) == 1 else "werkzame elementen"
                titles = ", ".join(escape(self.catalog.elements[e].data["title"]) for e in rel.shared)
                reasons.append(f"deelt {len(rel.shared)} {noun}: {titles}")
            link = self._a(here, f"interventies/{rel.slug}.md", self.catalog.interventions[rel.slug].data["title"])
            items.append(f"<li>{link}: {', en '.join(reasons)}</li>")
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
            if source["url"]:
                text += f'. <a href="{escape(source["url"])}">{escape(source["url"])}</a>'
            items.append(f"<li>{text}</li>")
        return Markup(f'<ul class="ci-sources">{"".join(items)}</ul>')


def _inline_list(values: list[str]) -> str:
    return "; ".join(escape(v) for v in values)
