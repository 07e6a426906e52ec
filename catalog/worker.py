"""What the second process does during `build`, beside the main one (the machine has 2 cores).

It starts with the build and loads the records itself, so nothing large crosses between the
processes. It renders the second half of the intervention pages while the main process checks
the records, then makes the search index while mkdocs runs. The main process uses its results
only once its own check found no errors.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .link import build_graph
from .load import Catalog, load_catalog
from .render import Page, Renderer
from .schema import apply_defaults
from .search import documents, index_script

SHARDS = 2  # the main process renders shard 0 of the intervention pages, this one shard 1

@cache
def _catalog(root: Path) -> Catalog:
    """Loaded once: both jobs of a build run in the same worker, which lives for one build."""
    catalog = load_catalog(root)
    apply_defaults(catalog)
    return catalog


def intervention_pages(root: Path, site: dict) -> list[Page]:
    catalog = _catalog(root)
    return Renderer(catalog, build_graph(catalog), site).intervention_pages(1, SHARDS)


def search_index(root: Path) -> tuple[list[str], str]:
    """(slugs in ref order, index file text)."""
    catalog = _catalog(root)
    return sorted(catalog.interventions), index_script(documents(catalog))
