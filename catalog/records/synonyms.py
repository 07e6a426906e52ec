"""synoniemen.yml: groups of words that professionals use for the same thing, for the search.

The file is optional. Its one field, `groepen`, is a list of groups; a group is a list of two or
more words or short phrases ("actieve bewoners", "asset based community development"). Typing
one of them also finds what the others find. `check` reports every mistake as
`synoniemen.yml:LINE: field: message`; the page gets only groups without mistakes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalog.records.frontmatter import decode, field_at, remove_controls
from catalog.records.strict_yaml import Parsed, parse_yaml
from catalog.records.problems import Problem, field_name
from catalog.records.schema_errors import type_noun

SYNONYMS_FILE = "synoniemen.yml"
FIELD = "groepen"
MAX_WORDS = 6  # of one phrase: "asset based community development" has four
MAX_CHARS = 80
MAX_BYTES = 200_000
EXAMPLE = "- [ouderen, senioren]"
YAML_HINT = "zet elke groep op een eigen regel: een streepje en de woorden tussen [ en ], met komma's ertussen, zoals '- [ouderen, senioren]'"


def load_synonyms(root: Path) -> Parsed | None:
    """The parsed file, with read and YAML errors in `errors`; None when there is no file."""
    path = root / SYNONYMS_FILE
    if not path.exists() and not path.is_symlink():
        return None
    parsed = Parsed()
    if path.is_symlink() or not path.is_file():
        parsed.errors.append((1, "file", "synoniemen.yml moet een gewoon bestand zijn (geen map of symbolische link)"))
        return parsed
    if path.stat().st_size > MAX_BYTES:
        parsed.errors.append((1, "file", f"het bestand is te groot (maximaal {MAX_BYTES // 1000} kB); een lijst van synoniemen past ruim in 20 kB"))
        return parsed
    text, error = decode(path.read_bytes())
    if error:
        parsed.errors.append((1, "file", error))
        return parsed
    text, controls = remove_controls(text)
    parse_yaml(text, parsed)
    # parse_yaml names the place of a YAML error after record files; this file has no front matter.
    parsed.errors = [
        (line, "file", f"{message}; {YAML_HINT}") if name == "front matter" and message.startswith("kolom ")  # a syntax error (yaml_errors)
        else (line, "file" if name == "front matter" else name, message)
        for line, name, message in parsed.errors
    ]
    parsed.errors += [(line, field_at(parsed, line), message) for line, message in controls]
    return parsed


def synonym_problems(parsed: Parsed | None) -> list[Problem]:
    """Shape and content: what the page would misread or what is certainly a slip."""
    return [Problem(SYNONYMS_FILE, line, name, message) for line, name, message in _check(parsed)[1]] if parsed else []


def synonym_groups(catalog: Any) -> list[list[str]]:
    """The groups the page uses: as written, each group without mistakes."""
    parsed = getattr(catalog, "synonyms", None)
    if parsed is None or parsed.errors:
        return []
    groups, problems = _check(parsed)
    return [] if problems else groups


def _check(parsed: Parsed) -> tuple[list[list[str]], list[tuple[int, str, str]]]:
    """(good groups, problems as (line, field, message))."""
    from catalog.records.words import fold, phrase_key

    problems: list[tuple[int, str, str]] = []

    def problem(path: tuple, message: str) -> None:
        if not any(path[: len(p)] == p for p in parsed.error_paths):
            problems.append((parsed.line_of(path), field_name(path), message))

    data = parsed.data
    if parsed.errors and data is None:
        return [], problems
    if not isinstance(data, dict):
        what = "leeg" if data is None else f"een {_noun(data)}"
        problems.append((1, "file", f"het bestand is {what}; begin met 'groepen:' en zet daaronder de groepen, zoals '{EXAMPLE}'"))
        return [], problems
    for name in data:
        if name != FIELD:
            problem((name,), f"onbekend veld; toegestaan: {FIELD}")
    if FIELD not in data:
        problems.append((1, FIELD, f"verplicht veld ontbreekt; zet de groepen onder 'groepen:', zoals '{EXAMPLE}'"))
        return [], problems
    groups = data[FIELD]
    if groups is None:
        return [], problems  # an empty list of groups: nothing to use, nothing wrong
    if not isinstance(groups, list):
        problem((FIELD,), f"verwacht een lijst van groepen, niet {_article(groups)}; schrijf elke groep op een eigen regel, zoals '{EXAMPLE}'")
        return [], problems

    seen: dict[str, tuple[int, str, int]] = {}  # phrase key -> (group, term as written, line)
    good = []
    for g, group in enumerate(groups):
        path = (FIELD, g)
        if group is None or group == []:
            problem(path, f"lege groep; zet er minstens twee woorden in, zoals '{EXAMPLE}', of haal de regel weg")
            continue
        if not isinstance(group, list):
            problem(path, f"verwacht een groep als lijst van woorden, niet {_article(group)}; zet de woorden tussen [ en ], zoals [ouderen, senioren]")
            continue
        terms, keys = [], []
        in_group: dict[str, str] = {}  # folded term -> term as written
        for t, term in enumerate(group):
            tpath = path + (t,)
            message = _term_problem(term)
            if message:
                problem(tpath, message)
                continue
            folded = fold(term)
            if folded in in_group:
                problem(tpath, f"'{term}' staat al in deze groep (als '{in_group[folded]}'); laat er één staan (hoofdletters en accenten tellen niet)")
                continue
            in_group[folded] = term
            k = phrase_key(term)
            if k in seen and seen[k][0] != g:
                _, other, line = seen[k]
                same = "" if fold(other) == folded else f" als '{other}' (voor het zoeken dezelfde woordvorm)"
                problem(tpath, f"'{term}' staat al in een andere groep{same}, op regel {line}; een woord hoort bij één groep: voeg de groepen samen of haal het hier weg")
                continue
            seen.setdefault(k, (g, term, parsed.line_of(tpath)))
            terms.append(term)
            keys.append(k)
        if len(terms) < len(group):
            continue  # reported above
        if len(group) == 1:
            problem(path, f"een groep van één woord ('{group[0]}') doet niets; zet er een woord met dezelfde betekenis bij of haal de groep weg")
        elif len(set(keys)) == 1:
            problem(path, "het zoeken vindt deze woorden al als vormen van één woord (zoals 'buur' en 'buren'); de groep doet niets, haal hem weg")
        else:
            good.append(terms)
    return good, problems


def _term_problem(term: Any) -> str | None:
    """What is wrong with one word or phrase of a group, or None."""
    from catalog.records.words import fold, search_words

    if isinstance(term, (list, dict)) or term is None:
        return f"verwacht een woord of een paar woorden, niet {_article(term)}"
    if not isinstance(term, str):
        return f"verwacht een woord of een paar woorden, niet {_article(term)}; bedoelt u tekst, zet het dan tussen aanhalingstekens: \"{term}\""
    if not term.strip():
        return "leeg woord; haal het weg"
    words = fold(term).split()
    if len(term) > MAX_CHARS or len(words) > MAX_WORDS:
        return f"te lang; een synoniem is een woord of een korte term van hoogstens {MAX_WORDS} woorden en {MAX_CHARS} tekens"
    if not words:
        return f"'{term}' bevat geen letters of cijfers; schrijf een woord"
    if not search_words(term):
        skipped = ", ".join(f"'{w}'" for w in words)
        why = "het is een te gewoon woord" if len(words) == 1 else "het zijn te gewone woorden"
        return f"het zoeken slaat {skipped} over, want {why} (zoals 'de', 'het' en 'en'); kies een woord dat iets zegt"
    return None


def _noun(value: Any) -> str:
    # schema_errors.type_noun, but a mapping here is read where a list was meant: "een lijst met velden".
    return "lijst met velden" if isinstance(value, dict) else type_noun(value)


def _article(value: Any) -> str:
    if value is None:
        return "niets"
    noun = _noun(value)
    return f"een {noun}" if noun != "tekst" else f"tekst ('{value}')"
