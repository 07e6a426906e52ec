"""The second process of `build` (the machine has 2 cores), and what it does beside the main one.

It starts first, before the main process imports the build, and loads the records itself, so
nothing large crosses between the processes. It renders the intervention pages while the main
process checks the records and renders the other pages, then makes the search index while
mkdocs runs. For `site` it then adds that index to the offline pages, which the main process
wrote, and makes the offline zip with its own mkdocs run beside the main one. The main process
uses its results only once its own check found no errors, and only if both processes read the
same records (catalog_digest).

This module imports little at the top: the CLI imports it to start the process early.
"""

from __future__ import annotations

import datetime
import gc
import hashlib
import json
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import TYPE_CHECKING

from catalog.site.settings import render_settings

if TYPE_CHECKING:
    from catalog.records.load import Catalog
    from catalog.outputs.page import Page


class Helper:
    """The two jobs, queued as soon as the process starts."""

    def __init__(self, pool: multiprocessing.pool.Pool, root: Path) -> None:
        self.pool, self.root = pool, root
        self.pages: AsyncResult[list[Page]] = pool.apply_async(intervention_pages, (root, render_settings(offline=False)))
        self.index: AsyncResult[tuple[list[str], dict[str, str]]] = pool.apply_async(search_index, (root,))

    def offline(self, docs: Path, zip_path: Path, expected: list[str], date: datetime.date) -> AsyncResult[str]:
        """Queue the offline zip after the two jobs, once the offline pages are in `docs`; its
        result is the digest of the records this process read."""
        return self.pool.apply_async(offline_zip, (self.root, docs, zip_path, expected, date))


@contextmanager
def started(root: Path) -> Iterator[Helper]:
    """Start the second process and its jobs; leaving stops it, also when the content has errors.

    Spawn, not fork: callers may run threads. The process lives for one build and makes few
    reference cycles, so Python's cycle collector stays off in it (see build.gc_paused).
    """
    with multiprocessing.get_context("spawn").Pool(1, initializer=_init, initargs=(os.getpid(),)) as pool:
        yield Helper(pool, root)


def _init(parent: int) -> None:
    gc.disable()
    threading.Thread(target=_follow, args=(parent,), daemon=True).start()


def _follow(parent: int) -> None:
    """Stop when the main process is gone (killed): a pool's worker would otherwise finish its job
    and write into temporary folders that the next build removes."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


@cache
def _catalog(root: Path) -> Catalog:
    """Loaded once: both jobs of a build run in the same process, which lives for one build."""
    from catalog.records.load import load_catalog
    from catalog.records.schema import apply_defaults

    catalog = load_catalog(root)
    apply_defaults(catalog)
    return catalog


def intervention_pages(root: Path, site: dict) -> list[Page]:
    from catalog.graph.link import build_graph
    from catalog.outputs.pages.render import Renderer

    catalog = _catalog(root)
    return Renderer(catalog, build_graph(catalog), site).intervention_pages()


@cache
def search_index(root: Path) -> tuple[list[str], dict[str, str]]:
    """(slugs in ref order, index files: path -> text); remembered for the offline site."""
    from catalog.graph.link import in_title_order
    from catalog.outputs.search.search import documents, index_script, search_facts

    catalog = _catalog(root)
    return [record.slug for record in in_title_order(catalog)], index_script(documents(catalog), search_facts(catalog))


def offline_zip(root: Path, docs: Path, zip_path: Path, expected: list[str], date: datetime.date) -> str:
    """The search index added to the offline pages in `docs`, their mkdocs run, and the zip."""
    from catalog.site.offline import offline_zip as make_zip
    for path, text in search_index(root)[1].items():
        (docs / path).write_text(text, encoding="utf-8")
    gc.enable()  # mkdocs makes many reference cycles
    try:
        make_zip(docs, zip_path, expected, date)
    finally:
        gc.disable()
    return catalog_digest(_catalog(root))


def catalog_digest(catalog: Catalog) -> str:
    """A fingerprint of every record and the taxonomy as loaded: the two processes of a build each
    load the records, and a file saved in between must not give a site made of two versions."""
    digest = hashlib.sha256()
    for record in sorted(catalog.all_records(), key=lambda r: r.path):
        digest.update(json.dumps([record.path, record.data, record.body], sort_keys=True, default=str).encode())
    digest.update(json.dumps(catalog.taxonomy.data, sort_keys=True, default=str).encode())
    return digest.hexdigest()
