"""The search finds what a Dutch professional means: every query of tests/search_relevance.yml
(word forms, compounds, typos, sentences, synonyms, abbreviations, accents) over the search
fixture (tests/fixtures/search/ with the repository's synoniemen.yml), typed into the catalogue
in Chromium: on the built site served over HTTP, and on the offline zip over file://.

Run on its own to see the score of a built site (for instance one built by an older version):
    .venv/bin/python tests/test_search_relevance.py SITE_FOLDER
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import FIXTURES, REPO, axe_violations, build_fixture_site, built_once, only_files, recording_errors, serve_folder, settled, visible  # noqa: E402

CASES = yaml.safe_load((Path(__file__).parent / "search_relevance.yml").read_text("utf-8"))
SEARCH_FIXTURE = FIXTURES / "search"


def use_search_fixture(root: Path) -> None:
    """Replace the records of a fixture catalogue with the search fixture and the real synonyms."""
    for child in root.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    shutil.copytree(SEARCH_FIXTURE, root, dirs_exist_ok=True)
    shutil.copy(REPO / "synoniemen.yml", root / "synoniemen.yml")


@pytest.fixture(scope="session")
def search_site(tmp_path_factory):
    """The search fixture built once per run as a site (served) and as the offline zip (unpacked)."""
    tmp = built_once(tmp_path_factory, "zoeken", lambda tmp: build_fixture_site(tmp, bundle=True, before=use_search_fixture))
    url, stop = serve_folder(tmp / "site")
    yield {"online": url + "catalogus/", "offline": (tmp / "unpacked" / "catalogus-offline" / "catalogus" / "index.html").as_uri()}
    stop()


def search(page, query: str) -> dict:
    """Type a query; what the page shows: result slugs in order, the status, the suggestion."""
    page.locator("#ci-q").fill(query)
    settled(page)  # the shards of the index the words need
    # Every word searched: no shard, word list or Dutch word list still to come, cards shown. The
    # status alone ("De spelling wordt nagekeken…") could be read in the moment between the
    # word list's arrival and the page's update, and the correction was then missed.
    page.wait_for_selector("html[data-search-done]", state="attached")
    return read(page)


def read(page) -> dict:
    """What the page shows now: result slugs in order, the status, the suggestion."""
    suggestion = page.locator("#ci-suggestion")
    return {
        "results": visible(page),
        "status": page.locator("#ci-status").inner_text(),
        "suggestion": suggestion.inner_text() if suggestion.count() and suggestion.is_visible() else None,
        "empty": page.locator("#ci-empty").is_visible(),
    }


FALLBACK_TEXT = "Geen interventie bevat alle woorden; dit zijn de interventies die het best passen."


def failures(case: dict, shown: dict) -> list[str]:
    """What is wrong with the page's answer to one case ([] when it passes)."""
    wrong = []
    results = shown["results"]
    missing = [slug for slug in case["expect"] if slug not in results]
    if missing:
        wrong.append(f"mist {missing}")
    if case.get("first") and results[:1] != [case["first"]]:
        wrong.append(f"eerst {results[:1]}, verwacht {case['first']}")
    extra = [slug for slug in case.get("exclude", []) if slug in results]
    if extra:
        wrong.append(f"hoort niet erbij: {extra}")
    if case.get("suggestion") and shown["suggestion"] != f"Bedoelde u: {case['suggestion']}?":
        wrong.append(f"suggestie {shown['suggestion']!r}, verwacht 'Bedoelde u: {case['suggestion']}?'")
    if not case.get("suggestion") and shown["suggestion"]:
        wrong.append(f"onverwachte suggestie {shown['suggestion']!r}")
    if bool(case.get("fallback")) != (FALLBACK_TEXT in shown["status"]):
        wrong.append(f"status {shown['status']!r}")
    if results and shown["empty"]:
        wrong.append("'Geen interventies gevonden' naast resultaten")
    return wrong


def open_catalogue(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("html[data-catalog-ready]")


@pytest.fixture(scope="module")
def online_catalogue(browser, search_site):
    """One served catalogue page for all online cases: each case types its query over the last."""
    context = browser.new_context(locale="nl-NL")
    page = recording_errors(context.new_page())
    open_catalogue(page, search_site["online"])
    yield page
    context.close()


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}:{c['query']}" for c in CASES])
def test_query_online(online_catalogue, case):
    assert failures(case, search(online_catalogue, case["query"])) == []
    assert online_catalogue.errors == []


def test_every_query_offline(browser, search_site):
    """The same queries over file:// from the unpacked zip, with every other request blocked."""
    context = browser.new_context(locale="nl-NL")
    blocked = only_files(context)
    page = recording_errors(context.new_page())
    try:
        open_catalogue(page, search_site["offline"])
        wrong = {case["query"]: failures(case, search(page, case["query"])) for case in CASES}
        assert {q: w for q, w in wrong.items() if w} == {}
        assert (blocked, page.errors) == ([], [])
    finally:
        context.close()


