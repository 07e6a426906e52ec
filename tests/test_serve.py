"""`serve`: the live preview follows edits to records, redoing only what changed, and keeps the
previous version while a record has a content error."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from conftest import REPO, make_catalog

pytestmark = pytest.mark.slow

SUMMARY = "Bewoners zetten met een buurtcoach een eigen idee om in actie."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body and text in body:
            return True
        time.sleep(0.2)
    return False


class Server:
    """build_catalog.py serve on a free port, with its output collected line by line."""

    def __init__(self, root):
        self.url = f"http://127.0.0.1:{free_port()}/"
        self.process = subprocess.Popen(
            [sys.executable, REPO / "build_catalog.py", "--root", root, "serve", "--dev-addr", self.url[len("http://"):-1]],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.lines: list[str] = []
        self.start = 0  # printed() looks only at the lines from here on (this test's own)
        threading.Thread(target=lambda: self.lines.extend(iter(self.process.stdout.readline, "")), daemon=True).start()

    def printed(self, line: str, seconds: float = 60) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if line + "\n" in self.lines[self.start:]:
                return True
            time.sleep(0.2)
        return False

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


# What the tests look at, as the server first served it; each test starts from exactly this.
WATCHED = ["interventies/", "interventies/kan-wel/", "interventies/wijkgesprek/", "interventies/buurtfeest/",
           "interventies/buurtfeest-extra/", "assets/catalogus-kaarten-0.js", "assets/zoekdeel-0.js",
           "assets/catalogus-data.js"]


def sources(root) -> dict:
    """Every file of the catalogue that the tests may change (not the server's own output)."""
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and p.relative_to(root).parts[0] in ("interventions", "elements", "taxonomy.yml", "synoniemen.yml")}


def snapshot(server) -> dict:
    """The watched addresses as served, without the live-reload call that differs per request."""
    return {url: re.sub(r"livereload\(\d+, *\d+\)", "livereload()", fetch(server.url + url) or "") for url in WATCHED}


@pytest.fixture(scope="module")
def preview_server(tmp_path_factory):
    """One preview server for the module (starting one costs about 5 s)."""
    root = make_catalog(tmp_path_factory.mktemp("serve"))
    server = Server(root)
    assert wait_for(server.url + "interventies/kan-wel/", SUMMARY), "".join(server.lines)
    original = sources(root)
    served = snapshot(server)
    yield root, server, original, served
    server.stop()


@pytest.fixture
def served(preview_server):
    """The module's server with the records exactly as make_catalog laid them out and the site
    served as it first was; afterwards the records are put back and the site is awaited back."""
    root, server, original, first = preview_server
    server.start = len(server.lines)
    yield root, server
    for path in set(sources(root)) - set(original):
        path.unlink()
    for path, data in original.items():
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    deadline = time.monotonic() + 60
    while (now := snapshot(server)) != first and time.monotonic() < deadline:
        time.sleep(0.2)
    assert now == first, [url for url in WATCHED if now[url] != first[url]]
    assert server.process.poll() is None


