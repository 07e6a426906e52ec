"""Shared helpers: fixture catalogues copied into tmp_path, the CLI run in-process, builds and a
browser shared by the whole run (also across pytest-xdist workers), and the check that the run
leaves no process behind."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import time
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


def built_once(tmp_path_factory, name: str, make) -> Path:
    """The folder `name` made by `make(folder)` once for the whole run: under pytest-xdist the
    workers share the run's base folder, and a file lock lets the first one build while the
    others wait for it."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder, done = base / name, base / f"{name}.done"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def bundled(tmp_path_factory) -> Path:
    """The valid fixture catalogue built once by `site` (as make site does): bundled/site,
    bundled/offline.zip and the zip unpacked in bundled/unpacked. Read-only: a test that changes
    records builds its own."""
    return built_once(tmp_path_factory, "bundled", lambda tmp: build_fixture_site(tmp, bundle=True))


def copy_live_records(root: Path) -> Path:
    """The repository's records, elements, taxonomy and synonyms copied into `root`."""
    for folder in ("interventions", "elements"):
        shutil.copytree(REPO / folder, root / folder)
    for name in ("taxonomy.yml", "synoniemen.yml"):
        shutil.copy(REPO / name, root / name)
    return root


@pytest.fixture(scope="session")
def live_site(tmp_path_factory) -> Path:
    """The live catalogue (the repository's records with synoniemen.yml) built once by `site`:
    live_site/site, live_site/offline.zip, unpacked in live_site/unpacked. Read-only."""
    return built_once(tmp_path_factory, "live", lambda tmp: build_site(copy_live_records(tmp / "catalogus"), tmp, bundle=True))


def generated_size() -> int:
    """Records of the `generated` catalogue: 520, so a common word is in more than 200 records
    (the search's fast path), in 11 card files of the catalogue page (the last one partly full)."""
    from catalog.outputs.page import CARDS_PER_FILE

    assert CARDS_PER_FILE == 50
    return 520


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> Path:
    """A catalogue of generated_size() records from bench/generate.py, built once by `build`:
    generated/catalogus and generated/site. Read-only."""

    def make(tmp: Path) -> None:
        sys.path.insert(0, str(REPO / "bench"))
        from generate import generate

        root = generate(tmp / "catalogus", generated_size())
        assert build_catalog.main(["--root", str(root), "build", "--site-dir", str(tmp / "site")]) == 0

    return built_once(tmp_path_factory, "generated", make)


@pytest.fixture(scope="session")
def live_url(live_site):
    """`live_site`'s site served over HTTP on 127.0.0.1."""
    url, stop = serve_folder(live_site / "site")
    yield url
    stop()


@pytest.fixture(scope="session")
def bundled_url(bundled):
    """`bundled`'s site served over HTTP on 127.0.0.1."""
    url, stop = serve_folder(bundled / "site")
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


# WCAG 2.1 A and AA, as axe-core tags them.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on `page`, one line each. Only the violations are
    asked for in full (`resultTypes`): the nodes of every rule that passes, which the test never
    reads, no longer cross to Python (a third of an axe run's time on the catalogue)."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, bv. {v['nodes'][0]['target']})" for v in results.response["violations"]]


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


@pytest.fixture(scope="module")
def module_page(browser):
    """One page, made as `page` makes it, for the many cases of one test module: each case starts
    with `fresh`, since a new browser context per case costs more than most cases."""
    context = browser.new_context(locale="nl-NL")
    yield recording_errors(context.new_page())
    context.close()


def fresh(page):
    """`page` on about:blank with nothing recorded yet (`errors`, and `blocked` where the page
    has it), so that the next address loads anew even when only its fragment differs."""
    page.goto("about:blank")
    page.errors.clear()
    if hasattr(page, "blocked"):
        page.blocked.clear()
    return page


@contextlib.contextmanager
def reused(page):
    """`fresh(page)` for one case; after it, no console error and no blocked request."""
    yield fresh(page)
    assert page.errors == []
    assert getattr(page, "blocked", []) == []


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

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            # The browser cancels a download when the page moves on: not a fault of the site.
            if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop():
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{server.server_address[1]}/", stop


@pytest.fixture
def catalogue(module_page, bundled_url):
    """The fixture site's catalogue page, once its search index is loaded; no console errors.
    Loaded afresh in the module's one page (`fresh`), as a new browser context per case costs
    more than most cases; the comparison's ticks (sessionStorage) are cleared after each case.
    A case that needs a history or a browser context of its own takes `page` instead."""
    page = fresh(module_page)
    page.goto(bundled_url + "catalogus/")
    page.wait_for_selector("html[data-catalog-ready]")
    yield page
    page.evaluate("sessionStorage.clear()")
    assert page.errors == []


def settled(page) -> None:
    """Waits until the shards of the search index the query needs have loaded (issue 29)."""
    page.wait_for_selector("html:not([data-search-loading])", state="attached")


def visible(page) -> list[str]:
    """The slugs of the result cards shown, in order (once the query's index shards are there)."""
    settled(page)
    return page.locator("#ci-live > .ci-result").evaluate_all("cards => cards.map(card => card.dataset.slug)")


# -- markers and the run as a whole ------------------------------------------------------------

def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium (added to every test that uses the browser fixture)")
    config.addinivalue_line("markers", "slow: starts servers or many subprocesses (bench, serve, hostile input, killed builds); run first")


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: runs without xdist need no such hook
def pytest_xdist_auto_num_workers(config):
    """`-n auto`: one worker more than the cores this process may use. A worker often waits (on
    Chromium, a preview server, a build's second process, a throttled page in the bench); on 2
    cores, two workers kept the cores busy about half of a quiet run."""
    return len(os.sched_getaffinity(0)) + 1


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
    # The slow tests first (in their order; whole modules where the module is marked): under
    # pytest-xdist the long tests then start early on both workers instead of one of them ending
    # the run alone.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


PR_SET_CHILD_SUBREAPER = 36


def processes() -> dict[int, tuple[int, str, str]]:
    """Every process: pid -> (parent pid, state, command line)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        state, parent = stat[stat.rindex(")") + 2:].split()[:2]
        found[int(entry.name)] = (int(parent), state, command)
    return found


def living_descendants(pid: int) -> list[str]:
    """The processes below `pid` that still run (zombies have ended), as 'pid: command line'."""
    table = processes()
    below, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for child, (ppid, state, command) in table.items():
            if ppid == parent:
                todo.append(child)
                if state != "Z":
                    below.append(f"{child}: {command}")
    return sorted(below)


@pytest.fixture(scope="session", autouse=True)
def no_process_left_behind():
    """After the last test, nothing the tests started may still run: not a multiprocessing worker
    or its resource tracker, a preview server, Chromium or a build. The run is made a subreaper,
    so a process whose parent was killed is still found (as our child)."""
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    yield
    # This run's own resource tracker (from the in-process builds' spawn pools) ends with the run
    # by design; stop it now so that any other tracker counts as left behind.
    from multiprocessing import resource_tracker

    resource_tracker._resource_tracker._stop()
    deadline = time.monotonic() + 10
    while (left := living_descendants(os.getpid())) and time.monotonic() < deadline:
        time.sleep(0.2)
    for line in left:  # reported below, and not left running on the machine
        try:
            os.kill(int(line.split(":")[0]), 9)
        except ProcessLookupError:
            pass
    if left:
        pytest.fail("processen die de tests startten draaien nog na de laatste test:\n" + "\n".join(left), pytrace=False)
