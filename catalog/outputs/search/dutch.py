"""The Dutch word list that tells a typo from a real word (issue 27).

The page corrects a word that no record contains only when it is not a Dutch word: "schulden"
is Dutch and stays "schulden" ("Geen interventie noemt ..."), "recpt" is not and becomes
"recept". The words come from the pinned package wordfreq (its large Dutch list, built from
subtitles, Wikipedia, web text and more), at build time. The file is a classic script (it works
from file://) that the page loads only when it considers a correction, so it adds nothing to
the bytes before the first results.

Only the words the page cannot tell from shorter ones are stored (`compact`): an inflection
("problemen" from "problem"+"en") and a compound of two stored words ("geheugen" + "problemen",
with a linking s) are left out, and the page accepts them by the same rule (CI.isDutchWord in
catalogus-words.js): 156,052 words in 107,963 entries, 809 -> 570 kB, gzip 364 -> 261 kB.

Format: the folded words sorted, front-coded: each entry is one character giving how many
letters it shares with the entry before (as a code point from "0", so "0" is none), then the
rest of the word; entries end with a space.
"""

from __future__ import annotations

import functools

from catalog.outputs.page import Page, script
from catalog.records.words import fold

__all__ = ["DUTCH_FILE", "MIN_LETTERS", "MIN_ZIPF", "compact", "dutch_words", "dutch_file", "front_code", "is_dutch"]

DUTCH_FILE = "assets/woorden-nl.js"
MIN_LETTERS = 5  # the page corrects no shorter word (catalogus-search.js: CORRECT_FROM)
# Zipf frequency (log10 per billion words, plus 9): 1.5 keeps "vereenzaming" (1.6) and drops
# the rarest entries of web text, where common typos live.
MIN_ZIPF = 1.5
MISSING = ("het pakket wordfreq ontbreekt; het geeft de Nederlandse woordenlijst waarmee het zoeken een "
           "tikfout van een echt woord onderscheidt. Installeer het met: make site (of: "
           ".venv/bin/python -m pip install -r requirements.txt)")


@functools.lru_cache(maxsize=1)
def dutch_words() -> tuple[str, ...]:
    """The folded Dutch words of MIN_LETTERS letters or more, sorted."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:
        raise SystemExit(MISSING) from None
    least = 10 ** (MIN_ZIPF - 9)  # the frequency of that Zipf value
    words = set()
    for word, frequency in get_frequency_dict("nl", "large").items():
        folded = fold(word)
        if frequency >= least and len(folded) >= MIN_LETTERS and folded.isalpha():
            words.add(folded)
    return tuple(sorted(words))


SUFFIXES = ("en", "s", "e", "n")  # endings of inflections, as catalogus-words.js strips them


def _known(word: str, stored: set[str]) -> bool:
    if word in stored:
        return True
    return any(word.endswith(x) and len(word) - len(x) >= MIN_LETTERS and word[: -len(x)] in stored for x in SUFFIXES)


def is_dutch(word: str, stored: set[str]) -> bool:
    """A stored word, its inflection, or a compound of a stored word (a linking s allowed) and
    a known word; the same rule as CI.isDutchWord in catalogus-words.js."""
    if _known(word, stored):
        return True
    for i in range(MIN_LETTERS, len(word) - MIN_LETTERS + 1):
        head = word[:i]
        if (head in stored or (head[-1] == "s" and head[:-1] in stored)) and _known(word[i:], stored):
            return True
    return False


def compact(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words is_dutch cannot derive from shorter ones: every word of `words` stays Dutch."""
    stored: set[str] = set()
    for word in sorted(words, key=lambda w: (len(w), w)):  # a word derives only from shorter ones
        if not is_dutch(word, stored):
            stored.add(word)
    return tuple(sorted(stored))


def front_code(words: tuple[str, ...]) -> str:
    out = []
    before = ""
    for word in words:
        shared = 0
        limit = min(len(word), len(before), 60)
        while shared < limit and word[shared] == before[shared]:
            shared += 1
        out.append(chr(48 + shared) + word[shared:] + " ")
        before = word
    return "".join(out)


@functools.lru_cache(maxsize=1)
def dutch_file() -> Page:
    return Page(DUTCH_FILE, script("CATALOG_DUTCH", front_code(compact(dutch_words()))))
