"""The pages of the reader's tools (issue 18): compare 2 to 4 interventions (/vergelijk/),
every intervention against every werkzaam element (/matrix/), and a choice helper after the
steps of Afwegen in de Wijk (/afwegen/); and the werkkaart lines that an intervention page and
the comparison print: site name, address, the catalogue's date, licence. The templates reach
this module as `tools`.

The pages are static; their scripts (catalog/assets/vergelijk/, matrix/, afwegen/) read
classic data scripts (outputs/tools.py), so they work from file:// too.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from catalog.graph.questions import answering, questions
from catalog.outputs.page import LICENCE_SHORT, LICENCE_TEXT, MAX_COMPARE, Page, page_url
from catalog.outputs.text import dutch_date, escape

__all__ = ["LICENCE_TEXT", "MAX_COMPARE"]  # the templates read them as tools.LICENCE_TEXT, tools.MAX_COMPARE
Renderer = Any  # render.Renderer, which hands itself over: render imports this module, not the other way

COMPARE_PAGE, MATRIX_PAGE, HELPER_PAGE = "vergelijk/index.md", "matrix/index.md", "afwegen/index.md"
ABOUT_PAGE = "over/index.md"  # who maintains the catalogue, how records are made; linked from every footer
HELPER_RECORD = "afwegen-in-de-wijk"  # the record of the method the helper follows links to the helper
# Where a page's script finds a record page: the placeholder is replaced by the slug.
SLUG_PLACEHOLDER = "SLUG"  # upper case: never part of a slug, and no Markdown escaping

# The steps of Afwegen in de Wijk as the instrument's own description lists them (names of the
# steps), and the article of source 004 that describes the method. Shown on /afwegen/.
AFWEGEN_ARTICLE = {
    "title": "Afwegen wat werkt in de wijk",
    "publisher": "Platform voor buurtontwikkeling",
    "date": "2017-05-24",
    "authors": "Jeroen van der Velden en Jochum Deuten",
}
AFWEGEN_STEPS_PAGE = {
    "title": "Afwegen in de wijk",
    "site": "Instrumentwijzer",
    "url": "https://instrumentwijzer.nl/afwegen-de-wijk",
}


def tool_pages(renderer: Renderer) -> list[Page]:
    """The three tools and the page about the catalogue (Renderer.pages adds them)."""
    return [
        renderer._render("vergelijk.md.j2", COMPARE_PAGE),
        renderer._render("matrix.md.j2", MATRIX_PAGE),
        renderer._render("afwegen.md.j2", HELPER_PAGE, article=AFWEGEN_ARTICLE, steps_page=AFWEGEN_STEPS_PAGE),
        renderer._render("over.md.j2", ABOUT_PAGE),
    ]


def record_href(renderer: Renderer, here: str) -> str:
    """The address of any intervention page from `here`, with SLUG_PLACEHOLDER for its slug."""
    return renderer.href(here, f"interventies/{SLUG_PLACEHOLDER}.md")


def printed_address(renderer: Renderer, here: str) -> str:
    """The page's address for paper, known at build time only when mkdocs.yml sets site_url
    (then also in the offline copy: paper should point to the site, not to a file on a laptop).
    Empty otherwise: werkkaart.js then writes the browser's own address (location.href)."""
    site_url = renderer.site.get("site_url")
    if not site_url:
        return ""
    return site_url.rstrip("/") + "/" + page_url(here, True)


def werkkaart(renderer: Renderer, here: str, with_hash: bool = False) -> Markup:
    """The lines a printed page carries: site name, address, the catalogue's date, licence.
    On screen only the Afdrukken button shows (see catalogus.css); werkkaart.js fills the address
    when it is not known at build time. `with_hash`: the address keeps the #choice (comparison)."""
    site_name = escape(renderer.site.get("site_name") or "Buurtinterventies")
    address = printed_address(renderer, here)
    newest = renderer.graph.newest
    keep = ' data-keep-hash=""' if with_hash else ""
    # One paragraph of small print: a full record must still fit on two A4 pages.
    return Markup(
        '<div class="ci-werkkaart" data-search-exclude="true"><p>'
        f'<strong class="ci-werkkaart-site">{site_name}</strong>, werkkaart uit de catalogus van buurtinterventies. '
        f'Adres van deze pagina: <span class="ci-address" data-address="{escape(address)}"{keep}>{escape(address)}</span>. '
        f'Stand van de catalogus: <time datetime="{newest.isoformat()}">{dutch_date(newest.isoformat())}</time> '
        f"(de nieuwste datum in de beschrijvingen). {escape(LICENCE_SHORT)}"
        "</p></div>"
    )


def print_button() -> Markup:
    """Shown by werkkaart.js (a button that does nothing without JavaScript stays hidden)."""
    return Markup('<button type="button" class="md-button ci-print-button" hidden>Afdrukken</button>')


def asset(renderer: Renderer, here: str, path: str) -> str:
    """A file of the site (assets/...) from a page, as the browser resolves it: online pages are
    folders (kan-wel/), offline ones files (kan-wel.html)."""
    directory = not renderer.site.get("offline") and renderer.site.get("use_directory_urls", True) is not False
    return "../" * page_url(here, directory).count("/") + path


def question_links(renderer: Renderer, here: str) -> Markup:
    """The questions of taxonomy.yml as links into the catalogue with their filters (target groups
    and themes, each any-of, as the catalogue combines them), with how many interventions answer."""
    catalogue = renderer.href(here, "catalogus/index.md")
    counts = answering(renderer.catalog, full_only=False)
    items = []
    for slug, question in questions(renderer.catalog).items():
        params = [("doelgroep", g) for g in question.get("target_groups") or []] + [("thema", t) for t in question["themes"]]
        query = "&".join(f"{key}={value}" for key, value in params)
        n = len(counts[slug])
        items.append(
            f'<li><a href="{catalogue}#{escape(query)}">{escape(question["label"])}</a> '
            f'<span class="ci-meta">({n} {"interventie" if n == 1 else "interventies"})</span></li>'
        )
    return Markup(f'<ul class="ci-questions">{"".join(items)}</ul>') if items else Markup("")
