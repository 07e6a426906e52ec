"""Why a card matched (issue 27): the words marked are the ones the record has. A word of a
synonym phrase ("sociaal isolement") is marked only within the whole phrase, and "in de tekst:"
names the form the record has (the synonym), not the word typed. Online and from file://."""

from __future__ import annotations

import pytest

from conftest import fresh, visible
from test_search_relevance import search_site  # noqa: F401  (the fixture)


@pytest.fixture(params=["online", "offline"])
def searched(request, module_page, search_site):  # noqa: F811
    page = fresh(module_page)
    page.goto(search_site[request.param])
    page.wait_for_selector("html[data-catalog-ready]")
    yield page
    assert page.errors == []


def why(page, slug: str) -> tuple[str, list[str]]:
    line = page.locator(f'#ci-live > .ci-result[data-slug="{slug}"] > .ci-why')
    return line.inner_text(), line.locator("mark").all_inner_texts()


def test_a_word_of_a_synonym_phrase_is_not_marked_alone(searched):
    searched.locator("#ci-q").fill("eenzaam wijkteam")
    assert "wijkteam-aan-huis" in visible(searched)
    text, marks = why(searched, "wijkteam-aan-huis")
    assert marks == ["wijkteam"]  # "sociaal" stays unmarked: the synonym is "sociaal isolement"
    assert text == "Gevonden: Medewerkers van het sociaal wijkteam komen bij bewoners thuis om hun vragen te bespreken."


def test_in_the_text_names_the_synonym_the_record_has(searched):
    searched.locator("#ci-q").fill("vereenzaming")
    assert sorted(visible(searched)) == ["ontmoetingsplek-de-linde", "telefooncirkel"]
    assert why(searched, "telefooncirkel") == ("Gevonden: in de tekst: eenzaam", ["eenzaam"])
    # "eenzaamheid": the stem "eenzaam" finds it, and the first form of the group is named
    assert why(searched, "ontmoetingsplek-de-linde") == ("Gevonden: in de tekst: eenzaam", ["eenzaam"])


def test_a_dutch_word_no_record_has_offers_the_nearest_theme(searched):
    searched.locator("#ci-q").fill("onveiligheid")
    searched.wait_for_selector("html[data-dutch-ready]")
    lines = searched.locator("#ci-empty").locator("p, li").all_inner_texts()
    assert lines[:3] == [
        "Geen interventie noemt \u201conveiligheid\u201d.",
        "Zo vindt u wel iets:",
        "3 interventies met thema Veiligheid in plaats van \u201conveiligheid\u201d",
    ]
    searched.locator("#ci-empty").get_by_role("button", name=lines[2]).click()
    assert sorted(visible(searched)) == ["buurtbemiddeling", "jongerenwerk-op-straat", "telefooncirkel"]
    assert searched.locator("#ci-chips button").all_inner_texts() == ["Veiligheid \u00d7"]
    assert searched.locator("#ci-q").input_value() == ""
