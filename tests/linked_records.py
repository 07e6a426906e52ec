"""The `records` fixture of the tests that read the fixture catalogue as the build sees it
(test_tools, test_trust): import it into a test module to use it there."""

from __future__ import annotations

import pytest

from conftest import make_catalog


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """The fixture catalogue as the build sees it: defaults filled in, links made."""
    from catalog.graph.link import build_graph
    from catalog.records.load import load_catalog
    from catalog.records.schema import apply_defaults

    catalog = load_catalog(make_catalog(tmp_path_factory.mktemp("records")))
    apply_defaults(catalog)
    catalog.graph = build_graph(catalog)
    return catalog
