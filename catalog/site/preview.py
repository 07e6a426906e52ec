"""`serve`: a live preview that shows a saved record within two seconds, also at 1,000 records.

mkdocs' own `serve` builds the whole site again after every change (10 s at 1,000 records). The
preview redoes only what a change touches:

- reading and checking: a file whose modification time, size and inode did not change is not
  read again, and the check's rules per record are not run again for it (they depend only on the
  record and on the catalogue's vocabularies: when those change, all run again); the rules
  between records always run;
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
import copy
import dataclasses
import functools
import logging
import multiprocessing
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Callable, Iterator

import jinja2
import jinja2.bccache

from catalog.records import load as load_module
from catalog.outputs.pages import render as render_module
from catalog.checks import validate as validate_module
from catalog.site.build import ASSETS, GENERATED, Progress, asset_files, render_site
from catalog.graph.link import build_graph
from catalog.records.load import Catalog, load_catalog
from catalog.outputs.opendata import open_data_files
from catalog.records.problems import report
from catalog.outputs.page import Page
from catalog.outputs.pages.render import Renderer
from catalog.records.schema import apply_defaults
from catalog.outputs.search.search import INDEX_FILE, documents, index_script
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
        self.loaded: dict[tuple, tuple] = {}  # (path, kind, stat) -> (Record, load problems)
        self.keys: dict[int, tuple] = {}  # id(Parsed handed out this round) -> its file's key
        self.defaults: dict[tuple, dict] = {}  # file key -> the record's data with defaults
        self.theme_files: dict[tuple, list[str]] = {}  # the theme's static files, listed once
        self.rules: dict[tuple, list] = {}  # (rule, path, file key) -> problems, for self.vocabularies
        self.vocabularies: tuple = ()  # record slugs and taxonomy the remembered rules saw
        self.interventions: dict[str, Page] = {}  # slug -> its page, as written
        self.other: dict[str, str] = {}  # every other page and file, as written
        self.later: dict[str, str] = {}  # the search index and the open data, as written
        self.written: dict[str, str] = {}  # every file in docs/, as written
        self.dirty = False  # docs/ changed since mkdocs last built
        self.clean = True  # mkdocs must build every page (first round, pages came or went, theme)
        self.serve_url = ""
        self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        self.compiled = _Compiled()  # the Jinja templates (ours and the theme's), compiled once
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
                catalog = self._checked()
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

    def _checked(self) -> Catalog | None:
        """load_catalog and validate as the build runs them, with unchanged files remembered."""
        self.keys = {}
        used: dict[tuple, tuple] = {}
        with _replaced(load_module, "_load_record", self._load_record(used)):
            catalog = load_catalog(self.root)
        self.loaded = used
        vocabularies = (tuple(sorted(catalog.interventions)), tuple(sorted(catalog.elements)), repr(catalog.taxonomy.data))
        if vocabularies != self.vocabularies:  # the rules check references against these
            self.vocabularies, self.rules = vocabularies, {}
        keys: set[tuple] = set()
        rules = tuple(self._remembered(rule, keys) for rule in validate_module.RECORD_RULES)
        with _replaced(validate_module, "RECORD_RULES", rules):
            problems = validate_module.validate(catalog)
        self.rules = {key: value for key, value in self.rules.items() if key in keys}
        if problems:
            report(problems, catalog.files + 1, sys.stdout)
            sys.stdout.flush()
            return None
        # apply_defaults, for the records whose file changed; the others keep their data with
        # defaults from before (no step after this one changes a record's data).
        todo = [r for r in catalog.all_records() if self.keys.get(id(r.parsed)) not in self.defaults]
        apply_defaults(SimpleNamespace(all_records=lambda: todo))
        self.defaults.update((self.keys[id(r.parsed)], r.data) for r in todo if id(r.parsed) in self.keys)
        self.defaults = {key: data for key, data in self.defaults.items() if key in used}
        for record in catalog.all_records():
            if id(record.parsed) in self.keys:
                record.parsed.data = self.defaults[self.keys[id(record.parsed)]]
        return catalog

    def _load_record(self, used: dict[tuple, tuple]):
        """load.py's _load_record, remembered per file as long as its modification time, size and
        inode stay the same; each round gets its own copy (apply_defaults replaces the data)."""
        original = load_module._load_record

        def load(root: Path, kind: str, path: Path, problems: list):
            try:
                stat = path.lstat()
                key = (path, kind, stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_mode)
            except OSError:
                return original(root, kind, path, problems)
            if key not in self.loaded:
                found: list = []
                self.loaded[key] = (original(root, kind, path, found), found)
            used[key] = record, found = self.loaded[key]
            problems.extend(found)
            if record is None:
                return None
            handed = dataclasses.replace(record, parsed=copy.copy(record.parsed))
            self.keys[id(handed.parsed)] = key
            return handed

        return load

    def _remembered(self, rule, keys: set[tuple]):
        def run(record, validators):
            file = self.keys.get(id(record.parsed))
            if file is None:
                return list(rule(record, validators))
            key = (rule.__name__, record.path, file)
            keys.add(key)
            if key not in self.rules:
                self.rules[key] = list(rule(record, validators))
            return self.rules[key]

        return run

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
            index = self.pool.submit(index_script, documents(catalog))
            graph = build_graph(catalog)
            later = {p.path: p.text for p in open_data_files(catalog, graph, render_settings(False))}
            renderer = Renderer(catalog, graph, render_settings(False))
            pages = dict(zip((r.slug for r in renderer.by_title), renderer.intervention_pages()))
            later[INDEX_FILE] = index.result()
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
        theme_env = config.theme.get_env

        def compiled_env():  # a fresh environment per build, as mkdocs makes it, without compiling again
            env = theme_env()
            env.bytecode_cache = self.compiled
            listed = env.list_templates

            def list_templates(extensions=None, filter_func=None):
                # mkdocs lists the theme's files on every build (14,000, with Material's icons)
                # to find its static files; the filter depends only on the theme's settings.
                key = (extensions, filter_func is None)
                if key not in self.theme_files:
                    self.theme_files[key] = listed(extensions, filter_func)
                return self.theme_files[key]

            env.list_templates = list_templates
            return env

        config.theme.get_env = compiled_env
        build(config, serve_url=self.serve_url, dirty=not clean)

    def close(self) -> None:
        render_module.Environment = self.environment
        self.pool.shutdown(wait=False, cancel_futures=True)


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates in memory, by name and source checksum (Jinja compares the checksum)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


@contextlib.contextmanager
def _replaced(module, name: str, value) -> Iterator[None]:
    """A module global replaced for the duration (the preview's caches around load and validate,
    so that the build's own functions stay the one definition of what is loaded and checked)."""
    original = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, original)


