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

from catalog.site import settings
from catalog.site.settings import MKDOCS_YML


class BuildError(Exception):
    """mkdocs refused the generated pages, or a page is missing afterwards."""


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

