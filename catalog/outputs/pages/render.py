"""Render phase: Markdown pages for mkdocs, generated from the validated records and the graph.

Contributors' text is untrusted: fields are escaped, and bodies are rendered to HTML here and
cleaned with nh3 before mkdocs sees them. Headings of a body stay Markdown so the table of
contents keeps working.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from urllib.parse import quote, urlencode
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from catalog.records.facets import BY_VOCABULARY
from catalog.graph.link import Graph, title_key
from catalog.outputs.page import LICENCE_URL, Page, page_url
from catalog.outputs.pages import tool_pages
from catalog.outputs.pages.cards import CATALOGUE_PAGE, ResultCards
from catalog.outputs.pages.parts import REASSESSMENT_SOURCES, RECOGNITION_YEARS, HtmlParts
from catalog.outputs.scriptjson import script_json
from catalog.outputs.text import body_sections, copy_text, dutch_date, escape
from catalog.records.load import Catalog, Record

TEMPLATES = Path(__file__).parent / "templates"
DOWNLOAD = "downloads/catalogus-offline.zip"
FIRST_PAGE = 25  # cards in the catalogue page's HTML; the script shows as many per "Toon meer"
NEW_FORM = "nieuwe-interventie.yml"  # .github/ISSUE_TEMPLATE/, linked from the home page
REPORT_FORM = "fout-melden.yml"  # .github/ISSUE_TEMPLATE/  # where the online site offers the offline bundle
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")

# URL folder and page title of each vocabulary's overview, from the facet table.
SECTIONS = {vocabulary: (f.folder, f.overview) for vocabulary, f in BY_VOCABULARY.items()}


def text(value: Any) -> Markup:
    """Plain contributor text, safe inside generated Markdown and HTML, on one line: a line break
    in a field must not start a heading, rule or list in the page around it."""
    # An apostrophe stays itself: as &#x27; the escaped # showed as "Thema&\#x27;s".
    return Markup(_MD_SPECIAL.sub(r"\\\1", escape(value).replace("&#x27;", "'")))


def _meta_value(value: Any) -> Markup:
    """A page title or description for mkdocs' front matter; mkdocs puts it in HTML unescaped."""
    return Markup(json.dumps(escape(value), ensure_ascii=False))


