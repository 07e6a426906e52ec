"""Issue 28, trust: who stands behind the catalogue (the Over page, the footer, the licence), the
tools in the navigation."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import axe_violations, build_site, built_once, fresh, make_catalog
from linked_records import records  # noqa: F401 (a fixture)

LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def pages_of(folder):
    return sorted(p for p in folder.rglob("*") if p.suffix in (".html", ".json", ".xml", ".csv", ".js", ".txt"))


def test_no_page_says_the_licence_is_not_set(bundled):
    """Every page, data file and werkkaart, online and offline, states the texts' licence."""
    for folder in (bundled / "site", bundled / "unpacked"):
        for path in pages_of(folder):
            text = path.read_text("utf-8", errors="replace")
            assert "nog niet vastgesteld" not in text, path
    home = (bundled / "site" / "index.html").read_text("utf-8")
    assert "Creative Commons Naamsvermelding 4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/deed.nl)" in home
    record = (bundled / "site" / "interventies" / "kan-wel" / "index.html").read_text("utf-8")
    werkkaart = re.search(r'<div class="ci-werkkaart".*?</div>', record).group(0)
    assert "Teksten: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.nl)." in werkkaart
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', record).group(1))
    assert ld["license"] == LICENCE
    data = json.loads((bundled / "site" / "catalogus.json").read_text("utf-8"))
    assert data["license"] == {"name": "CC BY 4.0", "url": LICENCE}
    feed = ET.parse(bundled / "site" / "feed.xml").getroot()
    assert feed.find("{http://www.w3.org/2005/Atom}rights").text == f"De teksten vallen onder CC BY 4.0: {LICENCE}"


def test_every_footer_links_the_over_page_and_no_generator(bundled):
    for folder, link in ((bundled / "site", "over/"), (bundled / "unpacked" / "catalogus-offline", "over/index.html")):
        for path in folder.rglob("*.html"):
            text = path.read_text("utf-8")
            if 'http-equiv="refresh"' in text:  # the small redirect pages of old addresses
                continue
            assert "Material for MkDocs" not in text, path
            footer = re.search(r'<div class="md-copyright">(.*?)</div>', text, re.S).group(1)
            href = re.search(r'<a href="([^"]+)">Over deze catalogus</a>', footer).group(1)
            if path.name == "404.html" and folder.name == "site":  # served at any depth: from the root
                assert href == "/over/"
                continue
            resolved = (path.parent / href).resolve()
            assert resolved == (folder / link).resolve(), path
            assert (resolved / "index.html" if link.endswith("/") else resolved).is_file()


def about_text(site_folder) -> str:
    page = (site_folder / "over" / "index.html").read_text("utf-8")
    article = re.search(r"<article.*?</article>", page, re.S).group(0)
    return " ".join(re.sub(r"<[^>]+>", " ", article).split())


def test_over_page_without_maintainer_or_repository_says_so(bundled):
    text = about_text(bundled / "site")
    assert "Deze versie van de catalogus noemt geen beheerder." in text
    assert "heeft geen adres voor meldingen: mkdocs.yml noemt geen repo_url" in text
    for heading in ("Wie beheert de catalogus?", "Hoe een beschrijving ontstaat", "Hoe erkenningen getoond worden",
                    "Een fout melden", "Zelf bijdragen", "Licentie", "Toegankelijkheidsverklaring"):
        assert f"{heading} ¶" in text or heading in text, heading
    assert "WCAG 2.1 niveau AA" in text and "390 pixels" in text and "alleen het toetsenbord" in text
    assert "Creative Commons Naamsvermelding 4.0" in text


def test_over_page_names_the_maintainer_and_the_forms(records):
    from catalog.outputs.pages.render import Renderer

    site = {"site_name": "Buurtinterventies", "repo_url": "https://github.com/org/buurt/",
            "extra": {"maintainer": "Stichting <Wijk>", "maintainer_url": "https://wijk.example/"}}
    renderer = Renderer(records, records.graph, site)
    page = renderer._render("over.md.j2", "over/index.md").text
    assert 'beheerd door <a href="https://wijk.example/">Stichting &lt;Wijk&gt;</a>.' in page
    assert '<a href="https://github.com/org/buurt/issues/new?template=fout-melden.yml">dit formulier</a>' in page
    assert '<a href="https://github.com/org/buurt/issues/new?template=nieuwe-interventie.yml">formulier voor een nieuwe interventie</a>' in page
    assert '<a href="https://github.com/org/buurt/blob/main/CONTRIBUTING.md">handleiding voor bijdragen</a>' in page
    assert "(gratis) account op GitHub" in page


