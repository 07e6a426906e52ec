"""The Dutch word list of the page (issue 27): stored compactly, without losing a word."""

from __future__ import annotations

from catalog.outputs.search.dutch import compact, dutch_words, front_code, is_dutch


def test_compact_list_keeps_every_word_and_is_smaller():
    words = dutch_words()
    stored = compact(words)
    kept = set(stored)
    assert all(is_dutch(word, kept) for word in words)
    assert len(stored) < 0.75 * len(words)
    assert len(front_code(stored).encode()) < 600_000


def test_inflections_and_compounds_derive_but_typos_do_not():
    stored = {"problemen", "geheugen", "eenzaam", "recept", "buurt", "bemiddeling"}
    words = tuple(stored) + ("recepten", "geheugenproblemen", "buurtbemiddeling", "buurtsbemiddeling")
    assert compact(words) == tuple(sorted(stored))
    for word in ("geheugenproblemen", "recepten", "buurtbemiddeling", "eenzame"):
        assert is_dutch(word, stored) == (word != "eenzame"), word
    for typo in ("recpt", "geheugenproblmen", "buurtbemidelling"):
        assert not is_dutch(typo, stored), typo
