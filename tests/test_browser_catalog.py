"""The catalogue page in Chromium: facets, counts, OR/AND, Dutch search, URL state, keyboard."""

from __future__ import annotations

import re

import pytest

from conftest import fresh, settled, visible


@pytest.fixture
def catalogue_alone(page, bundled_url):
    """The catalogue page in a browser context of its own: for the cases that use its history or
    open a second page (`catalogue` reuses one page for the module)."""
    page.goto(bundled_url + "catalogus/")
    page.wait_for_selector("html[data-catalog-ready]")
    yield page
    assert page.errors == []


@pytest.fixture
def typed_over(module_page, bundled_url):
    """The catalogue in the module's one page, loaded once for consecutive cases that each type
    their query over the last one (as a reader does; filling the field replaces its words); loaded
    anew after any other case used the page. No console errors."""
    page = module_page
    if not page.evaluate("() => window.__typedOver === true"):
        fresh(page)
        page.goto(bundled_url + "catalogus/")
        page.wait_for_selector("html[data-catalog-ready]")
        page.evaluate("() => { window.__typedOver = true; }")
    yield page
    assert page.errors == []


STATE = """() => [location.href, document.querySelector('#ci-status').innerText,
    document.querySelector('#ci-element-fold').open, document.querySelector('#ci-live').innerHTML,
    [...document.querySelectorAll('.ci-facet input[type=checkbox]')].map(b => [b.id, b.checked, b.disabled]),
    [...document.querySelectorAll('[id$="-n"]')].map(n => [n.id, n.textContent])]"""


@pytest.fixture
def ticked_over(module_page, bundled_url):
    """The catalogue in the module's one page, loaded once for consecutive cases that tick boxes:
    after each case its ticks are taken back and the elements folded again, as a reader does; the
    next case reuses the page only if that gives exactly the state of the first load (address,
    status, results, every box and count), else, and after any other case used the page, it is
    loaded anew. No console errors."""
    page = module_page
    if not page.evaluate("() => window.__tickedOver === true"):
        fresh(page)
        page.goto(bundled_url + "catalogus/")
        page.wait_for_selector("html[data-catalog-ready]")
        page.evaluate(f"() => {{ window.__tickedOver = true; window.__loaded = JSON.stringify(({STATE})()); }}")
    yield page
    assert page.errors == []
    ticked = page.locator(".ci-facet input[type=checkbox]:checked")
    while ticked.count():
        ticked.first.uncheck()
    if page.locator("#ci-element-fold").evaluate("d => d.open"):
        page.locator("#ci-element-fold > summary").click()
    page.evaluate(f"() => {{ window.__tickedOver = JSON.stringify(({STATE})()) === window.__loaded; }}")


def status(page) -> str:
    return page.get_by_role("status").inner_text()


def count(page, facet: str, value: str) -> str:
    return page.locator(f"#ci-{facet}-{value}-n").text_content()  # also in the folded elements


def open_elements(page) -> None:
    """Werkzame elementen are folded below thema and doelgroep (issue 27): open them."""
    page.locator("#ci-element-fold > summary").click()
    assert page.locator("#ci-element-fold").evaluate("d => d.open")


def test_lists_every_intervention(catalogue):
    results = catalogue.get_by_role("list", name="Resultaten")
    assert results.get_by_role("listitem").count() == 3
    assert visible(catalogue) == ["buurtfeest", "kan-wel", "wijkgesprek"]
    assert status(catalogue) == "3 interventies"


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Ontmoeten", ["buurtfeest"]),          # werkzame elementen
        ("Jongeren", ["kan-wel"]),              # doelgroepen
        ("Sociale cohesie", ["kan-wel"]),       # thema's
        ("Goed beschreven", ["buurtfeest"]),    # erkenning
        ("Instrument", ["wijkgesprek"]),        # soort
    ],
)
def test_each_facet_filters(ticked_over, label, expected):
    catalogue = ticked_over
    open_elements(catalogue)
    catalogue.get_by_role("checkbox", name=label, exact=True).check()
    assert visible(catalogue) == expected
    assert status(catalogue) == ("1 interventie" if len(expected) == 1 else f"{len(expected)} interventies")