class Renderer(HtmlParts, ResultCards):
    SECTIONS = SECTIONS
    recognition_years = RECOGNITION_YEARS
    reassessment_sources = REASSESSMENT_SOURCES
    report_form = REPORT_FORM

    def __init__(self, catalog: Catalog, graph: Graph, site: dict[str, Any], facets: list[dict] | None = None) -> None:
        self.facets = facets or []
        self.catalog = catalog
        self.graph = graph
        self.site = site
        self.taxonomy: dict[str, dict] = catalog.taxonomy.data
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            finalize=lambda v: v if isinstance(v, Markup) else text(v),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.templates: dict[str, Any] = {}
        self.env.filters.update(date=dutch_date, yamlstr=_meta_value, h=lambda v: Markup(escape(v)))
        self.env.globals["tools"] = tool_pages  # the werkkaart lines and the tools' pages
        self.by_title = sorted(catalog.interventions.values(), key=title_key)
        self.elements_by_title = sorted(catalog.elements.values(), key=title_key)

    # -- helpers available in templates -----------------------------------------------------

    def label(self, vocabulary: str, slug: str) -> str:
        return self.taxonomy[vocabulary][slug]["label"]

    def url(self, here: str, target: str) -> Markup:
        """Relative link between two generated Markdown files; mkdocs turns it into a URL."""
        return Markup(posixpath.relpath(target, posixpath.dirname(here) or "."))

    def href(self, here: str, target: str) -> str:
        """The final relative URL from one generated page to another, for raw HTML that mkdocs leaves alone.

        Online pages use directory URLs (kan-wel/), the offline bundle file names (kan-wel.html).
        """
        directory = not self.site.get("offline") and self.site.get("use_directory_urls", True) is not False
        return _relative_url(here, target, directory)

    def option_count(self, facet_key: str, value: str) -> int:
        """How many interventions ticking an option gives when nothing else is chosen; the page
        shows these counts before its script has the data."""
        if facet_key == "element":
            return len(self.graph.users.get(value, []))
        facet = next(f for f in BY_VOCABULARY.values() if f.key == facet_key)
        return len(self.with_term(facet.vocabulary, value))

    def record_page(self, record: Record) -> str:
        folder = "interventies" if record.type == "intervention" else "werkzame-elementen"
        return f"{folder}/{record.slug}.md"

    def term_page(self, vocabulary: str, slug: str) -> str:
        return f"{SECTIONS[vocabulary][0]}/{slug}.md"

    def with_term(self, vocabulary: str, slug: str) -> list[Record]:
        """Interventions tagged with a taxonomy term (list fields such as themes, or one value such as kind)."""
        return self._by_term.get((vocabulary, slug), [])

    @cached_property
    def _by_term(self) -> dict[tuple[str, str], list[Record]]:
        """One pass over the interventions instead of one per term page, in title order."""
        by_term: dict[tuple[str, str], list[Record]] = {}
        for record in self.by_title:
            for vocabulary, facet in BY_VOCABULARY.items():
                value = record.data[facet.field]
                for slug in dict.fromkeys(value) if isinstance(value, list) else (value,):
                    by_term.setdefault((vocabulary, slug), []).append(record)
        return by_term

    def interventions_of(self, slugs: list[str]) -> list[Record]:
        return [self.catalog.interventions[slug] for slug in slugs]

    def facet_key(self, vocabulary: str) -> str:
        return BY_VOCABULARY[vocabulary].key

    def edit_url(self, record: Record) -> str | None:
        """The record's source file on the repository (mkdocs.yml's repo_url; edit_uri only if a
        fork uses another branch than main)."""
        repo = self.site.get("repo_url")
        if not repo:
            return None
        edit = self.site.get("edit_uri") or "edit/main/"
        return posixpath.join(repo.rstrip("/") + "/", edit.strip("/"), record.path)

    def contribute_urls(self) -> tuple[str, str] | None:
        """The issue form for a new intervention and CONTRIBUTING.md on the repository."""
        repo = self.site.get("repo_url")
        if not repo:
            return None
        repo = repo.rstrip("/")
        return f"{repo}/issues/new?template={NEW_FORM}", f"{repo}/blob/main/CONTRIBUTING.md"

    def report_url(self, record: Record, here: str) -> str | None:
        """A new issue with the 'Fout melden' form, the record's title and page filled in."""
        repo = self.site.get("repo_url")
        if not repo:
            return None
        query = {"template": REPORT_FORM, "title": f"Fout in: {record.data['title']}", "bestand": record.path}
        site_url = self.site.get("site_url")
        if site_url:
            query["pagina"] = site_url.rstrip("/") + "/" + page_url(here, True)
        return repo.rstrip("/") + "/issues/new?" + urlencode(query, quote_via=quote)

    # -- pages ------------------------------------------------------------------------------

    def pages(self, interventions: bool = True) -> list[Page]:
        """Every page; without `interventions`, all but the intervention pages (which a second
        process renders meanwhile, see worker.py)."""
        pages = [self._render("home.md.j2", "index.md")]
        pages.append(self._render("interventions.md.j2", "interventies/index.md"))
        pages.append(self._render("catalogus.md.j2", CATALOGUE_PAGE, facets=self.facets, first_page=FIRST_PAGE))
        pages.append(self._render("elements.md.j2", "werkzame-elementen/index.md"))
        if interventions:
            pages += self.intervention_pages()
        for record in self.elements_by_title:
            pages.append(self._render("element.md.j2", self.record_page(record), record=record,
                                      sections=body_sections(record.body)))
        pages += tool_pages.tool_pages(self)  # vergelijk, matrix, afwegen
        pages += self.redirect_pages()
        for vocabulary, (folder, title) in SECTIONS.items():
            pages.append(self._render("vocabulary.md.j2", f"{folder}/index.md", vocabulary=vocabulary, title=title))
            for slug in self.taxonomy[vocabulary]:
                pages.append(self._render("term.md.j2", self.term_page(vocabulary, slug), vocabulary=vocabulary, slug=slug))
        return pages

    def json_ld(self, record: Record, here: str) -> Markup:
        """schema.org data about the page for search engines and other tools, as JSON-LD."""
        d = record.data
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "CreativeWork" if record.type == "intervention" else "DefinedTerm",
            "name": d["title"],
            "description": " ".join(d["summary"].split()),
            "inLanguage": "nl",
            "license": LICENCE_URL,
        }
        if self.site.get("site_url"):
            data["url"] = self.site["site_url"].rstrip("/") + "/" + page_url(here, True)
        if record.type == "intervention":
            data["genre"] = self.label("kinds", d["kind"])
            data["audience"] = [{"@type": "Audience", "audienceType": self.label("target_groups", s)} for s in d["target_groups"]]
            data["keywords"] = [self.label("themes", s) for s in d["themes"]] + [self.catalog.elements[e].data["title"] for e in d["elements"]]
        else:
            data["inDefinedTermSet"] = "Werkzame elementen"
        data["citation"] = [_citation(s) for s in d["sources"]]
        return Markup(f'<script type="application/ld+json">{script_json(data)}</script>')

    def redirect_pages(self) -> list[Page]:
        """A record's old addresses (aliases) as small HTML files that send the reader on; mkdocs
        copies them as they are. They work from file:// too."""
        pages = []
        for record in self.by_title + self.elements_by_title:
            target = self.record_page(record)
            for alias in record.data["aliases"]:
                here = f"{posixpath.dirname(target)}/{alias}.md"
                offline = self.site.get("offline")
                path = here[: -len(".md")] + (".html" if offline else "/index.html")
                pages.append(Page(path, redirect_html(record.data["title"], self.href(here, target))))
        return pages

    def intervention_pages(self, records: list[Record] | None = None) -> list[Page]:
        """The pages of all interventions, or of those given (the live preview redoes only those)."""
        return [
            self._render("intervention.md.j2", self.record_page(record), record=record, sections=body_sections(record.body))
            for record in (self.by_title if records is None else records)
        ]

    def _render(self, template: str, path: str, **context: Any) -> Page:
        page = self._template(template).render(here=path, r=self, site=self.site, **context)
        if self.site.get("offline"):
            page = _after_front_matter(page, self._template("_offline.md.j2").render(r=self, site=self.site, here=path))
        return Page(path, page)

    def _template(self, name: str):
        if name not in self.templates:
            self.templates[name] = self.env.get_template(name)
        return self.templates[name]

    def download_link(self, here: str) -> Markup:
        """Raw HTML: the zip is added to the online site after mkdocs ran, so mkdocs cannot check it."""
        return Markup(f'<a class="md-button" href="{posixpath.relpath(DOWNLOAD, posixpath.dirname(here) or ".")}" download>Download de offline versie</a>')


