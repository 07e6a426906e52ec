"""Issue 18 from the catalogue page: a "Vergelijk" tick on every card and the bar "Vergelijk (n)"
(catalog/assets/catalogus/catalogus-vergelijk.js), on the served site and over file:// from the offline
bundle. Fixtures and helpers are those of test_tools.py."""

from __future__ import annotations

from conftest import axe_violations, build_fixture_site, serve_folder
from test_tools import element_rows, expected_element_rows, records, site, tab  # noqa: F401


def test_compare_from_ticks_in_the_catalogue(tab, site, records):
    tab.goto(site.url("catalogus/"))
    tab.wait_for_selector("html[data-catalog-ready]")
    bar = tab.get_by_role("region", name="Vergelijken")
    assert bar.locator("#ci-compare-text").text_content() == "Vink bij 2 tot 4 interventies \u201cVergelijk\u201d aan om ze naast elkaar te zetten."
    assert tab.locator("#ci-compare-open").is_hidden()
    tab.get_by_role("checkbox", name="Vergelijk Wijkgesprek").check()
    tab.get_by_role("checkbox", name="Vergelijk Kan wél!").check()
    assert tab.locator("#ci-compare-open").text_content() == "Vergelijk (2)"
    assert bar.locator("#ci-compare-text").text_content() == "Gekozen: Wijkgesprek, Kan wél!."
    # Ticks stay with their cards while the list changes (the catalogue puts new cards in).
    tab.get_by_role("checkbox", name="Praktijkvoorbeeld", exact=True).check()
    assert tab.locator("#ci-live > .ci-result").evaluate_all("cards => cards.map(c => c.dataset.slug)") == ["buurtfeest"]
    tab.get_by_role("checkbox", name="Praktijkvoorbeeld", exact=True).uncheck()
    assert tab.get_by_role("checkbox", name="Vergelijk Kan wél!").is_checked()
    assert tab.get_by_role("checkbox", name="Vergelijk Wijkgesprek").is_checked()
    assert not tab.get_by_role("checkbox", name="Vergelijk Buurtfeest").is_checked()
    tab.locator("#ci-compare-open").click()
    tab.wait_for_selector("html[data-compare-ready]")
    assert tab.url == site.url("vergelijk/#i=wijkgesprek&i=kan-wel")
    assert element_rows(tab) == expected_element_rows(records, ["wijkgesprek", "kan-wel"])
    # Back in the catalogue (same tab) the ticks are still there; "Wis keuze" clears them.
    tab.go_back()
    tab.wait_for_selector("html[data-catalog-ready]")
    assert tab.get_by_role("checkbox", name="Vergelijk Kan wél!").is_checked()
    tab.get_by_role("button", name="Wis keuze").click()
    assert not tab.get_by_role("checkbox", name="Vergelijk Kan wél!").is_checked()
    assert tab.locator("#ci-compare-open").is_hidden()


def test_catalogue_ticks_stop_at_four(browser, tmp_path):
    """Five interventions: the fifth tick is refused with a message."""
    def two_more(root):
        for slug, name in (("buurtfeest-twee", "Buurtfeest twee"), ("buurtfeest-drie", "Buurtfeest drie")):
            text = (root / "interventions" / "buurtfeest.md").read_text("utf-8").replace("title: Buurtfeest", f"title: {name}")
            (root / "interventions" / f"{slug}.md").write_text(text, "utf-8")

    url, stop = serve_folder(build_fixture_site(tmp_path, before=two_more) / "site")
    page = browser.new_page()
    try:
        page.goto(url + "catalogus/")
        page.wait_for_selector("html[data-catalog-ready]")
        for name in ("Buurtfeest", "Buurtfeest drie", "Buurtfeest twee", "Kan wél!"):
            page.get_by_role("checkbox", name=f"Vergelijk {name}", exact=True).check()
        page.get_by_role("checkbox", name="Vergelijk Wijkgesprek").click()
        assert not page.get_by_role("checkbox", name="Vergelijk Wijkgesprek").is_checked()
        assert page.locator("#ci-compare-message").text_content() == "U kunt hoogstens 4 interventies vergelijken. Haal eerst een vinkje weg."
        assert page.locator("#ci-compare-open").text_content() == "Vergelijk (4)"
    finally:
        page.close()
        stop()





def test_no_wcag_violations_in_the_catalogue_with_ticks(page, bundled_url):
    page.goto(bundled_url + "catalogus/")
    page.wait_for_selector("html[data-catalog-ready]")
    page.get_by_role("checkbox", name="Vergelijk Kan wél!").check()
    assert axe_violations(page) == []
    assert page.errors == []
