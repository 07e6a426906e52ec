"""Hostile names and addresses in Chromium: a record and a term named `constructor`, a record
`tostring`, more than 255 werkzame elementen (a facet's options were bytes), and reader addresses
such as vergelijk/#i=constructor&i=kan-wel, #i=toString and #q=__proto__. The catalogue, the
comparison, the matrix and the choice helper must show the right records and no script error:
a slug or an address value is data, never a property of Object.prototype."""

from __future__ import annotations

import pytest

from conftest import build_site, built_once, fresh, make_catalog, serve_folder, visible

ELEMENTS = 260  # more options than a byte can number
PROTO = ["__proto__", "toString", "hasOwnProperty", "valueOf", "constructor.prototype"]


def _record(title: str, elements: list[str], themes: list[str]) -> str:
    return (
        f"---\ntitle: {title}\nsummary: Een samenvatting.\nelements: [{', '.join(elements)}]\n"
        f"target_groups: [bewoners]\nthemes: [{', '.join(themes)}]\nevidence: niet-beoordeeld\n"
        "sources: [{title: Bron, url: https://www.voorbeeld.nl/bron}]\n---\n\n## Doel\n\nBewoners werken samen aan veilig wonen en bouwen.\n\n"
        "## Doelgroep\n\n## Aanpak\n\n## Onderzoek\n\n## Praktijkervaringen\n"
    )


def _element(title: str) -> str:
    return f"---\ntitle: {title}\nsummary: Een element.\nsources: [{{title: Bron, url: https://www.voorbeeld.nl/bron}}]\n---\n"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    def make(tmp):
        root = make_catalog(tmp)
        taxonomy = root / "taxonomy.yml"
        taxonomy.write_text(taxonomy.read_text("utf-8").replace(
            "themes:\n", "themes:\n  constructor: {label: Bouwen, description: Een thema met een lastige naam.}\n"), "utf-8")
        (root / "elements" / "constructor.md").write_text(_element("Bouwsteen"), "utf-8")
        for i in range(ELEMENTS):
            (root / "elements" / f"element-{i:03d}.md").write_text(_element(f"Element {i:03d}"), "utf-8")
        (root / "interventions" / "constructor.md").write_text(_record("Constructor", ["constructor", "buurtcoach"], ["constructor"]), "utf-8")
        (root / "interventions" / "tostring.md").write_text(_record("Tostring", [f"element-{ELEMENTS - 1:03d}"], ["veiligheid"]), "utf-8")
        build_site(root, tmp)

    tmp = built_once(tmp_path_factory, "proto", make)  # once for the run, also across workers
    url, stop = serve_folder(tmp / "site")
    yield url
    stop()


def _open(page, url: str, ready: str) -> None:
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_selector(f"html[{ready}]")


TITLES = {"buurtfeest": "Buurtfeest", "constructor": "Constructor", "kan-wel": "Kan wél!", "tostring": "Tostring", "wijkgesprek": "Wijkgesprek"}
ALL = sorted(TITLES)


@pytest.mark.parametrize("fragment, expected", [
    ("thema=constructor", ["constructor"]),
    ("element=constructor", ["constructor"]),
    (f"element=element-{ELEMENTS - 1:03d}", ["tostring"]),  # option 261 of the facet (Bouwsteen, Buurtcoach, Element 000, ...)
    ("element=element-003", []),  # option 5, which is 261 as a byte: the filter used to find tostring here
    ("q=constructor", ["constructor"]),
    ("q=__proto__", []),
    ("q=toString", ["tostring"]),
    ("thema=__proto__&doelgroep=toString&soort=constructor&erkenning=hasOwnProperty&element=valueOf", ALL),
    ("sorteer=constructor&elementen=__proto__", ALL),
    # The page split a typed compound at every cut: a word this long held the page for minutes.
    ("q=" + "buurthuis" * 5_000, []),
])
def test_catalogue_with_hostile_addresses(module_page, hostile_url, fragment, expected):
    page = fresh(module_page)  # one page for the ten addresses instead of a new context each
    _open(page, hostile_url + "catalogus/#" + fragment, "data-catalog-ready")
    page.wait_for_function("() => !document.documentElement.classList.contains('ci-waiting')")
    assert sorted(visible(page)) == expected
    titles = page.locator("#ci-live > .ci-result h2").all_text_contents()
    assert sorted(titles) == sorted(TITLES[slug] for slug in expected)  # not "function Object() ..."
    assert page.errors == []


def test_compare_with_hostile_addresses(page, hostile_url):
    _open(page, hostile_url + "vergelijk/#i=constructor&i=kan-wel", "data-compare-ready")
    assert page.locator("#ci-compare-table thead th").all_text_contents() == ["Kenmerk", "Constructor", "Kan wél!"]
    rows = page.locator("#ci-compare-table tbody tr[data-element]").evaluate_all("rows => rows.map(r => r.dataset.element)")
    assert rows == ["buurtcoach", "constructor", "kleine-stappen"]
    for value in PROTO:
        _open(page, hostile_url + f"vergelijk/#i={value}&i=kan-wel", "data-compare-ready")
        assert page.get_by_role("status").text_content() == f"1 interventie gekozen. Kies er nog minstens één. Niet gevonden in de catalogus: {value}."
    assert page.errors == []


def test_matrix_with_hostile_names(page, hostile_url):
    _open(page, hostile_url + "matrix/", "data-matrix-ready")
    row = page.locator("tr[data-slug='constructor']")
    assert row.locator("th").text_content() == "Constructor"
    assert row.locator("a.ci-dot").count() == 2
    assert row.locator("td.ci-matrix-total").text_content() == "2"
    columns = page.locator("thead th[data-element]").evaluate_all("cells => cells.map(c => c.dataset.element)")
    assert len(columns) == ELEMENTS + 4
    _open(page, hostile_url + "matrix/#thema=constructor", "data-matrix-ready")
    assert page.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.slug)") == ["constructor"]
    _open(page, hostile_url + "matrix/#thema=__proto__&doelgroep=toString&kolommen=constructor", "data-matrix-ready")
    assert sorted(page.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.slug)")) == ALL
    assert page.errors == []


def test_helper_with_hostile_names(page, hostile_url):
    _open(page, hostile_url + "afwegen/#thema=constructor", "data-helper-ready")
    titles = page.locator("#ci-shortlist .ci-shortlist-title a").all_text_contents()
    assert titles == ["Constructor"]
    _open(page, hostile_url + "afwegen/#thema=__proto__&element=toString&doelgroep=constructor", "data-helper-ready")
    assert page.locator("#ci-shortlist > li").count() == 0
    assert page.errors == []


def test_record_named_constructor_has_its_page(page, hostile_url):
    page.goto(hostile_url + "interventies/constructor/")
    page.wait_for_load_state("load")
    assert page.locator("h1").first.text_content().removesuffix("¶") == "Constructor"
    assert page.errors == []


def test_ranking_counts_more_than_255_query_words(page, hostile_url):
    """A long query from the address: a record that has all 300 words ranks as having every word
    (the counts per record were bytes: 300 counted as 44)."""
    _open(page, hostile_url + "catalogus/", "data-catalog-ready")
    outcome = page.evaluate("""() => {
        var found = [], tagged = [];
        for (var u = 0; u < 300; u++) { found.push(Float64Array.of(1, 0)); tagged.push(new Uint8Array(2)); }
        var ranked = CI.rankUnits(found, tagged, new Uint8Array(2));
        return [ranked.full, ranked.partial];
    }""")
    assert outcome == [1, 0]
    assert page.errors == []
