"""mkdocs.yml's plain settings, read without mkdocs: light, because the build starts from here."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
MKDOCS_YML = REPO / "mkdocs.yml"


def site_config() -> dict:
    """mkdocs.yml read with PyYAML's full loader tags ignored (we only need plain settings)."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    _Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load(MKDOCS_YML.read_text("utf-8"), Loader=_Loader) or {}


def render_settings(offline: bool) -> dict:
    """What the templates read: mkdocs.yml's settings, and which of the two sites they are for."""
    return {**site_config(), "offline": offline}
