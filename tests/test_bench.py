"""The benchmark harness keeps working (small N, no timing asserted)."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_bench_runs_on_a_small_catalogue():
    result = subprocess.run(
        [sys.executable, REPO / "bench" / "bench.py", "--sizes", "20", "--runs", "1"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = [cell.strip() for cell in lines[0].split("|")]
    assert header[:4] == ["N", "check s", "YAML-vloer s", "bouw s"]
    assert header[-3:] == ["eerste s", "filter ms", "zoek ms"]  # the Chromium figures
    row = [cell.strip() for cell in lines[1].split("|")]
    assert row[0] == "20" and len(row) == len(header)
    assert lines[-2].startswith("zoekindex 20 < 20% van de bouw: ")
    assert lines[-1].startswith("offline zip van de catalogus < 5 MB: gehaald (")
