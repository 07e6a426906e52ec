"""Stable addresses: a record's file name is its address, whatever its title; a renamed record
keeps its old address through `aliases`, online and in the offline bundle. With a repository
address set, every record page links to editing it and to reporting a mistake."""

from __future__ import annotations

import re
import zipfile
from urllib.parse import parse_qs, urlsplit

from conftest import build_fixture_site, make_catalog, run_cli, serve_folder


def rename(root):
    """Kan wél! moves to kan-wel-methode.md, with its old name as an alias; its title gets a fix."""
    old = root / "interventions" / "kan-wel.md"
    text = old.read_text("utf-8").replace("title: Kan wél!", "title: Kan wél! (methode)\naliases: [kan-wel]")
    (root / "interventions" / "kan-wel-methode.md").write_text(text, "utf-8")
    old.unlink()


def test_title_can_change_without_renaming_the_file(valid_catalog, capsys):
    path = valid_catalog / "interventions" / "wijkgesprek.md"
    path.write_text(path.read_text("utf-8").replace("title: Wijkgesprek", "title: Het wijkgesprek"), "utf-8")
    assert run_cli(capsys, "--root", valid_catalog, "check")[:2] == (0, ["Geen fouten in 7 bestanden."])


def test_old_address_leads_to_the_renamed_record_online_and_offline(page, tmp_path):
    tmp = build_fixture_site(tmp_path, bundle=True, before=rename)
    url, stop = serve_folder(tmp / "site")
    try:
        page.goto(url + "interventies/kan-wel/")
        page.wait_for_url(url + "interventies/kan-wel-methode/")
        assert page.locator("h1").inner_text().rstrip("¶") == "Kan wél! (methode)"
    finally:
        stop()
    offline = tmp / "unpacked" / "catalogus-offline"
    page.goto((offline / "interventies" / "kan-wel.html").as_uri())
    page.wait_for_url((offline / "interventies" / "kan-wel-methode.html").as_uri())
    assert page.locator("h1").inner_text().rstrip("¶") == "Kan wél! (methode)"
    with zipfile.ZipFile(tmp / "offline.zip") as archive:
        assert "catalogus-offline/interventies/kan-wel.html" in archive.namelist()


def test_edit_and_report_links_on_every_record_page(tmp_path, monkeypatch, capsys):
    from catalog.site import settings

    config = {**settings.site_config(), "repo_url": "https://github.com/voorbeeld/catalogus", "site_url": "https://voorbeeld.github.io/catalogus/"}
    monkeypatch.setattr(settings, "site_config", lambda: config)
    root = make_catalog(tmp_path)
    assert run_cli(capsys, "--root", root, "build", "--site-dir", tmp_path / "site")[0] == 0
    records = [("interventions", "interventies", p.stem) for p in (root / "interventions").glob("*.md")]
    records += [("elements", "werkzame-elementen", p.stem) for p in (root / "elements").glob("*.md")]
    assert len(records) == 6
    for folder, section, slug in records:
        html = (tmp_path / "site" / section / slug / "index.html").read_text("utf-8")
        edit = re.search(r'<a href="([^"]+)">Bewerk deze pagina</a>', html).group(1)
        report = re.search(r'<a href="([^"]+)">Meld een fout</a>', html).group(1).replace("&amp;", "&")
        assert edit == f"https://github.com/voorbeeld/catalogus/edit/main/{folder}/{slug}.md"
        parts = urlsplit(report)
        assert (parts.netloc, parts.path) == ("github.com", "/voorbeeld/catalogus/issues/new")
        query = {key: value[0] for key, value in parse_qs(parts.query).items()}
        assert query["template"] == "fout-melden.yml"
        assert query["bestand"] == f"{folder}/{slug}.md"
        assert query["pagina"] == f"https://voorbeeld.github.io/catalogus/{section}/{slug}/"
        assert query["title"].startswith("Fout in: ")


def test_report_link_fills_fields_the_issue_form_has():
    """The query keys of 'Meld een fout' are ids of fields in the issue form it opens."""
    import yaml

    from catalog.outputs.pages.render import REPORT_FORM
    from conftest import REPO

    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / REPORT_FORM).read_text("utf-8"))
    ids = {item.get("id") for item in form["body"]}
    assert {"pagina", "bestand"} <= ids