TOOLS = ["Vergelijk", "Matrix", "Afwegen", "Over"]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("where", ["online", "file"])
def test_tools_in_the_tabs_and_the_phone_menu(browser, bundled, bundled_url, width, where):
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 800})
    page = context.new_page()
    if where == "online":
        page.goto(bundled_url + "interventies/kan-wel/")
    else:
        page.goto((bundled / "unpacked" / "catalogus-offline" / "interventies" / "kan-wel.html").as_uri())
    if width == 1280:
        tabs = page.locator(".md-tabs__link").all_text_contents()
        assert [t.strip() for t in tabs][-4:] == TOOLS
        page.locator(".md-tabs__link", has_text="Afwegen").click()
    else:
        page.locator("label.md-header__button[for='__drawer']").click()
        links = page.locator("nav.md-nav--primary > ul > li > a.md-nav__link, nav.md-nav--primary > ul > li > label.md-nav__link")
        names = [" ".join(t.split()) for t in links.all_text_contents()]
        assert names[-4:] == TOOLS
        page.locator("nav.md-nav--primary a.md-nav__link", has_text="Afwegen").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.text_content().startswith("Een aanpak kiezen")
    context.close()


def test_the_afwegen_record_links_to_the_helper(tmp_path):
    root = make_catalog(tmp_path)
    text = (root / "interventions" / "wijkgesprek.md").read_text("utf-8")
    (root / "interventions" / "afwegen-in-de-wijk.md").write_text(text.replace("title: Wijkgesprek", "title: Afwegen in de Wijk", 1), "utf-8")
    build_site(root, tmp_path)
    html = (tmp_path / "site" / "interventies" / "afwegen-in-de-wijk" / "index.html").read_text("utf-8")
    assert 'in de <a href="../../afwegen/">keuzehulp Een aanpak kiezen</a>' in html


# -- age you can see, unknown is said, one recognition display (items 2, 3, 5) -------------------

DECISION_ROWS = ["Kosten", "Duur", "Wie voert uit", "Training en materiaal", "Randvoorwaarden", "Contact of meer informatie"]
UNKNOWN = "Onbekend: de bronnen noemen dit niet"


@pytest.fixture(scope="module")
def screens(browser):
    """One page per screen width (900 px high) for the tests below that open a page online or
    from file://, made when first asked for; it records uncaught exceptions in `page.errors`."""
    made = {}

    def get(width: int):
        if width not in made:
            context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900})
            page = context.new_page()
            page.errors = []
            page.on("pageerror", lambda exc, page=page: page.errors.append(str(exc)))
            made[width] = (context, page)
        return made[width][1]

    yield get
    for context, _ in made.values():
        context.close()


def open_page(screens, bundled, bundled_url, where, width, online_path, offline_path):
    """The page of `where` in the page of this width, loaded afresh (after about:blank), with no
    exception recorded before it."""
    page = fresh(screens(width))
    if where == "online":
        page.goto(bundled_url + online_path)
    else:
        page.goto((bundled / "unpacked" / "catalogus-offline" / offline_path).as_uri())
    return page


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("where", ["online", "file"])
def test_record_page_says_what_is_unknown_and_how_old(screens, bundled, bundled_url, where, width):
    page = open_page(screens, bundled, bundled_url, where, width, "interventies/wijkgesprek/", "interventies/wijkgesprek.html")
    facts = dict(page.locator(".ci-facts dt").evaluate_all(
        "dts => dts.map(dt => [dt.textContent, dt.nextElementSibling.innerText.trim()])"))
    assert [name for name in facts if name in DECISION_ROWS] == DECISION_ROWS
    assert all(facts[name] == UNKNOWN for name in DECISION_ROWS)
    assert facts["Nieuwste bron"] == "2017 bronnen meer dan 5 jaar oud"  # 2017 + 5 years is past
    assert "Bijgewerkt" not in facts
    assert page.locator(".ci-facts .ci-unknown").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.errors == []


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("where", ["online", "file"])
def test_cards_show_the_recognition_and_source_age_as_the_record_page(screens, bundled, bundled_url, where, width):
    page = open_page(screens, bundled, bundled_url, where, width, "catalogus/", "catalogus/index.html")
    page.wait_for_selector("html[data-catalog-ready]")
    card = page.locator('.ci-result[data-slug="buurtfeest"]')
    assert " ".join(card.locator("p").first.inner_text().split()) == (
        "Praktijkvoorbeeld · Goed beschreven beoordeeld door Testcommissie (juni 2019); geldig tot 1 juni 2024 verlopen · korte beschrijving")
    assert card.locator(".ci-card-age").inner_text() == "Nieuwste bron: onbekend (geen bron noemt een datum)"
    stale = page.locator('.ci-result[data-slug="kan-wel"] .ci-card-age')
    assert stale.inner_text() == "Nieuwste bron: 2011 bronnen meer dan 5 jaar oud"
    assert stale.locator(".ci-old-sources").is_visible()


