"""The offline bundle: unzipped into tmp_path and used over file:// with every network request blocked."""

from __future__ import annotations

import zipfile

import pytest

from conftest import make_catalog, run_cli, settled, visible



def home(bundled) -> str:
    return (bundled / "unpacked" / "catalogus-offline" / "index.html").as_uri()


def test_zip_holds_one_folder_with_index_html(bundled):
    with zipfile.ZipFile(bundled / "offline.zip") as archive:
        names = archive.namelist()
    assert names == sorted(names)
    assert all(n.startswith("catalogus-offline/") for n in names)
    assert "catalogus-offline/index.html" in names
    assert "catalogus-offline/interventies/kan-wel.html" in names  # no directory URLs offline
    # One search, the catalogue's: no index or shim for Material's search plugin.
    assert [n for n in names if "search_index" in n or "iframe-worker" in n] == []


def test_every_page_says_offline_and_its_date(bundled):
    pages = [p for p in (bundled / "unpacked" / "catalogus-offline").rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 30
    for page in pages:
        text = page.read_text("utf-8")
        assert "Offline versie" in text, page
        assert "met beschrijvingen tot en met 29 februari 2020" in text, page  # the newest record date


def test_online_site_offers_the_zip(bundled):
    home_html = (bundled / "site" / "index.html").read_text("utf-8")
    assert 'href="downloads/catalogus-offline.zip" download>Download de offline versie</a>' in home_html
    catalogue = (bundled / "site" / "catalogus" / "index.html").read_text("utf-8")
    assert 'href="../downloads/catalogus-offline.zip"' in catalogue
    assert (bundled / "site" / "downloads" / "catalogus-offline.zip").read_bytes() == (bundled / "offline.zip").read_bytes()


def test_navigation_catalogue_and_site_search_work_offline(offline_page, bundled):
    page = offline_page
    page.goto(home(bundled))
    page.get_by_role("link", name="Catalogus", exact=True).first.click()
    page.wait_for_selector("html[data-catalog-ready]")
    assert page.url.endswith("/catalogus/index.html")
    # facets
    page.get_by_role("checkbox", name="Instrument", exact=True).check()
    assert page.get_by_role("status").inner_text() == "1 interventie"
    page.get_by_role("checkbox", name="Instrument", exact=True).uncheck()
    # catalogue search, stemmed
    page.locator("#ci-q").fill("gesprek")
    settled(page)  # the index shard of "gesprek"
    assert page.get_by_role("status").inner_text() == "1 interventie"
    # follow a result to its page, then an element link
    page.locator("#ci-live .ci-result h2 a").first.click()
    assert page.url.endswith("/interventies/wijkgesprek.html")
    page.get_by_role("link", name="Buurtcoach", exact=True).first.click()
    assert page.url.endswith("/werkzame-elementen/buurtcoach.html")
    # the header's search field leads to the catalogue with the words typed
    page.get_by_role("searchbox", name="Zoek een interventie").fill("buurtfeest")
    page.keyboard.press("Enter")
    page.wait_for_selector("html[data-catalog-ready]")
    assert page.url.endswith("/catalogus/index.html#q=buurtfeest")
    assert visible(page) == ["buurtfeest"]
    assert page.errors == []
    assert page.blocked == []


def test_all_assets_load_without_network(offline_page, bundled):
    page = offline_page
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append((request.url, request.failure)))
    for path in ["index.html", "catalogus/index.html", "interventies/kan-wel.html", "werkzame-elementen/buurtcoach.html"]:
        page.goto((bundled / "unpacked" / "catalogus-offline" / path).as_uri())
        page.wait_for_load_state("load")
    # ERR_ABORTED is a request cancelled by the next navigation (the favicon); a missing file is not.
    assert [f for f in failed if f[1] != "net::ERR_ABORTED"] == []
    assert page.blocked == []
    assert page.errors == []


def test_bundle_is_reproducible(bundled, tmp_path, capsys):
    """A bundle of its own gives the bytes of the run's shared `site` zip (another copy of the
    records, another folder, under pytest-xdist often another process)."""
    root = make_catalog(tmp_path)
    assert run_cli(capsys, "--root", root, "bundle", "--output", tmp_path / "b.zip")[0] == 0
    assert (bundled / "offline.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_two_site_runs_are_byte_identical(bundled, tmp_path, capsys):
    """A second `site` run gives the bytes of the first, the run's shared one (`bundled`)."""
    root = make_catalog(tmp_path)
    assert run_cli(capsys, "--root", root, "site", "--site-dir", tmp_path / "b", "--output", tmp_path / "b.zip")[0] == 0
    assert (bundled / "offline.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    assert files(bundled / "site") == files(tmp_path / "b")


def test_site_makes_what_build_and_bundle_make(bundled, tmp_path, capsys):
    """make site is one command that makes the offline zip beside the site (in the second
    process); the site and the zip (the run's shared `site` run, bundled) are byte for byte
    those of build and then bundle."""
    root = make_catalog(tmp_path)
    assert run_cli(capsys, "--root", root, "build", "--site-dir", tmp_path / "a")[0] == 0
    assert run_cli(capsys, "--root", root, "bundle", "--output", tmp_path / "a.zip", "--site-dir", tmp_path / "a")[0] == 0
    assert (tmp_path / "a.zip").read_bytes() == (bundled / "offline.zip").read_bytes()
    assert files(tmp_path / "a") == files(bundled / "site")
    assert (bundled / "site" / "downloads" / "catalogus-offline.zip").read_bytes() == (bundled / "offline.zip").read_bytes()


def files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
