"""Dutch words as the catalogue search sees them, on the index side.

The page does the same in catalog/assets/catalogus/catalogus-words.js; tests/test_search_agreement.py
compares both in Chromium on word lists. A word becomes its search key in three steps:

1. fold: lower case, no accents, no punctuation ('Kan wél!' -> 'kan wel');
2. drop the Dutch stop words of lunr.nl.js ('de', 'het', 'hoe', ...);
3. key: a few irregular plurals by hand, else the Snowball stem (PyStemmer `dutch_porter`, the
   algorithm of lunr.nl.js) made uniform where Snowball leaves singular and plural apart:
   initiatiev -> initiatief, huiz -> huis, organisaties -> organisatie, processs -> proces.

This module is light (no lunr, no rendering), so `check` can use it for synoniemen.yml.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Iterable

import Stemmer

from catalog.records.slug import strip_accents

# lunr.js and its Dutch stop words come with the installed mkdocs package, found but not imported
# here: only the site imports mkdocs.
LUNR_DIR = Path(find_spec("mkdocs").origin).parent / "contrib" / "search"
LUNR_NL = LUNR_DIR / "lunr-language" / "lunr.nl.js"
_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Lower case without accents or punctuation: 'Kan wél!' -> 'kan wel'. The page does the same."""
    return _NON_WORD.sub(" ", strip_accents(text.lower()).replace("_", " ")).strip()


@cache
def stop_words() -> frozenset[str]:
    """The Dutch stop words of lunr.nl.js itself, so index and query drop the same words."""
    source = LUNR_NL.read_text("utf-8")
    match = re.search(r"generateStopWordFilter\(\s*'([^']*)'", source)
    if not match:
        raise RuntimeError("geen stopwoordenlijst gevonden in lunr.nl.js")
    return frozenset(match.group(1).split())


_stemmer = Stemmer.Stemmer("dutch_porter")
_stems: dict[str, str] = {}


def stem(word: str) -> str:
    """Snowball's Dutch stem, as lunr.nl.js's stemmer gives it."""
    cached = _stems.get(word)
    if cached is None:
        cached = _stems[word] = _stemmer.stemWord(word)
    return cached


# Plurals no rule makes uniform. "ouderen" (elderly) stays apart from "ouders" (parents), which
# Snowball gives the same stem.
IRREGULAR = {"ouderen": "oudere", "oudere": "oudere", "kinderen": "kind", "steden": "stad", "leden": "lid"}
_VOWELS = "aeiouy"


def normalise(stemmed: str) -> str:
    """Make a Snowball stem uniform across singular and plural (catalogus-words.js: CI.normalise)."""
    s = stemmed
    if len(s) >= 6 and s.endswith("ies"):  # organisaties -> organisatie, families -> familie
        s = s[:-1]
    elif len(s) >= 5 and s.endswith(("ieen", "eeen")):  # categorieën -> categorie, ideeën -> idee
        s = s[:-2]
    if len(s) >= 4 and s[-1] == "j" and s[-2] not in _VOWELS:  # huisje -> huisj -> huis
        s = s[:-1]
    if len(s) >= 4 and s[-1] == s[-2] and s[-1] not in _VOWELS:  # processen -> process -> proces
        s = s[:-1]
    if len(s) >= 3 and s[-1] == "v" and s[-2] != "v":  # initiatieven -> initiatiev -> initiatief
        s = s[:-1] + "f"
    elif len(s) >= 3 and s[-1] == "z" and s[-2] != "z":  # huizen -> huiz -> huis, wijze -> wijs
        s = s[:-1] + "s"
    return s


_keys: dict[str, str] = {}


def key(word: str) -> str:
    """A folded word's search key: what index and query compare."""
    cached = _keys.get(word)
    if cached is None:
        irregular = IRREGULAR.get(word)
        cached = _keys[word] = irregular if irregular is not None else normalise(stem(word))
    return cached


def search_words(text: str) -> list[str]:
    """The folded words of a text that search looks at: stop words left out."""
    stops = stop_words()
    return [w for w in fold(text).split() if w not in stops]


def phrase_key(text: str) -> str:
    """The keys of a text's words, joined by spaces: how a synonym or query phrase compares."""
    return " ".join(key(w) for w in search_words(text))


