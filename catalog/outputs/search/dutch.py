"""The Dutch word list that tells a typo from a real word (issue 27).

The page corrects a word that no record contains only when it is not a Dutch word: "schulden"
is Dutch and stays "schulden" ("Geen interventie noemt ..."), "recpt" is not and becomes
"recept". The words come from the pinned package wordfreq (its large Dutch list, built from
subtitles, Wikipedia, web text and more), at build time. The file is a classic script (it works
from file://) that the page loads only when it considers a correction, so it adds nothing to
the bytes before the first results.

Format: the folded words sorted, front-coded: each entry is one character giving how many
letters it shares with the entry before (as a code point from "0", so "0" is none), then the
rest of the word; entries end with a space.
"""

from __future__ import annotations

import functools

from catalog.outputs.page import Page, script
from catalog.records.words import fold

__all__ = ["DUTCH_FILE", "MIN_LETTERS", "MIN_ZIPF", "dutch_words", "dutch_file", "front_code"]

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
    return Page(DUTCH_FILE, script("CATALOG_DUTCH", front_code(dutch_words())))
