"""The search before catalogus-data.js (issue 29, catalog/outputs/search/facts.py and
catalogus-facts.js): from the shard list and the small title and tag files a query loads, it
finds the same records with the same scores, corrections and notes as with CATALOG.items and the
single index, and the facts agree with those of CATALOG.items (titles held, title words, tags),
on the search fixture and the live catalogue, in a bare page in Chromium."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import REPO  # noqa: E402
from catalog.outputs.search.facts import TAG_FILE, TITLE_FILE  # noqa: E402
from catalog.outputs.search.search import documents, index_script, search_facts  # noqa: E402
from catalog.outputs.search.shards import INDEX_FILE, WORDS_FILE  # noqa: E402
from catalog.records.load import load_catalog  # noqa: E402
from catalog.records.schema import apply_defaults  # noqa: E402
from test_search_relevance import use_search_fixture  # noqa: E402
from test_search_shards import FIXTURE_QUERIES, LIVE_QUERIES, TYPED, bare_page, payload  # noqa: E402,F401

# Title checks at their edges: trailing and double spaces, one word, a word repeated, a prefix,
# punctuation and accents folded away, stop words only, nothing.
EDGES = ["", " ", "kan", "kan ", "Kan wél!", "kan  wel", "kan w", "wel wel", "buurt buurt", "de", "de buurt", "e",
         "!!", "-", "samen-", "(buurt)", "buurtcoach", "in de", "het", "een eigen"]


def files_of(root: Path) -> dict[str, str]:
    catalog = load_catalog(root)
    apply_defaults(catalog)
    return index_script(documents(catalog), search_facts(catalog))


def numbered(files: dict[str, str], pattern: str) -> list[str]:
    found = {int(m.group(1)): text for path, text in files.items() if (m := re.fullmatch(pattern.format(r"(\d+)"), path))}
    return [found[k] for k in range(len(found))]


def page_files(root: Path) -> dict:
    files = files_of(root)
    return {"manifest": files[INDEX_FILE], "words": files[WORDS_FILE], "titles": numbered(files, TITLE_FILE),
            "tags": numbered(files, TAG_FILE)}


# Per query: the search from CATALOG.items with the single index, and the search from the files,
# loading what it asks for round by round; what each shows, and the files per round.
COMPARE = """([p, f, queries]) => {
  eval(f.manifest); eval(f.words); f.titles.forEach(t => eval(t)); f.tags.forEach(t => eval(t));
  p.shards.forEach(text => eval(text));
  const manifest = window.CATALOG_INDEX, dutch = window.CATALOG_DUTCH;
  const single = CI.createSearch(p.data.items, p.data.synonyms, p.data.facets);
  single.setIndex(p.compact);
  single.setWords(window.CATALOG_WORDS);
  single.setDutch(dutch);
  const shape = (s, q) => {
    const e = s.explain(q), scores = s.scores(q);
    const why = e.units.map(u => u.named.map(term => {
      const held = [];
      for (let i = 0; i < manifest.documents; i++) if (u.tagged[i] && s.hasTerm(i, term)) held.push(i);
      return [term.value, held];
    }));
    return JSON.stringify({scores: scores && Array.from(scores), corrections: e.corrections, suggestion: e.suggestion,
      full: e.full, partial: e.partial, fallback: e.fallback, unknown: e.unknown, pending: e.pending, why: why,
      tagged: e.units.map(u => Array.from(u.tagged))});
  };
  return queries.map(q => {
    const early = CI.createSearch(CI.factsFromFiles(manifest), manifest.synonyms, manifest.facets);
    let asked = [];
    early.whenShardsNeeded(names => { asked = asked.concat(names); });
    early.setIndex(manifest);
    early.setDutch(dutch);
    const loaded = [];
    for (let round = 0; round < 20; round++) {
      shape(early, q);
      if (!asked.length) break;
      const now = asked, arrived = [];
      asked = [];
      loaded.push(now.map(String));
      now.forEach(name => {
        if (name === "words") early.setWords(window.CATALOG_WORDS, window.CATALOG_TITLED);
        else if (typeof name === "string") early.addFacts(name, (name[0] === "t" ? window.CATALOG_TITLES : window.CATALOG_TAGS)[+name.slice(1)]);
        else arrived.push([name, window.CATALOG_SHARDS[name]]);
      });
      if (arrived.length) early.addShards(arrived);
    }
    return [q, shape(single, q), shape(early, q), loaded];
  });
}"""


def compare(page, root: Path, queries: list[str]):
    p, f = payload(root), page_files(root)
    rows = page.evaluate(COMPARE, [p, f, queries])
    for query, single, early, _ in rows:
        assert json.loads(early) == json.loads(single), query
    return {q: loaded for q, _, _, loaded in rows}


# With every file here: per query the records whose title holds it, per word of the queries the
# records with a title word starting with it, per word of the catalogue whether a title has it, per term its records.
FACTS = """([items, f, queries]) => {
  eval(f.manifest); eval(f.words); f.titles.forEach(t => eval(t)); f.tags.forEach(t => eval(t));
  const manifest = window.CATALOG_INDEX, from = CI.factsFromItems(items), files = CI.factsFromFiles(manifest);
  window.CATALOG_TITLES && Object.keys(window.CATALOG_TITLES).forEach(k => files.add("t" + k, window.CATALOG_TITLES[k]));
  window.CATALOG_TAGS && Object.keys(window.CATALOG_TAGS).forEach(k => files.add("g" + k, window.CATALOG_TAGS[k]));
  files.setTitled(window.CATALOG_WORDS, window.CATALOG_TITLED);
  const words = window.CATALOG_WORDS.split(" ").filter(Boolean);
  const facts = s => JSON.stringify({
    holds: queries.map(q => Array.from(s.holds(q))),
    starts: [...new Set(queries.flatMap(q => CI.fold(q).split(" ")).filter(Boolean))].map(w => Array.from(s.starts(w))),  // a word at a time
    inTitle: words.map(w => s.inTitle(w)),
    has: CI.namingTerms(manifest.facets).map(term => items.map((item, i) => s.has(i, term)))});
  return [facts(from), facts(files), queries.map(q => Array.from(from.holds(q)).filter(Boolean).length)];
}"""


def title_queries(root: Path) -> list[str]:
    """Every title, its first word alone, cut in its last word, and without its first word."""
    catalog = load_catalog(root)
    titles = [r.data["title"] for r in catalog.interventions.values()]
    out = list(EDGES)
    for title in titles:
        words = title.split()
        out += [title, words[0], title[: max(1, len(title) - 3)], " ".join(words[1:])]
    return out


def agree(page, root: Path) -> list[int]:
    catalog = load_catalog(root)
    apply_defaults(catalog)
    from catalog.graph.link import in_title_order
    from catalog.outputs.search.search import catalog_data

    items = catalog_data(catalog)["items"]
    assert [item["slug"] for item in items] == [r.slug for r in in_title_order(catalog)]
    from_items, from_files, held = page.evaluate(FACTS, [items, page_files(root), title_queries(root)])
    assert json.loads(from_files) == json.loads(from_items)
    return held


def test_fixture_facts_agree_with_the_items(bare_page, tmp_path):
    root = tmp_path / "zoeken"
    root.mkdir()
    use_search_fixture(root)
    held = agree(bare_page, root)
    assert held[:len(EDGES)][0] == 0 and max(held) > 0


def test_live_facts_agree_with_the_items(bare_page):
    held = agree(bare_page, REPO)
    assert held[0] == 0 and held[EDGES.index("kan")] > 0


def test_fixture_search_before_the_data_is_the_same(bare_page, tmp_path):
    root = tmp_path / "zoeken"
    root.mkdir()
    use_search_fixture(root)
    compare(bare_page, root, FIXTURE_QUERIES + TYPED + EDGES)


def title_shard(root: Path, word: str) -> str:
    """The title file that holds `word` (the last whose first word is not after it)."""
    from catalog.outputs.search.facts import fact_files

    catalog = load_catalog(root)
    apply_defaults(catalog)
    firsts = fact_files([d["title"] for d in documents(catalog)], search_facts(catalog))[0]["titles"]
    return f"t{max(k for k, first in enumerate(firsts) if first.encode('utf-16-be') <= word.encode('utf-16-be'))}"


def test_live_search_before_the_data_is_the_same_and_loads_only_its_files(bare_page):
    loaded = compare(bare_page, REPO, LIVE_QUERIES + TYPED + EDGES + ["ouderen"])
    # One round: the index shard of the word and the title file of the word; no tags (it names no
    # theme or target group), no typo list.
    [names] = loaded["gesprekken"]
    assert sorted(n for n in names if not n.isdigit()) == [title_shard(REPO, "gesprekken")] and len(names) == 2, names
    # A word naming a target group also loads the tags of that group, in the same round.
    [names] = loaded["ouderen"]
    assert [n for n in names if n.startswith("g")] == ["g0"] and title_shard(REPO, "ouderen") in names, names
    # Stop words only: the titles alone.
    assert loaded["kan"] == [[title_shard(REPO, "kan")]]
