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
    assert lines[0].split("|")[0].strip() == "N"
    assert lines[2].split("|")[0].strip() == "20"
