"""`build`: fixture catalogues built into tmp_path; pages, links both ways, ranking, safety, determinism."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from conftest import make_catalog, run_cli


def build(capsys, root: Path, site: Path) -> tuple[int, list[str]]:
    code, lines, _ = run_cli(capsys, "--root", root, "build", "--site-dir", site)
    return code, lines


def build_changed(capsys, tmp_path: Path, record: str, old: str, new: str) -> Path:
    """The fixture catalogue with one replacement in one record, built; returns the site."""
    root = make_catalog(tmp_path)
    path = root / record
    path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    assert build(capsys, root, tmp_path / "site")[0] == 0
    return tmp_path / "site"


def page(site: Path, path: str) -> str:
    return (site / path).read_text("utf-8")


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def built(bundled) -> Path:
    """The valid fixture catalogue, built once per run for the read-only tests below (by `site`,
    whose site equals `build`'s byte for byte: test_offline.py)."""
    return bundled / "site"


def test_every_record_and_overview_has_its_page(built):
    for path in [
        "index.html", "interventies/index.html", "werkzame-elementen/index.html",
        "interventies/kan-wel/index.html", "interventies/buurtfeest/index.html", "interventies/wijkgesprek/index.html",
        "werkzame-elementen/buurtcoach/index.html", "werkzame-elementen/kleine-stappen/index.html",
        "werkzame-elementen/ontmoeten/index.html",
        "doelgroepen/index.html", "doelgroepen/jongeren/index.html", "themas/sociale-cohesie/index.html",
        "erkenning/goed-beschreven/index.html", "soorten/praktijkvoorbeeld/index.html",
    ]:
        assert (built / path).is_file(), path


def test_dutch_and_ascii_urls(built):
    html = page(built, "interventies/kan-wel/index.html")
    assert '<html lang="nl"' in html
    assert "<h1 id=\"kan-wel\">Kan wél!" in html


def test_intervention_links_to_its_elements_and_back(built):
    html = page(built, "interventies/kan-wel/index.html")
    assert 'href="../../werkzame-elementen/buurtcoach/"' in html
    assert 'href="../../werkzame-elementen/kleine-stappen/"' in html
    element = page(built, "werkzame-elementen/buurtcoach/index.html")
    users = re.findall(r'href="../../interventies/([a-z-]+)/"', element.split('id="interventies-met-dit-element"')[1])
    assert users[:2] == ["kan-wel", "wijkgesprek"]
    assert "2 interventies gebruiken dit werkzame element" in element


def test_intervention_page_shows_every_field(built):
    html = page(built, "interventies/kan-wel/index.html")
    for text in [
        "Bewoners zetten met een buurtcoach een eigen idee om in actie.", "15 maanden", "2006", "Testorganisatie",
        'href="mailto:info@voorbeeld.nl"', "Een variant voor jongeren", "29 februari 2020",
        "Testbron, Testuitgever (1 mei 2011)", 'href="../../doelgroepen/jongeren/"', 'href="../../themas/leefbaarheid/"',
        'href="../../soorten/interventie/"', "Niet beoordeeld",
    ]:
        assert text in html, text


def test_expired_assessment_is_marked_in_the_page(built):
    html = page(built, "interventies/buurtfeest/index.html")
    assert "beoordeeld door Testcommissie (juni 2019)" in html
    assert "beoordeeld door Testcommissie (juni 2019); geldig tot 1 juni 2024, " in html
    assert '<span class="ci-expired" data-valid-until="2024-06-01" hidden>verlopen</span>' in html
    assert "Korte beschrijving" in html  # detail: brief


def test_related_interventions_ranked_with_reasons(built):
    html = page(built, "interventies/kan-wel/index.html")
    related = html.split('id="verwante-interventies"')[1].split("</ul>")[0]
    items = re.findall(r'<li><a href="../([a-z-]+)/">[^<]+</a>: ([^<]+)</li>', related)
    assert items == [
        ("buurtfeest", "genoemd als verwant; ook voor: Bewoners; deelt 1 werkzaam element: Kleine stappen"),
        ("wijkgesprek", "deelt 1 werkzaam element: Buurtcoach"),
    ]


def test_related_named_on_both_sides_and_sorted_by_shared_elements(tmp_path, capsys):
    root = make_catalog(tmp_path)
    (root / "interventions" / "wijkgesprek.md").write_text(
        (root / "interventions" / "wijkgesprek.md").read_text("utf-8").replace("elements: [buurtcoach]", "elements: [buurtcoach, kleine-stappen]"),
        "utf-8",
    )
    from catalog.records.schema import apply_defaults
    from catalog.graph.link import build_graph
    from catalog.records.load import load_catalog

    catalog = load_catalog(root)
    apply_defaults(catalog)
    graph = build_graph(catalog)
    assert [(r.slug, r.named, r.shared) for r in graph.related["kan-wel"]] == [
        ("buurtfeest", True, ("kleine-stappen",)),
        ("wijkgesprek", False, ("buurtcoach", "kleine-stappen")),
    ]
    assert [(r.slug, r.named) for r in graph.related["buurtfeest"]] == [("kan-wel", True), ("wijkgesprek", False)]
    assert graph.companions["buurtcoach"] == [("kleine-stappen", 2)]


def test_contributor_text_is_escaped_and_cleaned(tmp_path, capsys):
    root = make_catalog(tmp_path)
    path = root / "interventions" / "buurtfeest.md"
    path.write_text(path.read_text("utf-8").replace("summary: Bewoners organiseren samen een feest.", """summary: 'Feest *met* < 5 & [link](https://x.nl) " onfocus="alert(1)'"""), "utf-8")
    assert build(capsys, root, tmp_path / "site")[0] == 0
    html = page(tmp_path / "site", "interventies/buurtfeest/index.html")
    shown = "Feest *met* &lt; 5 &amp; [link](https://x.nl) &quot; onfocus=&quot;alert(1)"
    assert f'<p class="ci-lead">{shown}</p>' in html
    assert f'<meta name="description" content="{shown}">' in html
    assert 'onfocus="' not in html
    assert "Een <a href=\"https://www.voorbeeld.nl\" rel=\"noopener noreferrer\">link</a> en <em>nette</em> HTML." in html


def test_body_html_is_cleaned_even_if_check_were_bypassed():
    from catalog.outputs.text import clean_html

    # GitHub's tag filter shows a script tag as text; nh3 drops the event handler and the javascript: link.
    assert clean_html('<img src="x.png" onerror="alert(1)"><script>alert(2)</script>[a](javascript:alert(3))') == (
        '<p><img src="x.png">&lt;script&gt;alert(2)&lt;/script&gt;<a rel="noopener noreferrer">a</a></p>\n'
    )


def test_bodies_are_github_flavoured_markdown():
    """What a contributor sees in the pull request's preview: 2-space nested lists, tables, bare links."""
    from catalog.outputs.text import clean_html

    assert clean_html("Zie www.example.nl\n\n- a\n  - b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n") == (
        '<p>Zie <a href="http://www.example.nl" rel="noopener noreferrer">www.example.nl</a></p>\n'
        "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n"
        "<table>\n<thead>\n<tr>\n<th>x</th>\n<th>y</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"
    )


def test_build_reports_each_phase_with_counts_and_time(tmp_path, capsys):
    root = make_catalog(tmp_path)
    code, _, err = run_cli(capsys, "--root", root, "build", "--site-dir", tmp_path / "site")
    assert code == 0
    lines = err.splitlines()
    assert all(re.fullmatch(r"\[ *\d+\.\d\ds\] .+", line) for line in lines), lines
    assert [line.split("] ", 1)[1] for line in lines] == [
        "geladen: 3 interventies, 3 werkzame elementen",
        "gecontroleerd: geen fouten",
        "pagina's geschreven: 37",
        "mkdocs klaar: 37 pagina's",
        "zoekindex gemaakt: 3 interventies",
        f"site gebouwd in {(tmp_path / 'site').resolve()}",
    ]


def test_two_builds_are_byte_identical(tmp_path, capsys):
    root = make_catalog(tmp_path)
    assert build(capsys, root, tmp_path / "a")[0] == 0
    assert build(capsys, root, tmp_path / "b")[0] == 0
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def test_failed_build_leaves_previous_site_untouched(bundled, tmp_path, capsys):
    root = make_catalog(tmp_path)
    site = previous(bundled, tmp_path)["site"]
    before = digest(site)
    (root / "interventions" / "kan-wel.md").write_text("---\ntitle: Kan wél!\n---\n", "utf-8")
    code, lines = build(capsys, root, site)
    assert code == 1
    assert lines[-2:] == ["6 fouten in 1 bestand (van 7 gecontroleerd).", "De site is niet gebouwd; de vorige versie blijft staan."]
    assert digest(site) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def site(capsys, root: Path, tmp_path: Path) -> tuple[int, list[str], str]:
    """build_catalog.py site into tmp_path/site and tmp_path/offline.zip: (exit code, stdout lines, stderr)."""
    return run_cli(capsys, "--root", root, "site", "--site-dir", tmp_path / "site", "--output", tmp_path / "offline.zip")


def previous(bundled: Path, tmp_path: Path) -> dict[str, Path]:
    """The previous version beside a build in tmp_path: a copy of the run's shared build of the
    same fixture records (`bundled`), its site in tmp_path/site and its zip in tmp_path/offline.zip;
    a build of their own would give the same bytes (test_offline)."""
    import shutil

    shutil.copytree(bundled / "site", tmp_path / "site")
    shutil.copyfile(bundled / "offline.zip", tmp_path / "offline.zip")
    return {"site": tmp_path / "site", "zip": tmp_path / "offline.zip"}


def outputs(tmp_path: Path) -> tuple[dict[str, str], bytes, list[str]]:
    """The site, the zip, and anything else left beside them (a half-made site or zip)."""
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    return digest(tmp_path / "site"), (tmp_path / "offline.zip").read_bytes(), leftovers


def test_site_reports_each_phase_and_makes_both(tmp_path, capsys):
    root = make_catalog(tmp_path)
    code, lines, err = site(capsys, root, tmp_path)
    assert (code, lines) == (0, [])
    steps = [line.split("] ", 1)[1] for line in err.splitlines()]
    assert steps == [
        "geladen: 3 interventies, 3 werkzame elementen",
        "gecontroleerd: geen fouten",
        "pagina's geschreven: 37",
        "mkdocs klaar: 37 pagina's",
        "zoekindex gemaakt: 3 interventies",
        f"offline versie gemaakt ({(tmp_path / 'offline.zip').stat().st_size / 1e6:.1f} MB)",
        f"offline versie: {(tmp_path / 'offline.zip').resolve()}",
        f"site gebouwd in {(tmp_path / 'site').resolve()}",
    ]
    assert (tmp_path / "site" / "downloads" / "catalogus-offline.zip").read_bytes() == (tmp_path / "offline.zip").read_bytes()
    assert outputs(tmp_path)[2] == []


def test_failed_site_leaves_previous_site_and_zip_untouched(bundled, tmp_path, capsys):
    root = make_catalog(tmp_path)
    previous(bundled, tmp_path)
    before = outputs(tmp_path)
    (root / "interventions" / "kan-wel.md").write_text("---\ntitle: Kan wél!\n---\n", "utf-8")
    code, lines, _ = site(capsys, root, tmp_path)
    assert code == 1
    assert lines[-2:] == ["6 fouten in 1 bestand (van 7 gecontroleerd).", "De site en de offline versie zijn niet gebouwd; de vorige versies blijven staan."]
    assert outputs(tmp_path) == before


def test_site_keeps_both_when_mkdocs_refuses_the_site(bundled, tmp_path, monkeypatch, capsys):
    """A broken link in a page of the online site: mkdocs --strict refuses it; the offline zip,
    made meanwhile, does not replace the previous one either."""
    from catalog.site import build as build_module

    root = make_catalog(tmp_path)
    previous(bundled, tmp_path)
    before = outputs(tmp_path)
    (root / "interventions" / "kan-wel.md").write_text(
        (root / "interventions" / "kan-wel.md").read_text("utf-8").replace("een eigen idee", "een ander idee"), "utf-8")
    write_docs = build_module.write_docs

    def break_a_link(docs, pages):
        write_docs(docs, pages)
        (docs / "index.md").write_text("# Home\n\n[weg](bestaat-niet.md)\n", "utf-8")

    monkeypatch.setattr(build_module, "write_docs", break_a_link)
    code, lines, _ = site(capsys, root, tmp_path)
    assert code == 1
    assert lines == ["De site en de offline versie zijn niet gebouwd: mkdocs meldt: Aborted with 1 warnings in strict mode!. De vorige versies blijven staan."]
    assert outputs(tmp_path) == before


@pytest.mark.parametrize("offline, message", [
    ("fails", "mkdocs meldt: Aborted with 1 warnings in strict mode!"),
    ("other records", "de records veranderden tijdens de bouw; bouw opnieuw"),
])
def test_site_keeps_both_when_the_offline_zip_fails(bundled, tmp_path, capsys, offline, message):
    """The second process's offline zip fails, or was made from records saved during the build."""
    from catalog.site import worker
    from catalog.site.build import build
    from catalog.site.mkdocs_run import BuildError

    class Result:
        def ready(self):
            return True

        def get(self):
            if offline == "fails":
                raise BuildError(message)
            return "0" * 64

    root = make_catalog(tmp_path)
    previous(bundled, tmp_path)
    before = outputs(tmp_path)
    with worker.started(root) as helper:
        helper.offline = lambda *job: Result()
        assert build(root, tmp_path / "site", helper=helper, zip_path=tmp_path / "offline.zip") == 1
    assert capsys.readouterr().out.splitlines() == [f"De site en de offline versie zijn niet gebouwd: {message}. De vorige versies blijven staan."]
    assert outputs(tmp_path) == before


def rebuild_with_broken_docs(bundled, tmp_path, monkeypatch, capsys, spoil) -> tuple[int, list[str], bool]:
    """Over the previous site (`previous`), a build with `spoil(docs, pages, write_docs)` in place
    of writing the pages: (exit code, output lines, whether the previous site is still there byte
    for byte)."""
    from catalog.site import build as build_module

    root = make_catalog(tmp_path)
    site = previous(bundled, tmp_path)["site"]
    before = digest(site)
    write_docs = build_module.write_docs
    monkeypatch.setattr(build_module, "write_docs", lambda docs, pages: spoil(docs, pages, write_docs))
    code, lines = build(capsys, root, site)
    return code, lines, digest(site) == before


def test_build_verifies_every_record_page(bundled, tmp_path, monkeypatch, capsys):
    """A record page that never reaches mkdocs is caught after the build, and the old site stays."""

    def lose_one(docs, pages, write_docs):
        write_docs(docs, [p for p in pages if p.path != "interventies/wijkgesprek.md"])

    code, lines, untouched = rebuild_with_broken_docs(bundled, tmp_path, monkeypatch, capsys, lose_one)
    assert (code, untouched) == (1, True)
    assert lines == ["De site is niet gebouwd: 1 pagina's ontbreken in de gebouwde site: interventies/wijkgesprek.md. De vorige versie blijft staan."]


def test_mkdocs_strict_failure_keeps_old_site(bundled, tmp_path, monkeypatch, capsys):
    """A broken Markdown link in a generated page: mkdocs --strict refuses, the old site stays."""

    def break_a_link(docs, pages, write_docs):
        write_docs(docs, pages)
        (docs / "index.md").write_text("# Home\n\n[weg](bestaat-niet.md)\n", "utf-8")

    code, lines, untouched = rebuild_with_broken_docs(bundled, tmp_path, monkeypatch, capsys, break_a_link)
    assert (code, untouched) == (1, True)
    assert re.fullmatch(r"De site is niet gebouwd: mkdocs meldt: Aborted with 1 warnings in strict mode!\. De vorige versie blijft staan\.", lines[-1])


def test_missing_page_after_mkdocs_is_an_error(tmp_path):
    import datetime

    from catalog.site.mkdocs_run import BuildError, run_mkdocs

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n", "utf-8")
    with pytest.raises(BuildError, match="1 pagina's ontbreken in de gebouwde site: interventies/weg.md"):
        run_mkdocs(
            docs, tmp_path / "site", ["index.md", "interventies/weg.md"], datetime.date(2020, 1, 1),
            nav=["index.md"], extra_css=[], extra_javascript=[],
        )
    assert not (tmp_path / "site").exists()


def test_no_edit_link_without_repository_address(built):
    html = page(built, "interventies/kan-wel/index.html")
    assert "Bewerk deze pagina" not in html and "Meld een fout" not in html


@pytest.mark.parametrize("pool, sizes, terms", [(8, (1, 4), 3), (70, (1, 12), 3), (70, (50, 60), 3), (8, (1, 4), 12)])
def test_related_ranking_matches_brute_force(pool, sizes, terms):
    """The superset indexes (and direct counting for interventions with many elements or terms)
    find exactly what comparing every pair would find: hand-picked first, then those sharing the
    rarest themes and target groups (sum of log(N/n) per shared term, ties by shared elements,
    then title), then those sharing most elements; 60 elements on one record once took 2^60 steps."""
    import math
    import random
    from types import SimpleNamespace

    from catalog.graph.link import MAX_RELATED, build_graph, title_key

    rng = random.Random(7)
    elements = [f"e{i:02d}" for i in range(pool)]
    themes, groups = [f"t{i}" for i in range(9)], [f"g{i}" for i in range(6)]

    def record(slug, data):
        return SimpleNamespace(slug=slug, data=data)

    interventions = {}
    for i in range(60):
        slug = f"i{i:02d}"
        related = [f"i{rng.randrange(60):02d}"] if rng.random() < 0.1 else []
        many = i % 7 == 0 and terms > 3
        interventions[slug] = record(slug, {"title": f"Titel {rng.randrange(1000):03d} {slug}", "elements": rng.sample(elements, rng.randint(*sizes) if i % 3 == 0 else rng.randint(1, 4)),
                                            "themes": rng.sample(themes, rng.randint(0, 9 if many else 2)), "target_groups": rng.sample(groups, rng.randint(0, 6 if many else 1)),
                                            "related": [r for r in related if r != slug], "sources": []})
    catalog = SimpleNamespace(
        interventions=interventions,
        elements={e: record(e, {"title": e.upper(), "sources": []}) for e in elements},
        all_records=lambda: list(interventions.values()),
    )
    graph = build_graph(catalog)
    terms_of = {s: {("t", t) for t in r.data["themes"]} | {("g", g) for g in r.data["target_groups"]} for s, r in interventions.items()}
    df = {}
    for found in terms_of.values():
        for t in found:
            df[t] = df.get(t, 0) + 1
    weight = {t: round(1000 * math.log(60 / n)) for t, n in df.items()}

    for slug, rec in interventions.items():
        named = {o for o in rec.data["related"]} | {s for s, r in interventions.items() if slug in r.data["related"]}
        shared = {o: len(set(rec.data["elements"]) & set(r.data["elements"])) for o, r in interventions.items() if o != slug}
        points = {o: sum(weight[t] for t in terms_of[slug] & terms_of[o]) for o in shared}
        alike = sorted((o for o in shared if points[o] and o not in named), key=lambda o: (-points[o], -shared[o], title_key(interventions[o])))[:MAX_RELATED]
        rest = sorted((o for o in shared if shared[o] and o not in named and o not in alike), key=lambda o: (-shared[o], title_key(interventions[o])))
        expected = sorted(named, key=lambda o: (-points[o], -shared[o], title_key(interventions[o]))) + alike + rest[: MAX_RELATED - len(alike)]
        assert [r.slug for r in graph.related[slug]] == expected, slug


def test_pages_rendered_by_two_processes_equal_pages_rendered_by_one(tmp_path, capsys):
    """The build renders the intervention pages in a second process (worker.py)."""
    import io

    from catalog.site.build import GENERATED, Progress, generate
    from catalog.outputs.search.shards import INDEX_FILE, WORDS_FILE

    root = make_catalog(tmp_path)
    assert build(capsys, root, tmp_path / "site")[0] == 0
    assert generate(root, tmp_path / "one", Progress(io.StringIO())) is not None
    shards = sorted((tmp_path / "one" / "assets").glob("zoek*-*.js"))  # index, title and tag shards
    assert [p.name for p in shards] == ["zoekdeel-0.js", "zoeklabel-0.js", "zoektitel-0.js"]
    for path in [tmp_path / "one" / INDEX_FILE, tmp_path / "one" / WORDS_FILE, *shards]:
        path.unlink()  # one process writes the index files here; the build, into the site
    two = {p.relative_to(root / GENERATED): p.read_bytes() for p in sorted((root / GENERATED).rglob("*")) if p.is_file()}
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in sorted((tmp_path / "one").rglob("*")) if p.is_file()}
    assert len([p for p in two if p.parts[0] == "interventies"]) == 4  # the index and 3 interventions
    assert two == one


