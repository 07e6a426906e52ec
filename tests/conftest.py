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


def build_fixture_site(tmp: Path, bundle: bool = False, before=None) -> Path:
    """The valid fixture catalogue built into tmp/site; with `bundle`, also tmp/offline.zip unpacked
    in tmp/unpacked (one `site` run, as make site does); `before(root)` may change the records first."""
    root = make_catalog(tmp)
    if before:
        before(root)
    return build_site(root, tmp, bundle)


def build_site(root: Path, tmp: Path, bundle: bool = False) -> Path:
    """The catalogue in `root` built into tmp/site; with `bundle`, by `site` (as make site does),
    with the offline zip in tmp/offline.zip, unpacked in tmp/unpacked."""
    import zipfile

    if not bundle:
        assert build_catalog.main(["--root", str(root), "build", "--site-dir", str(tmp / "site")]) == 0
        return tmp
    zip_path = tmp / "offline.zip"
    assert build_catalog.main(["--root", str(root), "site", "--site-dir", str(tmp / "site"), "--output", str(zip_path)]) == 0
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(tmp / "unpacked")
    return tmp


@pytest.fixture(scope="session")
def bundled(tmp_path_factory) -> Path:
    """The valid fixture catalogue built once by `site` (as make site does): bundled/site,
    bundled/offline.zip and the zip unpacked in bundled/unpacked. Read-only: a test that changes
    records builds its own."""
    return build_fixture_site(tmp_path_factory.mktemp("bundled"), bundle=True)


@pytest.fixture(scope="session")
def bundled_url(bundled):
    """`bundled`'s site served over HTTP on 127.0.0.1."""
    url, stop = serve_folder(bundled / "site")
    yield url
    stop()


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """The fixture site served over HTTP on 127.0.0.1, once per test module."""
    tmp = build_fixture_site(tmp_path_factory.mktemp("site"))
    url, stop = serve_folder(tmp / "site")
    yield url
    stop()


# -- real browser ------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; Playwright's own browser download is never used."""
    if not CHROMIUM.exists():
        pytest.fail(
            "Chromium ontbreekt voor de browsertests. Installeer het met: sudo apt-get install -y chromium "
            "(CI doet dit zelf in .ci/run).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def recording_errors(page):
    """`page`, with its console errors and uncaught exceptions collected in `page.errors`."""
    page.errors = []
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return page


def only_files(context) -> list[str]:
    """Blocks every request of `context` that is not file:// (as without a connection); returns
    the list the blocked addresses are added to."""
    blocked: list[str] = []

    def guard(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return blocked


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and uncaught exceptions in `page.errors`."""
    context = browser.new_context(locale="nl-NL")
    yield recording_errors(context.new_page())
    context.close()


@pytest.fixture
def offline_page(browser):
    """A fresh page like `page` on which every request that is not file:// is blocked and listed
    in `page.blocked`."""
    context = browser.new_context(locale="nl-NL")
    blocked = only_files(context)
    new_page = recording_errors(context.new_page())
    new_page.blocked = blocked
    yield new_page
    context.close()


def serve_folder(folder: Path):
    """Serve a folder on 127.0.0.1 (a free port) in a thread; returns (base URL, stop function)."""
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep test output clean
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop():
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{server.server_address[1]}/", stop


@pytest.fixture
def catalogue(page, site_url):
    """The fixture site's catalogue page, once its search index is loaded; no console errors."""
    page.goto(site_url + "catalogus/")
    page.wait_for_selector("html[data-catalog-ready]")
    yield page
    assert page.errors == []


def visible(page) -> list[str]:
    """The slugs of the result cards shown, in order."""
    return page.locator("#ci-live > .ci-result").evaluate_all("cards => cards.map(card => card.dataset.slug)")