class _QuietDirty(logging.Filter):
    """mkdocs warns on every dirty build that navigation may be off; the preview's navigation
    holds only overview pages, which are built again whenever they change."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def serve(root: Path, address: str) -> int:
    """Build once, serve on `address`, and run a round whenever a watched file changes."""
    from mkdocs.livereload import LiveReloadServer, _serve_url

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirty())
    host, _, port = address.rpartition(":")
    progress = Progress()
    site_dir = Path(tempfile.mkdtemp(prefix="catalogus-voorbeeld-"))
    docs = root / GENERATED
    preview = Preview(root, docs, site_dir, progress)
    preview.serve_url = _serve_url(host, int(port), "/")
    shutil.rmtree(preview.signal, ignore_errors=True)
    try:
        shutil.rmtree(docs, ignore_errors=True)
        if not preview.update(first=True):
            return 1
        server = LiveReloadServer(builder=preview.update, host=host, port=int(port), root=str(site_dir), polling_interval=0.25)

        def not_found(code: int) -> bytes | None:
            page = site_dir / "404.html"
            return page.read_bytes() if code == 404 and page.is_file() else None

        server.error_handler = not_found
        for folder in (root / "interventions", root / "elements", ASSETS, TEMPLATES, OVERRIDES):
            if folder.is_dir():
                server.watch(str(folder))
        server.watch(str(root), recursive=False)  # taxonomy.yml and the other files at the top
        server.watch(str(MKDOCS_YML))
        preview.signal.mkdir(parents=True, exist_ok=True)
        server.watch(str(preview.signal))
        progress(f"voorbeeld op {preview.serve_url} (stoppen: Ctrl+C)")
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        preview.close()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
