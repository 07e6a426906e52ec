"""The issue form "Nieuwe interventie voorstellen" as GitHub renders it in an issue body: every
field as `### Label`, then the answer (`_No response_` when empty). Reads the answers back and
maps each field to its place in a record. Everything in the body is the submitter's: it is only
read as text, and what cannot be placed exactly is left out and named, never guessed."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from catalog.checks.integrity import title_key
from catalog.records.load import Catalog, Record
from catalog.records.slug import slugify

FORM = Path(__file__).resolve().parents[2] / ".github" / "ISSUE_TEMPLATE" / "nieuwe-interventie.yml"
NO_RESPONSE = "_No response_"
SECTIONS = {"doel": "Doel", "doelgroep": "Doelgroep", "aanpak": "Aanpak", "onderzoek": "Onderzoek",
            "praktijkervaringen": "Praktijkervaringen"}
# The form's `detail` options say in words what the record says as full or brief.
DETAIL = {"De bron beschrijft de interventie uitgebreid": "full", "De bron noemt de interventie maar kort": "brief"}

# Questions the form asked before: an issue filed then still has them. Their heading ends the
# answer above it, and their answer is named as left out (label -> why).
RETIRED = {"Wanneer heeft u de bronnen bekeken?": "de redactie zet nu zelf de datum van de controle (checked)"}

# form id -> (where the answer goes, how it is read). A place is a record field ("developer.email";
# "sources.title" is the first source), "body" (a heading of the text) or "note" (free text the
# maintainer finishes by hand in the pull request: turning it into fields would be guessing).
MAPPING: dict[str, tuple[str, str]] = {
    "title": ("title", "line"),
    "summary": ("summary", "text"),
    "kind": ("kind", "choice"),
    "elements": ("elements", "elements"),
    "target_groups": ("target_groups", "choices"),
    "themes": ("themes", "choices"),
    "evidence": ("evidence", "choice"),
    "assessment_by": ("assessment.by", "line"),
    "assessment_date": ("assessment.date", "date"),
    "assessment_valid_until": ("assessment.valid_until", "date"),
    "assessment_url": ("assessment.url", "line"),
    "assessment_reported_in": ("note", "text"),
    "duration": ("duration", "line"),
    "since": ("since", "year"),
    "developer_organisation": ("developer.organisation", "line"),
    "developer_contact": ("developer.contact", "line"),
    "developer_email": ("developer.email", "line"),
    "developer_phone": ("developer.phone", "line"),
    "developer_website": ("developer.website", "line"),
    "developer_year": ("developer.year", "year"),
    "implementers": ("implementers", "lines"),
    "variants": ("variants", "lines"),
    "costs": ("costs", "text"),
    "training": ("training", "text"),
    "preconditions": ("preconditions", "text"),
    "related": ("related", "interventions"),
    "detail": ("detail", "detail"),
    "sources_title": ("sources.title", "line"),
    "sources_publisher": ("sources.publisher", "line"),
    "sources_date": ("sources.date", "date"),
    "sources_url": ("sources.url", "line"),
    "sources_original": ("note", "text"),
    "sources_more": ("note", "text"),
    **{name: ("body", "markdown") for name in SECTIONS},
}


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    type: str
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    field: Field
    line: int  # of the `### Label` heading in the body, counted from 1
    value: str | None  # None: left empty


@dataclass
class Proposal:
    """What the form says, placed: record fields, the five headings' text, and what was left out."""
    data: dict = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    notes: list[tuple[int, str, str]] = field(default_factory=list)  # (line, field, message)
    by_hand: list[tuple[str, str]] = field(default_factory=list)  # (label, free text) for the pull request
    lines: dict[str, int] = field(default_factory=dict)  # record field -> line in the body


def form_fields(path: Path = FORM) -> list[Field]:
    form = yaml.safe_load(path.read_text("utf-8"))
    return [Field(item["id"], item["attributes"]["label"], item["type"], tuple(_option(o) for o in item["attributes"].get("options", ())))
            for item in form["body"] if item["type"] != "markdown"]