def test_no_theme_search_in_the_site(built):
    """One search on the site, the catalogue's: Material's search plugin is off, so the site has
    no search_index.json (5.7 MB at 1,000 records, downloaded on every page) and no search box."""
    assert not (built / "search").exists()
    html = page(built, "interventies/kan-wel/index.html")
    assert 'data-md-component="search"' not in html and "md-search__input" not in html


def test_multi_line_fields_stay_on_one_line_in_every_page(tmp_path, capsys):
    """A summary written as a YAML block with a heading, a rule and a list in it once added a
    second h1, a rule and a list to the elements overview, and a line break cut a card."""
    root = make_catalog(tmp_path)
    hostile = "summary: |\n  Eerste regel.\n\n  # Tweede titel\n\n  ---\n\n  - een lijst\n"
    for path in (root / "elements" / "buurtcoach.md", root / "interventions" / "buurtfeest.md"):
        text = path.read_text("utf-8")
        path.write_text(re.sub(r"^summary: .*\n", hostile, text, count=1, flags=re.M), "utf-8")
    assert build(capsys, root, tmp_path / "site")[0] == 0
    shown = "Eerste regel. # Tweede titel --- - een lijst"
    for path in ("werkzame-elementen/index.html", "werkzame-elementen/buurtcoach/index.html", "interventies/buurtfeest/index.html", "catalogus/index.html", "interventies/kan-wel/index.html"):
        html = page(tmp_path / "site", path)
        article = html.split('<article', 1)[1].split('</article>', 1)[0]
        assert article.count("<h1") == 1, path
        assert "<hr" not in article and "Tweede titel</h" not in article, path
    assert shown in page(tmp_path / "site", "werkzame-elementen/index.html")
    cards = [line for line in page(tmp_path / "site", "catalogus/index.html").splitlines() if 'data-slug="buurtfeest"' in line]
    assert len(cards) == 1 and shown in cards[0]


