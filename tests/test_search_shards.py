"""The search index in shards (issue 29, catalog/outputs/search/shards.py): the page loads only
the shards a query needs, and finds the same records with the same scores, corrections and
notes as with the whole index in one piece (the form of compact_index.py), on the search fixture
and on the live catalogue, in Chromium: in a bare page (every query of both relevance sets), on
the built site online and on the offline zip over file:// (the requests counted)."""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import FIXTURES, REPO, recording_errors, visible  # noqa: E402
from catalog.outputs.search.compact_index import compact_index  # noqa: E402
from catalog.outputs.search.dutch import dutch_file  # noqa: E402
from catalog.outputs.search.search import LUNR_FILES, TEXT_FIELDS, build_index, catalog_data, documents, index_script  # noqa: E402
from catalog.outputs.search.shards import INDEX_FILE, WORDS_FILE  # noqa: E402
from catalog.records.load import load_catalog  # noqa: E402
from catalog.records.schema import apply_defaults  # noqa: E402
from catalog.records.words import vocabulary  # noqa: E402
from test_search_relevance import search_site, use_search_fixture  # noqa: E402,F401

ASSETS = REPO / "catalog" / "assets" / "catalogus"
FIXTURE_QUERIES = [c["query"] for c in yaml.safe_load((Path(__file__).parent / "search_relevance.yml").read_text("utf-8"))]
LIVE_QUERIES = [c["query"] for c in yaml.safe_load((Path(__file__).parent / "relevance_catalogue.yml").read_text("utf-8"))]
TYPED = ["b", "bu", "buu", "buur", "buurt", "buurtb", "gesprekken", "bewoners buurt", "vrijwiligers",
         "hoe krijg ik bewoners actief in de buurt", "ontmoetigsplek", "constructor", "__proto__", "ruzie buren",
         "conflict tussen buren"]


def payload(root: Path) -> dict:
    """What the page gets: the data, the whole index (compact) and the shards."""
    catalog = load_catalog(root)
    apply_defaults(catalog)
    docs = documents(catalog)
    files = index_script(docs)
    compact = compact_index(build_index(docs))
    words = " ".join(vocabulary(" ".join(doc[f] for f in TEXT_FIELDS) for doc in docs))
    shards = {int(m.group(1)): text for path, text in files.items() if (m := re.search(r"zoekdeel-(\d+)\.js$", path))}
    return {"data": catalog_data(catalog), "compact": compact, "words": words, "manifest": files[INDEX_FILE],
            "shards": [shards[k] for k in range(len(shards))], "files": files}


COMPARE = """([p, queries]) => {
  eval(p.manifest);
  p.shards.forEach(text => eval(text));
  const words = p.words, dutch = window.CATALOG_DUTCH;
  const make = () => CI.createSearch(p.data.items, p.data.synonyms, p.data.facets);
  const single = make();
  single.setIndex(p.compact);
  single.setWords(words);
  single.setDutch(dutch);
  const shape = (s, q) => {
    const e = s.explain(q), scores = s.scores(q);
    return JSON.stringify({scores: scores && Array.from(scores), corrections: e.corrections, suggestion: e.suggestion,
      full: e.full, partial: e.partial, fallback: e.fallback, unknown: e.unknown, pending: e.pending});
  };
  return queries.map(q => {
    const sharded = make();
    let asked = [];
    sharded.whenShardsNeeded(names => { asked = asked.concat(names); });
    sharded.setIndex(window.CATALOG_INDEX);
    sharded.setDutch(dutch);
    const loaded = []; // per round of loading, the names asked for
    for (let round = 0; round < 20; round++) {
      shape(sharded, q);
      if (!asked.length) break;
      const now = asked;
      asked = [];
      const arrived = [];
      loaded.push(now.map(String));
      now.forEach(name => {
        if (name === "words") sharded.setWords(words); else arrived.push([name, window.CATALOG_SHARDS[name]]);
      });
      if (arrived.length) sharded.addShards(arrived);
    }
    return [q, shape(single, q), shape(sharded, q), loaded];
  });
}"""


@pytest.fixture
def bare_page(page):
    page.set_content("<html><body></body></html>")
    for path in LUNR_FILES.values():
        page.add_script_tag(content=path.read_text("utf-8"))
    page.add_script_tag(content=dutch_file().text)
    for name in ("catalogus-words.js", "catalogus-rank.js", "catalogus-shards.js", "catalogus-typos.js", "catalogus-facts.js", "catalogus-search.js"):
        page.add_script_tag(path=str(ASSETS / name))
    return page