def edit(path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_editing_a_record_updates_its_page_the_catalogue_and_the_search_index(served):
    root, server = served
    edit(root / "interventions" / "kan-wel.md", "een eigen idee", "hun allereerste zwaluwstaartidee")
    assert wait_for(server.url + "interventies/kan-wel/", "Bewoners zetten met een buurtcoach hun allereerste zwaluwstaartidee")
    assert "hun allereerste zwaluwstaartidee" in fetch(server.url + "assets/catalogus-kaarten-0.js")
    # the index follows in the background: the fixture's index is one shard (issue 29)
    assert wait_for(server.url + "assets/zoekdeel-0.js", "zwaluwstaartide")
    assert server.process.poll() is None


def test_a_new_title_reaches_the_related_interventions_of_other_records(served):
    """The changed record's page comes first; the pages that list it as related follow."""
    root, server = served
    edit(root / "interventions" / "wijkgesprek.md", "title: Wijkgesprek", "title: Het grote wijkgesprek")
    assert wait_for(server.url + "interventies/wijkgesprek/", "Het grote wijkgesprek</h1>")
    assert wait_for(server.url + "interventies/kan-wel/", '<a href="../wijkgesprek/">Het grote wijkgesprek</a>')
    assert wait_for(server.url + "interventies/", "Het grote wijkgesprek")


def test_a_new_record_gets_its_page_and_a_removed_one_loses_it(served):
    root, server = served
    new = root / "interventions" / "buurtfeest-extra.md"
    new.write_text((root / "interventions" / "buurtfeest.md").read_text("utf-8").replace("title: Buurtfeest", "title: Buurtfeest extra"), "utf-8")
    assert wait_for(server.url + "interventies/buurtfeest-extra/", "Buurtfeest extra</h1>")
    new.unlink()
    assert wait_for(server.url + "interventies/buurtfeest-extra/", "HTTP 404")
    overview = fetch(server.url + "interventies/")
    assert overview is not None and "Buurtfeest</" in overview  # the overview itself answers
    assert "Buurtfeest extra" not in overview


def test_a_content_error_keeps_the_previous_page_and_is_reported(served):
    root, server = served
    record = root / "interventions" / "kan-wel.md"
    edit(record, "evidence: niet-beoordeeld", "evidence: onbekend")
    edit(record, "een eigen idee", "een nooit getoond idee")
    assert server.printed(
        "interventions/kan-wel.md:7: evidence: onbekend erkenningsniveau 'onbekend'; toegestaan: "
        "niet-beoordeeld, goed-beschreven, goed-onderbouwd, effectief-eerste-aanwijzingen, effectief-goede-aanwijzingen, "
        "effectief-sterke-aanwijzingen, niet-erkend"
    ), "".join(server.lines)
    assert server.printed("1 fout in 1 bestand (van 7 gecontroleerd).")
    assert server.printed("Het voorbeeld toont de vorige versie tot de fout is opgelost.")
    page = fetch(server.url + "interventies/kan-wel/")
    assert SUMMARY in page and "nooit getoond" not in page
    edit(record, "evidence: onbekend", "evidence: niet-beoordeeld")
    assert wait_for(server.url + "interventies/kan-wel/", "Bewoners zetten met een buurtcoach een nooit getoond idee")
    assert server.process.poll() is None


def test_a_catalogue_with_content_errors_does_not_start(tmp_path):
    from conftest import FIXTURES

    root = make_catalog(tmp_path, "assessment-required")
    result = subprocess.run(
        [sys.executable, REPO / "build_catalog.py", "--root", root, "serve", "--dev-addr", f"127.0.0.1:{free_port()}"],
        capture_output=True, text=True, timeout=120,
    )
    expected = (FIXTURES / "invalid" / "assessment-required" / "expected.txt").read_text("utf-8").splitlines()
    assert (result.returncode, result.stdout.splitlines()) == (1, expected + ["Het voorbeeld start niet."])


def test_editing_the_synonyms_reaches_the_catalogue_data_and_errors_are_reported(served):
    """synoniemen.yml travels in catalogus-data.js: a new group is in the served data without a
    restart, and a mistake in it is reported like any content error."""
    root, server = served
    synonyms = root / "synoniemen.yml"
    synonyms.write_text("groepen:\n  - [zwaluwstaart, boomklever]\n", "utf-8")
    assert wait_for(server.url + "assets/catalogus-data.js", "boomklever")
    synonyms.write_text("groepen:\n  - [zwaluwstaart, boomklever]\n  - [alleen]\n", "utf-8")
    assert server.printed(
        "synoniemen.yml:3: groepen[2]: een groep van één woord ('alleen') doet niets; zet er een woord met dezelfde "
        "betekenis bij of haal de groep weg"
    ), "".join(server.lines)
    assert server.printed("Het voorbeeld toont de vorige versie tot de fout is opgelost.")
    assert "boomklever" in fetch(server.url + "assets/catalogus-data.js")
    assert server.process.poll() is None