@cache
def _relative_url(here: str, target: str, directory: bool) -> str:
    """Like posixpath.relpath between the two page URLs, keeping a folder URL's slash; without
    relpath's calls to the file system, which cost seconds on thousands of pages."""
    base = page_url(here, directory).split("/")[:-1]
    parts = page_url(target, directory).split("/")
    common = 0
    while common < len(base) and common < len(parts) - 1 and base[common] == parts[common]:
        common += 1
    return "../" * (len(base) - common) + "/".join(parts[common:]) or "./"


def redirect_html(title: str, href: str) -> str:
    shown, link = escape(title), html.escape(href, quote=True)
    return (
        '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Verhuisd: {shown}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={link}">\n<link rel="canonical" href="{link}">\n'
        '<meta name="robots" content="noindex">\n</head>\n<body>\n'
        f'<p>Deze pagina heeft een nieuw adres: <a href="{link}">{shown}</a>.</p>\n</body>\n</html>\n'
    )


def _after_front_matter(page: str, insert: str) -> str:
    if page.startswith("---\n"):
        end = page.index("\n---\n", 4) + 5
        return page[:end] + insert + "\n" + page[end:]
    return insert + "\n" + page


def render_pages(catalog: Catalog, graph: Graph, site: dict[str, Any], facets: list[dict], interventions: bool = True) -> list[Page]:
    return Renderer(catalog, graph, site, facets).pages(interventions)


def _citation(source: dict) -> dict[str, Any]:
    """A source for JSON-LD; a copy on a document-sharing site says so and names its original."""
    work = _work(("name", source["title"]), ("url", source["url"]), ("datePublished", str(source["date"]) if source["date"] else None),
                 ("publisher", source["publisher"]), ("description", copy_text(source)))
    original = source.get("original")
    if original:
        work["isBasedOn"] = _work(("name", original["title"]), ("url", original.get("url")),
                                  ("publisher", original.get("publisher")), ("author", original.get("author")))
    return work


def _work(*pairs: tuple[str, Any]) -> dict[str, Any]:
    return {"@type": "CreativeWork", **{k: v for k, v in pairs if v}}
