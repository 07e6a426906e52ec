"""Real browser (Chromium): the search field in the header of every page leads to the catalogue's
own search, online and from file:// in the offline zip; no page downloads Material's search index."""

from __future__ import annotations

import pytest

from conftest import axe_violations, visible

QUERY = "buurtbemiddeling"


def search_from_header(page, query: str) -> None:
    field = page.get_by_role("searchbox", name="Zoek een interventie")
    field.fill(query)
    field.press("Enter")
    page.wait_for_selector("html[data-catalog-ready]")


def test_header_search_leads_to_the_catalogue_with_the_query(page, live_url):
    page.goto(live_url + "interventies/kan-wel/")
    search_from_header(page, QUERY)
    assert page.url == live_url + "catalogus/#q=" + QUERY
    assert page.locator("#ci-q").input_value() == QUERY
    assert visible(page)[0] == "buurtbemiddeling"
    assert page.locator('#ci-live > .ci-result[data-slug="buurtbemiddeling"] h2').inner_text() == "Buurtbemiddeling"
    assert page.errors == []


def test_header_search_works_from_file_in_the_offline_zip(offline_page, live_site):
    page = offline_page
    folder = live_site / "unpacked" / "catalogus-offline"
    page.goto((folder / "interventies" / "kan-wel.html").as_uri())
    search_from_header(page, QUERY)
    assert page.url == (folder / "catalogus" / "index.html").as_uri() + "#q=" + QUERY
    assert page.locator("#ci-q").input_value() == QUERY
    assert visible(page)[0] == "buurtbemiddeling"
    assert page.errors == []
    assert page.blocked == []


def test_words_with_spaces_and_signs_reach_the_catalogue_intact(page, live_url):
    page.goto(live_url + "werkzame-elementen/")
    search_from_header(page, "ruzie & buren")
    assert page.url == live_url + "catalogus/#q=ruzie%20%26%20buren"
    assert page.locator("#ci-q").input_value() == "ruzie & buren"
    assert page.errors == []


def test_header_search_on_the_catalogue_itself_changes_the_query(page, live_url):
    page.goto(live_url + "catalogus/")
    page.wait_for_selector("html[data-catalog-ready]")
    search_from_header(page, QUERY)
    assert page.url == live_url + "catalogus/#q=" + QUERY
    assert page.locator("#ci-q").input_value() == QUERY
    assert visible(page)[0] == "buurtbemiddeling"
    assert page.errors == []


def test_empty_header_search_stays_on_the_page(page, live_url):
    page.goto(live_url + "interventies/kan-wel/")
    page.get_by_role("searchbox", name="Zoek een interventie").press("Enter")
    assert page.url == live_url + "interventies/kan-wel/"
    assert page.errors == []


def test_on_a_phone_a_button_opens_the_field(browser, live_url):
    """390 px: the header shows a search button (24 px or more) that opens the field over the
    header; Escape closes it again; axe finds nothing in either state."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_url + "interventies/kan-wel/")
    field = page.get_by_role("searchbox", name="Zoek een interventie")
    button = page.get_by_role("button", name="Zoek een interventie")
    assert field.is_hidden()
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    assert button.get_attribute("aria-expanded") == "false"
    assert axe_violations(page) == []
    button.click()
    assert field.is_visible()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "ci-header-q"
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert field.is_hidden()
    button.click()
    page.keyboard.type(QUERY)
    page.keyboard.press("Enter")
    page.wait_for_selector("html[data-catalog-ready]")
    assert page.url == live_url + "catalogus/#q=" + QUERY
    assert visible(page)[0] == "buurtbemiddeling"
    context.close()


def test_no_page_downloads_a_search_index(page, live_url, offline_page, live_site):
    """Material's search plugin is off: neither its index (search_index.json, 5.7 MB at 1,000
    records) nor its search worker is fetched by any kind of page, online or offline."""
    paths = ["", "catalogus/", "interventies/", "interventies/kan-wel/", "werkzame-elementen/alle-bewoners-betrekken/", "themas/"]
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    for path in paths:
        page.goto(live_url + path)
        page.wait_for_load_state("networkidle")
    offline_page.on("request", lambda request: fetched.append(request.url))
    folder = live_site / "unpacked" / "catalogus-offline"
    for path in ["index.html", "catalogus/index.html", "interventies/kan-wel.html", "werkzame-elementen/alle-bewoners-betrekken.html"]:
        offline_page.goto((folder / path).as_uri())
        offline_page.wait_for_load_state("networkidle")
    assert len(fetched) > 20
    assert [url for url in fetched if "search_index" in url or "/workers/search" in url or "iframe-worker" in url] == []
    assert not (live_site / "site" / "search").exists()
    assert not (folder / "search").exists()
