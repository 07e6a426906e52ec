"""Every tag has evidence in the record: a target group or theme is only right when the record's
own text names it, in one of the words taxonomy.yml gives for the term (`words`).

A word of the list is matched against the folded text (lower case, no accents, no punctuation):
- 'schuld' matches a word that starts with it: 'schuld', 'schulden', 'schuldhulp';
- '-armoede' also matches inside a word, for the second part of a compound: 'kinderarmoede';
- 'weinig geld' matches the words in that order: the first ones whole, the last one as a start.
A term without `words` is not judged; tests/test_catalog_content.py sees that every term of the
catalogue's own taxonomy has them.

`check` refuses a tag without evidence (tag_evidence); `build_catalog.py tags` lists terms a
record's text names while the record is not tagged with them (untagged_mentions), for an editor
to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from catalog.records.load import Catalog, Record
from catalog.records.problems import Problem, field_name
from catalog.records.words import fold

TAGGED = {"target_groups": ("de doelgroep", "doelgroep"), "themes": ("het thema", "thema")}
# What counts as the record's text: what a reader reads on its page about the intervention itself.
# Source titles, contacts and the assessor are about other documents and people, not the topic.
TEXT_FIELDS = ("title", "summary", "duration", "implementers", "variants", "costs", "training", "preconditions")
MAX_SHOWN = 12  # words named in a message; the rest stand in taxonomy.yml
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")


@dataclass(frozen=True)
class Mention:
    term: str
    entry: str  # the word of the list, as written in taxonomy.yml
    found: str  # the word of the text it matched


def record_text(record: Record) -> str:
    """The record's own words, folded and joined by single spaces, with a space at either end."""
    parts: list[str] = []
    for name in TEXT_FIELDS:
        value = record.data.get(name)
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts += [v for v in value if isinstance(v, str)]
    parts.append(_LINK_TARGET.sub(" ", record.body or ""))
    return f" {fold(' '.join(parts))} "


def term_words(term: Any) -> list[str]:
    """The evidence words of a term; none when it has no `words` (then no tag of it is judged)."""
    words = term.get("words") if isinstance(term, dict) else None
    return [w for w in words if isinstance(w, str) and fold(w)] if isinstance(words, list) else []


def find(text: str, entry: str) -> str | None:
    """The word of the folded `text` that `entry` matches, or None."""
    inside = entry.startswith("-")
    needle = fold(entry)
    if not needle:
        return None
    at = text.find(needle if inside else f" {needle}")
    if at < 0:
        return None
    start = text.rfind(" ", 0, at + (0 if inside else 1)) + 1
    end = text.find(" ", at + len(needle) + (0 if inside else 1))
    return text[start:end]


def first_mention(text: str, words: list[str]) -> tuple[str, str] | None:
    for entry in words:
        found = find(text, entry)
        if found:
            return entry, found
    return None


def _vocabulary(catalog: Catalog, name: str) -> dict[str, Any]:
    data = catalog.taxonomy.data
    terms = data.get(name) if isinstance(data, dict) else None
    return terms if isinstance(terms, dict) else {}


def tag_evidence(catalog: Catalog) -> Iterator[Problem]:
    """A target group or theme the record's text never names is refused."""
    for record in catalog.interventions.values():
        text = None
        for name, (article, noun) in TAGGED.items():
            terms, tags = _vocabulary(catalog, name), record.data.get(name)
            for index, slug in enumerate(tags if isinstance(tags, list) else []):
                words = term_words(terms.get(slug)) if isinstance(slug, str) else []
                if not words:
                    continue  # an unknown term: the schema rule reports it
                text = text if text is not None else record_text(record)
                if first_mention(text, words):
                    continue
                path = (name, index)
                shown = ", ".join(w.lstrip("-") for w in words[:MAX_SHOWN])
                shown += ", ... (zie taxonomy.yml)" if len(words) > MAX_SHOWN else ""
                yield Problem(
                    record.path, record.parsed.line_of(path), field_name(path),
                    f"'{slug}' staat niet in de tekst; noem {_subject(noun)} met een van deze woorden: {shown}; of haal {article} weg",
                )


def _subject(noun: str) -> str:
    return "het onderwerp" if noun == "thema" else "de groep"


def untagged_mentions(catalog: Catalog, record: Record) -> Iterator[tuple[str, Mention]]:
    """(vocabulary, mention) for every term the record's text names but the record does not carry."""
    text = record_text(record)
    for name in TAGGED:
        tags = record.data.get(name)
        tagged = set(tags) if isinstance(tags, list) else set()
        for slug, term in _vocabulary(catalog, name).items():
            if slug in tagged:
                continue
            hit = first_mention(text, term_words(term))
            if hit:
                yield name, Mention(slug, *hit)
