"""How precise the catalogue search is (issue 27): every query of tests/relevance_catalogue.yml on
the real catalogue, and every case of tests/search_relevance.yml on the search fixture, typed into
the catalogue in Chromium, all queries of a catalogue in one page. Reports precision@5 and
recall@10 per kind of query, next to two baselines scored in the same run: every record (the
page without words, in title order) and titles only (every word starts a word of the title, as
the page searches before its index is there). The engine must beat both by a wide margin.

precision@5: relevant records among the first 5, out of min(5, number relevant), so a query with
2 relevant records can score 1. recall@10: relevant records among the first 10, out of
min(10, number relevant).

Score a built site (for instance one built by an older version), without asserting:
    .venv/bin/python tests/test_relevance_precision.py SITE_FOLDER [fixture]
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import REPO, serve_folder  # noqa: E402
from test_search_relevance import search_site  # noqa: E402,F401 (a fixture, used by `sites`)

HERE = Path(__file__).parent
LIVE_CASES = yaml.safe_load((HERE / "relevance_catalogue.yml").read_text("utf-8"))
FIXTURE_CASES = yaml.safe_load((HERE / "search_relevance.yml").read_text("utf-8"))
TAXONOMY = yaml.safe_load((REPO / "taxonomy.yml").read_text("utf-8"))
MARGIN = 0.4  # the engine's mean beats each baseline's by at least this much, for both measures (0.93/0.94 against 0.09/0.11 and 0.13/0.13 on the catalogue)

# Types every query into the page's search field, one after the other, and reads the result
# cards in order; the baselines come from the page's own data (CATALOG) and word folding.
RUN_ALL = """async queries => {
  const field = document.getElementById("ci-q");
  const items = CATALOG.items, order = items.map((item, i) => i);  // items are in title order
  const titles = items.map(item => " " + CI.fold(item.title));
  const out = [];
  for (const q of queries) {
    field.value = q;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    // every word searched (shards, word lists, cards): the status alone could be read between a
    // word list's arrival and the page's update
    while (document.documentElement.hasAttribute("data-search-loading") ||
           !document.documentElement.hasAttribute("data-search-done")) {
      await new Promise(done => setTimeout(done, 20));
    }
    const engine = Array.from(document.querySelectorAll("#ci-live > .ci-result"), c => c.dataset.slug).slice(0, 10);
    const words = CI.fold(q).split(" ").filter(w => w.length >= 3 && !CI.isStopWord(w));
    const titled = order.filter(i => words.length && words.every(w => titles[i].includes(" " + w)));
    out.push({ query: q, engine, titles: titled.slice(0, 10).map(i => items[i].slug) });
  }
  field.value = "";
  field.dispatchEvent(new Event("input", { bubbles: true }));
  return { results: out, every: order.slice(0, 10).map(i => items[i].slug),
           tags: items.map(item => [item.slug, item.themes, item.target_groups]) };
}"""


def relevant_live(case: dict, tags: list) -> set[str]:
    """The records that answer a case of relevance_catalogue.yml, from the tags on the page."""
    themes, groups = case.get("themes"), case.get("target_groups")
    if case.get("question"):
        question = TAXONOMY["questions"][case["question"]]
        themes, groups = question.get("themes"), question.get("target_groups")
    found = set(case.get("records", []))
    if themes or groups:
        found |= {slug for slug, t, g in tags if (not themes or set(t) & set(themes)) and (not groups or set(g) & set(groups))}
    return found


def precision_at_5(results: list[str], relevant: set[str]) -> float:
    return len(set(results[:5]) & relevant) / min(5, len(relevant))


def recall_at_10(results: list[str], relevant: set[str]) -> float:
    return len(set(results[:10]) & relevant) / min(10, len(relevant))


def run_set(page, url: str, cases: list[dict], live: bool) -> dict:
    """Scores per kind for the engine and both baselines: {system: {kind: [p5 list, r10 list]}}."""
    page.goto(url)
    page.wait_for_selector("html[data-catalog-ready]")
    shown = page.evaluate(RUN_ALL, [case["query"] for case in cases])
    scores: dict[str, dict[str, list[list[float]]]] = {"engine": {}, "every": {}, "titles": {}}
    rows = []
    for case, result in zip(cases, shown["results"]):
        relevant = relevant_live(case, shown["tags"]) if live else set(case["expect"])
        assert relevant, f"{case['query']!r}: no record is relevant"
        for system, results in (("engine", result["engine"]), ("every", shown["every"]), ("titles", result["titles"])):
            p5, r10 = precision_at_5(results, relevant), recall_at_10(results, relevant)
            per_kind = scores[system].setdefault(case["kind"], [[], []])
            per_kind[0].append(p5)
            per_kind[1].append(r10)
        rows.append((case["kind"], case["query"], scores["engine"][case["kind"]][0][-1], scores["engine"][case["kind"]][1][-1], result["engine"][:5]))
    return {"scores": scores, "rows": rows}


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def totals(scores: dict) -> tuple[float, float]:
    return mean([v for p5, _ in scores.values() for v in p5]), mean([v for _, r10 in scores.values() for v in r10])


def report(name: str, run: dict, rows: bool = False) -> str:
    lines = [f"== {name}: precision@5 / recall@10 per kind (engine | every record | titles only)"]
    for kind in run["scores"]["engine"]:
        cells = [f"{mean(run['scores'][s][kind][0]):.2f} / {mean(run['scores'][s][kind][1]):.2f}" for s in ("engine", "every", "titles")]
        lines.append(f"{kind:<13} n={len(run['scores']['engine'][kind][0]):<3} " + " | ".join(cells))
    cells = ["{:.2f} / {:.2f}".format(*totals(run["scores"][s])) for s in ("engine", "every", "titles")]
    lines.append(f"{'all':<13} n={sum(len(v[0]) for v in run['scores']['engine'].values()):<3} " + " | ".join(cells))
    if rows:
        lines += [f"  {p5:.2f} {r10:.2f} {kind:<12} {query:<45} {top}" for kind, query, p5, r10, top in run["rows"]]
    return "\n".join(lines)


def assert_beats_baselines(run: dict) -> None:
    engine = totals(run["scores"]["engine"])
    for baseline in ("every", "titles"):
        other = totals(run["scores"][baseline])
        assert engine[0] >= other[0] + MARGIN and engine[1] >= other[1] + MARGIN, (baseline, engine, other)


@pytest.fixture(scope="module")
def sites(live_site, live_url, search_site):
    """The real catalogue served (live_url) and as the offline zip (unpacked), and the search
    fixture served: the run's shared builds (conftest, test_search_relevance)."""
    return {"live": live_url + "catalogus/", "fixture": search_site["online"],
            "offline": (live_site / "unpacked" / "catalogus-offline" / "catalogus" / "index.html").as_uri()}


