"""How the catalogue page loads (issue 14): its first results are in the HTML, the rest comes in
classic scripts after the first paint, and every intervention stays reachable without JavaScript."""

from __future__ import annotations

import re

import pytest

from conftest import generated_size, recording_errors, serve_folder, visible

from catalog.outputs.pages.render import FIRST_PAGE

SIZE = generated_size()  # 11 card files


@pytest.fixture(scope="module")
def large(generated):
    """The generated catalogue of SIZE interventions, served; (url, site folder, titles in order)."""
    from catalog.graph.link import title_key
    from catalog.records.load import load_catalog

    catalog = load_catalog(generated / "catalogus")
    slugs = [r.slug for r in sorted(catalog.interventions.values(), key=title_key)]
    url, stop = serve_folder(generated / "site")
    yield url, generated / "site", slugs
    stop()


def card_slugs(html: str) -> list[str]:
    return re.findall(r'<div class="ci-result" role="listitem" data-slug="([^"]+)"', html)


def test_the_html_holds_only_the_first_page_and_no_data(large):
    url, site, slugs = large
    html = (site / "catalogus" / "index.html").read_text("utf-8")
    assert card_slugs(html) == slugs[:FIRST_PAGE]
    assert f"{SIZE} interventies" in html
    # Nothing in the page grows with the catalogue: data, cards and index come as separate files.
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert [s for s in scripts if "catalogus-" in s] == [f"../assets/catalogus-{n}.js" for n in ("state", "filter", "words", "search", "view", "app", "vergelijk")]
    assert sorted(p.name for p in (site / "assets").glob("catalogus-kaarten-*.js")) == sorted(f"catalogus-kaarten-{k}.js" for k in range(11))


