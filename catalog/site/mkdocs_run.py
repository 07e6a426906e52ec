"""mkdocs build --strict into a fresh folder, every page verified, then swapped in: a failed
run leaves the previous site as it was."""

from __future__ import annotations

import datetime
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

import jinja2
import jinja2.bccache

from catalog.site import settings
from catalog.site.settings import MKDOCS_YML


class BuildError(Exception):
    """mkdocs refused the generated pages, or a page is missing afterwards."""


class Compiled(jinja2.BytecodeCache):
    """Compiled templates in memory, by name and source checksum (Jinja compares the checksum)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


# The builds of one process (the preview's rounds, the test suite's builds) share these.
_COMPILED = Compiled()
_THEME_FILES: dict[tuple, list[str]] = {}


def reuse_compiled(config, compiled: Compiled, theme_files: dict[tuple, list[str]]) -> None:
    """mkdocs makes a fresh Jinja environment per build and compiles the theme's templates again
    (about 40% of a small site's build); this one takes them from `compiled`. mkdocs also lists
    the theme's files on every build (14,000, with Material's icons) to find its static files;
    the list depends only on the theme's folders and settings."""
    theme_env = config.theme.get_env

    def compiled_env():
        env = theme_env()
        env.bytecode_cache = compiled
        listed = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            key = (tuple(config.theme.dirs), tuple(config.theme.static_templates), extensions, filter_func is None)
            if key not in theme_files:
                theme_files[key] = listed(extensions, filter_func)
            return theme_files[key]

        env.list_templates = list_templates
        return env

    config.theme.get_env = compiled_env


def run_mkdocs(
    docs: Path, site: Path, expected: list[str], date: datetime.date,
    before_swap: Callable[[Path], None] | None = None, **overrides,
) -> None:
    """mkdocs build --strict into a fresh folder, verify every page, then swap it in.

    SOURCE_DATE_EPOCH (the catalogue's newest record date) makes the sitemap reproducible.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-", dir=site.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read the site
    epoch = datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.timezone.utc).timestamp()
    previous = {key: os.environ.get(key) for key in ("SOURCE_DATE_EPOCH",)}
    os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch))
    # site_url as the pages read it (settings), so the sitemap and the pages always agree
    site_url = settings.site_config().get("site_url")
    if site_url and "site_url" not in overrides:
        overrides["site_url"] = site_url
    try:
        config = load_config(str(MKDOCS_YML), docs_dir=str(docs), site_dir=str(staging), strict=True, **overrides)
        reuse_compiled(config, _COMPILED, _THEME_FILES)
        try:
            mkdocs_build(config)
        except (Abort, ConfigurationError) as exc:
            raise BuildError(f"mkdocs meldt: {exc}") from None
        if before_swap:
            before_swap(staging)
        missing = [page for page in expected if not (staging / html_path(page, config["use_directory_urls"])).is_file()]
        if missing:
            raise BuildError(f"{len(missing)} pagina's ontbreken in de gebouwde site: {', '.join(missing[:10])}")
        old = site.with_name(f".{site.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if site.exists():
            site.rename(old)
        staging.rename(site)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def html_path(page: str, directory_urls: bool) -> str:
    """Where mkdocs writes a Markdown page: kan-wel.md -> kan-wel/index.html (or kan-wel.html)."""
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index") or not directory_urls:
        return f"{stem}.html"
    return f"{stem}/index.html"

