"""From the site to the form (real browser): the home page links the issue form for a new
intervention on the repository set in mkdocs.yml (repo_url) and says a GitHub account is needed."""

from __future__ import annotations

import pytest

from conftest import build_fixture_site, built_once, serve_folder

REPO_URL = "https://github.com/voorbeeld/catalogus"
ACCOUNT = "U hebt daarvoor een gratis account op GitHub nodig, de website waar deze catalogus wordt bijgehouden."


@pytest.fixture(scope="module")
def site_with_repository(tmp_path_factory):
    from catalog.site import settings

    def make(tmp):
        config = {**settings.site_config(), "repo_url": REPO_URL + "/"}
        patch = pytest.MonkeyPatch()
        patch.setattr(settings, "site_config", lambda: config)
        try:
            build_fixture_site(tmp)
        finally:
            patch.undo()

    tmp = built_once(tmp_path_factory, "met-repository", make)  # once for the run, also across workers
    url, stop = serve_folder(tmp / "site")
    yield url
    stop()


def test_home_page_links_the_new_intervention_form(page, site_with_repository):
    opened = []
    page.context.route("https://github.com/**", lambda route: (opened.append(route.request.url), route.fulfill(body="formulier")))
    page.goto(site_with_repository)
    section = page.locator("h2#zelf-een-interventie-toevoegen")
    assert section.inner_text().rstrip("¶") == "Zelf een interventie toevoegen"
    assert page.get_by_text(ACCOUNT).is_visible()
    form = page.get_by_role("link", name="stel een nieuwe interventie voor", exact=True)
    assert form.get_attribute("href") == f"{REPO_URL}/issues/new?template=nieuwe-interventie.yml"
    guide = page.get_by_role("link", name="handleiding voor bijdragen", exact=True)
    assert guide.get_attribute("href") == f"{REPO_URL}/blob/main/CONTRIBUTING.md"
    form.click()
    page.wait_for_url(f"{REPO_URL}/issues/new?template=nieuwe-interventie.yml")
    assert opened == [f"{REPO_URL}/issues/new?template=nieuwe-interventie.yml"]
    assert page.errors == []


def test_without_a_repository_the_home_page_names_the_guide(page, bundled_url):
    page.goto(bundled_url)
    assert page.get_by_text(ACCOUNT).is_visible()
    assert page.get_by_role("link", name="stel een nieuwe interventie voor").count() == 0
    assert page.get_by_text("Hoe dat gaat, leest u in de handleiding voor bijdragen (CONTRIBUTING.md) in de repository").is_visible()


def test_about_page_links_the_same_form(page, site_with_repository):
    page.goto(site_with_repository + "over/")
    form = page.get_by_role("link", name="formulier voor een nieuwe interventie", exact=True)
    assert form.get_attribute("href") == f"{REPO_URL}/issues/new?template=nieuwe-interventie.yml"
    assert page.get_by_text("Voor beide hebt u een (gratis) account op GitHub nodig.").is_visible()
    assert page.errors == []
