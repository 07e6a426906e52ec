"""Build, check, preview and index timings of one generated catalogue, each against a plain
mkdocs-material baseline measured in turns beside it (see bench.py)."""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from generate import REPO


MEASURE = Path(__file__).resolve().parent / "measure.py"


def run_measured(*args: str) -> dict:
    """Seconds, peak MB and stderr of one command, in a fresh process so the peak is its own."""
    result = subprocess.run([sys.executable, str(MEASURE), *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"mislukt: {' '.join(args)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def best(runs: int, *args: str) -> float:
    return min(run_measured(*args)["seconds"] for _ in range(runs))


def mkdocs_phase(stderr: str) -> float:
    """Seconds between the build's "pagina's geschreven" and "mkdocs klaar" progress lines."""
    times = {}
    for line in stderr.splitlines():
        match = re.match(r"\[ *([\d.]+)s\] (pagina's geschreven|mkdocs klaar)", line)
        if match:
            times[match.group(2)] = float(match.group(1))
    return times["mkdocs klaar"] - times["pagina's geschreven"]


def yaml_floor(root: Path) -> float:
    import yaml

    start = time.perf_counter()
    for path in sorted(root.glob("*/*.md")):
        yaml.load(path.read_text("utf-8").split("---\n")[1], Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def short_nav() -> list:
    """The nav of the site's mkdocs.yml: overview pages only."""
    from catalog.site.settings import site_config

    return site_config()["nav"]


def baseline_project(docs: Path, target: Path, nav: list) -> Path:
    """A plain mkdocs-material project around a copy of `docs`: theme nl, search lang nl, a short nav."""
    import yaml

    shutil.copytree(docs, target / "docs")
    config = {
        "site_name": "Baseline", "theme": {"name": "material", "language": "nl", "font": False},
        "plugins": [{"search": {"lang": "nl"}}], "nav": nav,
    }
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return target / "mkdocs.yml"


def bare_project(root: Path, target: Path) -> Path:
    """The same plain project around the bare record files (a home page and the record folders)."""
    docs = target / "src"
    for folder in ("interventions", "elements"):
        shutil.copytree(root / folder, docs / folder)
    (docs / "index.md").write_text("# Home\n", "utf-8")
    return baseline_project(docs, target, [{"Home": "index.md"}])


def take_turns(command: tuple[str, ...], base: Path, turns: int) -> tuple[list[dict], list[dict]]:
    """`command` and the plain mkdocs build of `base`, each `turns` times, in alternating order."""
    made, bases = [], []
    for turn in range(turns):
        pair = [lambda: made.append(run_measured(*command)), lambda: bases.append(run_measured("-m", "mkdocs", "build", "-q", "-f", str(base)))]
        for measure in pair if turn % 2 == 0 else reversed(pair):
            measure()
    return made, bases


def build_figures(root: Path, tmp: Path, turns: int, smoke: bool = False) -> dict:
    """Our build and the baseline, taking turns (in alternating order), the bare records once.

    Per build also its own work: everything but the mkdocs run inside it, from its progress
    lines. That split comes from one run, so a slow spell of the machine affects both parts.
    """
    command = (str(REPO / "build_catalog.py"), "--root", str(root), "build")
    first = run_measured(*command)  # writes the pages the baseline copies; not counted
    base = baseline_project(root / "build" / "docs", tmp / "base", short_nav())
    bare = run_measured("-m", "mkdocs", "build", "-q", "-f", str(bare_project(root, tmp / "bare")))
    if smoke:  # the first build is the one turn (site_figures still takes turns): the figures say nothing then
        builds, bases = [first], [run_measured("-m", "mkdocs", "build", "-q", "-f", str(base))]
    else:
        builds, bases = take_turns(command, base, turns)
    ratios = [build["seconds"] / baseline["seconds"] for build, baseline in zip(builds, bases)]
    fastest = min(builds, key=lambda b: b["seconds"])
    return {
        "turn_ratio": statistics.median(ratios), "turns": ratios,
        "build_s": fastest["seconds"], "own_s": fastest["seconds"] - mkdocs_phase(fastest["stderr"]),
        "peak_mb": max(b["peak_mb"] for b in [first, *builds]),
        "base_s": min(b["seconds"] for b in bases), "bare_s": bare["seconds"],
    }


def site_figures(root: Path, base: Path, turns: int, baseline: dict | None = None) -> dict:
    """`make site` (build_catalog.py site: the site and, in its second process, the offline zip)
    against the same plain mkdocs-material baseline, taking turns in alternating order like
    build_figures; the budget uses the median of the per-turn ratios. With `baseline` (--smoke:
    one turn, whose figures say nothing) that run of the baseline stands in for one of its own."""
    command = (str(REPO / "build_catalog.py"), "--root", str(root), "site")
    if baseline is not None:
        sites, bases = [run_measured(*command)], [baseline]
    else:
        sites, bases = take_turns(command, base, turns)
    ratios = [made["seconds"] / baseline["seconds"] for made, baseline in zip(sites, bases)]
    return {
        "site_ratio": statistics.median(ratios), "site_turns": ratios,
        "site_s": min(made["seconds"] for made in sites), "site_peak_mb": max(made["peak_mb"] for made in sites),
    }


def preview_seconds(root: Path, edits: int = 3, settle: float = 3) -> dict:
    """`make serve` (build_catalog.py serve) on the generated catalogue, end to end: from saving a
    new summary in one record to the first HTTP response of its page that shows it, polled every
    20 ms (the median of `edits` edits, `settle` seconds and more apart, as a contributor works)."""
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, str(REPO / "build_catalog.py"), "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    records = sorted((root / "interventions").glob("*.md"))
    record = records[len(records) // 2]
    url = f"http://127.0.0.1:{port}/interventies/{record.stem}/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    original = record.read_text("utf-8")
    start = time.perf_counter()
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while "<h1" not in page():
            if server.poll() is not None or time.perf_counter() - start > 900:
                raise SystemExit(f"voorbeeld start niet: {' '.join(command)}")
            time.sleep(0.2)
        started = time.perf_counter() - start
        seconds = []
        for edit in range(edits):
            time.sleep(settle + 0.002 * len(records))  # the previous edit's background work (search index) ends first
            marker = f"Gewijzigde samenvatting {edit} voor het voorbeeld."
            record.write_text(re.sub(r"^summary: .*$", f'summary: "{marker}"', original, count=1, flags=re.M), "utf-8")
            saved = time.perf_counter()
            while marker not in page():
                if time.perf_counter() - saved > 120:
                    raise SystemExit(f"voorbeeld toont de wijziging niet na 120 s: {url}")
                time.sleep(0.02)
            seconds.append(time.perf_counter() - saved)
    finally:
        server.terminate()
        server.wait(timeout=60)
        record.write_text(original, "utf-8")
    return {"preview_s": statistics.median(seconds), "preview_edits": seconds, "preview_start_s": started}


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def index_seconds(root: Path) -> float:
    from catalog.records.schema import apply_defaults
    from catalog.records.load import load_catalog
    from catalog.outputs.search.search import build_index, documents

    catalog = load_catalog(root)
    apply_defaults(catalog)
    start = time.perf_counter()
    build_index(documents(catalog))
    return time.perf_counter() - start
