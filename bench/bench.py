#!/usr/bin/env python3
"""Speed and size figures on generated catalogues, each against a baseline measured in the same run.

For N generated interventions (realistic Dutch text, 1-4 werkzame elementen each) it measures:
`check` (against the YAML floor: reading the files and parsing their front matter), the full
build, peak memory (both build processes together), site size, the catalogue page's data +
index (raw and gzipped), the search-index build time, and, in headless Chromium, the
catalogue's time to first results and the update time for a facet toggle and for a query. It
ends with a pass/miss line per budget.

Two baselines, both a plain mkdocs-material build (theme language nl, search `lang: nl`, the
site's short nav, nothing else), measured in the same run:
- "mkdocs s": the same pages, the Markdown files our build hands to mkdocs. The budgets use this
  ratio: it is what our pipeline (load, check, link, render, search index, swap) adds to what
  mkdocs-material itself costs for this site.
- "kaal s": the bare record files as pages (no facts, element summaries, related interventions or
  sources), built once. Its ratio shows what the richer pages cost on top; no budget applies.
Builds and baselines take turns (5 up to 1,000 interventions, 3 above; --runs), in alternating
order, and the table shows the best time of each, because timings on a shared machine vary by
20-30% from one run to the next. The machine also has slow and fast spells of a few seconds to
minutes, so a best build and a best baseline may come from different spells: the budgets use the
median of the per-turn ratios (a build against the baseline measured next to it), and the table
shows both. "eigen s" is what the fastest build spent outside its mkdocs run (load, check,
render, write, swap, and starting Python), from its own progress lines.

"voorbeeld": `make serve` end to end, from saving a record's new summary to the first response
of its page that shows it (median of 3 edits); budget under 2 s at 1,000 interventions.

`make site` (build_catalog.py site: the site and, in its second process, the offline zip with
its own mkdocs run) takes turns with the same baseline in the same way: "site per beurt" is the
median of its per-turn ratios, with a budget of 2x (issue 14).

The timings are builds.py (check, builds, baselines, preview, index) and browser.py (Chromium);
report.py prints the table and the budgets; this file runs them per size.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from browser import browser_figures, fulltext_figures, matrix_figures  # noqa: E402
from builds import best, build_figures, folder_size, index_seconds, preview_seconds, run_measured, site_figures, yaml_floor  # noqa: E402
from generate import REPO, generate  # noqa: E402
from report import print_budgets, print_search_budgets, print_table  # noqa: E402


SMOKE_HOSTILE = 12  # the 10 records with 60 elements and the one with the tags body, and one more


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=None, help="beurten per grootte (standaard 5 tot en met 1.000, daarboven 3; check: minstens 3)")
    parser.add_argument("--no-browser", action="store_true", help="sla de metingen in Chromium over")
    parser.add_argument("--smoke", action="store_true", help=(
        "alleen kijken of elke regel gemaakt wordt (voor de tests): 20 interventies, 1 beurt, de vijandige invoer bij "
        f"{SMOKE_HOSTILE} en de offline zip van tests/fixtures/valid, en aan het eind wat --only search drukt, uit dezelfde "
        "meting; de cijfers zeggen dan niets"))
    parser.add_argument("--only", choices=["search"], help=(
        "search: alleen zoeken op de telefoon (issues 27 en 29), per grootte één bouw van de site en dan Chromium; "
        "snel: --sizes 1000 5000 20000 --only search"))
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.runs = [20], 1
    if args.only == "search":
        return search_only(args.sizes)
    least = 1 if args.smoke else 3  # check and the YAML floor: the best of at least 3 turns

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            root = generate(Path(tmp) / f"n{size}", size)
            row = {"n": size}
            turns = args.runs or (5 if size <= 1000 else 3)
            row["check_s"] = best(max(turns, least), str(REPO / "build_catalog.py"), "--root", str(root), "check")
            row["floor_s"] = min(yaml_floor(root) for _ in range(least))
            site = root / "site"
            row.update(build_figures(root, Path(tmp) / f"base{size}", turns, smoke=args.smoke))
            print(f"{size}: gebouwd in {row['build_s']:.0f} s", file=sys.stderr, flush=True)
            smoke_base = {"seconds": row["base_s"]} if args.smoke else None  # the build's one baseline run
            row.update(site_figures(root, Path(tmp) / f"base{size}" / "base" / "mkdocs.yml", turns, smoke_base))
            row["site_mb"] = folder_size(site) / 1e6
            row.update(preview_seconds(root, edits=1, settle=0.5) if args.smoke else preview_seconds(root))
            index = [site / "assets" / "catalogus-index.js", *sorted((site / "assets").glob("zoekdeel-*.js"))]  # its shards: issue 29
            data = b"".join(p.read_bytes() for p in [site / "assets" / "catalogus-data.js", *index])
            row["data_mb"] = len(data) / 1e6
            row["data_gz_mb"] = len(gzip.compress(data, 9)) / 1e6
            cards = b"".join(p.read_bytes() for p in sorted((site / "assets").glob("catalogus-kaarten-*.js")))
            row["cards_gz_mb"] = len(gzip.compress(cards, 9)) / 1e6
            row["page_kb"] = len(gzip.compress((site / "catalogus" / "index.html").read_bytes(), 9)) / 1e3
            row["index_s"] = index_seconds(root)
            if not args.no_browser:
                row.update(browser_figures(site))
                row.update(browser_figures(site, phone=True))
                row.update(fulltext_figures(site))
                row.update(matrix_figures(site))
            rows.append(row)
            shutil.rmtree(root, ignore_errors=True)

    print_table(rows, browser=not args.no_browser)
    print_budgets(rows, browser=not args.no_browser)
    print_bundle(REPO / "tests" / "fixtures" / "valid" if args.smoke else REPO)
    print_hostile(SMOKE_HOSTILE if args.smoke else 1000, least)
    if args.smoke and not args.no_browser:  # what --only search prints, from the same rows: no second build and Chromium run
        print_search(rows)
    return 0


def search_only(sizes: list[int]) -> int:
    """--only search: per size one plain build of the site (`build_catalog.py build`, the same
    site `make site` makes, without the offline zip and without the baselines), then the phone
    profile in Chromium: first results, the query update, and full-text search (issue 29)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            root = generate(Path(tmp) / f"n{size}", size)
            built = run_measured(str(REPO / "build_catalog.py"), "--root", str(root), "build")["seconds"]
            row = {"n": size}
            row.update(browser_figures(root / "site", phone=True))
            row.update(fulltext_figures(root / "site"))
            rows.append(row)
            print(f"{size}: gebouwd in {built:.0f} s", file=sys.stderr, flush=True)
            shutil.rmtree(root, ignore_errors=True)
    print_search(rows)
    return 0


