"""Real browser (Chromium): the built fixture site, served over HTTP."""

from __future__ import annotations

import pytest

from conftest import reused


@pytest.fixture
def site_page(module_page):
    """The module's one page for the cases that only load pages of the fixture site (`reused`:
    on about:blank with nothing recorded; afterwards no console error), as a new browser context
    per case costs more than these cases."""
    with reused(module_page) as page:
        yield page


def heading(page) -> str:
    """The h1's own text, without the permalink sign."""
    return page.locator("h1").evaluate("h => h.firstChild.textContent").strip()


def test_open_intervention_and_follow_an_element_link(site_page, bundled_url):
    page = site_page
    page.goto(bundled_url + "interventies/kan-wel/")
    assert heading(page) == "Kan wél!"
    page.get_by_role("link", name="Buurtcoach", exact=True).first.click()
    page.wait_for_url("**/werkzame-elementen/buurtcoach/")
    assert heading(page) == "Buurtcoach"
    back = page.locator("#interventies-met-dit-element + p + ul a")
    assert back.all_inner_texts() == ["Kan wél!", "Wijkgesprek"]
    assert page.errors == []


def test_every_heading_has_one_dutch_heading_link(site_page, bundled_url):
    """The ¶ links are added in the page (catalogus.js), with the markup Markdown's toc would write."""
    page = site_page
    page.goto(bundled_url + "interventies/kan-wel/")
    links = page.locator(".md-content__inner :is(h1, h2, h3, h4, h5, h6)[id]").evaluate_all(
        """hs => hs.flatMap(h => [...h.querySelectorAll('a.headerlink')].map(a => [h.tagName, a.getAttribute('href'), a.title, a.textContent]))"""
    )
    titled = [["h1", "#kan-wel"], ["h2", "#doel"], ["h2", "#doelgroep"], ["h2", "#aanpak"], ["h2", "#onderzoek"], ["h2", "#praktijkervaringen"],
              ["h2", "#werkzame-elementen"], ["h2", "#verwante-interventies"], ["h2", "#bronnen"]]
    assert [[h.lower(), href] for h, href, _, _ in links] == [[h, href] for h, href in titled]
    assert {(title, sign) for _, _, title, sign in links} == {("Vaste link naar dit kopje", "¶")}
    assert page.errors == []


def test_expired_assessment_shows_as_expired(site_page, bundled_url):
    page = site_page
    page.goto(bundled_url + "interventies/buurtfeest/")
    assert page.locator(".ci-expired").is_visible()
    assert page.locator(".ci-expired").inner_text() == "verlopen"
    assert page.errors == []


def test_valid_assessment_does_not_show_as_expired(page, bundled_url):
    """The check runs in the reader's browser, so the badge follows the reader's date."""
    page.add_init_script("Date.prototype.toISOString = function () { return '2020-01-01T00:00:00.000Z'; };")
    page.goto(bundled_url + "interventies/buurtfeest/")
    assert page.locator(".ci-expired").is_hidden()


def test_recognition_older_than_five_years_is_marked_in_the_browser(page, tmp_path):
    """Same mechanism as 'verlopen': the page holds the due date, the reader's date decides."""
    from conftest import build_fixture_site, serve_folder

    def old_recognition(root):
        path = root / "interventions" / "wijkgesprek.md"
        path.write_text(path.read_text("utf-8").replace(
            "evidence: niet-beoordeeld\n", "evidence: goed-beschreven\nassessment: {by: Testcommissie, date: 2016-05, url: https://www.voorbeeld.nl/oordeel}\n"
        ), "utf-8")

    url, stop = serve_folder(build_fixture_site(tmp_path, before=old_recognition) / "site")
    try:
        page.goto(url + "interventies/wijkgesprek/")
        # The page also marks sources over 5 years old (#28) with the same mechanism; this is the recognition's mark.
        mark = page.locator(".ci-expired:not(.ci-old-sources)")
        assert mark.inner_text() == "meer dan 5 jaar oud"
        assert mark.is_visible()
        page.add_init_script("Date.prototype.toISOString = function () { return '2020-01-01T00:00:00.000Z'; };")
        page.reload()
        assert mark.is_hidden()
        assert page.errors == []
    finally:
        stop()
