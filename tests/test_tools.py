"""Issue 18 in Chromium: the comparison (/vergelijk/), the element matrix (/matrix/), the choice
helper (/afwegen/) and the werkkaart on paper. Every browser test runs on the served site and
over file:// from the unpacked offline bundle (with every other request blocked); expectations
are computed from the fixture records in Python."""

from __future__ import annotations

import io
import json
import re
from collections import Counter

import pytest

from conftest import axe_violations, fresh, only_files, recording_errors, reused
from linked_records import records  # noqa: F401 (a fixture)

TOOL_FOLDERS = {"catalogus", "vergelijk", "matrix", "afwegen"}
NEWEST = "29 februari 2020"  # the fixture's newest record date (kan-wel's `checked`)


class Site:
    """One of the two sites: `url("vergelijk/#i=a")` is the served address or the file:// one."""

    def __init__(self, kind: str, base: str) -> None:
        self.kind, self.base = kind, base

    def url(self, path: str) -> str:
        path, _, fragment = path.partition("#")
        if self.kind == "offline":
            stem = path.rstrip("/")
            path = "index.html" if not stem else f"{stem}/index.html" if stem in TOOL_FOLDERS else f"{stem}.html"
        return self.base + path + (f"#{fragment}" if fragment else "")


@pytest.fixture(params=["online", "offline"])
def site(request, bundled, bundled_url):
    if request.param == "online":
        return Site("online", bundled_url)
    return Site("offline", (bundled / "unpacked" / "catalogus-offline").as_uri() + "/")


@pytest.fixture
def tab(browser, site):
    """A page for `site` that records errors; offline, every request that is not file:// fails the test."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    blocked = only_files(context) if site.kind == "offline" else []
    page = recording_errors(context.new_page())
    yield page
    assert page.errors == []
    assert blocked == []
    context.close()


@pytest.fixture(scope="module")
def tabs(browser):
    """One page per kind of site ("online", "offline") for the many cases of one test (see
    `helper_tab`), made when first asked for."""
    made = {}

    def get(kind: str):
        if kind not in made:
            context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
            blocked = only_files(context) if kind == "offline" else []
            made[kind] = (context, recording_errors(context.new_page()))
            made[kind][1].blocked = blocked
        return made[kind][1]

    yield get
    for context, _ in made.values():
        context.close()


@pytest.fixture
def helper_tab(tabs, site):
    """What `tab` gives, in the module's page for `site`: on about:blank with nothing recorded
    yet; after the test no console error and (offline) no request that is not file://."""
    with reused(tabs(site.kind)) as page:
        yield page


@pytest.fixture
def same_tab(tabs, site):
    """What `tab` gives (1280 x 900, no media emulated, nothing recorded; afterwards no console error
    and, offline, no request that is not file://), in the module's page for `site` instead of a
    new context per test. Afterwards the site's storage in the tab is cleared (the comparison
    keeps its choice in sessionStorage) and media emulation switched off again."""
    page = tabs(site.kind)
    page.set_viewport_size({"width": 1280, "height": 900})
    try:
        with reused(page):
            yield page
    finally:
        if page.url.startswith(site.base):
            page.evaluate("() => { sessionStorage.clear(); localStorage.clear(); }")
        page.emulate_media(media="null")  # as a new page: no media emulated (pdf() prints in print media)


def title(records, slug: str) -> str:
    return records.interventions[slug].data["title"]


# -- the comparison -------------------------------------------------------------------------------

def expected_element_rows(records, slugs: list[str]) -> list[list[str]]:
    """Shared elements first, then by how many of the chosen have them, then by element title."""
    from catalog.graph.link import title_key

    order = sorted(records.elements, key=lambda e: title_key(records.elements[e]))
    counts = Counter(e for s in slugs for e in records.interventions[s].data["elements"])
    rows = sorted(counts, key=lambda e: (-counts[e], order.index(e)))
    return [
        [records.elements[e].data["title"] + (" gedeeld" if counts[e] == len(slugs) else "")]
        + ["ja" if e in records.interventions[s].data["elements"] else "nee" for s in slugs]
        for e in rows
    ]


def element_rows(page) -> list[list[str]]:
    return page.locator(".ci-compare-elements tr[data-element]").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))"
    )


def fact_rows(page) -> dict[str, list[str]]:
    return dict(page.locator("#ci-compare-table tr[data-row]").evaluate_all(
        "rows => rows.map(r => [r.dataset.row, [...r.cells].map(c => c.textContent.trim())])"
    ))


