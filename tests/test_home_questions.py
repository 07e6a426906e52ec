"""The home page lists the questions of taxonomy.yml (issue 26) as links into the catalogue with
the question's filters, and how many interventions answer each."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_fixture_site, built_once

QUESTIONS = """
questions:
  jongeren-op-straat:
    label: Jongeren op straat
    themes: [veiligheid, leefbaarheid]
    target_groups: [jongeren]
  contact-in-de-buurt:
    label: Contact & vertrouwen
    themes: [sociale-cohesie]
"""


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> str:
    def with_questions(root: Path) -> None:
        path = root / "taxonomy.yml"
        path.write_text(path.read_text("utf-8") + QUESTIONS, "utf-8")

    site = built_once(tmp_path_factory, "vragen", lambda tmp: build_fixture_site(tmp, before=with_questions)) / "site"
    return (site / "index.html").read_text("utf-8")


def test_questions_link_into_the_catalogue_with_their_filters(home):
    # kan-wel: jongeren + leefbaarheid; kan-wel also has sociale-cohesie
    assert (
        '<li><a href="catalogus/#doelgroep=jongeren&amp;thema=veiligheid&amp;thema=leefbaarheid">Jongeren op straat</a> '
        '<span class="ci-meta">(1 interventie)</span></li>'
    ) in home
    assert '<a href="catalogus/#thema=sociale-cohesie">Contact &amp; vertrouwen</a>' in home
    assert "Vragen uit de wijk" in home