def test_cards_added_later_are_marked_too(page, bundled_url):
    """The catalogue adds cards from its scripts after the first ones; catalogus.js marks those as they come."""
    page.goto(bundled_url + "catalogus/")
    page.wait_for_selector("html[data-catalog-ready]")
    page.evaluate("""() => {
        const list = document.getElementById('ci-live');
        const t = document.createElement('template');
        t.innerHTML = '<div class="ci-result" data-slug="x"><p><span class="ci-expired" data-valid-until="2000-01-01" hidden>oud</span></p></div>';
        list.appendChild(t.content.firstChild);
    }""")
    page.wait_for_function("() => !document.querySelector('[data-slug=x] .ci-expired').hidden")


def test_contact_links_with_the_year_of_their_source(records):
    from catalog.outputs.pages.render import Renderer

    record = records.interventions["kan-wel"]
    saved = dict(record.data["developer"])
    record.data["developer"].update({"contact": "Thijs", "phone": "030 231 75 11", "year": 2011})
    try:
        html = Renderer(records, records.graph, {"site_name": "B"})._contact(record.data["developer"])
    finally:
        record.data["developer"].clear()
        record.data["developer"].update(saved)
    assert html == (
        'Thijs, <a href="mailto:info@voorbeeld.nl">info@voorbeeld.nl</a>, <a href="tel:+31302317511">030 231 75 11</a>, '
        '<a href="https://www.voorbeeld.nl">https://www.voorbeeld.nl</a> (volgens een bron uit 2011)'
    )


def test_the_record_page_and_its_werkkaart_give_the_contact_with_its_year(bundled):
    """The decision rows (also the printed werkkaart) show the year of the source that named the contact."""
    html = (bundled / "site" / "interventies" / "kan-wel" / "index.html").read_text("utf-8")
    assert ('<dt>Contact of meer informatie</dt><dd><a href="mailto:info@voorbeeld.nl">info@voorbeeld.nl</a>, '
            '<a href="https://www.voorbeeld.nl">https://www.voorbeeld.nl</a> (volgens een bron uit 2011)</dd>') in html


def test_checked_is_the_only_date_shown_and_only_where_set(bundled):
    """`checked` (a second reader compared the record with its sources) shows as 'Gecontroleerd op';
    a record without it shows no date of ours at all (issue 28)."""
    checked = (bundled / "site" / "interventies" / "kan-wel" / "index.html").read_text("utf-8")
    assert '<dt>Gecontroleerd op</dt><dd><time datetime="2020-02-29">29 februari 2020</time></dd>' in checked
    unchecked = (bundled / "site" / "interventies" / "wijkgesprek" / "index.html").read_text("utf-8")
    assert "Gecontroleerd op" not in unchecked and "Bijgewerkt" not in unchecked
    csv = (bundled / "site" / "catalogus.csv").read_text("utf-8-sig").splitlines()
    assert "gecontroleerd" in csv[0].split(";") and "bijgewerkt" not in csv[0].split(";")


def test_live_records_use_checked_not_updated():
    from conftest import REPO

    for path in sorted((REPO / "interventions").glob("*.md")):
        assert not re.search(r"^updated:", path.read_text("utf-8"), re.M), path


# -- sources you can cite (item 4) -----------------------------------------------------------------

