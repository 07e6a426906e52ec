"""The catalogue page and the matrix in headless Chromium: time to first results, a facet toggle
and a query, also on a throttled phone profile, served gzipped as a web server would."""

from __future__ import annotations

import sys
from pathlib import Path

from generate import REPO


# Time of the first animation frame in which the catalogue shows results, measured in the page
# from the start of navigation (so neither Playwright's polling nor the search index, which loads
# afterwards, counts).
FIRST_FRAME = """(function poll() {
  if (document.documentElement && document.documentElement.hasAttribute("data-results-ready")) {
    window.__firstFrame = performance.now();
  } else {
    requestAnimationFrame(poll);
  }
})();"""


# The catalogue's first results are in its HTML: the first frame in which a result card is in
# the page (cards are painted in that frame). Then the frames in which the filters work (its data
# has loaded: data-results-ready) and in which search over all text works (cards and index
# loaded: data-catalog-ready).
CATALOGUE_FRAMES = """(function poll() {
  var root = document.documentElement;
  if (!window.__firstFrame && document.querySelector("#ci-live .ci-result")) window.__firstFrame = performance.now();
  if (!window.__readyFrame && root && root.hasAttribute("data-results-ready")) window.__readyFrame = performance.now();
  if (root && root.hasAttribute("data-catalog-ready")) {
    window.__searchFrame = performance.now();
  } else {
    requestAnimationFrame(poll);
  }
})();"""


# The phone in the buurthuis: Chromium's own throttling (4x slower CPU, 1.6 Mbit/s down,
# 750 kbit/s up, 150 ms latency) on a site served gzipped, as a static host does.
PHONE_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


PHONE_CPU = 4


# Bytes the page fetched (compressed, with headers) up to the first frame with results.
BYTES_BEFORE_FIRST = """() => {
  const first = window.__firstFrame;
  const nav = performance.getEntriesByType("navigation")[0];
  return performance.getEntriesByType("resource")
    .filter(r => r.responseEnd <= first)
    .reduce((sum, r) => sum + r.transferSize, nav.transferSize);
}"""


def serve_gzipped(folder: Path):
    """Like conftest.serve_folder, with gzip for text files when the browser asks for it."""
    import functools
    import gzip as gzip_module
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            text = path.suffix in (".html", ".js", ".css", ".json", ".svg", ".xml")
            if not text or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
                return super().send_head()
            body = gzip_module.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io

            return io.BytesIO(body)

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            # The page leaves before a download ends (a new query, the next round): not a fault.
            if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop():
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{server.server_address[1]}/", stop


# Issue 29: a one-word query in the address (#q=) as the page starts to load; the first frame in
# which its results come from the full text (index shards loaded, cards shown).
FULLTEXT_QUERY = "gesprekken"
FULLTEXT_FRAME = """(function poll() {
  var root = document.documentElement;
  if (!window.__firstFrame && document.querySelector("#ci-live .ci-result")) window.__firstFrame = performance.now();
  if (root && root.hasAttribute("data-search-done")) {
    window.__fullFrame = performance.now();
  } else {
    requestAnimationFrame(poll);
  }
})();"""
# Bytes (compressed, with headers) of the search's own files up to that frame: lunr, the ranking,
# the index's list of shards, the shards, the title and tag files and the word lists; and of
# everything after the first results.
SEARCH_BYTES = r"""() => {
  const first = window.__firstFrame, full = window.__fullFrame;
  const search = /(vendor\/lunr|catalogus-rank|catalogus-shards|catalogus-typos|catalogus-facts|catalogus-index|zoekdeel-|zoektitel-|zoeklabel-|catalogus-woorden|woorden-nl)/;
  const all = performance.getEntriesByType("resource").filter(r => r.responseEnd <= full);
  return {
    search: all.filter(r => search.test(r.name)).reduce((sum, r) => sum + r.transferSize, 0),
    after: all.filter(r => r.responseEnd > first).reduce((sum, r) => sum + r.transferSize, 0),
    shards: all.filter(r => /zoekdeel-/.test(r.name)).length,
  };
}"""


def phone_page(browser):
    page = browser.new_page()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU})
    return page