def compare(page, root: Path, queries: list[str]):
    p = payload(root)
    rows = page.evaluate(COMPARE, [p, queries])
    for query, single, sharded, _ in rows:
        assert json.loads(sharded) == json.loads(single), query
    return p, rows


def test_search_fixture_same_results_and_scores(bare_page, tmp_path):
    root = tmp_path / "zoeken"
    root.mkdir()
    use_search_fixture(root)
    _, rows = compare(bare_page, root, FIXTURE_QUERIES + TYPED)
    assert any(json.loads(single)["suggestion"] for _, single, _, _ in rows)  # typos were corrected


def test_live_catalogue_same_results_and_scores_and_few_shards(bare_page):
    p, rows = compare(bare_page, REPO, LIVE_QUERIES + TYPED)
    assert len(p["shards"]) >= 5
    loaded = {q: shards for q, _, _, shards in rows}
    assert [len(r) for r in loaded["buurt"]] == [1]  # its own shard: "buur", "buurt" and "buurt*" are all in it
    # A word with records needs only its own shard: its parts ("rekken", "ekken", ...) are looked
    # up only when it has few records, which is known once that shard is here.
    assert [len(r) for r in loaded["gesprekken"]] == [1]
    # A typo of a compound: its own shard, then the shards of its possible parts together with
    # the catalogue's words for the correction.
    first, then = loaded["ontmoetigsplek"]
    assert len(first) == 1 and then[-1] == "words" and first[0] not in then, loaded["ontmoetigsplek"]
    biggest = max(len(gzip.compress(text.encode(), 6)) for text in p["shards"])
    assert biggest < 20_000


def requested(page) -> list[str]:
    """The index files the page asked for: each is a script element it added (from file:// the
    browser keeps no resource timing)."""
    return sorted(re.sub(r".*/", "", url) for url in page.evaluate(
        "Array.from(document.scripts, s => s.src)") if "zoekdeel-" in url or "catalogus-woorden" in url)


@pytest.mark.parametrize("where", ["online", "offline"])
def test_the_page_loads_only_the_shards_of_the_query(browser, search_site, where):  # noqa: F811
    context = browser.new_context(locale="nl-NL")
    page = recording_errors(context.new_page())
    page.goto(search_site[where])
    page.wait_for_selector("html[data-catalog-ready]")
    assert requested(page) == []
    page.locator("#ci-q").fill("buurt")
    page.wait_for_selector("html:not([data-search-loading])")
    shards = requested(page)
    assert 1 <= len(shards) <= 2 and all(s.startswith("zoekdeel-") for s in shards), shards
    assert visible(page)
    if where == "online":  # each asked for once
        fetched = page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
        assert sorted(re.sub(r".*/", "", url) for url in fetched if "zoekdeel-" in url) == shards
    assert page.errors == []
    context.close()


def zipped(files: dict[str, str]) -> int:
    """Bytes of these files in a zip as the offline bundle writes it (deflate level 6)."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path, text in sorted(files.items()):
            archive.writestr(f"catalogus-offline/{path}", text.encode(), compresslevel=6)
    return len(buffer.getvalue())


def single_and_sharded(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    from catalog.outputs.page import script

    p = payload(root)
    return {INDEX_FILE: script("CATALOG_INDEX", dict(p["compact"], words=p["words"]))}, p["files"]


def test_the_offline_zip_grows_at_most_ten_percent(search_site):  # noqa: F811
    """Issue 29: the offline zip of the search fixture with shards is at most 10% larger than it
    would be with the single index; for the live catalogue the index files alone grow less than
    that (127 kB against 118 kB in a zip of 2.5 MB)."""
    from urllib.parse import unquote, urlparse

    zip_path = Path(unquote(urlparse(search_site["offline"]).path)).parents[3] / "offline.zip"
    single, sharded = single_and_sharded(FIXTURES / "search")
    with_single = zip_path.stat().st_size - zipped(sharded) + zipped(single)
    assert zip_path.stat().st_size <= 1.10 * with_single
    single, sharded = single_and_sharded(REPO)
    assert zipped(sharded) <= 1.10 * zipped(single)