def print_search(rows: list[dict]) -> None:
    """The table and budget lines of --only search; --smoke prints them too, after its own lines."""
    print("N | tel. eerste s | tel. kB vooraf | tel. zoek ms | tel. alle tekst s | zoekbestanden kB | na eerste kB")
    for r in rows:
        print(f"{r['n']} | {r['phone_first_s']:.2f} | {r['phone_kb']:.0f} | {r['phone_query_ms']:.1f} | {r['phone_fulltext_s']:.2f} | "
              f"{r['phone_query_kb']:.0f} | {r['phone_after_kb']:.0f}")
    print_search_budgets(rows)


def print_hostile(size: int = 1000, turns: int = 3) -> None:
    """Hostile but valid input at 1,000 interventions: 10 records with 60 werkzame elementen each
    (the related ranking once took 2^n steps) and one body of 192 kB of unfinished tags (the old
    no-script patterns took 75 s). Budgets: the link phase at most 2x that of the plain
    catalogue and under 1 s; check with the tags body under 2 s."""
    from catalog.graph.link import build_graph
    from catalog.records.load import load_catalog
    from catalog.records.schema import apply_defaults
    from catalog.checks.validate import validate

    def link_seconds(root: Path) -> float:
        catalog = load_catalog(root)
        assert not validate(catalog), "de gegenereerde catalogus heeft fouten"
        apply_defaults(catalog)
        start = time.perf_counter()
        build_graph(catalog)
        return time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "vijandig", size)
        plain = min(link_seconds(root) for _ in range(turns))
        names = [f"extra-element-{i:02d}" for i in range(40)] + sorted(p.stem for p in (root / "elements").glob("*.md"))
        for name in names[:40]:
            (root / "elements" / f"{name}.md").write_text(f"---\ntitle: Extra element {name[-2:]}\nsummary: Een element.\nsources: [{{title: Bron, url: https://www.voorbeeld.nl/bron}}]\n---\n", "utf-8")
        for path in sorted((root / "interventions").glob("*.md"))[:10]:
            text = path.read_text("utf-8")
            path.write_text(re.sub(r"^elements: \[.*\]$", "elements: [" + ", ".join(names[:60]) + "]", text, count=1, flags=re.M), "utf-8")
        hostile = min(link_seconds(root) for _ in range(turns))
        tags = sorted((root / "interventions").glob("*.md"))[10]
        tags.write_text(tags.read_text("utf-8") + "\n" + "x <a " * 38_400 + "\n", "utf-8")
        check = best(turns, str(REPO / "build_catalog.py"), "--root", str(root), "check")
    ok = hostile <= max(2 * plain, 0.05) and hostile < 1
    print(f"verwanten {size} met 10 records van 60 elementen <= 2x gewoon en < 1 s: {'gehaald' if ok else 'GEMIST'} ({plain:.3f} s -> {hostile:.3f} s)")
    print(f"check {size} met 192 kB onafgemaakte tags < 2 s: {'gehaald' if check < 2 else 'GEMIST'} ({check:.2f} s)")


def print_bundle(root: Path = REPO) -> None:
    """The offline zip of the live catalogue (budget: under 5 MB)."""
    with tempfile.TemporaryDirectory() as tmp:
        if root != REPO:  # bundle writes its work folder into the catalogue
            root = shutil.copytree(root, Path(tmp) / "catalogus")
        zip_path = Path(tmp) / "catalogus-offline.zip"
        seconds = run_measured(str(REPO / "build_catalog.py"), "--root", str(root), "bundle", "--output", str(zip_path), "--site-dir", str(Path(tmp) / "geen-site"))["seconds"]
        size = zip_path.stat().st_size / 1e6
    ok = "gehaald" if size < 5 else "GEMIST"
    print(f"offline zip van de catalogus < 5 MB: {ok} ({size:.2f} MB, gemaakt in {seconds:.1f} s)")


if __name__ == "__main__":
    sys.exit(main())
