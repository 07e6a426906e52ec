"""Every YAML syntax error speaks Dutch: line, column and the fix, never libyaml's English."""

from __future__ import annotations

import itertools
import re

import pytest

from catalog.records.frontmatter import Parsed, parse_yaml

LINES = [
    "title: X", "summary: Doel: meer contact", "\t- a", "  - b", " - c", "elements:", "developer:", "    organisation: A",
    "  website: b", "summary Y", 'title: "open', "title: 'open", 'title: "Kan" wel', "variants: [a, b", "developer: {a: b",
    "title: `x`", "title: @x", "summary: “Doel: x”", "- z", "  kind: z", "? q", "&a b: *a", "title: |", "  tekst", ":",
    "]", "}", "'", '"', "key: value # comment", "%YAML 1.2", "--- x", "...", "!!str x: y", "a:\tb",
]
ENGLISH = re.compile(r"\b(found|expected|while|scanning|parsing|mapping|could not|token|indicator|stream|character|allowed)\b")


def errors(text: str) -> list[tuple[int, str, str]]:
    parsed = Parsed()
    parse_yaml(text, parsed, offset=1)
    return parsed.errors


def test_no_english_parser_text():
    """Every ordered pair of LINES (1,190 texts) in one test: each failing text is named with
    its message (English words, or a line outside the text)."""
    failures = []
    for pair in itertools.permutations(LINES, 2):
        text = "\n".join(pair) + "\n"
        for line, field, message in errors(text):
            if ENGLISH.search(message):
                failures.append(f"{text!r}: English: {message}")
            if not 1 <= line <= len(pair) + 1:
                failures.append(f"{text!r}: line {line} outside the text: {message}")
    assert failures == []


@pytest.mark.parametrize("text, expected", [
    ("title: X\nelements:\n\t- a\n", (4, "kolom 1: hier staat een tab; YAML telt alleen spaties, vervang de tab door spaties")),
    ("elements:\n  - a\n - b\n", (4, "kolom 2: deze regel springt niet goed in (hij begint op kolom 2, de regel erboven op kolom 3); "
                                   "controleer de inspringing: velden van hetzelfde niveau staan recht onder elkaar, en de items van een lijst ('- ') ook")),
    ("title: X\nsummary: Y\n  kind: z\n", (4, "kolom 3: deze regel springt verder in dan het veld erboven (hij begint op kolom 3, de regel erboven op kolom 1); "
                                            "controleer de inspringing: velden van hetzelfde niveau staan recht onder elkaar, en de items van een lijst ('- ') ook")),
    ("developer:\n  organisation A\n  website: b\n", (3, "kolom 1: 'organisation A' mist de dubbele punt; schrijf veld: waarde (een dubbele punt en een spatie)")),
    ("title: 'Kan wel\nsummary: y\n", (2, "kolom 8: de aanhalingstekens die hier openen, worden niet gesloten; zet hetzelfde teken (') ook aan het eind van de tekst")),
    ('title: "Repair Café\nsummary: "Bewoners repareren."\n', (2, 'kolom 8: de aanhalingstekens die hier openen, worden op deze regel niet gesloten; '
                                                               'zet hetzelfde teken (") ook aan het eind van de tekst')),
    ('title: "Kan" wel\n', (2, "kolom 14: na de afsluitende aanhalingstekens staat nog tekst; zet de hele tekst tussen de aanhalingstekens")),
    ('summary: Zij zei: "ja"\n', (2, "kolom 17: deze tekst bevat ': ', dat YAML leest als een nieuw veld; zet de hele tekst tussen rechte aanhalingstekens: "
                                     "summary: 'Zij zei: \"ja\"'.")),
    ("title: @x\n", (2, "kolom 8: een waarde kan niet met @ beginnen; zet de tekst tussen aanhalingstekens")),
])
def test_each_mistake_names_its_fix(text, expected):
    assert [(line, message) for line, _, message in errors(text)] == [expected]