def test_counts_follow_the_selection(ticked_over):
    catalogue = ticked_over
    open_elements(catalogue)  # folded options are out of the accessibility tree
    assert [count(catalogue, "element", e) for e in ("buurtcoach", "kleine-stappen", "ontmoeten")] == [
        "2 interventies", "2 interventies", "1 interventie",
    ]
    catalogue.get_by_role("checkbox", name="Professionals", exact=True).check()
    assert [count(catalogue, "element", e) for e in ("buurtcoach", "kleine-stappen", "ontmoeten")] == [
        "1 interventie", "0 interventies", "0 interventies",
    ]
    assert catalogue.locator("#ci-element-ontmoeten").locator("xpath=..").get_attribute("class") == "ci-option ci-zero"
    # An option that would give nothing cannot be ticked.
    assert catalogue.get_by_role("checkbox", name="Ontmoeten", exact=True).is_disabled()
    assert catalogue.get_by_role("checkbox", name="Buurtcoach", exact=True).is_enabled()
    # In the same facet (OR) the count says what ticking gives: the result now plus what it adds.
    assert count(catalogue, "doelgroep", "bewoners") == "3 interventies"
    catalogue.get_by_role("checkbox", name="Bewoners", exact=True).check()
    assert status(catalogue) == "3 interventies"
    assert count(catalogue, "doelgroep", "professionals") == "1 interventie"  # ticked: its share
    # The count is the checkbox's description, its name stays the plain label.
    box = catalogue.get_by_role("checkbox", name="Buurtcoach", exact=True)
    assert box.get_attribute("aria-describedby") == "ci-element-buurtcoach-n"


def test_or_within_a_facet_and_across_facets(ticked_over):
    catalogue = ticked_over
    open_elements(catalogue)
    catalogue.get_by_role("checkbox", name="Buurtcoach", exact=True).check()
    catalogue.get_by_role("checkbox", name="Ontmoeten", exact=True).check()
    assert visible(catalogue) == ["buurtfeest", "kan-wel", "wijkgesprek"]
    catalogue.get_by_role("checkbox", name="Jongeren", exact=True).check()
    assert visible(catalogue) == ["kan-wel"]


def test_all_chosen_elements_mode(catalogue):
    open_elements(catalogue)
    catalogue.get_by_role("checkbox", name="Buurtcoach", exact=True).check()
    catalogue.get_by_role("checkbox", name="Kleine stappen", exact=True).check()
    assert visible(catalogue) == ["buurtfeest", "kan-wel", "wijkgesprek"]
    catalogue.get_by_role("radio", name="alle gekozen elementen (en)").check()
    assert visible(catalogue) == ["kan-wel"]
    assert count(catalogue, "element", "ontmoeten") == "0 interventies"
    assert "minstens één" in catalogue.locator("#ci-semantics").inner_text()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("gesprek", ["wijkgesprek"]),              # singular finds the plural "gesprekken"
        ("bewoner", ["buurtfeest", "kan-wel", "wijkgesprek"]),  # singular finds "Bewoners" and "bewoners"
        ("buurtbewoner", ["wijkgesprek"]),
        ("bewo", ["buurtfeest", "kan-wel", "wijkgesprek"]),  # a prefix while typing
        ("wel", ["kan-wel"]),                      # accents are optional: "wél"
        ("Kan wél!", ["kan-wel"]),                 # punctuation does not matter
        ("bewoners feest", ["buurtfeest"]),        # every word must match (above the partial-match line)
        ("de", ["buurtfeest", "kan-wel", "wijkgesprek"]),  # a stop word alone filters nothing
        ("xyzzy", []),
    ],
)
def test_dutch_search(typed_over, query, expected):
    typed_over.get_by_label("Zoek in titel, samenvatting, beschrijving en kenmerken").fill(query)
    settled(typed_over)
    above = typed_over.locator("#ci-live > *").evaluate_all(
        "nodes => { const i = nodes.findIndex(n => n.classList.contains('ci-partial-line')); return (i < 0 ? nodes : nodes.slice(0, i)).map(n => n.dataset.slug); }"
    )
    assert sorted(above) == expected


def test_records_with_part_of_the_words_follow_under_a_line(catalogue):
    catalogue.locator("#ci-q").fill("bewoners feest")
    assert visible(catalogue) == ["buurtfeest", "wijkgesprek", "kan-wel"]
    assert catalogue.locator("#ci-live > *").evaluate_all("nodes => nodes.map(n => n.dataset.slug || n.textContent)") == [
        "buurtfeest", "Ook gevonden met een deel van uw woorden (2)", "wijkgesprek", "kan-wel",
    ]
    assert catalogue.get_by_role("status").inner_text() == "1 interventie met al uw woorden; ook 2 met een deel ervan"