@pytest.mark.parametrize("body, headings", [
    ("<details>\n\n## Binnen\n\nTekst.\n\n</details>\n\n## Daarna\n\nMeer.\n", ["Binnen", "Daarna"]),
    # <textarea> starts an HTML block that only ends at </textarea> (in GitHub's preview too):
    # check refuses it; the text after it is still shown, as text.
    ("## Doel\n\n<textarea>\n\n## Aanpak\n\nTekst.\n", ["Doel"]),
    ("## Doel\n\n<plaintext>\n\n## Aanpak\n\nTekst.\n", ["Doel", "Aanpak"]),
    ("## Doel\n\n<div><span>open\n\n## Aanpak\n\nTekst.\n", ["Doel", "Aanpak"]),
])
def test_sections_survive_html_that_check_would_refuse(body, headings):
    """Defence in depth: each section is cleaned on its own, so raw HTML cannot swallow or split
    the sections after it even if a record got past check."""
    from catalog.outputs.text import body_sections

    sections = body_sections(body)
    assert [title for level, title, _ in sections if level] == headings
    assert sections[-1][2].endswith(("<p>Meer.</p>", "<p>Tekst.</p>", "## Aanpak\n\nTekst."))
    for _, _, html in sections:
        assert html.count("<details") == html.count("</details>") and html.count("<div") == html.count("</div>")


