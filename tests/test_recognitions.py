"""A recognition as the databank gives it (issue 26): a level reported without a date of the
judgement shows the same level everywhere (record page, card, comparison, helper data) and says
that the date is unknown and who reported the level, never 'Niet beoordeeld'."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest import build_fixture_site, built_once

REPORTED = (
    "evidence: goed-beschreven\nassessment:\n  by: Een panel van beoordelaars\n  url: https://www.voorbeeld.nl/oordeel\n  reported_in:\n"
    "    title: Nieuwsbericht\n    publisher: Testuitgever\n    date: 2022-02-07\n    url: https://www.voorbeeld.nl/bericht"
)
WHEN = "datum van het oordeel onbekend; gemeld door Testuitgever op 7 februari 2022"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    def reported(root: Path) -> None:
        path = root / "interventions" / "wijkgesprek.md"
        path.write_text(path.read_text("utf-8").replace("evidence: niet-beoordeeld", REPORTED), "utf-8")

    return built_once(tmp_path_factory, "erkenning-gemeld", lambda tmp: build_fixture_site(tmp, before=reported)) / "site"


def test_record_page_gives_level_assessor_and_reporter(site):
    html = (site / "interventies" / "wijkgesprek" / "index.html").read_text("utf-8")
    assert f'beoordeeld door Een panel van beoordelaars ({WHEN}), <a href="https://www.voorbeeld.nl/bericht">bericht</a>' in html
    assert "ci-badge--goed-beschreven" in html and "Niet beoordeeld" not in html
    # re-assessment is due at the latest five years after the report
    assert 'data-valid-until="2027-02-07"' in html


def test_card_and_comparison_say_the_same(site):
    catalogue = (site / "catalogus" / "index.html").read_text("utf-8")
    card = re.search(r'<div class="ci-result" role="listitem" data-slug="wijkgesprek">.*?</div>', catalogue).group()
    assert f">Goed beschreven</span> beoordeeld door Een panel van beoordelaars ({WHEN}) " in card
    data = next(p for p in site.rglob("*.js") if "catalogueDate" in p.read_text("utf-8"))
    text = data.read_text("utf-8")
    literal = text[text.index("JSON.parse(") + len("JSON.parse("): text.rindex(");")]
    items = json.loads(json.loads(literal))["items"]
    item = next(i for i in items if i["slug"] == "wijkgesprek")
    assert item["evidence"] == "Goed beschreven"
    assert item["recognition"] == {  # one display (text.recognition), as on the record page and the card
        "level": "Goed beschreven", "detail": f"beoordeeld door Een panel van beoordelaars ({WHEN})",
        "flag_from": "2027-02-07", "flag": "meer dan 5 jaar oud",
    }


def test_the_csv_names_the_report(site):
    """catalogus.csv gives the document that reported the level, as catalogus.json does (reported_in)."""
    rows = list(csv.DictReader(io.StringIO((site / "catalogus.csv").read_text("utf-8-sig")), delimiter=";"))
    reported = {row["slug"]: [row[k] for k in ("beoordeeld_op", "oordeel_gemeld_in", "oordeel_gemeld_door", "oordeel_gemeld_op", "oordeel_gemeld_url")] for row in rows}
    assert reported == {
        "buurtfeest": ["2019-06", "", "", "", ""],
        "kan-wel": ["", "", "", "", ""],
        "wijkgesprek": ["", "Nieuwsbericht", "Testuitgever", "2022-02-07", "https://www.voorbeeld.nl/bericht"],
    }
