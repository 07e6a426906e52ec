"""Overviews for editors. `build_catalog.py tags`: terms a record's text names but its tags lack.
`build_catalog.py vragen`: per question of taxonomy.yml the interventions that answer it, each with
its recognition (or "geen oordeel gevonden") and, with --bronnen, its sources; Markdown, for an
issue's closing note."""

from __future__ import annotations

from catalog.checks.tagwords import untagged_mentions
from catalog.checks.validate import validate
from catalog.graph.questions import answering, questions
from catalog.outputs.text import assessment_when, source_text
from catalog.records.load import Catalog, Record
from catalog.records.problems import visible
from catalog.records.schema import apply_defaults

NOUNS = {"target_groups": "doelgroep", "themes": "thema"}


def tag_suggestions(catalog: Catalog, wanted: set[str]) -> list[str]:
    """One line per term a record's text names without the tag (only `wanted` records, if any), then a count."""
    lines = []
    for record in sorted(catalog.interventions.values(), key=lambda r: r.path):
        if wanted and record.path not in wanted:
            continue
        for vocabulary, m in untagged_mentions(catalog, record):
            lines.append(visible(f"{record.path}: {NOUNS[vocabulary]} '{m.term}'? de tekst noemt '{m.found}' (woord '{m.entry}')"))
    if not lines:
        return ["Geen records die een doelgroep of thema noemen die ze niet hebben."]
    return lines + [
        f"{len(lines)} keer noemt de tekst een doelgroep of thema die het record niet heeft. "
        "Voeg er een toe als de interventie er echt over gaat; anders laat u het zo."
    ]


def recognition(catalog: Catalog, record: Record) -> str:
    data, assessment = record.data, record.data.get("assessment")
    if data.get("evidence") == "niet-beoordeeld" or not isinstance(assessment, dict):
        return "geen oordeel gevonden"
    label = catalog.taxonomy.data["evidence"][data["evidence"]]["label"]
    return f"{label}, door {assessment.get('by')} ({assessment_when(assessment)})"


def report(catalog: Catalog, with_sources: bool = False) -> list[str] | None:
    """The overview as Markdown lines; None when the catalogue does not pass check."""
    if validate(catalog):
        return None
    apply_defaults(catalog)
    found, lines = answering(catalog), []
    for slug, question in questions(catalog).items():
        records = sorted((catalog.interventions[s] for s in found[slug]), key=lambda r: str(r.data["title"]).casefold())
        lines += [f"## {question['label']} ({len(records)})", ""]
        for record in records:
            lines.append(f"- {record.data['title']} (`{record.path}`): {recognition(catalog, record)}")
            if with_sources:
                lines += [f"  - {source_text(s)}{' ' + s['url'] if s.get('url') else ''}" for s in record.data["sources"]]
        lines.append("")
    return [visible(line) for line in lines]