def test_old_recognition_is_marked_for_re_assessment(tmp_path, capsys):
    """A recognition is re-assessed after five years: the page carries the due date, and the
    browser shows the mark once it has passed (as with valid_until), so the HTML stays the same
    every day. The evidence overview explains the rule with its sources."""
    site = build_changed(
        capsys, tmp_path, "interventions/wijkgesprek.md", "evidence: niet-beoordeeld\n",
        "evidence: goed-beschreven\nassessment:\n  by: Testcommissie\n  date: 2016-02-29\n  url: https://www.voorbeeld.nl/oordeel\n",
    )
    html = page(site, "interventies/wijkgesprek/index.html")
    assert (
        '<span class="ci-expired" data-valid-until="2021-03-01" hidden>'
        '<a href="../../erkenning/#herbeoordeling-na-5-jaar">meer dan 5 jaar oud</a></span>'
    ) in html
    overview = page(site, "erkenning/index.html")
    assert 'id="herbeoordeling-na-5-jaar"' in overview
    assert "https://www.nji.nl/nieuws/dialoog-maakt-de-databank-beter" in overview
    assert "'Dialoog maakt de databank beter', Nederlands Jeugdinstituut" in overview


def test_costs_training_and_preconditions_in_the_facts(tmp_path, capsys):
    """The decision rows, always there: filled in, or "Onbekend" where the sources say nothing (issue 28)."""
    site = build_changed(
        capsys, tmp_path, "interventions/kan-wel.md", "since: 2006\n",
        "since: 2006\ncosts: Ongeveer 150 euro per straat\ntraining: Een handboek voor buurtcoaches\npreconditions: Een vaste plek in de wijk\n",
    )
    html = page(site, "interventies/kan-wel/index.html")
    unknown = '<span class="ci-unknown">Onbekend: de bronnen noemen dit niet</span>'

    def row(name, value=None):  # an unknown row on screen; on paper they are one line (ci-print-only)
        return f"<dt>{name}</dt><dd>{value}</dd>" if value else f'<dt class="ci-fact-unknown">{name}</dt><dd class="ci-fact-unknown">{unknown}</dd>'

    assert (
        row("Kosten", "Ongeveer 150 euro per straat") + row("Duur", "15 maanden") + row("Wie voert uit")
        + row("Training en materiaal", "Een handboek voor buurtcoaches") + row("Randvoorwaarden", "Een vaste plek in de wijk")
    ) in html
    assert '<dt class="ci-print-only">Onbekend</dt><dd class="ci-print-only">De bronnen noemen niet: Wie voert uit.</dd>' in html
    other = page(site, "interventies/wijkgesprek/index.html")
    assert "".join(row(name) for name in (
        "Kosten", "Duur", "Wie voert uit", "Training en materiaal", "Randvoorwaarden", "Contact of meer informatie")) in other
    assert ('<dd class="ci-print-only">De bronnen noemen niet: Kosten, Duur, Wie voert uit, Training en materiaal, '
            "Randvoorwaarden, Contact of meer informatie.</dd>") in other