def test_search_ranks_title_matches_first(catalogue):
    catalogue.locator("#ci-q").fill("buurtcoach")
    assert visible(catalogue) == ["kan-wel", "wijkgesprek"]  # in kan-wel's summary, only an element of wijkgesprek


def test_search_combined_with_a_facet(catalogue):
    catalogue.locator("#ci-q").fill("bewoners")
    catalogue.get_by_role("checkbox", name="Praktijkvoorbeeld", exact=True).check()
    assert visible(catalogue) == ["buurtfeest"]
    assert count(catalogue, "soort", "interventie") == "2 interventies"  # ticking it adds kan-wel


def test_sort_by_evidence_and_title(catalogue):
    catalogue.get_by_label("Sorteren op").select_option("erkenning")
    assert visible(catalogue)[0] == "buurtfeest"
    catalogue.get_by_label("Sorteren op").select_option("titel")
    assert visible(catalogue) == ["buurtfeest", "kan-wel", "wijkgesprek"]


def test_state_lives_in_the_url(catalogue_alone, bundled_url):
    catalogue_alone.locator("#ci-q").fill("bewoners")
    open_elements(catalogue_alone)
    catalogue_alone.get_by_role("checkbox", name="Kleine stappen", exact=True).check()
    catalogue_alone.get_by_role("radio", name="alle gekozen elementen (en)").check()
    catalogue_alone.get_by_label("Sorteren op").select_option("titel")
    url = catalogue_alone.url
    assert url.endswith("#q=bewoners&element=kleine-stappen&elementen=alle&sorteer=titel")
    fresh = catalogue_alone.context.new_page()
    fresh.goto(url)
    fresh.wait_for_selector("html[data-catalog-ready]")
    assert fresh.locator("#ci-q").input_value() == "bewoners"
    assert fresh.locator("#ci-element-kleine-stappen").is_checked()
    assert fresh.locator("#ci-mode-alle").is_checked()
    assert fresh.locator("#ci-sort").input_value() == "titel"
    assert visible(fresh) == ["buurtfeest", "kan-wel"]


def test_typing_reaches_the_url_after_a_pause_without_new_history(catalogue_alone):
    length = catalogue_alone.evaluate("history.length")
    catalogue_alone.evaluate("""() => {
        window.replacements = 0;
        const replace = history.replaceState.bind(history);
        history.replaceState = (...args) => { window.replacements++; return replace(...args); };
    }""")
    catalogue_alone.locator("#ci-q").press_sequentially("bewoners", delay=20)
    catalogue_alone.wait_for_function("location.hash === '#q=bewoners'")
    assert 1 <= catalogue_alone.evaluate("window.replacements") <= 2  # once after the pause, not once per key
    assert catalogue_alone.evaluate("history.length") == length


def test_back_and_forward_restore_the_state(catalogue_alone):
    catalogue_alone.get_by_role("checkbox", name="Bewoners", exact=True).check()
    catalogue_alone.get_by_role("checkbox", name="Jongeren", exact=True).check()
    assert visible(catalogue_alone) == ["buurtfeest", "kan-wel"]
    catalogue_alone.get_by_role("checkbox", name="Praktijkvoorbeeld", exact=True).check()
    assert visible(catalogue_alone) == ["buurtfeest"]
    catalogue_alone.go_back()
    assert visible(catalogue_alone) == ["buurtfeest", "kan-wel"]
    assert not catalogue_alone.locator("#ci-soort-praktijkvoorbeeld").is_checked()
    catalogue_alone.go_forward()
    assert visible(catalogue_alone) == ["buurtfeest"]
    assert catalogue_alone.locator("#ci-soort-praktijkvoorbeeld").is_checked()


def test_keyboard_only(catalogue):
    catalogue.locator("#ci-q").focus()
    catalogue.keyboard.type("bewoners")
    focused = []
    for _ in range(40):
        catalogue.keyboard.press("Tab")
        focused.append(catalogue.evaluate("document.activeElement.id || document.activeElement.tagName"))
        if focused[-1] == "SUMMARY":  # werkzame elementen are folded: Enter opens them
            catalogue.keyboard.press("Enter")
        if focused[-1] == "ci-element-ontmoeten":
            break
    assert focused[-1] == "ci-element-ontmoeten"
    assert {"ci-sort", "ci-reset", "ci-mode-een", "SUMMARY"} <= set(focused)
    # The problem first: thema, then doelgroep, then the folded elements.
    assert focused.index("ci-thema-leefbaarheid") < focused.index("ci-doelgroep-bewoners") < focused.index("SUMMARY") < focused.index("ci-mode-een")
    outline = catalogue.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # the focus is visible
    catalogue.keyboard.press("Space")
    assert visible(catalogue) == ["buurtfeest"]
    # Reset is a button: Enter on it clears the filters and returns focus to the search field.
    catalogue.locator("#ci-reset").focus()
    catalogue.keyboard.press("Enter")
    assert visible(catalogue) == ["buurtfeest", "wijkgesprek", "kan-wel"]  # ranked for "bewoners"
    assert catalogue.evaluate("document.activeElement.id") == "ci-q"


