"""The live preview behind `serve` (serve.py): a saved record shows within two seconds, also at
1,000 records.

mkdocs' own `serve` builds the whole site again after every change (10 s at 1,000 records). The
preview redoes only what a change touches:

- reading and checking: unchanged files are not read or checked again (preview_check.py);
- rendering: what the build makes (build.render_site), except the intervention pages and the
  open data, is made again; the intervention pages only of the records that changed (all of
  them when an element, the taxonomy, a template or an asset changed); templates are compiled
  once; mkdocs then builds only the pages whose Markdown changed (`dirty`, about 0.4 s at
  1,000), and the browser reloads;
- afterwards, in the background: the search index (in a second process), the open data files and
  every intervention page once more (a new title also changes the related interventions shown on
  other pages). The index and the open data go straight into the served site, without a reload;
  pages that turn out different are built in a second small round, which reloads the browser.

A record with a content error changes nothing: the problems are printed as `bestand:regel: veld:
melding`, and the browser keeps the previous version until the error is fixed.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import shutil
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from catalog.graph.link import build_graph
from catalog.outputs.opendata import open_data_files
from catalog.outputs.page import Page
from catalog.outputs.pages import render as render_module
from catalog.outputs.pages.render import Renderer
from catalog.outputs.search.search import documents, index_script, search_facts
from catalog.records.load import Catalog
from catalog.site.build import ASSETS, asset_files, render_site
from catalog.site.mkdocs_run import Compiled, reuse_compiled
from catalog.site.preview_check import RememberedCheck
from catalog.site.settings import MKDOCS_YML, render_settings

TEMPLATES = render_module.TEMPLATES
OVERRIDES = Path(__file__).parent / "overrides"
SIGNAL = Path("build") / "preview"  # a file here asks the server for another round (see _afterwards)
INTERVENTION_FOLDER = "interventies/"


@dataclass
class Round:
    """What one round found changed among the watched files."""

    records: set[str] = field(default_factory=set)  # changed record files, relative to the root
    everything: bool = False  # taxonomy, templates, assets: every page may change
    theme: bool = False  # mkdocs.yml or a theme override: mkdocs builds every page again


class Preview:
    """The generated pages as last written, and what it takes to redo only the changed part."""

    def __init__(self, root: Path, docs: Path, site_dir: Path, progress: Callable[[str], None]) -> None:
        self.root, self.docs, self.site_dir, self.progress = root, docs, site_dir, progress
        self.signal = root / SIGNAL
        self.lock = threading.Lock()  # one writer of docs/ and site_dir at a time
        self.generation = 0  # the round whose background work may still write
        self.seen: dict[Path, tuple[int, int]] = {}
        self.check = RememberedCheck(root)  # load and validate, unchanged files remembered
        self.theme_files: dict[tuple, list[str]] = {}  # the theme's static files, listed once
        self.interventions: dict[str, Page] = {}  # slug -> its page, as written
        self.other: dict[str, str] = {}  # every other page and file, as written
        self.later: dict[str, str] = {}  # the search index and the open data, as written
        self.written: dict[str, str] = {}  # every file in docs/, as written
        self.dirty = False  # docs/ changed since mkdocs last built
        self.clean = True  # mkdocs must build every page (first round, pages came or went, theme)
        self.serve_url = ""
        self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        self.compiled = Compiled()  # the Jinja templates (ours and the theme's), compiled once
        self.environment = render_module.Environment
        render_module.Environment = functools.partial(self.environment, bytecode_cache=self.compiled)

    # -- one round ------------------------------------------------------------------------------

    def update(self, first: bool = False) -> bool:
        """Check and write what changed, then let mkdocs build it; False on content errors."""
        from mkdocs.exceptions import MkDocsException

        start = time.perf_counter()
        kept = "Het voorbeeld start niet." if first else "Het voorbeeld toont de vorige versie tot de fout is opgelost."
        with self.lock:
            found = self._changes()
            catalog = None
            if found.records or found.everything or first:
                catalog = self.check.checked()
                if catalog is None:
                    print(kept, file=sys.stdout, flush=True)
                    return False
                self.generation += 1  # the background work of earlier rounds no longer writes
                self.clean |= self._write_fast(catalog, found, everything=first or found.everything)
            if first:
                self._afterwards(self.generation, catalog, wait=True)
            if found.theme:
                self.theme_files, self.clean = {}, True
            if self.dirty or self.clean:
                try:
                    self._mkdocs(clean=self.clean)
                except MkDocsException as exc:
                    print(f"mkdocs meldt: {exc}. {kept}", file=sys.stdout, flush=True)
                    return False
                self.dirty = self.clean = False
            changed = ", ".join(sorted(found.records)[:3]) + (" ..." if len(found.records) > 3 else "")
            self.progress(f"bijgewerkt in {time.perf_counter() - start:.2f} s" + (f": {changed}" if changed else ""))
        if catalog is not None and not first:
            generation = self.generation
            threading.Thread(target=self._afterwards, args=(generation, catalog), daemon=True).start()
        return True

    def _changes(self) -> Round:
        now = self._snapshot()
        changed = {p for p in now.keys() | self.seen.keys() if now.get(p) != self.seen.get(p)}
        self.seen = now
        found = Round()
        for path in changed:
            if path.parent in (self.root / "interventions", self.root / "elements"):
                found.records.add(path.relative_to(self.root).as_posix())
            elif not path.is_relative_to(self.signal):  # the signal only asks for mkdocs (self.dirty)
                found.everything = True
                found.theme |= path == MKDOCS_YML or path.is_relative_to(OVERRIDES)
        found.everything |= any(r.startswith("elements/") for r in found.records)
        return found

    def _snapshot(self) -> dict[Path, tuple[int, int]]:
        """Modification time and size of every file the preview depends on."""
        files = [p for p in self.root.iterdir() if p.is_file()] + [MKDOCS_YML]
        for folder in (self.root / "interventions", self.root / "elements", self.signal):
            files += folder.iterdir() if folder.is_dir() else []
        for folder in (ASSETS, TEMPLATES, OVERRIDES):
            files += folder.rglob("*")
        found = {}
        for path in files:
            with contextlib.suppress(OSError):
                stat = path.stat()
                found[path] = (stat.st_mtime_ns, stat.st_size)
        return found

    def _write_fast(self, catalog: Catalog, found: Round, everything: bool) -> bool:
        """What the build makes (build.render_site), with the intervention pages only of the
        records that changed; the search index stays as it was until _afterwards. Returns
        whether pages came or went (mkdocs then builds everything: its navigation changes)."""
        generated, files = render_site(catalog, lambda message: None, intervention_pages=lambda: [], open_data=False)
        again = [r for s, r in sorted(catalog.interventions.items()) if everything or s not in self.interventions or r.path in found.records]
        fresh = Renderer(catalog, generated.graph, render_settings(False)).intervention_pages(again)
        other = {p.path: p.text for p in generated.pages + files} | asset_files()
        before = set(self.written)
        self.other = other
        self.interventions = {
            **{slug: page for slug, page in self.interventions.items() if slug in catalog.interventions},
            **{record.slug: page for record, page in zip(again, fresh)},
        }
        self._write(before, set(self.other) | {p.path for p in self.interventions.values()} | set(self.later))
        return set(self.written) != before

    def _write(self, before: set[str], after: set[str]) -> None:
        """Files that changed into docs/ (mkdocs compares modification times); gone files removed."""
        wanted = {**self.other, **{p.path: p.text for p in self.interventions.values()}, **self.later}
        for path in before - after:
            with contextlib.suppress(FileNotFoundError):
                (self.docs / path).unlink()
                self.dirty = True
        for path, text in wanted.items():
            target = self.docs / path
            if self.written.get(path) != text or not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                self.dirty = True
        self.written = wanted

    # -- afterwards -----------------------------------------------------------------------------

    def _afterwards(self, generation: int, catalog: Catalog | None, wait: bool = False) -> None:
        """The search index (in the second process), the open data, and every intervention page
        compared with what was written. With `wait` (the first round) it runs inside the round,
        before mkdocs."""
        try:
            index = self.pool.submit(index_script, documents(catalog), search_facts(catalog))
            graph = build_graph(catalog)
            later = {p.path: p.text for p in open_data_files(catalog, graph, render_settings(False))}
            renderer = Renderer(catalog, graph, render_settings(False))
            pages = dict(zip((r.slug for r in renderer.by_title), renderer.intervention_pages()))
            later.update(index.result())
        except Exception as exc:  # the next round tries again; the server keeps running
            print(f"De zoekindex of de open data is niet bijgewerkt: {exc}", file=sys.stderr)
            return
        with self.lock if not wait else contextlib.nullcontext():
            if generation != self.generation:
                return  # a newer round started meanwhile; its own background work follows
            stale = {slug: page for slug, page in pages.items() if slug in self.interventions and self.interventions[slug].text != page.text}
            self.interventions.update(stale)
            self.later = later
            dirty = self.dirty
            self._write(set(self.written), set(self.written) | set(later))
            if wait:
                return
            for path in later:  # static files: straight into the served site, no reload needed
                served = self.site_dir / path
                if served.parent.is_dir():
                    partial = served.with_name(served.name + ".part")
                    shutil.copyfile(self.docs / path, partial)
                    partial.replace(served)
            self.dirty = dirty or bool(stale)
            if stale:
                self.signal.mkdir(parents=True, exist_ok=True)
                (self.signal / "opnieuw").write_text(str(time.time_ns()), "utf-8")

    # -- mkdocs ---------------------------------------------------------------------------------

    def _mkdocs(self, clean: bool) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(str(MKDOCS_YML), docs_dir=str(self.docs), site_dir=str(self.site_dir), strict=False)
        config.site_url = self.serve_url
        reuse_compiled(config, self.compiled, self.theme_files)
        build(config, serve_url=self.serve_url, dirty=not clean)

    def close(self) -> None:
        render_module.Environment = self.environment
        workers = list(self.pool._processes.values())  # noqa: SLF001 - a busy worker would outlive a stop
        self.pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
