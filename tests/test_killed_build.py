"""A killed build: `build_catalog.py site` over the fixture records, killed (SIGKILL, the whole
process group: the main process and its second process) at several points, each found from the
build's progress lines and its folders rather than by waiting a fixed time. The previous site and
zip stay byte for byte; each kill leaves its temporary folders (.site-*, .catalogus-offline-*),
and the next build removes them and builds the same site again."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from catalog.site.build import STOP_AFTER
from conftest import REPO, make_catalog


def _mkdocs_writing(tmp: Path) -> bool:
    """mkdocs has written a page into its staging folder beside the site."""
    return any((tmp / "out").glob(".site-*/*/index.html"))


STAGED = [".catalogus-offline-", ".site-"]  # the zip's work folder and mkdocs's staging folder
# Progress line of the build (stderr) after which it is killed, what must hold before the kill
# (None: kill at once), and the temporary folders the killed build may leave (kinds: the names
# without their 8 random characters). Killed just before the swap, it may already have moved the
# old site aside (.site-old) and the new one in place: still the same bytes.
KILL_POINTS = [
    ("gecontroleerd", None, [[".catalogus-offline-"]]),  # both processes run, before any page
    ("pagina's geschreven", _mkdocs_writing, [STAGED]),  # mkdocs halfway
    ("mkdocs klaar", None, [STAGED]),  # the index goes into the new site
    ("offline versie gemaakt", None, [STAGED, [".catalogus-offline-", ".site-old"]]),  # the swap
]


def _command(tmp: Path) -> list[str]:
    return [sys.executable, str(REPO / "build_catalog.py"), "--root", str(tmp / "catalogus"), "site",
            "--site-dir", str(tmp / "out" / "site"), "--output", str(tmp / "dist" / "catalogus-offline.zip")]


def _fingerprint(tmp: Path) -> dict[str, str]:
    site = tmp / "out" / "site"
    files = {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}
    files["ZIP"] = hashlib.sha256((tmp / "dist" / "catalogus-offline.zip").read_bytes()).hexdigest()
    return files


def _leftovers(tmp: Path) -> list[str]:
    return sorted(p.name for folder in (tmp / "out", tmp / "dist") for p in folder.iterdir() if p.name.startswith(".") or p.name.endswith(".part"))


def _alive(group: int) -> list[int]:
    """Processes of a process group that still run (a zombie, dead but not yet reaped by the
    container's init, does not count)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def _state(pid: int) -> str:
    """The process's state letter (R, S, T: stopped, Z, ...)."""
    return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]


def _gone(group: int) -> bool:
    """True once no process of the killed build's process group is left."""
    for _ in range(50):
        if not _alive(group):
            return True
        time.sleep(0.1)
    return False


def _killed_at(tmp: Path, line: str, ready) -> None:
    """Without `ready`, the build stops itself after `line` (STOP_AFTER): between the line and a
    kill sent on reading it, a build on a busy machine once finished its swap."""
    env = dict(os.environ, **({} if ready else {STOP_AFTER: line}))
    process = subprocess.Popen(_command(tmp), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True, env=env)
    try:
        seen = []
        for output in process.stderr:
            seen.append(output)
            if line in output:
                deadline = time.monotonic() + 60
                while not ready and _state(process.pid) != "T":  # it stops itself right after the line
                    assert process.poll() is None and time.monotonic() < deadline, f"the build did not stop after '{line}'"
                    time.sleep(0.01)
                while ready and not ready(tmp):
                    assert process.poll() is None and time.monotonic() < deadline, f"the build ended before it was ready to be killed after '{line}'"
                    time.sleep(0.01)
                break
        else:
            pytest.fail(f"the build ended before '{line}': {''.join(seen)[-2000:]}")
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        process.stderr.close()
    assert _gone(process.pid), f"processes of the killed build are still running after '{line}'"


@pytest.mark.slow
def test_killed_builds_keep_the_previous_site_and_zip_and_the_next_build_sweeps(bundled, tmp_path):
    """Every kill point below is found from the build itself, not timed: the fixture's few
    records do. The previous version is a copy of the run's shared `site` run of the same records
    (bundled), which the last build here must make again byte for byte."""
    make_catalog(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "dist").mkdir()
    shutil.copytree(bundled / "site", tmp_path / "out" / "site")
    shutil.copyfile(bundled / "offline.zip", tmp_path / "dist" / "catalogus-offline.zip")
    before = _fingerprint(tmp_path)
    assert _leftovers(tmp_path) == []
    for line, ready, kinds in KILL_POINTS:
        _killed_at(tmp_path, line, ready)
        assert _fingerprint(tmp_path) == before, f"killed after '{line}'"
        # What this kill left (the next build sweeps the previous one's first): the build was
        # caught before its swap, else this test would prove nothing about sweeping.
        litter = _leftovers(tmp_path)
        assert [re.sub(r"(?<=-)[a-z0-9_]{8}$", "", name) for name in litter] in kinds, (line, litter)
    again = subprocess.run(_command(tmp_path), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
    assert _leftovers(tmp_path) == []
    assert _fingerprint(tmp_path) == before  # the same records build the same bytes


def test_sweep_brings_back_a_site_caught_between_its_renames(tmp_path):
    """Killed between moving the old site aside and putting the new one in place: the next build
    finds no site/ but .site-old, and puts it back before it removes the leftovers."""
    from catalog.site.sweep import sweep

    site = tmp_path / "site"
    old = tmp_path / ".site-old"
    old.mkdir()
    (old / "index.html").write_text("vorige", "utf-8")
    (tmp_path / ".site-abcd1234").mkdir()
    (tmp_path / ".site-van-iemand").mkdir()  # not a name a build makes: stays
    (tmp_path / "catalogus-offline.zip.part").write_text("half", "utf-8")
    sweep(tmp_path, site, tmp_path / "catalogus-offline.zip")
    assert (site / "index.html").read_text("utf-8") == "vorige"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-van-iemand", "site"]
