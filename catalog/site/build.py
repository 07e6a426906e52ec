"""`build`: check, link, render into a git-ignored folder, run mkdocs, then swap into site/.

A failed build leaves the previous site/ untouched: mkdocs writes into a fresh folder next to
it, and only a complete, verified site replaces the old one.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TextIO

from catalog.checks.validate import validate
from catalog.graph.link import Graph, build_graph
from catalog.outputs.opendata import offline_readme, open_data_files
from catalog.outputs.page import Page
from catalog.outputs.pages.render import DOWNLOAD, Renderer, render_pages
from catalog.outputs.search.search import catalog_data, search_files
from catalog.outputs.tools import compare_files
from catalog.records.load import Catalog, load_catalog
from catalog.records.problems import report
from catalog.records.schema import apply_defaults
from catalog.site import worker
from catalog.site.sweep import swept
from catalog.site.mkdocs_run import BuildError, html_path, run_mkdocs
from catalog.site.offline import BUNDLE, BUNDLE_FOLDER, OFFLINE_DOCS, offline_zip, write_zip
from catalog.site.settings import render_settings
from catalog.site.worker import catalog_digest

__all__ = ["BUNDLE", "BUNDLE_FOLDER", "BuildError", "build", "bundle", "html_path", "run_mkdocs", "write_zip"]

GENERATED = Path("build") / "docs"
ASSETS = Path(__file__).parents[1] / "assets"


# tests/test_killed_build.py: the build stops itself right after the progress line that starts
# with this variable's value, so that a kill lands exactly there, however busy the machine is.
STOP_AFTER = "CATALOG_TEST_STOP_AFTER"


class Progress:
    """One line per phase with counts and elapsed time: quiet enough for CI logs."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.start = time.perf_counter()
        self.out = out  # None: whatever sys.stderr is when a line is printed

    def __call__(self, message: str) -> None:
        print(f"[{time.perf_counter() - self.start:6.2f}s] {message}", file=self.out or sys.stderr, flush=True)
        stop = os.environ.get(STOP_AFTER)
        if stop and message.startswith(stop):  # stopped, not ended: the test kills it at this very line
            os.kill(os.getpid(), signal.SIGSTOP)


@dataclass
class Generated:
    pages: list[Page]
    graph: Graph
    slugs: list[str]  # the interventions in the order of CATALOG.items, which the index refers to
    catalog: Catalog

    @property
    def digest(self) -> str:
        """Of the records as rendered (catalog_digest): both processes of a build must agree."""
        return catalog_digest(self.catalog)

    @property
    def expected(self) -> list[str]:
        """The Markdown pages that mkdocs must turn into HTML."""
        return [p.path for p in self.pages if p.path.endswith(".md")]


def generate(
    root: Path, docs: Path, progress: Progress, offline: bool = False,
    intervention_pages: Callable[[], list[Page]] | None = None,
) -> Generated | None:
    """Check everything, then write the pages; on any content error write nothing and return None.

    With `intervention_pages`, a second process (worker.py) renders those pages and makes the
    search index; it is asked for the pages only after the check passed.
    """
    catalog = checked(root, progress)
    if catalog is None:
        return None
    return write_pages(catalog, docs, progress, offline, intervention_pages)


def checked(root: Path, progress: Callable[[str], None]) -> Catalog | None:
    """The records loaded and checked (problems reported on stdout: None), with their defaults."""
    catalog = load_catalog(root)
    progress(f"geladen: {len(catalog.interventions)} interventies, {len(catalog.elements)} werkzame elementen")
    problems = validate(catalog)
    if problems:
        report(problems, catalog.files + 1, sys.stdout)
        return None
    progress("gecontroleerd: geen fouten")
    apply_defaults(catalog)
    return catalog


def write_pages(
    catalog: Catalog, docs: Path, progress: Callable[[str], None], offline: bool = False,
    intervention_pages: Callable[[], list[Page]] | None = None, make_index: bool = True,
) -> Generated:
    """Render every page and file of one site into `docs` (see render_site)."""
    generated, files = render_site(catalog, progress, offline, intervention_pages, make_index)
    write_docs(docs, generated.pages + files)
    progress(f"pagina's geschreven: {len(generated.pages)}")
    return generated


def render_site(
    catalog: Catalog, progress: Callable[[str], None], offline: bool = False,
    intervention_pages: Callable[[], list[Page]] | None = None, make_index: bool = True, open_data: bool = True,
) -> tuple[Generated, list[Page]]:
    """Every page and file of one site: the pages (Markdown for mkdocs) and the other files. The
    search index is made here, unless the second process makes it (`intervention_pages`, or
    not `make_index`: it adds the index itself). The live preview (preview.py) uses this too, so
    it always makes the files the build makes; it makes the open data files (`open_data`)
    afterwards, like the index."""
    graph = build_graph(catalog)
    data = catalog_data(catalog)
    pages = render_pages(catalog, graph, render_settings(offline), data["facets"], interventions=not intervention_pages)
    if intervention_pages:
        pages += intervention_pages()
    files = search_files(catalog, data, with_index=make_index and not intervention_pages)
    files += Renderer(catalog, graph, render_settings(offline)).card_files()
    if open_data:
        files += open_data_files(catalog, graph, render_settings(offline))
    if offline:  # what the zip is, how to open it, where it lives online
        files.append(offline_readme(graph, render_settings(offline)))
    files += compare_files(catalog, graph)  # the comparison's data (tools.py)
    if make_index and not intervention_pages:
        progress(f"zoekindex gemaakt: {len(data['items'])} interventies")
    return Generated(pages, graph, [item["slug"] for item in data["items"]], catalog), files


