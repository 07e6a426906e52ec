"""The catalogue shows the reader where they are: chips for the chosen filters, an empty result
that explains itself, a filter panel on a phone, and a short way to the results by keyboard."""

from __future__ import annotations

import pytest

from conftest import visible



def chips(page) -> list[str]:
    return page.locator("#ci-chips button").all_inner_texts()


def test_chosen_filters_show_as_chips_that_remove_themselves(catalogue):
    assert catalogue.locator("#ci-chips").is_hidden()
    catalogue.get_by_role("checkbox", name="Jongeren", exact=True).check()
    catalogue.locator("#ci-q").fill("kan")
    assert chips(catalogue) == ["\u201ckan\u201d \u00d7", "Jongeren \u00d7"]
    assert catalogue.get_by_role("group", name="Gekozen filters").is_visible()
    catalogue.get_by_role("button", name="Filter Jongeren weghalen").click()
    assert catalogue.get_by_role("checkbox", name="Jongeren", exact=True).is_checked() is False
    assert chips(catalogue) == ["\u201ckan\u201d \u00d7"]
    assert "#q=kan" in catalogue.url
    catalogue.get_by_role("button", name="Zoekwoorden kan weghalen").click()
    assert visible(catalogue) == ["buurtfeest", "kan-wel", "wijkgesprek"]
    assert catalogue.locator("#ci-chips").is_hidden()


def test_a_shared_link_shows_why_the_list_is_short(page, bundled_url):
    page.goto(bundled_url + "catalogus/#doelgroep=professionals&soort=instrument")
    page.wait_for_selector("html[data-catalog-ready]")
    assert page.locator("#ci-chips button").all_inner_texts() == ["Professionals \u00d7", "Instrument \u00d7"]
    top_of_results = page.locator("#ci-status").bounding_box()["y"]
    assert page.locator("#ci-chips").bounding_box()["y"] < top_of_results


def test_empty_result_says_why_and_offers_ways_out(catalogue):
    catalogue.get_by_role("checkbox", name="Professionals", exact=True).check()
    catalogue.locator("#ci-q").fill("feest")
    assert visible(catalogue) == []
    empty = catalogue.locator("#ci-empty")
    assert empty.is_visible()
    lines = empty.locator("p, li").all_inner_texts()
    assert lines == [
        "Geen interventies gevonden met de zoekwoorden \u201cfeest\u201d samen met de gekozen filters.",
        "Zo vindt u wel iets:",
        "1 interventie zonder het filter Professionals",
        "1 interventie alleen de zoekwoorden, zonder filters",
        "1 interventie alleen de filters, zonder zoekwoorden",
        "3 interventies alle interventies, zonder zoekwoorden en filters",
    ]
    empty.get_by_role("button", name="1 interventie zonder het filter Professionals").click()
    assert visible(catalogue) == ["buurtfeest"]
    assert empty.is_hidden()


def test_words_that_no_record_has_together_fall_back_to_the_best_matches(catalogue):
    catalogue.locator("#ci-q").fill("feest gesprek")
    assert visible(catalogue) == ["buurtfeest", "wijkgesprek"]
    assert catalogue.get_by_role("status").inner_text().endswith(
        "Geen interventie bevat alle woorden; dit zijn de interventies die het best passen."
    )
    assert catalogue.locator("#ci-empty").is_hidden()


def test_several_words_with_a_filter_offer_to_leave_out_a_word(catalogue):
    """No record of the filter has the words that the best matches have (buurtfeest: samen and
    feest; kan-wel, the only Jongeren record, has idee): leaving out one word brings kan-wel back."""
    catalogue.get_by_role("checkbox", name="Jongeren", exact=True).check()
    catalogue.locator("#ci-q").fill("samen feest idee")
    assert visible(catalogue) == []
    empty = catalogue.locator("#ci-empty")
    assert empty.locator("p, li").all_inner_texts() == [
        "Geen interventies gevonden met de zoekwoorden \u201csamen feest idee\u201d samen met de gekozen filters.",
        "Zo vindt u wel iets:",
        "1 interventie zonder het woord \u201csamen\u201d",
        "1 interventie zonder het woord \u201cfeest\u201d",
        "1 interventie zonder het filter Jongeren",
        "1 interventie alleen de zoekwoorden, zonder filters",
        "1 interventie alleen de filters, zonder zoekwoorden",
        "3 interventies alle interventies, zonder zoekwoorden en filters",
    ]
    empty.get_by_role("button", name="1 interventie zonder het woord \u201csamen\u201d").click()
    assert catalogue.locator("#ci-q").input_value() == "feest idee"
    assert catalogue.get_by_role("checkbox", name="Jongeren", exact=True).is_checked()
    assert visible(catalogue) == ["kan-wel"]
    assert empty.is_hidden()


@pytest.fixture
def phone(browser, bundled_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", has_touch=True)
    page = context.new_page()
    page.goto(bundled_url + "catalogus/")
    page.wait_for_selector("html[data-catalog-ready]")
    yield page
    context.close()


def test_on_a_phone_results_follow_the_search_field_and_filters_open_in_a_panel(phone):
    search = phone.locator("#ci-q").bounding_box()
    first = phone.locator("#ci-live > .ci-result").first.bounding_box()
    assert first["y"] - (search["y"] + search["height"]) < 200  # not 2,500 px further down
    assert first["y"] < 844  # on the first screen
    toggle = phone.get_by_role("button", name="Filters", exact=True)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert phone.locator(".ci-facet").first.is_hidden()
    toggle.click()
    assert phone.get_by_role("button", name="Filters", exact=True).get_attribute("aria-expanded") == "true"
    box = phone.get_by_role("checkbox", name="Jongeren", exact=True)
    size = box.bounding_box()
    assert size["width"] >= 24 and size["height"] >= 24
    box.check()
    assert phone.locator("#ci-panel-toggle").inner_text() == "Filters (1)"
    close = phone.get_by_role("button", name="Toon 1 resultaat")
    close.click()
    assert phone.locator(".ci-facet").first.is_hidden()
    assert phone.evaluate("document.activeElement.id") == "ci-status"
    assert visible(phone) == ["kan-wel"]


def test_desktop_shows_filters_without_a_panel_button(catalogue):
    assert catalogue.locator("#ci-panel-toggle").is_hidden()
    assert catalogue.locator(".ci-facet").first.is_visible()


def test_keyboard_reaches_the_first_result_in_a_few_presses(catalogue):
    catalogue.locator("#ci-q").focus()
    catalogue.keyboard.press("Tab")
    assert catalogue.evaluate("document.activeElement.textContent") == "Naar de resultaten"
    assert catalogue.locator(".ci-skip").is_visible()
    catalogue.keyboard.press("Enter")
    catalogue.keyboard.press("Tab")
    assert catalogue.evaluate("document.activeElement.closest('.ci-result') && document.activeElement.closest('.ci-result').dataset.slug") == "buurtfeest"