def test_the_set_has_100_queries_of_every_kind():
    kinds = {}
    for case in LIVE_CASES:
        kinds[case["kind"]] = kinds.get(case["kind"], 0) + 1
        assert set(case) <= {"query", "kind", "question", "themes", "target_groups", "records"}, case
    assert len(LIVE_CASES) >= 100
    assert set(kinds) == {"question", "ux", "sentence", "typo", "form", "compound", "synonym", "abbreviation", "name"}
    assert min(kinds.values()) >= 7
    records = {p.stem for p in (REPO / "interventions").glob("*.md")}
    assert {slug for case in LIVE_CASES for slug in case.get("records", [])} <= records
    assert {case["question"] for case in LIVE_CASES if "question" in case} == set(TAXONOMY["questions"])


def test_the_engine_beats_both_baselines_on_the_real_catalogue_and_the_fixture(page, sites, capsys):
    live = run_set(page, sites["live"], LIVE_CASES, live=True)
    fixture = run_set(page, sites["fixture"], FIXTURE_CASES, live=False)
    with capsys.disabled():
        print("\n" + report("catalogus", live) + "\n" + report("zoekfixture", fixture))
    assert_beats_baselines(live)
    assert_beats_baselines(fixture)
    assert page.errors == []


def test_the_same_figures_from_file(browser, sites):
    """The real catalogue from the offline zip over file:// gives the engine the same results."""
    context = browser.new_context(locale="nl-NL")
    try:
        offline = run_set(context.new_page(), sites["offline"], LIVE_CASES, live=True)
        page = context.new_page()
        online = run_set(page, sites["live"], LIVE_CASES, live=True)
        assert [row[4] for row in offline["rows"]] == [row[4] for row in online["rows"]]
    finally:
        context.close()


def score(site: Path, fixture: bool = False) -> None:
    """Print the figures of a built site, per kind and per query."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS

    url, stop = serve_folder(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            run = run_set(browser.new_page(), url + "catalogus/", FIXTURE_CASES if fixture else LIVE_CASES, live=not fixture)
            print(report("zoekfixture" if fixture else "catalogus", run, rows=True))
            browser.close()
    finally:
        stop()


if __name__ == "__main__":
    score(Path(sys.argv[1]), fixture=sys.argv[2:] == ["fixture"])