def test_compare_from_an_address(same_tab, site, records):
    tab = same_tab
    tab.goto(site.url("vergelijk/#i=kan-wel&i=wijkgesprek&i=buurtfeest"))
    tab.wait_for_selector("html[data-compare-ready]")
    assert tab.locator("#ci-compare-table thead th").all_text_contents() == ["Kenmerk", "Kan wél!", "Wijkgesprek", "Buurtfeest"]
    assert tab.locator("#ci-compare-caption").text_content() == "Vergelijking van Kan wél!, Wijkgesprek en Buurtfeest"
    facts = fact_rows(tab)
    assert list(facts) == [
        "wat", "doel", "soort", "doelgroepen", "themas", "erkenning", "nieuwste-bron", "kosten", "duur", "uitvoering",
        "training", "randvoorwaarden", "contact", "ontwikkelaar", "sinds", "varianten", "bronnen",
    ]
    unknown = "Onbekend: de bronnen noemen dit niet"
    assert facts["wat"] == ["Wat is het", "Bewoners zetten met een buurtcoach een eigen idee om in actie.",
                            "Professionals en bewoners kiezen samen: wat werkt hier?", "Bewoners organiseren samen een feest."]
    assert facts["doel"] == ["Doel", "Meer leefbaarheid.", unknown, unknown]
    assert facts["soort"] == ["Soort", "Interventie", "Instrument", "Praktijkvoorbeeld"]
    assert facts["doelgroepen"] == ["Doelgroepen", "Bewoners, Jongeren", "Professionals", "Bewoners"]
    assert facts["themas"] == ["Thema's", "Leefbaarheid, Sociale cohesie", unknown, unknown]
    # One recognition display, as on the record page, with the mark once it is due.
    assert facts["erkenning"] == ["Erkenning", "Niet beoordeeld", "Niet beoordeeld",
                                  "Goed beschreven, beoordeeld door Testcommissie (juni 2019); geldig tot 1 juni 2024 (verlopen)"]
    assert facts["nieuwste-bron"] == ["Nieuwste bron", "2011 (bronnen meer dan 5 jaar oud)", "2017 (bronnen meer dan 5 jaar oud)",
                                      "onbekend (geen bron noemt een datum)"]
    assert facts["duur"] == ["Duur", "15 maanden", unknown, unknown]
    assert facts["sinds"] == ["Sinds", "2006", unknown, unknown]
    for row in ("kosten", "training", "randvoorwaarden", "uitvoering"):
        assert facts[row][1:] == [unknown] * 3, row
    assert facts["ontwikkelaar"] == ["Ontwikkelaar", "Testorganisatie", unknown, unknown]
    assert facts["contact"] == ["Contact of meer informatie", "info@voorbeeld.nl, https://www.voorbeeld.nl (volgens een bron uit 2011)", unknown, unknown]
    assert tab.locator("tr[data-row='contact'] td a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "mailto:info@voorbeeld.nl", "https://www.voorbeeld.nl"]
    assert facts["varianten"] == ["Varianten", "Een variant voor jongeren", unknown, unknown]
    assert facts["bronnen"] == ["Bronnen", "Testbron, Testuitgever (1 mei 2011). https://www.voorbeeld.nl/kan-wel",
                                "Testbron (24 mei 2017). https://www.voorbeeld.nl/wijkgesprek", "Testbron. https://www.voorbeeld.nl/buurtfeest"]
    assert tab.locator("tr[data-row='bronnen'] td a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "https://www.voorbeeld.nl/kan-wel", "https://www.voorbeeld.nl/wijkgesprek", "https://www.voorbeeld.nl/buurtfeest"]
    assert element_rows(tab) == expected_element_rows(records, ["kan-wel", "wijkgesprek", "buurtfeest"])
    assert tab.locator("tr.ci-shared").count() == 0  # no element is in all three
    # Two of them share Buurtcoach: it comes first, marked and highlighted.
    tab.goto(site.url("vergelijk/#i=wijkgesprek&i=kan-wel"))
    assert element_rows(tab) == expected_element_rows(records, ["wijkgesprek", "kan-wel"]) == [
        ["Buurtcoach gedeeld", "ja", "ja"], ["Kleine stappen", "nee", "ja"],
    ]
    assert tab.locator("tr.ci-shared").get_attribute("data-element") == "buurtcoach"
    assert tab.locator("tr.ci-shared th").evaluate("th => getComputedStyle(th).backgroundColor") == "rgb(255, 243, 196)"
    # The headers link to the interventions.
    tab.locator("#ci-compare-table thead a", has_text="Kan wél!").click()
    assert tab.url == site.url("interventies/kan-wel/")


def test_compare_picker_without_a_choice(same_tab, site):
    tab = same_tab
    tab.goto(site.url("vergelijk/"))
    tab.wait_for_selector("html[data-compare-ready]")
    status = tab.get_by_role("status")
    assert status.text_content() == "Nog geen interventies gekozen. Kies er 2 tot 4."
    assert tab.locator("#ci-compare-result").is_hidden()
    assert tab.locator("#ci-compare-select option").all_text_contents() == ["Kies een interventie", "Buurtfeest", "Kan wél!", "Wijkgesprek"]
    tab.get_by_role("button", name="Voeg toe").click()
    assert status.text_content() == "Kies eerst een interventie in de lijst."
    tab.get_by_label("Interventie", exact=True).select_option(label="Kan wél!")
    tab.get_by_role("button", name="Voeg toe").click()
    assert status.text_content() == "1 interventie gekozen. Kies er nog minstens één."
    assert tab.locator("#ci-compare-result").is_hidden()
    tab.get_by_label("Interventie", exact=True).select_option(label="Wijkgesprek")
    tab.get_by_role("button", name="Voeg toe").click()
    assert status.text_content() == "2 interventies gekozen."
    assert tab.locator("#ci-compare-table").is_visible()
    assert tab.url == site.url("vergelijk/#i=kan-wel&i=wijkgesprek")
    # The choice is in the address: it survives a reload.
    tab.reload()
    tab.wait_for_selector("html[data-compare-ready]")
    assert tab.locator("#ci-compare-chosen li a").all_text_contents() == ["Kan wél!", "Wijkgesprek"]
    assert tab.locator("#ci-compare-select option").all_text_contents() == ["Kies een interventie", "Buurtfeest"]
    tab.get_by_role("button", name="Haal Kan wél! weg").click()
    assert tab.url == site.url("vergelijk/#i=wijkgesprek")
    assert status.text_content() == "1 interventie gekozen. Kies er nog minstens één."
    tab.go_back()
    assert tab.locator("#ci-compare-chosen li a").all_text_contents() == ["Kan wél!", "Wijkgesprek"]


def test_compare_address_with_unknown_and_too_many(same_tab, site):
    tab = same_tab
    tab.goto(site.url("vergelijk/#i=kan-wel&i=bestaat-niet&i=kan-wel&i=buurtfeest"))
    tab.wait_for_selector("html[data-compare-ready]")
    assert tab.get_by_role("status").text_content() == "2 interventies gekozen. Niet gevonden in de catalogus: bestaat-niet."
    assert tab.locator("#ci-compare-table thead th").all_text_contents() == ["Kenmerk", "Kan wél!", "Buurtfeest"]


def test_intervention_page_leads_to_the_comparison(same_tab, site):
    tab = same_tab
    tab.goto(site.url("interventies/kan-wel/"))
    tab.get_by_role("link", name="Vergelijk met andere interventies").click()
    tab.wait_for_selector("html[data-compare-ready]")
    assert tab.url == site.url("vergelijk/#i=kan-wel")
    assert tab.locator("#ci-compare-chosen li a").all_text_contents() == ["Kan wél!"]
    assert tab.get_by_role("status").text_content() == "1 interventie gekozen. Kies er nog minstens één."


@pytest.mark.parametrize("where", ["online", "file"])
def test_compare_table_stacks_on_a_phone(browser, bundled, bundled_url, where):
    """At 390 px each row is its label, then A's value under A's name, then B's (issue 28);
    at 1280 px it stays a grid."""
    for width in (390, 1280):
        page = browser.new_page(viewport={"width": width, "height": 800})
        base = bundled_url if where == "online" else (bundled / "unpacked" / "catalogus-offline").as_uri() + "/"
        page.goto(base + ("vergelijk/" if where == "online" else "vergelijk/index.html") + "#i=kan-wel&i=wijkgesprek")
        page.wait_for_selector("html[data-compare-ready]")
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # never sideways
        label = page.locator("#ci-compare-table tr[data-row='kosten'] th").bounding_box()
        a, b = (page.locator("#ci-compare-table tr[data-row='kosten'] td").nth(n).bounding_box() for n in (0, 1))
        if width == 390:
            assert label["y"] < a["y"] < b["y"]  # stacked: label, then A, then B
            assert a["width"] > 300 and b["width"] > 300
            names = page.locator("#ci-compare-table tr[data-row='kosten'] td").evaluate_all(
                "cells => cells.map(c => getComputedStyle(c, '::before').content)")
            assert names == ['"Kan wél!"', '"Wijkgesprek"']
        else:
            assert label["y"] == a["y"] == b["y"] and label["x"] < a["x"] < b["x"]  # side by side
        page.close()


def test_compare_data_file_holds_every_intervention_with_its_labels(bundled):
    text = (bundled / "site" / "assets" / "vergelijk-data.js").read_text("utf-8")
    assert text.startswith("window.CATALOG_COMPARE=JSON.parse(")
    data = json.loads(json.loads(text[len("window.CATALOG_COMPARE=JSON.parse("):-len(");\n")]))
    keys = ("slug", "title", "kind", "evidence", "target_groups", "themes", "elements")
    assert [{key: item[key] for key in keys} for item in data["items"]] == [  # by title; labels from taxonomy.yml
        {"slug": "buurtfeest", "title": "Buurtfeest", "kind": "Praktijkvoorbeeld", "evidence": "Goed beschreven",
         "target_groups": ["Bewoners"], "themes": [], "elements": ["ontmoeten", "kleine-stappen"]},
        {"slug": "kan-wel", "title": "Kan wél!", "kind": "Interventie", "evidence": "Niet beoordeeld",
         "target_groups": ["Bewoners", "Jongeren"], "themes": ["Leefbaarheid", "Sociale cohesie"], "elements": ["buurtcoach", "kleine-stappen"]},
        {"slug": "wijkgesprek", "title": "Wijkgesprek", "kind": "Instrument", "evidence": "Niet beoordeeld",
         "target_groups": ["Professionals"], "themes": [], "elements": ["buurtcoach"]},
    ]
    assert data["catalogueDate"] == NEWEST
    # Only the pages that need it load it.
    pages = [p.relative_to(bundled / "site").as_posix() for p in (bundled / "site").rglob("*.html") if "vergelijk-data.js" in p.read_text("utf-8")]
    assert sorted(pages) == ["afwegen/index.html", "vergelijk/index.html"]


# -- the element matrix ---------------------------------------------------------------------------

def matrix(page) -> dict:
    return page.evaluate("""() => {
        const table = document.getElementById('ci-matrix-table');
        const rows = [...table.tBodies[0].rows].filter(r => !r.hidden);
        return {
            columns: [...table.tHead.querySelectorAll('th[data-element]')].map(th => th.dataset.element),
            titles: [...table.tHead.querySelectorAll('th[data-element]')].map(th => [th.title, th.textContent]),
            rows: rows.map(r => r.dataset.slug),
            rowTotals: Object.fromEntries(rows.map(r => [r.dataset.slug, r.cells[r.cells.length - 1].textContent])),
            marked: Object.fromEntries(rows.map(r => [r.dataset.slug, [...r.querySelectorAll('td.ci-has')].map(td => table.tHead.rows[0].cells[td.cellIndex].dataset.element)])),
            columnTotals: Object.fromEntries([...table.tFoot.querySelectorAll('td[data-element]')].map(td => [td.dataset.element, td.textContent])),
            grand: table.tFoot.rows[0].cells[table.tFoot.rows[0].cells.length - 1].textContent,
        };
    }""")


def test_matrix_totals_equal_the_data(same_tab, site):
    """The fixture: buurtfeest [ontmoeten, kleine-stappen], kan-wel [buurtcoach, kleine-stappen],
    wijkgesprek [buurtcoach]; rows and columns by title."""
    tab = same_tab
    tab.goto(site.url("matrix/"))
    tab.wait_for_selector("html[data-matrix-ready]")
    shown = matrix(tab)
    assert shown["columns"] == ["buurtcoach", "kleine-stappen", "ontmoeten"]
    assert shown["titles"] == [["Buurtcoach"] * 2, ["Kleine stappen"] * 2, ["Ontmoeten"] * 2]  # full names
    assert shown["rows"] == ["buurtfeest", "kan-wel", "wijkgesprek"]
    assert shown["rowTotals"] == {"buurtfeest": "2", "kan-wel": "2", "wijkgesprek": "1"}
    assert shown["marked"] == {"buurtfeest": ["kleine-stappen", "ontmoeten"], "kan-wel": ["buurtcoach", "kleine-stappen"], "wijkgesprek": ["buurtcoach"]}
    assert shown["columnTotals"] == {"buurtcoach": "2", "kleine-stappen": "2", "ontmoeten": "1"}
    assert shown["grand"] == "5"
    assert tab.get_by_role("status").text_content() == "3 interventies, 3 werkzame elementen"
    # Every mark links to its intervention.
    dots = tab.locator("tr[data-slug='kan-wel'] a.ci-dot")
    assert dots.count() == 2
    assert set(dots.evaluate_all("links => links.map(a => a.href)")) == {site.url("interventies/kan-wel/")}
    assert dots.first.get_attribute("title") == "Kan wél!: Buurtcoach"
    dots.first.click()
    assert tab.url == site.url("interventies/kan-wel/")


def test_matrix_filters_and_sorts(same_tab, site):
    tab = same_tab
    tab.goto(site.url("matrix/"))
    tab.wait_for_selector("html[data-matrix-ready]")
    tab.locator("#ci-m-doelgroep-professionals").check()
    shown = matrix(tab)
    assert shown["rows"] == ["wijkgesprek"]
    assert shown["columnTotals"] == {"buurtcoach": "1", "kleine-stappen": "0", "ontmoeten": "0"}
    assert tab.get_by_role("status").text_content() == "1 van 3 interventies, 3 werkzame elementen"
    assert tab.url == site.url("matrix/#doelgroep=professionals")
    tab.get_by_role("button", name="Alle filters wissen").click()
    tab.locator("#ci-m-doelgroep-bewoners").check()  # buurtfeest and kan-wel
    assert matrix(tab)["columnTotals"] == {"buurtcoach": "1", "kleine-stappen": "2", "ontmoeten": "1"}
    tab.get_by_label("Kolommen sorteren op").select_option("totaal")
    assert matrix(tab)["columns"] == ["kleine-stappen", "buurtcoach", "ontmoeten"]  # 2, 1, 1 (ties by name)
    tab.get_by_role("button", name="Alle filters wissen").click()
    tab.get_by_label("Rijen sorteren op").select_option("elementen")
    assert matrix(tab)["rows"] == ["buurtfeest", "kan-wel", "wijkgesprek"]  # 2, 2, 1 (ties by title)
    tab.locator("#ci-m-soort-instrument").check()
    tab.locator("#ci-m-soort-praktijkvoorbeeld").check()  # or within a facet
    tab.locator("#ci-m-erkenning-niet-beoordeeld").check()  # and across facets
    assert matrix(tab)["rows"] == ["wijkgesprek"]
    # The choices are in the address: a reload keeps them.
    tab.reload()
    tab.wait_for_selector("html[data-matrix-ready]")
    assert matrix(tab)["rows"] == ["wijkgesprek"]
    assert tab.get_by_label("Rijen sorteren op").input_value() == "elementen"


def test_matrix_headers_readable_and_first_column_fixed(browser, bundled_url, records):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(bundled_url + "matrix/")
    page.wait_for_selector("html[data-matrix-ready]")
    for header in page.locator("th.ci-matrix-element span").all():
        assert header.evaluate("s => getComputedStyle(s).writingMode") == "vertical-rl"
        assert header.evaluate("s => s.scrollHeight <= s.clientHeight + 1")  # not cut off
    widths = page.locator("th.ci-matrix-element").evaluate_all("ths => ths.map(th => th.getBoundingClientRect().width)")
    assert max(widths) < 48  # narrow columns: many elements fit beside the titles
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.locator("tbody th[scope=row]").first.evaluate("th => getComputedStyle(th).position") == "sticky"
    assert page.locator("#ci-matrix-box").evaluate("b => ['auto', 'scroll'].includes(getComputedStyle(b).overflowX)")
    page.close()


# -- the choice helper ----------------------------------------------------------------------------

PROBLEM_2 = "2 interventies passen bij uw probleem: ze hebben minstens één gekozen thema of doelgroep."
HELPER_CASES = [
    (
        {"thema": ["leefbaarheid"], "doelgroep": ["bewoners"], "element": ["kleine-stappen"]},
        PROBLEM_2,
        [
            ("Kan wél!", "2 voor het probleem · 1 werkzaam element", ["past bij thema Leefbaarheid", "voor doelgroep Bewoners", "heeft werkzaam element Kleine stappen", "erkenning: Niet beoordeeld", "nieuwste bron: 2011 (bronnen meer dan 5 jaar oud)"]),
            ("Buurtfeest", "1 voor het probleem · 1 werkzaam element", ["voor doelgroep Bewoners", "heeft werkzaam element Kleine stappen", "erkenning: Goed beschreven, beoordeeld door Testcommissie (juni 2019); geldig tot 1 juni 2024 (verlopen)", "nieuwste bron: onbekend (geen bron noemt een datum)"]),
        ],
        "#i=kan-wel&i=buurtfeest",
        [],
    ),
    (  # only elements chosen: they are all there is to match; a tie with the same erkenning: by title
        {"element": ["buurtcoach"]},
        "2 interventies hebben minstens één gekozen werkzaam element.",
        [
            ("Kan wél!", "1 werkzaam element", ["heeft werkzaam element Buurtcoach", "erkenning: Niet beoordeeld", "nieuwste bron: 2011 (bronnen meer dan 5 jaar oud)"]),
            ("Wijkgesprek", "1 werkzaam element", ["heeft werkzaam element Buurtcoach", "erkenning: Niet beoordeeld", "nieuwste bron: 2017 (bronnen meer dan 5 jaar oud)"]),
        ],
        "#i=kan-wel&i=wijkgesprek",
        [],
    ),
    (  # a tie: the higher erkenning first
        {"doelgroep": ["bewoners"]},
        PROBLEM_2,
        [
            ("Buurtfeest", "1 voor het probleem", ["voor doelgroep Bewoners", "erkenning: Goed beschreven, beoordeeld door Testcommissie (juni 2019); geldig tot 1 juni 2024 (verlopen)", "nieuwste bron: onbekend (geen bron noemt een datum)"]),
            ("Kan wél!", "1 voor het probleem", ["voor doelgroep Bewoners", "erkenning: Niet beoordeeld", "nieuwste bron: 2011 (bronnen meer dan 5 jaar oud)"]),
        ],
        "#i=buurtfeest&i=kan-wel",
        [],
    ),
    (
        {"doelgroep": ["bewoners", "professionals"], "element": ["buurtcoach", "ontmoeten"]},
        "3 interventies passen bij uw probleem: ze hebben minstens één gekozen thema of doelgroep.",
        [
            ("Buurtfeest", "1 voor het probleem · 1 werkzaam element", ["voor doelgroep Bewoners", "heeft werkzaam element Ontmoeten", "erkenning: Goed beschreven, beoordeeld door Testcommissie (juni 2019); geldig tot 1 juni 2024 (verlopen)", "nieuwste bron: onbekend (geen bron noemt een datum)"]),
            ("Kan wél!", "1 voor het probleem · 1 werkzaam element", ["voor doelgroep Bewoners", "heeft werkzaam element Buurtcoach", "erkenning: Niet beoordeeld", "nieuwste bron: 2011 (bronnen meer dan 5 jaar oud)"]),
            ("Wijkgesprek", "1 voor het probleem · 1 werkzaam element", ["voor doelgroep Professionals", "heeft werkzaam element Buurtcoach", "erkenning: Niet beoordeeld", "nieuwste bron: 2017 (bronnen meer dan 5 jaar oud)"]),
        ],
        "#i=buurtfeest&i=kan-wel&i=wijkgesprek",
        [],
    ),
    (  # the problem first: records with only a chosen element are apart, not in the comparison
        {"doelgroep": ["professionals"], "element": ["kleine-stappen"]},
        "1 interventie past bij uw probleem: ze heeft minstens één gekozen thema of doelgroep.",
        [("Wijkgesprek", "1 voor het probleem", ["voor doelgroep Professionals", "erkenning: Niet beoordeeld", "nieuwste bron: 2017 (bronnen meer dan 5 jaar oud)"])],
        None,
        [
            ("Buurtfeest", "1 werkzaam element", ["heeft werkzaam element Kleine stappen", "erkenning: Goed beschreven, beoordeeld door Testcommissie (juni 2019); geldig tot 1 juni 2024 (verlopen)", "nieuwste bron: onbekend (geen bron noemt een datum)"]),
            ("Kan wél!", "1 werkzaam element", ["heeft werkzaam element Kleine stappen", "erkenning: Niet beoordeeld", "nieuwste bron: 2011 (bronnen meer dan 5 jaar oud)"]),
        ],
    ),
    ({"doelgroep": ["kinderen"]}, "Geen interventie in de catalogus heeft een van de gekozen thema's of doelgroepen. Kies andere of meer thema's of doelgroepen.", [], None, []),
    ({}, "Kies in stap 1, 2 of 4 minstens één thema, doelgroep of werkzaam element. Dan maakt de hulp een korte lijst.", [], None, []),
]


def shortlist(page, which: str = "#ci-shortlist") -> list:
    return page.locator(f"{which} > li").evaluate_all("""items => items.map(li => [
        li.querySelector('.ci-shortlist-title a').textContent,
        li.querySelector('.ci-points').textContent,
        [...li.querySelectorAll('.ci-reasons li')].map(r => r.textContent),
    ])""")


@pytest.mark.parametrize("choices, status, expected, compare, apart", HELPER_CASES)
def test_helper_ranks_with_reasons(helper_tab, site, choices, status, expected, compare, apart):
    tab = helper_tab
    tab.goto(site.url("afwegen/"))
    tab.wait_for_selector("html[data-helper-ready]")
    for key, values in choices.items():
        for value in values:
            tab.locator(f"#ci-a-{key}-{value}").check()
    assert tab.locator("#ci-shortlist-status").text_content() == status
    assert [list(e) for e in shortlist(tab)] == [[t, p, r] for t, p, r in expected]
    assert [list(e) for e in shortlist(tab, "#ci-apart-list")] == [[t, p, r] for t, p, r in apart]
    assert tab.locator("#ci-apart").is_visible() == bool(apart)
    if apart:
        assert tab.locator("#ci-apart h3").evaluate("h => h.firstChild.textContent") == "Delen alleen een werkzaam element"
        assert tab.locator("#ci-apart-status").text_content() == (
            f"{len(apart)} interventies hebben geen gekozen thema of doelgroep, wel een gekozen werkzaam element. "
            "Ze passen dus niet bij het probleem zoals u het beschreef."
        )
    link = tab.get_by_role("link", name=re.compile("^Vergelijk de eerste"))
    if compare:
        assert link.text_content() == f"Vergelijk de eerste {len(expected)} in een tabel"
        assert link.get_attribute("href").endswith(compare)
        link.click()
        tab.wait_for_selector("html[data-compare-ready]")
        assert tab.locator("#ci-compare-table thead th").all_text_contents()[1:] == [t for t, _, _ in expected]
    else:
        assert tab.locator("#ci-shortlist-compare").is_hidden()
    # The question of step 3 is always on the shortlist.
    if not compare:
        assert tab.locator("#ci-baseline .ci-baseline-question").text_content() == "Wat gebeurt er als we niets extra doen?"


def test_helper_keeps_choices_in_the_address_and_links_each_step_to_the_sources(same_tab, site):
    tab = same_tab
    tab.goto(site.url("afwegen/#thema=leefbaarheid&element=kleine-stappen"))
    tab.wait_for_selector("html[data-helper-ready]")
    assert [t for t, _, _ in shortlist(tab)] == ["Kan wél!"]
    assert [t for t, _, _ in shortlist(tab, "#ci-apart-list")] == ["Buurtfeest"]  # only the element
    tab.locator("#ci-a-doelgroep-jongeren").check()
    assert tab.url == site.url("afwegen/#thema=leefbaarheid&doelgroep=jongeren&element=kleine-stappen")
    tab.reload()
    tab.wait_for_selector("html[data-helper-ready]")
    assert shortlist(tab)[0] == ["Kan wél!", "2 voor het probleem · 1 werkzaam element", ["past bij thema Leefbaarheid", "voor doelgroep Jongeren", "heeft werkzaam element Kleine stappen", "erkenning: Niet beoordeeld", "nieuwste bron: 2011 (bronnen meer dan 5 jaar oud)"]]
    # The typed answers are in the address too: a shared link brings them along.
    tab.get_by_label("De problemen die de deelnemers noemen").fill("Ouderen & <b>eenzaam</b> #1")
    tab.get_by_label("Welke rol kan de professional nemen?").fill("aanjagen")
    tab.wait_for_function("() => location.hash.includes('rol=')")
    assert tab.url == site.url("afwegen/#thema=leefbaarheid&doelgroep=jongeren&element=kleine-stappen&problemen=Ouderen+%26+%3Cb%3Eeenzaam%3C%2Fb%3E+%231&rol=aanjagen")
    tab.reload()
    tab.wait_for_selector("html[data-helper-ready]")
    assert tab.get_by_label("De problemen die de deelnemers noemen").input_value() == "Ouderen & <b>eenzaam</b> #1"
    assert tab.locator("#ci-helper-answers dd").first.text_content() == "Ouderen & <b>eenzaam</b> #1"
    assert tab.locator("#ci-helper-answers b").count() == 0
    steps = tab.locator(".ci-step h2[id^='stap-']").all_text_contents()
    assert [s.split(".")[0] for s in steps] == [f"Stap {n}" for n in range(1, 9)]
    for n in range(1, 9):  # every step cites the article (source 004) and the list of steps
        cite = tab.locator(f"section:has(> #stap-{n}) .ci-cite")
        assert cite.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == ["#bron-1", "#bron-2"]
    assert tab.locator("#bron-1").text_content().startswith(
        "Jeroen van der Velden en Jochum Deuten, Afwegen wat werkt in de wijk. Platform voor buurtontwikkeling, 24 mei 2017."
    )
    assert "https://instrumentwijzer.nl/afwegen-de-wijk" in tab.locator("#bron-2").text_content()
    assert tab.locator(".ci-cannot").count() == 5  # where the helper says plainly it cannot judge


def test_helper_prints_a_one_page_summary(same_tab, site):
    tab = same_tab
    tab.goto(site.url("afwegen/#thema=leefbaarheid&doelgroep=bewoners&element=kleine-stappen"))
    tab.wait_for_selector("html[data-helper-ready]")
    tab.get_by_label("De problemen die de deelnemers noemen").fill("Veel zwerfvuil bij de speeltuin.")
    tab.get_by_label("Als we niets extra doen, dan ...").fill("Het blijft vies en niemand voelt zich eigenaar.")
    tab.get_by_label("Wat doen bewoners zelf al?").fill("Twee buren ruimen elke week op.")
    assert tab.locator("#ci-baseline-answer").text_content() == "Het blijft vies en niemand voelt zich eigenaar."
    pages, text = pdf(tab)
    assert pages == 1
    flat = " ".join(text.split())
    for part in (
        "Samenvatting voor het overleg", "Veel zwerfvuil bij de speeltuin.", "Twee buren ruimen elke week op.",
        "Wat gebeurt er als we niets extra doen?", "Het blijft vies en niemand voelt zich eigenaar.",
        "Kan wél! 2 voor het probleem · 1 werkzaam element", "past bij thema Leefbaarheid", "Buurtfeest 1 voor het probleem · 1 werkzaam element",
        "erkenning: Goed beschreven",
        "Zo werkt de volgorde", "Afwegen wat werkt in de wijk",
    ):
        assert part in flat, part
    assert "Welke problemen zien de deelnemers?" not in flat  # the form itself stays on screen


# -- the werkkaart on paper -----------------------------------------------------------------------

def pdf(page) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def test_record_prints_as_a_werkkaart(same_tab, site):
    tab = same_tab
    tab.goto(site.url("interventies/kan-wel/"))
    assert tab.get_by_role("button", name="Afdrukken").is_visible()
    tab.emulate_media(media="print")
    assert tab.get_by_role("button", name="Afdrukken").is_hidden()
    assert tab.get_by_role("link", name="Vergelijk met andere interventies").is_hidden()
    underlined = tab.locator(".md-content a").evaluate_all(
        "links => links.filter(a => getComputedStyle(a).textDecorationLine !== 'none').map(a => a.textContent)"
    )
    assert underlined == []
    pages, text = pdf(tab)
    assert 1 <= pages <= 2
    flat = "".join(text.split())
    address = site.url("interventies/kan-wel/")
    assert tab.locator(".ci-address").text_content() == address
    for part in ("Buurtinterventies", address, f"Standvandecatalogus:{NEWEST.replace(' ', '')}", "Bronnen", "Testbron,Testuitgever(1mei2011)",
                 "Teksten:CCBY4.0(https://creativecommons.org/licenses/by/4.0/deed.nl)."):
        assert "".join(part.split()) in flat, part


def test_comparison_prints_as_a_werkkaart(same_tab, site):
    tab = same_tab
    tab.goto(site.url("vergelijk/#i=kan-wel&i=wijkgesprek&i=buurtfeest"))
    tab.wait_for_selector("html[data-compare-ready]")
    address = site.url("vergelijk/#i=kan-wel&i=wijkgesprek&i=buurtfeest")
    assert tab.locator(".ci-address").text_content() == address
    tab.emulate_media(media="print")
    assert tab.locator("#ci-compare-pick").is_hidden()
    assert tab.get_by_role("button", name="Afdrukken").is_hidden()
    pages, text = pdf(tab)
    assert 1 <= pages <= 2
    flat = "".join(text.split())
    for part in (address, NEWEST, "Buurtinterventies", "Testbron,Testuitgever(1mei2011)", "Testbron(24mei2017)", "Kleinestappen"):
        assert "".join(part.split()) in flat, part
    # Removing one changes the address on paper too.
    tab.emulate_media(media="screen")
    tab.get_by_role("button", name="Haal Buurtfeest weg").click()
    assert tab.locator(".ci-address").text_content() == site.url("vergelijk/#i=kan-wel&i=wijkgesprek")


def test_comparison_of_the_largest_live_records_prints_on_two_pages(page, live_site, live_url):
    """The four interventions of the live catalogue with the most text, side by side on paper."""
    text = (live_site / "site" / "assets" / "vergelijk-data.js").read_text("utf-8")
    data = json.loads(json.loads(text[len("window.CATALOG_COMPARE=JSON.parse("):-len(");\n")]))
    largest = sorted(data["items"], key=lambda item: -len(json.dumps(item, ensure_ascii=False)))[:4]
    page.goto(live_url + "vergelijk/#" + "&".join(f"i={item['slug']}" for item in largest))
    page.wait_for_selector("html[data-compare-ready]")
    assert page.locator("#ci-compare-table thead th").count() == 5
    pages, printed = pdf(page)
    # Since #28 the comparison always shows what it is (Wat is het, Doel), every decision row (with
    # 'Onbekend' where the sources say nothing) and each source with its address on paper; for the
    # four longest of 92 records that is 4 A4 pages (measured 2026-12-07; 2 before those rows).
    # One record's werkkaart still fits on 2 (test_quality).
    assert 1 <= pages <= 4, [item["slug"] for item in largest]
    assert "".join(data["catalogueDate"].split()) in "".join(printed.split())


def test_print_button_prints(tab, site):
    tab.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    tab.goto(site.url("interventies/kan-wel/"))
    tab.get_by_role("button", name="Afdrukken").click()
    assert tab.evaluate("window.printed") == 1


def test_printed_address_comes_from_site_url_when_set(records, tmp_path):
    """With site_url the paper names the site's own page, also in the offline copy."""
    from catalog.outputs.pages.render import Renderer

    for offline in (False, True):
        site = {"site_name": "Buurtinterventies", "site_url": "https://voorbeeld.nl/buurt/", "offline": offline}
        renderer = Renderer(records, records.graph, site)
        html = str(renderer.env.globals["tools"].werkkaart(renderer, "interventies/kan-wel.md"))
        assert '<span class="ci-address" data-address="https://voorbeeld.nl/buurt/interventies/kan-wel/">' in html
        assert f'<time datetime="2020-02-29">{NEWEST}</time>' in html


def test_record_pages_link_to_the_comparison(bundled):
    online_html = (bundled / "site" / "interventies" / "kan-wel" / "index.html").read_text("utf-8")
    assert '<a class="md-button" href="../../vergelijk/#i=kan-wel">Vergelijk met andere interventies</a>' in online_html
    offline_html = (bundled / "unpacked" / "catalogus-offline" / "interventies" / "kan-wel.html").read_text("utf-8")
    assert '<a class="md-button" href="../vergelijk/index.html#i=kan-wel">Vergelijk met andere interventies</a>' in offline_html
    home = (bundled / "site" / "index.html").read_text("utf-8")
    for href in ("vergelijk/", "matrix/", "afwegen/"):
        assert f'href="{href}"' in home, href
    assert "De teksten van deze catalogus vallen onder de licentie Creative Commons Naamsvermelding 4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/deed.nl)" in home


# -- accessibility (served: axe reads the style sheets, which a browser refuses over file://) ------

@pytest.mark.parametrize("path, ready", [
    ("vergelijk/", "compare"),
    ("vergelijk/#i=kan-wel&i=wijkgesprek", "compare"),
    ("matrix/", "matrix"),
    ("matrix/#doelgroep=bewoners&kolommen=totaal", "matrix"),
    ("afwegen/", "helper"),
    ("afwegen/#thema=leefbaarheid&doelgroep=bewoners&element=kleine-stappen", "helper"),
    ("interventies/kan-wel/", None),
])
def test_no_wcag_violations_on_the_new_pages(module_page, bundled_url, path, ready):
    page = fresh(module_page)
    page.goto(bundled_url + path)
    if ready:
        page.wait_for_selector(f"html[data-{ready}-ready]")
    assert axe_violations(page) == []
    assert page.errors == []
