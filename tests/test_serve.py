"""`serve`: editing a record updates the page in the live preview."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from conftest import REPO, make_catalog


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body and text in body:
            return True
        time.sleep(0.3)
    return False


def test_editing_a_record_updates_the_live_page(tmp_path):
    root = make_catalog(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, REPO / "build_catalog.py", "--root", root, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/interventies/kan-wel/"
        assert wait_for(url, "Bewoners zetten met een buurtcoach")
        record = root / "interventions" / "kan-wel.md"
        record.write_text(record.read_text("utf-8").replace("een eigen idee", "hun allereerste idee"), "utf-8")
        assert wait_for(url, "Bewoners zetten met een buurtcoach hun allereerste idee")
    finally:
        server.terminate()
        server.wait(timeout=10)
