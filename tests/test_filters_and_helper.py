"""Issue 27, items 6 and 7 in Chromium, on the served site and over file:// from the unpacked
offline bundle, at 390 and 1280 px: filters that do not dead-end (thema and doelgroep first,
werkzame elementen folded, a disabled option says why, the count in view, "Toon n resultaten" in
view on a phone, ways out of an empty result) and the choice helper that weighs the problem first."""

from __future__ import annotations

import pytest

from conftest import only_files, recording_errors, reused, visible
from test_tools import Site

WIDTHS = {"phone": (390, 560), "desktop": (1280, 420)}  # low screens: the panel is longer than the screen


@pytest.fixture(scope="module", params=["online", "offline"])
def site(request, bundled, bundled_url):
    if request.param == "online":
        return Site("online", bundled_url)
    return Site("offline", (bundled / "unpacked" / "catalogus-offline").as_uri() + "/")


@pytest.fixture(scope="module", params=list(WIDTHS))
def screen_tab(request, browser, site):
    """One page per screen and site for all tests of this module (see `screen`)."""
    width, height = WIDTHS[request.param]
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": height}, has_touch=request.param == "phone")
    page = recording_errors(context.new_page())
    page.blocked = only_files(context) if site.kind == "offline" else []
    page.kind = request.param
    yield page
    context.close()


@pytest.fixture
def screen(screen_tab):
    """The screen's page, on about:blank with nothing recorded yet; after the test, no console
    error and (offline) no request that is not file://."""
    with reused(screen_tab) as page:
        yield page


def open_catalogue(page, site, fragment: str = "") -> None:
    page.goto("about:blank")  # a new load, also when only the fragment differs
    page.goto(site.url("catalogus/" + fragment))
    page.wait_for_selector("html[data-catalog-ready]")
    if page.kind == "phone":
        page.locator("#ci-panel-toggle").click()  # "Filters" or "Filters (n)"