def _option(option) -> str:
    return option["label"] if isinstance(option, dict) else str(option)  # checkboxes: {label, required}


def read_answers(text: str, fields: list[Field]) -> tuple[list[Answer], list[tuple[int, str, str]]]:
    """The answers in the body, or the reasons it cannot be read as this form. A heading must be
    there once and in the form's order: a second `### Label` (typed inside an answer) makes it
    unclear where an answer ends, so the body is refused rather than split by a guess."""
    lines = text.split("\n")
    retired = [Field(f"oud:{label}", label, "retired") for label in RETIRED if label not in {f.label for f in fields}]
    by_label = {f"### {f.label}": f for f in [*fields, *retired]}
    found: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        if line.rstrip() in by_label:
            found.setdefault(by_label[line.rstrip()].id, []).append(number)
    problems = []
    for f in fields:
        if len(found.get(f.id, [])) > 1:
            where = ", ".join(str(n + 1) for n in found[f.id])
            problems.append((found[f.id][1] + 1, f.id, f"het kopje '### {f.label}' staat er {len(found[f.id])} keer in (regels {where}); "
                             "een antwoord mag dit kopje niet bevatten. Haal het uit het antwoord en probeer opnieuw"))
    if not any(f.id in found for f in fields):
        problems.append((1, "formulier", "dit is geen ingevuld formulier 'Nieuwe interventie voorstellen': geen van de kopjes ervan staat erin"))
    if problems:
        return [], problems
    ordered = [found[f.id][0] for f in fields if f.id in found]
    if ordered != sorted(ordered):
        return [], [(1, "formulier", "de kopjes staan niet in de volgorde van het formulier; is het issue met de hand veranderd?")]
    starts = sorted(((n, f) for f in [*fields, *retired] for n in found.get(f.id, [])), key=lambda start: start[0])
    answers = []
    for index, (start, f) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(lines)
        value = "\n".join(lines[start + 1:end]).strip("\n").rstrip()
        answers.append(Answer(f, start + 1, None if value.strip() in ("", NO_RESPONSE) else value))
    return answers, []


def place(answers: list[Answer], catalog: Catalog) -> Proposal:
    proposal = Proposal()
    for answer in answers:
        if answer.value is None:
            continue
        if answer.field.type == "retired":
            proposal.notes.append((answer.line, "formulier", f"'{answer.field.label}' vraagt het formulier niet meer: {RETIRED[answer.field.label]}; niet overgenomen"))
            continue
        target, how = MAPPING[answer.field.id]
        if target == "note":
            proposal.notes.append((answer.line, answer.field.id, f"'{answer.field.label}' staat niet in het record; neem het over in de pull request"))
            proposal.by_hand.append((answer.field.label, answer.value))
            continue
        if target == "body":
            proposal.sections[SECTIONS[answer.field.id]] = answer.value
            continue
        value = _read(answer, how, catalog, proposal)
        if value in (None, []):
            continue
        proposal.lines[target.split(".")[0]] = proposal.lines.get(target.split(".")[0], answer.line)
        head, _, sub = target.partition(".")
        if sub:
            proposal.data.setdefault(head, {})[sub] = value
        else:
            proposal.data[head] = value
    return proposal


def _read(answer: Answer, how: str, catalog: Catalog, proposal: Proposal):
    value = answer.value
    if how == "line":
        return value.strip()
    if how == "text":
        return " ".join(line.strip(" \t") for line in value.split("\n") if line.strip(" \t"))
    if how == "lines":
        return [_BULLET.sub("", line).strip(" \t") for line in value.split("\n") if _BULLET.sub("", line).strip(" \t")]
    if how == "year":
        return int(value.strip()) if re.fullmatch(r"[0-9]{1,4}", value.strip()) else value.strip()
    if how == "date":
        return value.strip()
    if how == "checkboxes":
        return checked(value, answer.field.options)
    if how in ("choice", "choices", "detail"):
        return _choices(answer, how, proposal)
    kind = "element" if how == "elements" else "intervention"
    return _records(answer, catalog.records[kind], proposal)