def test_element_page_links_to_the_catalogue_filtered_on_it(built):
    html = page(built, "werkzame-elementen/buurtcoach/index.html")
    assert '<a href="../../catalogus/#element=buurtcoach">Bekijk ze in de catalogus, met filters en zoeken</a>' in html


def test_cards_show_target_groups_and_themes(built):
    cards = [line for line in page(built, "catalogus/index.html").splitlines() if 'data-slug="kan-wel"' in line]
    assert len(cards) == 1
    assert '<p class="ci-terms">Doelgroep: Bewoners, Jongeren · Thema: Leefbaarheid, Sociale cohesie</p>' in cards[0]


def test_no_escaped_markup_in_the_visible_text_of_any_page(built):
    """Text that was escaped twice shows as '&#x27;' or 'Thema&\\#x27;s' to readers."""
    from html.parser import HTMLParser

    class Visible(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.hidden, self.text = 0, []

        def handle_starttag(self, tag, attrs):
            self.hidden += tag in ("script", "style", "template")

        def handle_endtag(self, tag):
            self.hidden -= tag in ("script", "style", "template")

        def handle_data(self, data):
            if not self.hidden:
                self.text.append(data)

    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 30
    found = []
    for path in pages:
        parser = Visible()
        parser.feed(path.read_text("utf-8"))
        text = " ".join(parser.text)
        found += [f"{path.relative_to(built)}: {m}" for m in re.findall(r"&#?\w+;|\\#", text)]
    assert found == []


def test_footer_and_404_are_dutch(built):
    home = page(built, "index.html")
    assert "Over deze catalogus</a>" in home and "Gemaakt met" not in home and "Made with" not in home
    missing = page(built, "404.html")
    assert "<h1>Pagina niet gevonden</h1>" in missing and "Not found" not in missing
