"""The offline version: mkdocs over the offline pages with file names instead of directory URLs
(they work from file://), then one reproducible zip."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

from catalog.site.mkdocs_run import run_mkdocs

OFFLINE_DOCS = Path("build") / "offline-docs"
BUNDLE = Path("dist") / "catalogus-offline.zip"
BUNDLE_FOLDER = "catalogus-offline"


def offline_zip(docs: Path, zip_path: Path, expected: list[str], date: datetime.date) -> None:
    """mkdocs over the offline pages (file names instead of directory URLs, which work from
    file://) in a temporary folder, then the zip (replaced only when complete)."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".offline-", dir=zip_path.parent) as tmp:
        offline_site = Path(tmp) / "site"
        run_mkdocs(docs, offline_site, expected, date, use_directory_urls=False)
        write_zip(offline_site, zip_path, date)


def write_zip(folder: Path, zip_path: Path, date: datetime.date) -> None:
    """A reproducible zip: sorted entries, one fixed timestamp (the catalogue's date), fixed modes."""
    import zipfile

    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".part")
    # Zip timestamps hold 1980 to 2107; check refuses such dates, this keeps a bundle possible anyway.
    stamp = (1980, 1, 1, 0, 0, 0) if date.year < 1980 else (2107, 12, 31, 0, 0, 0) if date.year > 2107 else (date.year, date.month, date.day, 0, 0, 0)
    # Level 6: half the time of level 9 (0.8 s instead of 1.7 s at 1,000 interventions), 1% larger.
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):  # as names sort
            # 404.html only works from a web server's root (its links start with "/").
            if path.is_file() and path.relative_to(folder).as_posix() != "404.html":
                info = zipfile.ZipInfo(f"{BUNDLE_FOLDER}/{path.relative_to(folder).as_posix()}", stamp)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compresslevel=6)
    partial.replace(zip_path)