def test_a_copy_shows_as_kopie_van_its_original(tmp_path):
    from catalog.records.copies import COPY_HOSTS, copy_host

    assert copy_host("https://nl.yumpu.com/document/x") == "yumpu.com" and copy_host("https://www.movisie.nl/x") is None
    assert len(COPY_HOSTS) == len(set(COPY_HOSTS))
    root = make_catalog(tmp_path)
    path = root / "interventions" / "kan-wel.md"
    path.write_text(path.read_text("utf-8").replace(
        "    url: https://www.voorbeeld.nl/kan-wel\n",
        "    url: https://5dok.net/document/kan-wel.html\n    original:\n      title: Het origineel\n      publisher: De Uitgever\n"
        "      url: https://www.voorbeeld.nl/origineel.pdf\n"), "utf-8")
    build_site(root, tmp_path)
    html = (tmp_path / "site" / "interventies" / "kan-wel" / "index.html").read_text("utf-8")
    assert (
        '<li>Testbron, Testuitgever (1 mei 2011). <span class="ci-copy">Kopie op 5dok.net van: Het origineel, De Uitgever</span>. '
        'Origineel: <a href="https://www.voorbeeld.nl/origineel.pdf">https://www.voorbeeld.nl/origineel.pdf</a>. '
        'Kopie: <a href="https://5dok.net/document/kan-wel.html">https://5dok.net/document/kan-wel.html</a></li>'
    ) in html
    text = (tmp_path / "site" / "assets" / "vergelijk-data.js").read_text("utf-8")
    data = json.loads(json.loads(text[len("window.CATALOG_COMPARE=JSON.parse("):-len(");\n")]))
    item = next(i for i in data["items"] if i["slug"] == "kan-wel")
    assert item["sources"] == [{"text": "Testbron, Testuitgever (1 mei 2011). Kopie op 5dok.net van: Het origineel, De Uitgever",
                                "url": "https://www.voorbeeld.nl/origineel.pdf"}]
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))
    assert ld["citation"] == [{
        "@type": "CreativeWork", "name": "Testbron", "url": "https://5dok.net/document/kan-wel.html",
        "datePublished": "2011-05-01", "publisher": "Testuitgever", "description": "Kopie op 5dok.net van: Het origineel, De Uitgever",
        "isBasedOn": {"@type": "CreativeWork", "name": "Het origineel", "publisher": "De Uitgever", "url": "https://www.voorbeeld.nl/origineel.pdf"},
    }]


def test_live_copies_name_their_original_and_the_2014_article_its_publisher():
    """Every live source on a copy site names its original (check enforces it); the article the
    werkzame elementen rest on names Movisie, whose databank it describes ('bij ons aanmelden')."""
    import yaml
    from conftest import REPO
    from catalog.records.copies import copy_host

    article = "Werkzame elementen bij buurtontwikkeling: het mobiliseren van eigen kracht in buurtontwikkeling"
    copies = cited = 0
    for path in sorted((REPO / "interventions").glob("*.md")) + sorted((REPO / "elements").glob("*.md")):
        data = yaml.safe_load(path.read_text("utf-8").split("\n---\n")[0].lstrip("-\n"))
        for source in data["sources"]:
            if copy_host(source.get("url")):
                copies += 1
                assert source["original"]["title"] and (source["original"].get("publisher") or source["original"].get("author")), path
            if source["title"] == article:
                cited += 1
                assert source["publisher"] == "Movisie", path
    assert copies >= 60 and cited >= 20


# -- offline that points home (item 8) -------------------------------------------------------------