def test_without_javascript_every_intervention_is_reachable(browser, large):
    url, site, slugs = large
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + "catalogus/")
    assert visible(page) == slugs[:FIRST_PAGE]
    assert page.locator("#ci-finder").is_hidden()  # search and filters need the script
    note = page.locator(".ci-noscript")
    assert note.inner_text().startswith(f"Hier staan de eerste {FIRST_PAGE} van {SIZE} interventies.")
    note.get_by_role("link", name="lijst van A tot Z").click()
    page.wait_for_url(url + "interventies/")  # evaluate_all does not wait for the navigation
    page.locator(".ci-list-compact a").first.wait_for()
    links = page.locator(".ci-list-compact a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert [href.split("/")[0] for href in links] == slugs
    context.close()


def test_show_more_reaches_every_card_from_every_card_file(page, large):
    url, site, slugs = large
    page.goto(url + "catalogus/")
    page.wait_for_selector("html[data-catalog-ready]")
    assert visible(page) == slugs[:FIRST_PAGE]
    while page.locator("#ci-more").is_visible():
        page.locator("#ci-more").click()
    assert visible(page) == slugs
    assert page.errors == []


@pytest.fixture
def data_held(page):
    """The page, with catalogus-data.js held back: `page.held[0].continue_()` lets it through."""
    page.held = []
    page.route("**/catalogus-data.js", lambda route: page.held.append(route))
    return page


def test_a_shared_link_never_shows_the_unfiltered_first_page(data_held, large):
    page, (url, site, slugs) = data_held, large
    page.goto(url + "catalogus/#doelgroep=jongeren", wait_until="domcontentloaded")
    page.wait_for_function("() => window.CI && document.querySelector('#ci-status')")
    assert page.locator("#ci-live").evaluate("list => getComputedStyle(list).visibility") == "hidden"
    assert page.get_by_role("status").inner_text() == "De catalogus laadt nog\u2026"
    page.held[0].continue_()
    page.wait_for_selector("html[data-results-ready]")
    assert page.locator("#ci-live").evaluate("list => getComputedStyle(list).visibility") == "visible"
    shown = visible(page)
    assert shown and all(
        "Jongeren" in page.locator(f'#ci-live [data-slug="{slug}"] .ci-terms').text_content() for slug in shown
    )
    assert page.errors == []


SHARD_SCRIPTS = "Array.from(document.scripts, s => s.src.replace(/.*\\//, '')).filter(s => s.startsWith('zoekdeel-'))"
# What the page shows: per result its slug and why it was found, and the status.
SHOWN = """() => [Array.from(document.querySelectorAll('#ci-live > .ci-result'),
  c => [c.dataset.slug, (c.querySelector('.ci-why') || {}).textContent || '']), document.getElementById('ci-status').textContent]"""
SHOWN_AT_DONE = f"""new MutationObserver(function () {{
  if (!window.__shownAtDone && document.documentElement.hasAttribute("data-search-done")) window.__shownAtDone = ({SHOWN})();
}}).observe(document, {{attributes: true, attributeFilter: ["data-search-done"], subtree: true}});"""


@pytest.mark.parametrize("where", ["online", "file"])
def test_a_query_in_the_address_has_its_results_before_the_data(browser, large, where):
    """Issue 29: with '#q=gesprekken' and no filter, the page ranks and shows the full-text results
    with the shard list, the query's shards and title file and the card files, before it asks for
    catalogus-data.js (it grows with the catalogue; online it is held back here); then it loads the
    data. The results and why each was found are those of the same query typed with the data
    there, and so is the status once the data is in."""
    url, site, slugs = large
    context = browser.new_context(locale="nl-NL")
    page = recording_errors(context.new_page())
    page.add_init_script(SCRIPTS_AT_DONE)
    page.add_init_script(SHOWN_AT_DONE)
    held = []
    if where == "online":
        page.route("**/catalogus-data.js", lambda route: held.append(route))
    address = url + "catalogus/" if where == "online" else (site / "catalogus" / "index.html").as_uri()
    page.goto(address + "#q=gesprekken", wait_until="domcontentloaded")
    page.wait_for_selector("html[data-search-done]")
    early, status = page.evaluate("window.__shownAtDone")
    at_done = page.evaluate("window.__atDone")
    assert "catalogus-data.js" not in at_done
    shards = [s for s in at_done if s.startswith("zoekdeel-")]
    assert len(shards) == 1, shards  # its own shard only (many records: its parts are not looked up)
    assert status.endswith(". De filters laden nog\u2026"), status  # its own sentence
    assert len(early) == FIRST_PAGE and any(why for _, why in early)
    if where == "online":
        page.wait_for_function("() => Array.from(document.scripts).some(s => s.src.endsWith('catalogus-data.js'))")
        assert not page.evaluate("!!window.CATALOG") and not page.evaluate("document.documentElement.hasAttribute('data-results-ready')")
        held[0].continue_()
        page.unroute("**/catalogus-data.js")
    page.wait_for_selector("html[data-results-ready][data-catalog-ready]")
    after, status_after = page.evaluate(SHOWN)
    assert after == early
    assert page.evaluate(SHARD_SCRIPTS) == shards  # none asked for again once the data is in
    page.goto(address)
    page.wait_for_selector("html[data-catalog-ready]")
    page.locator("#ci-q").fill("gesprekken")
    page.wait_for_selector("html[data-search-done]:not([data-search-loading])")
    typed, status_typed = page.evaluate(SHOWN)
    assert typed == early and status_after == status_typed and status == status_typed + ". De filters laden nog\u2026"
    assert page.errors == []
    context.close()


def test_a_choice_made_before_the_data_applies_when_it_arrives(data_held, large):
    page, (url, site, slugs) = data_held, large
    page.goto(url + "catalogus/", wait_until="domcontentloaded")
    page.wait_for_function("() => window.CI && !document.getElementById('ci-finder').hidden")
    assert visible(page) == slugs[:FIRST_PAGE]  # the first results need no data
    page.get_by_role("checkbox", name="Jongeren", exact=True).check()
    assert page.get_by_role("status").inner_text() == "De catalogus laadt nog\u2026"
    page.held[0].continue_()
    page.wait_for_selector("html[data-results-ready]")
    count = int(page.get_by_role("status").inner_text().split()[0])
    assert 0 < count < SIZE
    assert page.errors == []


# Issue 29: the scripts the page added, in order, and those it had added when a query in the
# address first had its full-text results (data-search-done): mutation records come in order, so
# the card files asked for after that moment (the rest, for filters) are not in the snapshot.
SCRIPTS_AT_DONE = """new MutationObserver(function (records) {
  window.__added = window.__added || [];
  records.forEach(function (r) {
    if (r.type === "childList") {
      r.addedNodes.forEach(function (n) { if (n.tagName === "SCRIPT" && n.src) window.__added.push(n.src.replace(/.*\\//, "")); });
    } else if (r.oldValue === null && !window.__atDone) {
      window.__atDone = window.__added.slice();
    }
  });
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-search-done"], attributeOldValue: true});"""


@pytest.mark.parametrize("where", ["online", "file"])
def test_a_query_loads_only_its_shards_and_the_card_files_of_its_results(browser, large, where):
    """With '#q=gesprekken' in the address, the page has its full-text results before it asks
    for any card file but those of the results it shows, and with only the shards of the query;
    then it loads the other card files (filters and "Toon meer" can show any card)."""
    url, site, by_title = large  # the card files are in title order, 50 cards each
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.add_init_script(SCRIPTS_AT_DONE)
    address = url + "catalogus/" if where == "online" else (site / "catalogus" / "index.html").as_uri()
    page.goto(address + "#q=gesprekken")
    page.wait_for_selector("html[data-catalog-ready]")
    shown = visible(page)
    assert len(shown) == FIRST_PAGE
    at_done = page.evaluate("window.__atDone")
    cards = sorted({by_title.index(slug) // 50 for slug in shown})
    assert sorted(int(re.sub(r"\D", "", s)) for s in at_done if s.startswith("catalogus-kaarten-")) == cards
    assert len(cards) < 11
    shards = [s for s in at_done if s.startswith("zoekdeel-")]
    assert 1 <= len(shards) <= 4 and len(set(shards)) == len(shards), shards
    # Of the titles only the file with "gesprekken"; no tags (it names no theme or target group).
    # (the titles of the generated catalogue are one file), and the data only after the results.
    assert [s for s in at_done if s.startswith(("zoektitel-", "zoeklabel-"))] == ["zoektitel-0.js"]
    assert "catalogus-data.js" not in at_done
    added = page.evaluate("window.__added")
    assert sorted(s for s in added if s.startswith("catalogus-kaarten-")) == sorted(f"catalogus-kaarten-{k}.js" for k in range(11))
    assert added.count("catalogus-data.js") == 1
    context.close()


BUNDLE_AT = """new MutationObserver(function (records) {
  records.forEach(function (r) { r.addedNodes.forEach(function (n) {
    if (n.tagName === "SCRIPT" && /\\/bundle\\.[0-9a-f]+\\.min\\.js$/.test(n.src) && !window.__bundleAt)
      window.__bundleAt = {done: document.documentElement.hasAttribute("data-search-done"), ms: performance.now()};
  }); });
}).observe(document, {childList: true, subtree: true});
document.addEventListener("DOMContentLoaded", function () {
  window.__atLoaded = {js: document.documentElement.classList.contains("js"),
    scripts: Array.from(document.scripts).filter(function (s) { return s.src; }).map(function (s) { return s.src.replace(/.*\\//, ""); })};
}, {once: true});"""


def theme_works(page) -> None:
    """The theme's bundle has run (html.js) and drives the header: scrolled past the page title,
    the header shows it (its DOMContentLoaded handlers ran too)."""
    page.wait_for_selector("html.js")
    assert page.evaluate("document.querySelectorAll('script[src*=\"/bundle.\"]').length") == 1
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_selector(".md-header__title--active")


@pytest.mark.parametrize("where", ["online", "file"])
def test_with_words_the_theme_runs_after_the_full_text_results(browser, large, where):
    """Issue 29: with '#q=' the theme's bundle (0.8 s of script on a phone) is inserted only once
    the full-text results are shown (or after 3 s, or on the first key or touch), and then works;
    without words the page's scripts are as before: the bundle parser-blocking before catalogus.js."""
    url, site, slugs = large
    context = browser.new_context(locale="nl-NL")
    page = recording_errors(context.new_page())
    page.add_init_script(BUNDLE_AT)
    address = url + "catalogus/" if where == "online" else (site / "catalogus" / "index.html").as_uri()
    page.goto(address + "#q=gesprekken", wait_until="domcontentloaded")
    assert page.evaluate("window.__atLoaded.js") is False
    page.wait_for_selector("html[data-search-done]")
    theme_works(page)
    at = page.evaluate("window.__bundleAt")
    assert at["done"] or at["ms"] >= 3000, at
    page.goto("about:blank")
    page.goto(address, wait_until="domcontentloaded")
    loaded = page.evaluate("window.__atLoaded")
    bundle = [name for name in loaded["scripts"] if name.startswith("bundle.")]
    assert loaded["js"] is True and len(bundle) == 1
    assert [n for n in loaded["scripts"] if n in ("catalogus-vergelijk.js", bundle[0], "catalogus.js")] == [
        "catalogus-vergelijk.js", bundle[0], "catalogus.js"]
    theme_works(page)
    assert page.errors == []
    context.close()


def test_with_words_a_key_runs_the_theme_before_the_results(browser, large):
    """The reader's first key press runs the bundle at once, results or not (the shards held)."""
    url, site, slugs = large
    context = browser.new_context(locale="nl-NL")
    page = recording_errors(context.new_page())
    page.add_init_script(BUNDLE_AT)
    held = []
    page.route("**/zoekdeel-*.js", lambda route: held.append(route))
    page.goto(url + "catalogus/#q=gesprekken", wait_until="domcontentloaded")
    page.wait_for_function("() => document.scripts.length && !!Array.from(document.scripts).find(s => /zoekdeel-/.test(s.src))")
    page.keyboard.press("Shift")
    theme_works(page)
    assert page.evaluate("window.__bundleAt.done") is False and held
    for route in held:
        route.continue_()
    page.wait_for_selector("html[data-search-done]")
    assert page.errors == []
    context.close()


def test_other_pages_load_the_theme_as_before(large):
    url, site, slugs = large
    assert '<script src="assets/javascripts/bundle.' in (site / "index.html").read_text("utf-8")
    assert "URLSearchParams" not in (site / "index.html").read_text("utf-8")
