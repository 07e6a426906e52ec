"""Shared helpers: fixture catalogues copied into tmp_path, and the CLI run in-process."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(REPO))

import build_catalog  # noqa: E402


def make_catalog(tmp_path: Path, *overlays: str) -> Path:
    """The valid fixture catalogue, with the files of each named invalid fixture laid over it."""
    root = tmp_path / "catalogus"
    shutil.copytree(FIXTURES / "valid", root)
    for name in overlays:
        shutil.copytree(FIXTURES / "invalid" / name, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    return root


def run_cli(capsys, *args: str) -> tuple[int, list[str], str]:
    """Run build_catalog.py in-process: (exit code, stdout lines, stderr)."""
    code = build_catalog.main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out.splitlines(), out.err


@pytest.fixture
def valid_catalog(tmp_path: Path) -> Path:
    return make_catalog(tmp_path)