SITE_URL = "https://voorbeeld.github.io/catalogus/"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The fixture built by `site` (site and zip) with site_url set, as a published fork is."""
    from catalog.site import settings

    def make(tmp):
        config = {**settings.site_config(), "site_url": SITE_URL}
        mp = pytest.MonkeyPatch()
        mp.setattr(settings, "site_config", lambda: config)
        try:
            build_site(make_catalog(tmp), tmp, bundle=True)
        finally:
            mp.undo()

    return built_once(tmp_path_factory, "gepubliceerd", make)  # once for the run, also across workers


def test_zip_holds_a_leesmij(published, bundled):
    import zipfile

    with zipfile.ZipFile(published / "offline.zip") as archive:
        text = archive.read("catalogus-offline/LEESMIJ.txt").decode("utf-8")
    lines = text.split("\r\n")
    assert lines[0] == "Catalogus van buurtinterventies: de offline versie"
    assert "3. Dubbelklik op index.html. De catalogus opent in uw browser." in lines
    assert "Stand van de catalogus: 29 februari 2020 (de nieuwste datum in de beschrijvingen)." in lines
    assert f"De actuele versie staat online op: {SITE_URL}" in lines
    assert any(line.startswith("Licentie: De teksten van deze catalogus vallen onder de licentie Creative Commons") for line in lines)
    unpublished = (bundled / "unpacked" / "catalogus-offline" / "LEESMIJ.txt").read_text("utf-8")
    assert "Deze kopie noemt geen online adres." in unpublished
    assert not (bundled / "site" / "LEESMIJ.txt").exists()  # the online site needs none


@pytest.mark.parametrize("width", [390, 1280])
def test_offline_banner_and_printout_give_the_online_page(browser, published, width):
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto((published / "unpacked" / "catalogus-offline" / "interventies" / "kan-wel.html").as_uri())
    banner = page.locator(".ci-offline a")
    assert banner.get_attribute("href") == banner.inner_text() == SITE_URL + "interventies/kan-wel/"
    page.emulate_media(media="print")
    assert page.locator(".ci-werkkaart .ci-address").inner_text() == SITE_URL + "interventies/kan-wel/"
    context.close()


def test_sitemap_lists_every_page(published):
    """sitemap.xml (sitemaps.org 0.9): every page of the site, with absolute addresses under site_url."""
    root = ET.parse(published / "site" / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    assert root.tag == ns + "urlset"
    urls = [u.find(ns + "loc").text for u in root.findall(ns + "url")]
    assert all(u.find(ns + "loc") is not None for u in root.findall(ns + "url"))
    assert all(set(child.tag for child in u) <= {ns + "loc", ns + "lastmod", ns + "changefreq", ns + "priority"} for u in root)
    site = published / "site"
    pages = sorted(
        SITE_URL + ("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/")
        for p in site.rglob("index.html") if 'http-equiv="refresh"' not in p.read_text("utf-8")
    )
    assert sorted(urls) == pages
    assert SITE_URL + "over/" in urls and SITE_URL + "interventies/kan-wel/" in urls


def test_feed_entries_carry_their_own_date_and_absolute_links(published):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(published / "site" / "feed.xml").getroot()  # well-formed, or this raises
    entries = {e.find(atom + "title").text: e for e in feed.findall(atom + "entry")}
    kan_wel = entries["Interventie: Kan wél!"]
    assert kan_wel.find(atom + "updated").text == "2020-02-29T00:00:00Z"  # its checked date
    assert entries["Interventie: Wijkgesprek"].find(atom + "updated").text == "2017-05-24T00:00:00Z"  # newest source
    for entry in entries.values():
        href = entry.find(atom + "link").get("href")
        assert href.startswith(SITE_URL), href
    assert kan_wel.find(atom + "link").get("href") == SITE_URL + "interventies/kan-wel/"
    assert feed.find(atom + "link[@rel='self']").get("href") == SITE_URL + "feed.xml"


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("where", ["online", "file"])
def test_over_page_from_the_footer(screens, bundled, bundled_url, where, width):
    page = open_page(screens, bundled, bundled_url, where, width, "vergelijk/", "vergelijk/index.html")
    page.locator(".md-copyright a", has_text="Over deze catalogus").click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().rstrip("¶").strip() == "Over deze catalogus"
    headings = [" ".join(h.split()).rstrip("¶").strip() for h in page.locator("article h2").all_inner_texts()]
    assert headings == ["Wie beheert de catalogus?", "Hoe een beschrijving ontstaat", "Hoe erkenningen getoond worden",
                        "Een fout melden", "Zelf bijdragen", "Licentie", "Toegankelijkheidsverklaring"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.errors == []


def test_stacked_comparison_has_no_wcag_violations_on_a_phone(browser, bundled_url):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(bundled_url + "vergelijk/#i=kan-wel&i=buurtfeest")
    page.wait_for_selector("html[data-compare-ready]")
    assert axe_violations(page) == []
    context.close()


def test_unknown_rows_on_paper_are_one_line(browser, bundled_url):
    """Printed, the werkkaart names every unknown decision row in one line, so it fits two A4 pages."""
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(bundled_url + "interventies/wijkgesprek/")
    assert page.locator(".ci-print-only").first.is_hidden()
    page.emulate_media(media="print")
    assert page.locator(".ci-fact-unknown").first.is_hidden()
    assert page.locator("dd.ci-print-only").inner_text() == (
        "De bronnen noemen niet: Kosten, Duur, Wie voert uit, Training en materiaal, Randvoorwaarden, Contact of meer informatie.")
    context.close()
