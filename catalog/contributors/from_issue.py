"""`from-issue`: an issue form becomes interventions/<slug>.md, checked by the same `check` as
every file. The file stays only when check finds nothing; else the messages say why, for the
issue. Texts for the pull request and the issue comment are made here too, as plain text."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from catalog.checks.policy import HEADINGS
from catalog.checks.validate import validate
from catalog.contributors.issue_form import MAPPING, Proposal, form_fields, place, read_answers
from catalog.contributors.template import record_slug
from catalog.records.load import MAX_FILE_BYTES, RECORD_DIRS, load_catalog
from catalog.records.problems import LABELS, Problem, summary, visible
from catalog.records.schema import raw_schemas, resolve

FOLDER = RECORD_DIRS["intervention"]
GITHUB_LOGIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")
MAX_COMMENT_LINES = 60  # an issue comment holds 65,536 characters; the first messages say enough
MAX_LINE = 300


@dataclass
class Outcome:
    path: str | None = None  # the record written, relative to the root; None when refused
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # what was left out of the record
    by_hand: list[tuple[str, str]] = field(default_factory=list)


def run(root: Path, raw: bytes, source: str, out, submitter: str | None = None, issue: int | None = None,
        pr_body: Path | None = None, comment: Path | None = None) -> int:
    """from-issue on the bytes of a body: print what happened, write the texts for GitHub; 0 or 1."""
    try:  # a text over the limit was cut by the reader and is refused by its size in convert()
        text = raw.decode("utf-8-sig", "replace" if len(raw) > MAX_FILE_BYTES else "strict")
    except UnicodeDecodeError:
        text = None
    outcome = convert(root, text, source) if text is not None else Outcome(problems=[Problem(source, 1, "formulier", "de tekst is geen UTF-8")])
    if outcome.path:
        print(f"Gemaakt: {outcome.path}", file=out)
    for problem in outcome.problems:
        print(problem, file=out)
    if outcome.notes:
        print("Niet overgenomen uit het formulier:", file=out)
        for note in outcome.notes:
            print(note, file=out)
    if outcome.path:
        if pr_body:
            pr_body.write_text(pull_request_body(outcome, issue, submitter), "utf-8")
        return 0
    print(summary(outcome.problems, 1) + " Er is geen bestand gemaakt.", file=out)
    if comment:
        comment.write_text(failure_comment(outcome), "utf-8")
    return 1


def convert(root: Path, text: str, source: str) -> Outcome:
    """Read the form in `text`, write the record, run check on it; remove it again on any problem."""
    outcome = Outcome()
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        outcome.problems.append(Problem(source, 1, "formulier", f"het formulier is te groot (meer dan {MAX_FILE_BYTES // 1000} kB); een beschrijving is ongeveer 10 kB"))
        return outcome
    answers, unreadable = read_answers(text.replace("\r\n", "\n"), form_fields())
    outcome.problems = [Problem(source, line, name, message) for line, name, message in unreadable]
    if unreadable:
        return outcome
    catalog = load_catalog(root)
    proposal = place(answers, catalog)
    outcome.notes = [Problem(source, line, name, message) for line, name, message in proposal.notes]
    outcome.by_hand = proposal.by_hand
    slug = _slug(proposal, catalog, source, outcome.problems)
    if slug is None:
        return outcome
    rel = f"{FOLDER}/{slug}.md"
    path = catalog.root / rel
    path.parent.mkdir(exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except FileExistsError:
        outcome.problems.append(Problem(source, proposal.lines.get("title", 1), "title", f"{rel} bestaat al; kies een andere titel"))
        return outcome
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(render(proposal))
        problems = [p for p in validate(load_catalog(root), changed={rel}) if p.path == rel]
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    if problems:
        path.unlink()
        outcome.problems = problems
        return outcome
    outcome.path = rel
    return outcome


def _slug(proposal: Proposal, catalog, source: str, problems: list[Problem]) -> str | None:
    """The file name `new` would give the title; a record or old name that has it is a clash."""
    title = proposal.data.get("title")
    line = proposal.lines.get("title", 1)
    if not isinstance(title, str) or not title:
        problems.append(Problem(source, 1, "title", "verplicht veld ontbreekt: vul 'Naam van de interventie' in"))
        return None
    try:
        slug = record_slug("intervention", title)
    except ValueError as exc:
        problems.append(Problem(source, line, "title", str(exc)))
        return None
    for kind, records in catalog.records.items():
        for other in records.values():
            named = f"{other.path} ('{other.data.get('title', other.slug)}')"
            if kind == "intervention" and other.slug == slug:
                problems.append(Problem(source, line, "title", f"er is al een interventie met deze naam: {named}. Is het dezelfde? "
                                        "Vul dan die beschrijving aan. Is het een andere? Kies dan een titel die duidelijk anders is"))
            elif kind == "intervention" and slug in (other.data.get("aliases") or []):
                problems.append(Problem(source, line, "title", f"'{slug}' is de oude naam van {named}; "
                                        "is het dezelfde interventie? Anders: kies een titel die duidelijk anders is"))
    return None if problems else slug


def render(proposal: Proposal) -> str:
    """Front matter in the order of the record format, then the five headings."""
    spec = raw_schemas()["intervention"]
    lines = ["---"]
    for name, prop in spec["properties"].items():
        if name not in proposal.data:
            continue
        value = proposal.data[name]
        if name == "sources":
            value = [value]
        lines += _field(name, value, resolve(prop, "intervention"))
    lines += ["---", ""]
    brief = proposal.data.get("detail") == "brief"
    for heading in HEADINGS:
        text = proposal.sections.get(heading)
        if text or not brief:
            lines += [f"## {heading}", ""] + ([text, ""] if text else [])
    return "\n".join(lines).rstrip("\n") + "\n"


def _field(name: str, value, prop: dict) -> list[str]:
    if isinstance(value, dict):
        return [f"{name}:"] + [f"  {key}: {_scalar(value[key])}" for key in _order(prop) if key in value]
    if isinstance(value, list) and value and isinstance(value[0], dict):
        item = resolve(prop.get("items", {}), "common")
        lines = [f"{name}:"]
        for entry in value:
            pairs = [f"{key}: {_scalar(entry[key])}" for key in _order(item) if key in entry]
            lines += ["  - " + pairs[0]] + ["    " + pair for pair in pairs[1:]]
        return lines
    if isinstance(value, list) and all(isinstance(v, str) and re.fullmatch(r"[a-z0-9-]+", v) for v in value):
        return [f"{name}: [{', '.join(value)}]"]  # slugs: from the form's options or the catalogue
    if isinstance(value, list):
        return [f"{name}:"] + [f"  - {_scalar(v)}" for v in value]
    return [f"{name}: {_scalar(value)}"]


def _order(prop: dict) -> list[str]:
    return list(resolve(prop, "intervention").get("properties", {}))


_PLAIN = re.compile(r"[^\W\d_][\w .,;!?()'/+&€%-]*(?<! )")
_URL = re.compile(r"https?://[\w.~/?#@!$&'()*+,;=%:-]*[\w/]")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
_DATE = re.compile(r"[1-9][0-9]{3}(-[0-9]{2}(-[0-9]{2})?)?")  # no leading 0: YAML reads 0123 as octal


def _scalar(value) -> str:
    """Plain where YAML reads it back as the same text, as people write records; else quoted."""
    if isinstance(value, int) or (isinstance(value, str) and _DATE.fullmatch(value)):
        return str(value)
    if (_PLAIN.fullmatch(value) and value.lower() not in _YAML_WORDS) or _URL.fullmatch(value):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


# -- texts for GitHub --------------------------------------------------------------------------

def plain_block(lines: list[str]) -> str:
    """Lines in a fenced block that nothing can close or format: backticks become ', invisible
    characters are shown as escapes, long lines and long lists are cut."""
    shown = [visible(line).replace("`", "'")[:MAX_LINE] for line in lines[:MAX_COMMENT_LINES]]
    if len(lines) > MAX_COMMENT_LINES:
        shown.append(f"… en nog {len(lines) - MAX_COMMENT_LINES} regels")
    return "```text\n" + "\n".join(shown) + "\n```"


def failure_comment(outcome: Outcome) -> str:
    messages = [str(p) for p in outcome.problems] + [summary(outcome.problems, 1)]
    text = ["Dit voorstel kon niet worden omgezet in een beschrijving. Dit zegt de controle:", "", plain_block(messages), ""]
    labels = _labels(outcome.problems)
    if labels:
        text += ["Zo heten deze velden in het formulier:", "", plain_block(labels), ""]
    if outcome.notes:
        text += ["Niet overgenomen uit het formulier:", "", plain_block([str(n) for n in outcome.notes]), ""]
    text += ["Een beheerder kan het issue bewerken (of u vragen dat te doen) en daarna het label `omzetten` opnieuw zetten."]
    return "\n".join(text) + "\n"


def _labels(problems: list[Problem]) -> list[str]:
    """Record fields named in the messages, with the question of the form that fills them."""
    asked = {}
    for item in form_fields():
        target, _ = MAPPING[item.id]
        name = LABELS["body"] if target == "body" else target.replace("sources.", "sources[1].")
        asked.setdefault(name, []).append(item.label)
    named = dict.fromkeys(p.field for p in problems)
    return [f"{name}: {' / '.join(asked[name])}" for name in named if name in asked]


def pull_request_body(outcome: Outcome, issue: int, submitter: str | None) -> str:
    who = f" door @{submitter}" if submitter else ""
    text = [f"Sluit #{issue}", "",
            f"Voorgesteld{who} met het formulier 'Nieuwe interventie voorstellen' in #{issue}.",
            f"`build_catalog.py from-issue` maakte `{outcome.path}` uit het formulier; de controle vond geen fouten.", "",
            "Voor de beheerder, voor het samenvoegen:",
            "- [ ] Elk feit staat in een bron onder `sources`, in eigen woorden.",
            "- [ ] Wat hieronder niet is overgenomen, staat nu in het record (of hoeft er niet in).",
            "- [ ] De werkzame elementen, doelgroepen en thema's passen bij wat de bron zegt.", ""]
    if outcome.notes:
        text += ["Niet overgenomen uit het formulier:", "", plain_block([str(n) for n in outcome.notes]), ""]
    for label, value in outcome.by_hand:
        text += [f"{visible(label)}:", "", plain_block(value.split("\n")), ""]
    return "\n".join(text).rstrip("\n") + "\n"