def test_clearing_filters_keeps_the_words_typed(catalogue):
    catalogue.get_by_label("Zoek in titel, samenvatting, beschrijving en kenmerken").fill("gesprek")
    catalogue.get_by_role("checkbox", name="Professionals", exact=True).check()
    catalogue.locator("#ci-reset").click()
    assert catalogue.locator("#ci-q").input_value() == "gesprek"
    assert catalogue.get_by_role("checkbox", name="Professionals", exact=True).is_checked() is False
    assert visible(catalogue) == ["wijkgesprek"]


def test_without_javascript_every_intervention_is_listed(browser, bundled_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(bundled_url + "catalogus/")
    assert page.locator(".ci-results > .ci-result").count() == 3
    assert page.locator(".ci-results > .ci-result:visible").count() == 3
    assert page.locator("#ci-finder").is_hidden()
    context.close()


def test_script_shows_the_same_cards_as_the_page_without_javascript(browser, tmp_path):
    """The script builds its cards from the <noscript> list, one line per card; a summary written
    over several lines must not split a card."""
    from conftest import build_fixture_site, serve_folder

    def summary_over_lines(root):
        path = root / "interventions" / "kan-wel.md"
        text = path.read_text("utf-8").replace(
            "summary: Bewoners zetten met een buurtcoach een eigen idee om in actie.",
            "summary: |\n  Bewoners zetten met een buurtcoach\n  een eigen idee om in actie.",
        )
        path.write_text(text, "utf-8")

    tmp = build_fixture_site(tmp_path, before=summary_over_lines)
    url, stop = serve_folder(tmp / "site")
    try:
        cards = {}
        for scripting in (False, True):
            context = browser.new_context(java_script_enabled=scripting)
            page = context.new_page()
            page.goto(url + "catalogus/")
            if scripting:
                page.wait_for_selector("html[data-catalog-ready]")
                today = page.evaluate("new Date().toISOString().slice(0, 10)")
            cards[scripting] = page.locator(".ci-results > .ci-result").evaluate_all("cards => cards.map(c => c.outerHTML)")
            context.close()
    finally:
        stop()
    assert len(cards[True]) == 3
    # The same cards; only catalogus.js (every page) shows the date marks that have passed today:
    # the expired recognition of buurtfeest, the sources of kan-wel and wijkgesprek (over 5 years old).
    marks = re.compile(r'(<span class="ci-expired[^"]*" data-valid-until="([0-9-]+)") hidden="">')
    shown = [marks.sub(lambda m: m[1] + ">" if m[2] < today else m[0], card) for card in cards[False]]
    assert [len(marks.findall(card)) for card in cards[False]] == [1, 1, 1]
    assert [len(marks.findall(card)) for card in cards[True]] == [0, 0, 0]
    assert cards[True] == shown
    assert "Bewoners zetten met een buurtcoach een eigen idee om in actie." in cards[True][1]


def test_common_words_match_the_same_documents_without_scoring(browser, generated):
    """Above 200 matches a word is matched from the inverted index without BM25 (fast typing at
    thousands of records). The documents found must be exactly those a plain search finds."""
    from catalog.records.schema import apply_defaults
    from catalog.records.load import load_catalog
    from catalog.outputs.search.search import documents, fold, key
    from conftest import serve_folder

    catalog = load_catalog(generated / "catalogus")
    apply_defaults(catalog)
    from catalog.graph.link import in_title_order

    docs = {d["ref"]: d for d in documents(catalog)}
    slugs = [record.slug for record in in_title_order(catalog)]  # a ref is a place in title order

    def expected(word: str) -> list[str]:
        hits = []
        for ref, doc in docs.items():
            words = " ".join(doc.values()).split()
            near = (doc["title"] + " " + doc["about"]).split()
            if any(key(w) == key(word) for w in words) or any(key(w).startswith(word) or w.startswith(word) for w in near):
                hits.append(slugs[int(ref)])
        return sorted(hits)

    url, stop = serve_folder(generated / "site")
    page = browser.new_page()
    try:
        page.goto(url + "catalogus/")
        page.wait_for_selector("html[data-catalog-ready]")
        for word in ["buurt", "bewoners", "gesprekken"]:
            want = expected(fold(word))
            assert len(want) > 200, word  # the word is common enough for the fast path
            page.locator("#ci-q").fill(word)
            settled(page)
            shown = page.locator("#ci-status").inner_text()
            assert shown == f"{len(want)} interventies", word
    finally:
        page.close()
        stop()


def test_results_and_facets_work_before_the_search_index_arrives(page, bundled_url):
    held = []
    page.route("**/catalogus-index.js", lambda route: held.append(route))
    # Typed, not in the address: with words in the address and no filter the page searches with
    # the index first and loads the data after (test_browser_loading, issue 29).
    page.goto(bundled_url + "catalogus/", wait_until="domcontentloaded")  # the held script delays "load"
    page.wait_for_selector("html[data-results-ready]")
    page.fill("#ci-q", "kan")
    assert page.locator("html[data-catalog-ready]").count() == 0
    # Until the index is there, words match the titles only, and the status says so.
    assert visible(page) == ["kan-wel"]
    assert page.get_by_role("status").inner_text() == "1 interventie (gezocht in de titels; zoeken in alle tekst laadt nog)"
    page.get_by_role("checkbox", name="Jongeren", exact=True).check()
    assert visible(page) == ["kan-wel"]
    assert page.get_by_role("checkbox", name="Instrument", exact=True).is_disabled()  # 0 in the titles
    page.fill("#ci-q", "kan zzz")
    assert visible(page) == []
    assert page.locator("#ci-empty").is_hidden()  # no "nothing found" while the index still loads
    page.fill("#ci-q", "kan")
    page.get_by_role("checkbox", name="Jongeren", exact=True).uncheck()
    held[0].continue_()
    page.wait_for_selector("html[data-catalog-ready]")
    # "kan" is a stop word, which the index leaves out; a query of stop words only still matches
    # the titles, so the list does not change when the index arrives.
    assert visible(page) == ["kan-wel"]
    assert page.get_by_role("status").inner_text() == "1 interventie"
    assert page.errors == []


@pytest.mark.parametrize("start", [[], ["Professionals"], ["Professionals", "Buurtcoach"]])
def test_every_count_predicts_the_result_of_ticking_it(ticked_over, start):
    catalogue = ticked_over
    open_elements(catalogue)
    for label in start:
        catalogue.get_by_role("checkbox", name=label, exact=True).check()
    boxes = catalogue.locator(".ci-facet input[type=checkbox]")
    for i in range(boxes.count()):
        box = boxes.nth(i)
        if box.is_checked() or box.is_disabled():
            continue
        predicted = catalogue.locator(f"#{box.get_attribute('id')}-n").inner_text()
        box.check()
        assert status(catalogue) == predicted, box.get_attribute("id")
        box.uncheck()


def test_a_catalogue_without_interventions_builds_and_its_pages_work(page, tmp_path):
    """A new catalogue (elements, no interventions yet): the build makes an empty index instead
    of failing in lunr.py, and the catalogue, matrix and choice helper say there is nothing."""
    from conftest import build_site, make_catalog, serve_folder

    root = make_catalog(tmp_path)
    for record in (root / "interventions").glob("*.md"):
        record.unlink()
    build_site(root, tmp_path)
    url, stop = serve_folder(tmp_path / "site")
    try:
        page.goto(url + "catalogus/")
        page.wait_for_selector("html[data-catalog-ready]")
        assert status(page) == "0 interventies"
        page.fill("#ci-q", "buurt")
        page.wait_for_selector("html[data-dutch-ready]")  # no record has it: is it Dutch or a typo?
        assert page.locator("#ci-empty").is_visible()
        assert page.locator("#ci-empty").inner_text().startswith("Geen interventie noemt \u201cbuurt\u201d.")
        page.goto(url + "matrix/")
        page.wait_for_selector("html[data-matrix-ready]")
        assert page.locator("#ci-matrix-status").inner_text() == "0 interventies, 3 werkzame elementen"
        page.goto(url + "afwegen/")
        page.wait_for_selector("html[data-helper-ready]")
        assert page.errors == []
    finally:
        stop()