# -- compound words (index side) ---------------------------------------------------------------
# Dutch writes compounds as one word: "jongerenwerk", "ontmoetingsplek". The index lists their
# parts as extra words, so "jongeren" finds "jongerenwerk". A part is a word of the catalogue
# itself or of COMMON_PARTS, at least MIN_PART letters; a linking s, e or en may stand between.

MIN_PART = 4
# Longer "words" are no Dutch compound ("arbeidsongeschiktheidsverzekering" has 33 letters) but a
# slip or an attack: splitting tries every cut, so a 445,000-letter word held the build for
# minutes. They are not split and not used as parts; the page does the same (catalogus-search.js).
MAX_COMPOUND = 60
LINKS = ("", "s", "en", "e")
# Heads that are often the last part of a compound even where the catalogue never uses them alone.
COMMON_PARTS = frozenset("""
    plek plekken hulp werk werker werkers tuin tuinen huis huizen team teams punt netwerk zorg wijk wijken
    buurt buurten buur buren straat straten plein feest club groep raad dienst centrum kamer koffie school
    sport spel dag avond ochtend middag week vader vaders moeder moeders ouders kind kinderen jongeren ouderen
    bewoners bewoner vrijwilligers vrijwilliger gesprek gesprekken coach coaches winkel bank loket project
    plan plannen budget fonds krant kracht ruzie ruzies hulpverlening ondersteuning contact vereniging
    bijeenkomst ontmoeting activiteit activiteiten cirkel kring maatje maatjes huiskamer keuken kunst
""".split())
# Verb particles and prefixes: "onderwijs" is not "onder" + "wijs", "verwijzen" not "ver" + "wijzen".
BOUND = frozenset("aan achter bij door mede mee onder over samen tegen terug toe voor weer".split())
# Endings that are words too, but mostly derive a word rather than name a part: "mogelijk", "belangrijk".
SUFFIX_LIKE = frozenset("lijk lijke heid heden schap baar bare zaam zame loos loze rijk rijke ling lingen".split())


def compound_parts(word: str, known: frozenset[str] | set[str], depth: int = 0) -> list[str]:
    """The parts of a compound, recursively: 'buurtsportwerk' -> ['buurtsport', 'werk', 'buurt', 'sport'].

    The first part is the longest known word (before a linking s, e or en) that leaves a known
    last part: 'buurthuis' -> 'buurt' + 'huis', not 'buur' + 'thuis'. When no first part is
    known but the last part is one of COMMON_PARTS, the rest is the first part, if it is not a
    particle: 'moestuin' -> 'moes' + 'tuin', 'familiegroepsplan' -> 'familiegroep' + 'plan'.
    [] for a word that is not such a compound.
    """
    if depth > 2 or not 2 * MIN_PART <= len(word) <= MAX_COMPOUND:
        return []
    fallback = None
    for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = word[i:]
        if head not in known or head in SUFFIX_LIKE:
            continue
        left = word[:i]
        bases = [left[: len(left) - len(link)] for link in LINKS if left.endswith(link)]
        for base in bases:
            if len(base) >= MIN_PART and base in known and base not in BOUND:
                return _with_subparts([base, head], known, depth)
        if head in COMMON_PARTS and left not in BOUND:
            # The longest head; its first part without a linking letter if that splits.
            split = next((b for b in bases if len(b) >= MIN_PART and compound_parts(b, known, depth + 1)), left)
            fallback = [split, head]
    return _with_subparts(fallback, known, depth) if fallback else []


def _with_subparts(parts: list[str], known, depth: int) -> list[str]:
    result = list(parts)
    for part in parts:
        result += compound_parts(part, known, depth + 1)
    return result


def known_words(texts: Iterable[str]) -> set[str]:
    """Words that may be a part of a compound: the catalogue's own (4 letters or more) and COMMON_PARTS."""
    stops = stop_words()
    known = set(COMMON_PARTS)
    for text in texts:
        known.update(w for w in text.split() if MIN_PART <= len(w) <= MAX_COMPOUND and w.isalpha() and w not in stops)
    return known


def vocabulary(texts: Iterable[str]) -> list[str]:
    """The words a reader's typo is compared with ('Bedoelde u ...?'): 4 letters or more, most
    documents first. Each text is one document's folded text."""
    stops = stop_words()
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({w for w in text.split() if MIN_PART <= len(w) <= MAX_COMPOUND and w.isalpha() and w not in stops})
    return [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