def in_view(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height + 1


def test_problem_facets_first_and_elements_folded(screen, site):
    open_catalogue(screen, site)
    order = screen.locator("#ci-panel fieldset.ci-facet").evaluate_all("sets => sets.map(s => s.dataset.facet)")
    assert order[:2] == ["thema", "doelgroep"] and order.index("element") > 1
    fold = screen.locator("#ci-element-fold")
    assert fold.evaluate("d => d.open") is False
    assert screen.get_by_role("checkbox", name="Buurtcoach", exact=True).is_hidden()
    # Keyboard: the fold's summary takes the focus and opens with Enter.
    screen.locator("#ci-element-fold > summary").focus()
    screen.keyboard.press("Enter")
    assert fold.evaluate("d => d.open") is True
    screen.get_by_role("checkbox", name="Buurtcoach", exact=True).check()
    assert screen.locator("#ci-element-chosen").inner_text() == "(1 gekozen)"
    # A shared link with an element opens the fold.
    open_catalogue(screen, site, "#element=buurtcoach")
    assert fold.evaluate("d => d.open") is True
    assert screen.get_by_role("checkbox", name="Buurtcoach", exact=True).is_checked()


def test_a_disabled_option_says_why(screen, site):
    open_catalogue(screen, site)
    assert screen.locator("#ci-thema-veiligheid-why").inner_text() == "geen interventie in de catalogus"  # no record has it
    screen.get_by_role("checkbox", name="Sociale cohesie", exact=True).check()
    kinderen = screen.get_by_role("checkbox", name="Kinderen", exact=True)
    assert kinderen.is_disabled()
    assert screen.locator("#ci-doelgroep-kinderen-why").inner_text() == "geen interventie met Sociale cohesie én Kinderen"
    assert kinderen.get_attribute("aria-describedby") == "ci-doelgroep-kinderen-n ci-doelgroep-kinderen-why"
    screen.get_by_role("checkbox", name="Jongeren", exact=True).check()
    # In the group of a ticked option a count is what ticking adds: not a dead end.
    assert screen.get_by_role("checkbox", name="Kinderen", exact=True).is_enabled()
    assert screen.locator("#ci-doelgroep-kinderen-why").is_hidden()
    assert kinderen.get_attribute("aria-describedby") == "ci-doelgroep-kinderen-n"
    screen.locator("#ci-q").fill("gesprek")  # only wijkgesprek, which has neither
    assert screen.locator("#ci-thema-leefbaarheid-why").inner_text() == "geen interventie met de zoekwoorden \u201cgesprek\u201d én Jongeren én Leefbaarheid"


def test_the_count_stays_in_view_while_filtering(screen, site):
    open_catalogue(screen, site)
    screen.locator("#ci-element-fold > summary").click()
    last = screen.locator("#ci-panel .ci-facet input[type=checkbox]:not([disabled])").last
    last.scroll_into_view_if_needed()
    last.check()
    if screen.kind == "desktop":
        assert screen.locator(".ci-finder").evaluate("f => getComputedStyle(f).position") == "sticky"
        assert in_view(screen, "#ci-status")
        assert screen.locator("#ci-status").inner_text() == "1 interventie"
    else:  # the panel's button says how many and stays at the bottom of the screen
        close = screen.locator("#ci-panel-close")
        assert close.inner_text() == "Toon 1 resultaat"
        screen.locator("#ci-thema-leefbaarheid").scroll_into_view_if_needed()
        screen.evaluate("window.scrollBy(0, -80)")
        assert in_view(screen, "#ci-panel-close")
        assert close.evaluate("b => getComputedStyle(b).position") == "sticky"
        close.click()
        assert in_view(screen, "#ci-status")


def test_an_empty_result_offers_ways_out_under_its_message(screen, site):
    open_catalogue(screen, site, "#doelgroep=professionals&thema=leefbaarheid")
    assert visible(screen) == []
    lines = screen.locator("#ci-empty").locator("p, li").all_inner_texts()
    assert lines == [
        "Geen interventies gevonden met deze combinatie van filters.",
        "Zo vindt u wel iets:",
        "1 interventie zonder het filter Leefbaarheid",
        "1 interventie zonder het filter Professionals",
        "3 interventies alle interventies, zonder filters",
    ]
    message = screen.locator("#ci-empty > p").first.bounding_box()
    first_way = screen.locator("#ci-empty button").first.bounding_box()
    assert 0 < first_way["y"] - message["y"] < 120  # right under the message
    screen.locator("#ci-empty").get_by_role("button", name="3 interventies alle interventies, zonder filters").click()
    assert visible(screen) == ["buurtfeest", "kan-wel", "wijkgesprek"]


# -- the choice helper --------------------------------------------------------------------------

def test_helper_weighs_the_problem_first_and_keeps_the_typed_answers(screen, site):
    screen.goto(site.url("afwegen/#doelgroep=professionals&element=kleine-stappen&problemen=Veel+ruzie&rol=aanjagen"))
    screen.wait_for_selector("html[data-helper-ready]")
    assert screen.locator("#ci-shortlist-status").inner_text() == "1 interventie past bij uw probleem: ze heeft minstens één gekozen thema of doelgroep."
    assert screen.locator("#ci-shortlist > li").evaluate_all("l => l.map(li => li.dataset.slug)") == ["wijkgesprek"]
    assert screen.locator("#ci-apart-list > li").evaluate_all("l => l.map(li => li.dataset.slug)") == ["buurtfeest", "kan-wel"]
    assert screen.locator("#ci-apart").is_visible()
    assert screen.get_by_label("De problemen die de deelnemers noemen").input_value() == "Veel ruzie"
    assert screen.get_by_label("Welke rol kan de professional nemen?").input_value() == "aanjagen"
    screen.get_by_label("Wat doen bewoners zelf al?").fill("Een buurtapp")
    screen.wait_for_function("() => location.hash.includes('bewoners=')")
    assert screen.url.endswith("#doelgroep=professionals&element=kleine-stappen&problemen=Veel+ruzie&bewoners=Een+buurtapp&rol=aanjagen")
    # No horizontal overflow with the extra list.
    assert screen.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
