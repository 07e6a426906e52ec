"""What a killed build leaves behind, removed by the next one.

A build works in temporary folders beside its results (.site-xxxxxxxx, .site-old,
.catalogus-offline-xxxxxxxx, .offline-xxxxxxxx, catalogus-offline.zip.part) and swaps them in only
when complete, so a kill at any moment leaves the previous site and zip as they were, plus these
leftovers. The next build removes them, but only while no other build runs there: each build holds
a lock on the folders it writes in (released by the system, also when the process is killed).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no locks, so no sweeping either
    fcntl = None

_RANDOM = r"[a-z0-9_]{8}"  # the part tempfile.mkdtemp adds to a prefix


@contextlib.contextmanager
def swept(site: Path, zip_path: Path | None = None) -> Iterator[None]:
    """Hold the build lock on the folders of the site and the zip; sweep each folder whose lock
    this build got (another build holding it may still need its temporary folders)."""
    folders = sorted({site.parent, *([zip_path.parent] if zip_path else [])})
    with contextlib.ExitStack() as stack:
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
            if stack.enter_context(_locked(folder)):
                sweep(folder, site, zip_path)
        yield


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[bool]:
    if fcntl is None:
        yield False
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


def leftovers(folder: Path, site: Path, zip_path: Path | None = None) -> list[Path]:
    """The temporary folders and files of earlier builds in `folder`."""
    names = [rf"\.{re.escape(site.name)}-(?:old|{_RANDOM})", rf"\.offline-{_RANDOM}"]
    if zip_path:
        names += [rf"\.{re.escape(zip_path.stem)}-{_RANDOM}", re.escape(zip_path.name + ".part")]
    pattern = re.compile("|".join(names))
    return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name) and not p.is_symlink())


def sweep(folder: Path, site: Path, zip_path: Path | None = None) -> None:
    """Remove the leftovers in `folder`. A site that a kill caught between its two renames (the
    old one moved aside, the new one not yet in place) first comes back from .site-old."""
    old = site.with_name(f".{site.name}-old")
    if site.parent == folder and not site.exists() and old.is_dir():
        old.rename(site)
    for path in leftovers(folder, site, zip_path):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
