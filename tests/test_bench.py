"""The benchmark harness keeps working (small N, no timing asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow


def test_bench_smoke_prints_every_line():
    """--smoke runs the code behind every line of the bench (20 interventions, the hostile input
    at 12, the fixture catalogue's zip) and ends with the lines of --only search (issues 27 and 29)
    from the same measurements; only the lines are checked, no figure. One run for both: each
    bench run builds a catalogue and starts Chromium four times."""
    result = subprocess.run([sys.executable, REPO / "bench" / "bench.py", "--smoke"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    output = result.stdout.splitlines()
    search = output.index("N | tel. eerste s | tel. kB vooraf | tel. zoek ms | tel. alle tekst s | zoekbestanden kB | na eerste kB")
    lines = output[:search]
    header = [cell.strip() for cell in lines[0].split("|")]
    assert header[:4] == ["N", "check s", "YAML-vloer s", "bouw s"]
    assert header[-9:] == [
        "eerste s", "filter ms", "zoek ms", "tel. eerste s", "tel. kB vooraf", "tel. filters s", "tel. alle tekst s", "tel. filter ms", "tel. zoek ms",
    ]  # Chromium, also as a phone
    row = [cell.strip() for cell in lines[1].split("|")]
    assert row[0] == "20" and len(row) == len(header)
    assert lines[-4].startswith("zoekindex 20 < 20% van de bouw: ")
    assert "site per beurt" in header
    assert any(line.startswith("make site 20 <= 2x mkdocs (zelfde pagina's, mediaan per beurt): ") for line in lines)
    assert any(line.startswith("make site/mkdocs 20 per beurt (na elkaar gemeten): ") for line in lines)
    assert any(line.startswith("telefoon, bytes voor de eerste resultaten groeien niet met de catalogus (max <= 1,1x min): gehaald (20: ") for line in lines)
    assert any(line.startswith("telefoon 20, zoeken in alle tekst ('gesprekken' in het adres) < 2 s na het begin: ") for line in lines)
    assert any(line.startswith("telefoon 20, bytes van de eerste zoekvraag in alle tekst (alles na de eerste resultaten) <= 150 kB: ") for line in lines)
    assert any(line.startswith("telefoon, bytes van de eerste zoekvraag groeien niet met de catalogus (max <= 1,3x min): gehaald (20: ") for line in lines)
    assert any(line.startswith("telefoon 20, zoeken p75 < 100 ms: ") for line in lines)
    assert any(line.startswith("telefoon, filters werken / zoeken in alle tekst werkt na (geen budget): 20: ") for line in lines)
    assert lines[-3].startswith("offline zip van de catalogus < 5 MB: gehaald (")
    assert lines[-2].startswith("verwanten 12 met 10 records van 60 elementen <= 2x gewoon en < 1 s: ")
    assert lines[-1].startswith("check 12 met 192 kB onafgemaakte tags < 2 s: ")
    # what --only search prints: its table, then only the phone's search lines
    lines = output[search:]
    assert lines[1].startswith("20 | ")
    assert [line.split(":")[0] for line in lines[2:]] == [
        "telefoon, bytes voor de eerste resultaten groeien niet met de catalogus (max <= 1,1x min)",
        "telefoon 20, zoeken in alle tekst ('gesprekken' in het adres) < 2 s na het begin",
        "telefoon 20, bytes van de eerste zoekvraag in alle tekst (alles na de eerste resultaten) <= 150 kB",
        "telefoon, bytes van de eerste zoekvraag groeien niet met de catalogus (max <= 1,3x min)",
        "telefoon 20, zoeken p75 < 100 ms",
    ]
    assert "20: gebouwd in " in result.stderr


def test_peak_memory_counts_the_child_processes_too():
    # The build runs two processes at once; the largest of them alone understates the peak.
    child = "import time; block = b'x' * (150 << 20); time.sleep(1)"
    parent = f"import subprocess, sys; block = b'x' * (150 << 20); subprocess.run([sys.executable, '-c', {child!r}])"
    result = subprocess.run(
        [sys.executable, REPO / "bench" / "measure.py", "-c", parent], capture_output=True, text=True, check=True
    )
    peak_mb = json.loads(result.stdout)["peak_mb"]
    assert 300 <= peak_mb < 400, peak_mb
