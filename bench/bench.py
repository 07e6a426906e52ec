#!/usr/bin/env python3
"""Speed figures on generated catalogues, each against a baseline measured in the same run.

`check` is compared with the floor it cannot beat: reading the same files and parsing their
front matter with PyYAML's C loader. Prints a table and a pass/miss line per budget.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import REPO, generate  # noqa: E402

CHECK_BUDGET_S = 2.0  # `check` of 1,000 records


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best_of(runs: int, fn) -> float:
    return min(timed(fn) for _ in range(runs))


def check_cli(root: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "build_catalog.py"), "--root", str(root), "check"], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"check faalde op de gegenereerde catalogus:\n{result.stdout[-2000:]}")


def yaml_floor(root: Path) -> None:
    import yaml

    for path in sorted(root.glob("*/*.md")):
        text = path.read_text("utf-8")
        yaml.load(text.split("---\n")[1], Loader=yaml.CSafeLoader)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3, help="beste van zoveel metingen")
    args = parser.parse_args(argv)

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            root = generate(Path(tmp) / f"n{size}", size)
            check_s = best_of(args.runs, lambda: check_cli(root))
            floor_s = best_of(args.runs, lambda: yaml_floor(root))
            rows.append((size, check_s, floor_s))

    print(f"{'N':>6} | {'check (s)':>9} | {'YAML-vloer (s)':>14} | {'check / vloer':>13}")
    print(f"{'-' * 6}-+-{'-' * 9}-+-{'-' * 14}-+-{'-' * 13}")
    for size, check_s, floor_s in rows:
        print(f"{size:>6} | {check_s:>9.3f} | {floor_s:>14.3f} | {check_s / floor_s:>12.1f}x")
    print()
    for size, check_s, _ in rows:
        if size == 1000:
            verdict = "gehaald" if check_s < CHECK_BUDGET_S else "GEMIST"
            print(f"budget check 1000 records < {CHECK_BUDGET_S:.0f} s: {verdict} ({check_s:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