def checked(value: str, options: tuple[str, ...]) -> list[str]:
    """The ticked options of a checkboxes field, as GitHub renders them: `- [X] label`, `- [ ] label`.
    Only the form's own labels count: a ticked line typed by the submitter names no option."""
    ticked = {match.group(1) for match in _TICK.finditer(value)}
    return [option for option in options if option in ticked]


_TICK = re.compile(r"^- \[[xX]\] (.+?)[ \t]*$", re.M)
MAX_UNKNOWN = 20  # names named one by one, each with a suggestion; a list of thousands is no proposal
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_OPTION_SLUG = re.compile(r"\(([a-z0-9]+(?:-[a-z0-9]+)*)\)$")


def _choices(answer: Answer, how: str, proposal: Proposal):
    """Options as the form offers them; GitHub joins several with ', ' (no option has a comma)."""
    chosen = []
    for part in answer.value.split(", ") if how == "choices" else [answer.value.strip()]:
        part = part.strip()
        if part in answer.field.options and how == "detail":
            chosen.append(DETAIL[part])
        elif part in answer.field.options and _OPTION_SLUG.search(part):
            chosen.append(_OPTION_SLUG.search(part).group(1))
        else:
            proposal.notes.append((answer.line, answer.field.id, f"'{_short(part)}' is geen keuze van '{answer.field.label}'; niet overgenomen"))
    if how == "choices":
        return list(dict.fromkeys(chosen))
    value = chosen[0] if chosen else None
    # The defaults of the record format are left out, as a contributor's file would: a plain
    # interventie has no kind, a full description no detail.
    return None if (answer.field.id, value) in (("kind", "interventie"), ("detail", "full")) else value


def _records(answer: Answer, records: dict[str, Record], proposal: Proposal) -> list[str]:
    """Names of existing records: a file name, an old file name (alias) or the title, without case,
    accents or punctuation. One line may name several, separated by commas or semicolons."""
    index: dict[str, str] = {}
    for slug, record in sorted(records.items()):
        index.setdefault(slug, slug)
        for alias in record.data.get("aliases") or []:
            if isinstance(alias, str):
                index.setdefault(alias, slug)
        title = record.data.get("title")
        if isinstance(title, str):
            index.setdefault(title_key(title), slug)
    found, unknown = [], 0
    for line in answer.value.split("\n"):
        line = _BULLET.sub("", line).strip(" \t.")
        if not line:
            continue
        parts = [line] if _lookup(line, index) else [p.strip(" \t.") for p in re.split(r"[,;]", line) if p.strip(" \t.")]
        for part in parts:
            slug = _lookup(part, index)
            if slug:
                found.append(slug)
                continue
            unknown += 1
            if unknown > MAX_UNKNOWN:
                continue
            close = difflib.get_close_matches(title_key(part), [k for k in index if " " in k or k in records], n=1, cutoff=0.8)
            hint = f"; bedoelde je '{index[close[0]]}'?" if close else ""
            noun = "werkzaam element" if answer.field.id == "elements" else "interventie"
            proposal.notes.append((answer.line, answer.field.id, f"'{_short(part)}' is geen {noun} in de catalogus; niet overgenomen{hint}"))
    if unknown > MAX_UNKNOWN:
        proposal.notes.append((answer.line, answer.field.id, f"en nog {unknown - MAX_UNKNOWN} namen die niet in de catalogus staan; niet overgenomen"))
    return list(dict.fromkeys(found))


def _lookup(name: str, index: dict[str, str]) -> str | None:
    return index.get(slugify(name)) or index.get(title_key(name))


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
