"""A contributor's new record that passes `check` passes CI's content tests as it is: the whole
content module runs green on a copy of the repository with one new intervention, and a change to
a listed record fails with the one command that updates the list."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

NEW_RECORD = """---
title: Repair Café
summary: "Bij een Repair Café repareren vrijwilligers en bezoekers samen kapotte spullen. Zo ontmoeten buren elkaar."
elements:
  - laagdrempeligheid
  - mensen-met-elkaar-verbinden
target_groups:
  - bewoners
themes:
  - sociale-cohesie
evidence: niet-beoordeeld
sources:
  - title: Over Repair Café
    publisher: Stichting Repair Café
    url: https://www.repaircafe.org/over/
---

## Doel

Volgens de stichting wil een Repair Café minder weggooien en buren met elkaar in contact brengen.

## Doelgroep

Iedereen uit de buurt met iets dat kapot is.

## Aanpak

Vrijwilligers met verstand van techniek helpen bezoekers om een apparaat zelf te maken.

## Onderzoek

De bron noemt geen onderzoek.

## Praktijkervaringen

De bron noemt geen praktijkervaringen.
"""


def copy_of_repository(tmp_path: Path) -> Path:
    """What CI checks out: code, records and tests; the seed documents beside it, as in ../shared."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("catalog", "interventions", "elements"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("build_catalog.py", "taxonomy.yml", "synoniemen.yml", "mkdocs.yml"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, root / name)
    (root / "tests").mkdir()
    for name in ("conftest.py", "test_catalog_content.py", "catalog_expected.yml"):
        shutil.copy2(REPO / "tests" / name, root / "tests" / name)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "sources").symlink_to(REPO.parent / "shared" / "sources")
    return root


def content_tests(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider", "tests/test_catalog_content.py"],
        cwd=root, capture_output=True, text=True, timeout=600,
        env=dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1"),  # the content module needs no plugin (hypothesis: 1.3 s to import)
    )


def test_a_new_valid_record_passes_the_content_tests(tmp_path):
    """Green when the catalogue is green; while a record on main breaks a content goal (a copied
    run of words), the new record adds no failure of its own."""
    root = copy_of_repository(tmp_path)
    before = content_tests(root)
    (root / "interventions" / "repair-cafe.md").write_text(NEW_RECORD, "utf-8")
    check = subprocess.run([sys.executable, "build_catalog.py", "check", "interventions/repair-cafe.md"], cwd=root, capture_output=True, text=True)
    assert (check.returncode, check.stdout) == (0, "Geen fouten in 1 bestand.\n")
    after = content_tests(root)
    assert failures(after) == failures(before), after.stdout[-3000:]
    assert summary(after) == summary(before)
    assert "passed" in summary(after)


def failures(result: subprocess.CompletedProcess) -> list[str]:
    return [line.split(" - ")[0] for line in result.stdout.splitlines() if line.startswith("FAILED ")]


def summary(result: subprocess.CompletedProcess) -> str:
    return result.stdout.splitlines()[-1].rsplit(" in ", 1)[0]


def test_a_changed_listed_record_names_the_command(tmp_path):
    root = copy_of_repository(tmp_path)
    path = root / "interventions" / "buurtbemiddeling.md"
    path.write_text(path.read_text("utf-8").replace("  - title:", "  - title: Nog een bron\n    url: https://www.voorbeeld.nl/bron\n  - title:", 1), "utf-8")
    result = content_tests(root)
    assert result.returncode == 1
    assert (
        "Deze records zijn veranderd of weg: interventions/buurtbemiddeling. Klopt dat? Draai dan: make golden "
        "en zet de nieuwe catalog_expected.yml in de pull request."
    ) in result.stdout