def fulltext_figures(site: Path) -> dict[str, float]:
    """Phone profile: seconds from the start of loading to full-text results for a one-word
    query, the search's bytes for it and all bytes after the first results (issue 29)."""
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    url, stop = serve_gzipped(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = phone_page(browser)
            page.add_init_script(FULLTEXT_FRAME)
            page.goto(url + "catalogus/#q=" + FULLTEXT_QUERY, wait_until="commit", timeout=180_000)
            full = page.wait_for_function("window.__fullFrame", timeout=180_000).json_value() / 1000
            fetched = page.evaluate(SEARCH_BYTES)
            browser.close()
    finally:
        stop()
    return {"phone_fulltext_s": full, "phone_query_kb": fetched["search"] / 1000, "phone_after_kb": fetched["after"] / 1000,
            "phone_shards": fetched["shards"]}


# The update for a query (JS and layout, the 75th percentile): letter by letter, whole words, a
# typo ('Bedoelde u ...?') and a question as a sentence. Each query is typed once first and its
# index shards and word lists loaded (issue 29), so the timed updates search the full text, as the
# single index did, rather than without the shards that are missing. Then words of other shards
# load, and a shard's arrival empties the search's cache: the timed updates start without the
# matches of the first round (unless every shard was there already: a small catalogue).
QUERY_UPDATES = """async () => {
  const field = document.getElementById('ci-q'), root = document.documentElement;
  const texts = ['b', 'bu', 'buu', 'buur', 'buurt', 'buurtb', 'gesprekken', 'bewoners buurt',
                 'vrijwiligers', 'hoe krijg ik bewoners actief in de buurt'];
  for (const text of texts.concat(['aaa eee iii ooo kkk ppp sss ttt vvv www zzz'])) {
    field.value = text; field.dispatchEvent(new Event('input'));
    for (let waited = 0; !root.hasAttribute('data-search-done') && waited < 60000; waited += 50) {
      await new Promise(done => setTimeout(done, 50));
    }
  }
  const times = [];
  for (const text of texts) {
    const t0 = performance.now(); field.value = text; field.dispatchEvent(new Event('input'));
    document.body.offsetHeight; times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[7];
}"""


def browser_figures(site: Path, phone: bool = False) -> dict[str, float]:
    """Time to the first frame with results, and the update time (JS and layout) for a facet
    toggle and a query (the 75th percentile of several); with `phone`, under the phone profile,
    also the bytes fetched before the first results."""
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve_folder
    from playwright.sync_api import sync_playwright

    url, stop = serve_gzipped(site) if phone else serve_folder(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            if phone:
                cdp = page.context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU})
            page.add_init_script(CATALOGUE_FRAMES)
            page.goto(url + "catalogus/", wait_until="commit", timeout=180_000)
            first = page.wait_for_function("window.__firstFrame", timeout=180_000).json_value() / 1000
            fetched = page.evaluate(BYTES_BEFORE_FIRST) if phone else 0
            ready = page.wait_for_function("window.__readyFrame", timeout=180_000).json_value() / 1000
            searching = page.wait_for_function("window.__searchFrame", timeout=180_000).json_value() / 1000
            toggle = page.evaluate("""() => {
                const box = document.querySelector('.ci-facet[data-facet="element"] input[type=checkbox]');
                const times = [];
                for (let i = 0; i < 6; i++) {
                  const t0 = performance.now(); box.click(); document.body.offsetHeight; times.push(performance.now() - t0);
                }
                return times.sort((a, b) => a - b)[3];
            }""")
            query = page.evaluate(QUERY_UPDATES)
            browser.close()
    finally:
        stop()
    if phone:
        return {"phone_first_s": first, "phone_kb": fetched / 1000, "phone_toggle_ms": toggle, "phone_query_ms": query,
                "phone_ready_s": ready, "phone_search_s": searching}
    return {"first_s": first, "toggle_ms": toggle, "query_ms": query}


# The element matrix (issue 18): when the first frame with the table (every werkzaam element,
# totals, the first rows) has been painted, measured in the page from the start of navigation:
# the animation frame after the one in which the table appeared, so its layout and paint count.
MATRIX_FIRST_FRAME = """(function poll() {
  if (document.documentElement && document.documentElement.hasAttribute("data-matrix-ready")) {
    requestAnimationFrame(function () { window.__firstFrame = performance.now(); });
  } else {
    requestAnimationFrame(poll);
  }
})();"""


def matrix_figures(site: Path) -> dict[str, float]:
    """Time to the first frame of /matrix/ with its table built, at 1280 px."""
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve_folder
    from playwright.sync_api import sync_playwright

    url, stop = serve_folder(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.add_init_script(MATRIX_FIRST_FRAME)
            page.goto(url + "matrix/", wait_until="commit", timeout=180_000)
            first = page.wait_for_function("window.__firstFrame", timeout=180_000).json_value() / 1000
            browser.close()
    finally:
        stop()
    return {"matrix_first_s": first}