def build(
    root: Path, site_dir: Path | None = None, docs_dir: Path | None = None, helper: worker.Helper | None = None,
    zip_path: Path | None = None, offline_docs: Path | None = None,
) -> int:
    """Check, render and build; `helper` is the second process if the caller started it already.

    With `zip_path` (build_catalog.py site), this process also writes the offline pages, and the
    second process, once it has the search index, runs mkdocs over them and makes the zip while
    this one runs mkdocs for the site; the site gets a copy (DOWNLOAD). Only when both are
    complete do they replace the previous site and zip.
    """
    site = (site_dir or root / "site").resolve()
    zip_path = zip_path.resolve() if zip_path else None
    with swept(site, zip_path):  # what a killed build left behind goes first
        return _build(root, site, docs_dir or root / GENERATED, helper, zip_path, offline_docs)


def _build(root: Path, site: Path, docs: Path, helper: worker.Helper | None, zip_path: Path | None, offline_docs: Path | None) -> int:
    progress = Progress()
    new_zip = None
    if zip_path:  # the second process works in a folder of its own beside the zip, removed at the end
        new_zip = Path(tempfile.mkdtemp(prefix=f".{zip_path.stem}-", dir=zip_path.parent)) / zip_path.name
    offline = None
    what = "De site en de offline versie zijn" if zip_path else "De site is"
    kept = "de vorige versies blijven staan" if zip_path else "de vorige versie blijft staan"
    try:
        with contextlib.ExitStack() as stack:
            helper = helper or stack.enter_context(worker.started(root))
            with gc_paused():
                generated = generate(root, docs, progress, intervention_pages=helper.pages.get)
                if generated is not None and new_zip:  # the search index is added by the second process
                    pages = write_pages(generated.catalog, offline_docs or root / OFFLINE_DOCS, lambda _: None, offline=True, make_index=False)
                    offline = helper.offline(offline_docs or root / OFFLINE_DOCS, new_zip, pages.expected, pages.graph.newest)
            if generated is None:
                print(f"{what} niet gebouwd; {kept}.", file=sys.stdout)
                return 1

            def complete(staging: Path) -> None:
                progress(f"mkdocs klaar: {len(generated.pages)} pagina's")
                slugs, files = helper.index.get()
                if slugs != generated.slugs:
                    raise BuildError("de interventies veranderden tijdens de bouw; bouw opnieuw")
                for path, text in files.items():
                    (staging / path).write_text(text, encoding="utf-8")
                progress(f"zoekindex gemaakt: {len(slugs)} interventies")
                if new_zip:
                    if offline.get() != generated.digest:
                        raise BuildError("de records veranderden tijdens de bouw; bouw opnieuw")
                    progress(f"offline versie gemaakt ({new_zip.stat().st_size / 1e6:.1f} MB)")
                    (staging / DOWNLOAD).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(new_zip, staging / DOWNLOAD)

            try:
                run_mkdocs(docs, site, expected=generated.expected, date=generated.graph.newest, before_swap=complete)
            except BuildError as exc:
                print(f"{what} niet gebouwd: {exc}. {kept[0].upper()}{kept[1:]}.", file=sys.stdout)
                return 1
            if new_zip:
                new_zip.replace(zip_path)
                progress(f"offline versie: {zip_path}")
    finally:
        if offline is not None and not offline.ready():  # a failed build: stop the offline run first
            helper.pool.terminate()
        if new_zip:
            shutil.rmtree(new_zip.parent, ignore_errors=True)
    progress(f"site gebouwd in {site}")
    return 0


def bundle(root: Path, zip_path: Path | None = None, site_dir: Path | None = None) -> int:
    """The offline site as one zip: file:// URLs, local search, and a copy in the online site."""
    progress = Progress()
    docs = root / OFFLINE_DOCS
    generated = generate(root, docs, progress, offline=True)
    if generated is None:
        print("De offline versie is niet gemaakt.", file=sys.stdout)
        return 1
    zip_path = (zip_path or root / BUNDLE).resolve()
    try:
        with swept((site_dir or root / "site").resolve(), zip_path):
            offline_zip(docs, zip_path, generated.expected, generated.graph.newest)
    except BuildError as exc:
        print(f"De offline versie is niet gemaakt: {exc}.", file=sys.stdout)
        return 1
    progress(f"offline versie: {zip_path} ({zip_path.stat().st_size / 1e6:.1f} MB)")
    site = (site_dir or root / "site").resolve()
    if site.is_dir():
        target = site / DOWNLOAD
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(zip_path, target)
    return 0


@contextlib.contextmanager
def gc_paused():
    """Our phases make many objects and few reference cycles: Python's cycle collector, which runs
    every 700 new objects, took about 5% of their time. It runs again before mkdocs starts."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def asset_files() -> dict[str, str]:
    """The site's own styles and scripts, by their path in the docs folder. catalog/assets keeps
    them in a folder per page (alle-paginas/ for every page); in the site they stand side by side
    in assets/, where the templates and mkdocs.yml name them, so one name is one file."""
    files: dict[str, str] = {}
    for source in sorted(ASSETS.rglob("*")):
        if source.is_file():
            target = f"assets/{source.name}"
            if target in files:
                raise ValueError(f"{source.relative_to(ASSETS)}: another file in catalog/assets has the name {source.name}")
            files[target] = source.read_text("utf-8")
    return files


def write_docs(docs: Path, pages: list[Page]) -> None:
    """Replace the generated folder; only changed files are rewritten (mkdocs compares times)."""
    wanted = {docs / page.path: page.text for page in pages}
    wanted.update((docs / path, text) for path, text in asset_files().items())
    if docs.exists():
        for path in sorted(docs.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    for path, text in wanted.items():
        if not path.exists() or path.read_text("utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