def test_the_suggestion_searches_the_corrected_words(page, search_site):
    open_catalogue(page, search_site["online"])
    search(page, "vrijwiligers ontmoetigsplek")
    # On a busy machine (xdist) the correction can come after search() has looked; the
    # suggestion must appear, and then everything the page shows is checked exactly.
    page.wait_for_selector("#ci-suggestion", state="visible")
    shown = read(page)
    assert shown["suggestion"] == "Bedoelde u: vrijwilligers ontmoetingsplek?"
    assert shown["status"] == (
        "1 interventie met al uw woorden; ook 4 met een deel ervan. \u201cvrijwiligers\u201d staat in geen enkele interventie; u ziet de interventies met \u201cvrijwilligers\u201d."
        " \u201contmoetigsplek\u201d staat in geen enkele interventie; u ziet de interventies met \u201contmoetingsplek\u201d.")
    page.get_by_role("button", name="vrijwilligers ontmoetingsplek").click()
    assert page.locator("#ci-q").input_value() == "vrijwilligers ontmoetingsplek"
    assert page.locator("#ci-suggestion").is_hidden()
    assert page.locator("#ci-status").inner_text() == "1 interventie met al uw woorden; ook 4 met een deel ervan"
    assert visible(page)[0] == "ontmoetingsplek-de-linde"
    assert page.locator("#ci-live > :nth-child(2)").inner_text() == "Ook gevonden met een deel van uw woorden (4)"
    assert page.url.endswith("#q=vrijwilligers+ontmoetingsplek")
    page.go_back()  # the correction was a choice: Back returns to the words typed
    assert page.locator("#ci-q").input_value() == "vrijwiligers ontmoetigsplek"


@pytest.mark.parametrize("width", [390, 1280])
def test_suggestion_and_fallback_pass_axe(browser, search_site, width):
    """WCAG 2.1 AA with "Bedoelde u ...?" and the sentence fallback on screen, on a phone and a desktop."""
    page = browser.new_page(viewport={"width": width, "height": 900}, locale="nl-NL")
    try:
        open_catalogue(page, search_site["online"])
        shown = search(page, "hoe krijg ik vrijwiligers actief in de buurt")
        assert shown["suggestion"] == "Bedoelde u: hoe krijg ik vrijwilligers actief in de buurt?"
        assert FALLBACK_TEXT in shown["status"]
        button = page.locator("#ci-suggestion button").bounding_box()
        assert button["height"] >= 24  # a touch target
        assert axe_violations(page) == []
    finally:
        page.close()


def test_a_word_found_nowhere_and_near_nothing_gives_the_empty_state(page, search_site):
    open_catalogue(page, search_site["online"])
    shown = search(page, "xylofoon")
    assert (shown["results"], shown["suggestion"], shown["empty"]) == ([], None, True)
    # A Dutch word (wordfreq's list) is not a typo: said as it is, with the way back to all records.
    assert page.locator("#ci-empty").inner_text() == "Geen interventie noemt \u201cxylofoon\u201d.\n\nZo vindt u wel iets:\n\n17 interventies zonder de zoekwoorden"


def test_a_dutch_word_no_record_has_is_not_corrected(page, search_site):
    """'schulden' was silently searched as 'scholen' (UX review M3); a typo is still corrected."""
    open_catalogue(page, search_site["online"])
    shown = search(page, "schulden")
    assert (shown["results"], shown["suggestion"]) == ([], None)
    assert shown["status"] == "0 interventies. Geen interventie noemt \u201cschulden\u201d."
    assert page.locator("#ci-empty p").first.inner_text() == "Geen interventie noemt \u201cschulden\u201d."
    page.get_by_role("button", name="17 interventies zonder de zoekwoorden").click()
    assert len(visible(page)) == 17
    assert search(page, "vrijwiligers")["suggestion"] == "Bedoelde u: vrijwilligers?"


def test_ruzie_buren_finds_buurtbemiddeling_in_the_real_catalogue(page, live_url):
    """The example of issue 15, on the repository's own records and synonyms."""
    open_catalogue(page, live_url + "catalogus/")
    assert search(page, "ruzie buren")["results"][0] == "buurtbemiddeling"
    assert search(page, "conflict tussen buren")["results"][0] == "buurtbemiddeling"
    assert "abcd" in search(page, "asset based community development")["results"]
    assert page.errors == []


def test_the_set_covers_every_kind():
    kinds = {}
    for case in CASES:
        kinds[case["kind"]] = kinds.get(case["kind"], 0) + 1
    assert len(CASES) >= 40
    assert set(kinds) == {"word-form", "compound", "typo", "sentence", "synonym", "abbreviation", "accent"}
    assert min(kinds.values()) >= 4
    records = {p.stem for p in (SEARCH_FIXTURE / "interventions").glob("*.md")}
    assert {slug for case in CASES for key in ("expect", "exclude") for slug in case.get(key, [])} <= records


def score(site: Path) -> None:
    """Print how many cases a built site passes, per kind and in all."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS

    url, stop = serve_folder(site)
    passed: dict[str, list[int]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            open_catalogue(page, url + "catalogus/")
            for case in CASES:
                wrong = failures(case, search(page, case["query"]))
                passed.setdefault(case["kind"], []).append(not wrong)
                print(f"{'goed' if not wrong else 'FOUT'}  {case['kind']:<12} {case['query']:<42} {'; '.join(wrong)}")
            browser.close()
    finally:
        stop()
    print()
    for kind, results in passed.items():
        print(f"{kind:<12} {sum(results)}/{len(results)}")
    total = [r for results in passed.values() for r in results]
    print(f"{'totaal':<12} {sum(total)}/{len(total)}")


if __name__ == "__main__":
    score(Path(sys.argv[1]))
