"""Hostile but valid text in every output: the CSV (formula cells), catalogus.json, the Atom
feed (well-formed XML) and the JSON inside <script> elements (JSON-LD and the data scripts).
Text that check accepts must come out as the same text, and never as a formula, markup or
broken XML. (Refused text has its fixtures in tests/fixtures/invalid/.)"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import build_fixture_site, built_once, serve_folder
from catalog.outputs.scriptjson import script_json, script_string

ATOM = "{http://www.w3.org/2005/Atom}"
SUMMARY = "=HYPERLINK(\"https://evil.example\";\"klik\") voor kinderen < 12 & ouders --> \u2028samen"
LABEL = "Kinderen <12 & ouders >"
VARIANT = "@SUM(1+1)*cmd|' /C calc'!A0"
PHONE = "+31 30 123 45 67"
DURATION = "-3 maanden ]]> &amp; \U0001F600"
BODY = "Tekst met `</script><!--<script>` en \u2028 en een \U0001F600.\n"


def _hostile(root) -> None:
    taxonomy = root / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text("utf-8").replace("{label: Kinderen,", "{label: " + json.dumps(LABEL) + ","), "utf-8")
    path = root / "interventions" / "kan-wel.md"
    text = path.read_text("utf-8")
    text = text.replace("summary: Bewoners zetten met een buurtcoach een eigen idee om in actie.", "summary: " + json.dumps(SUMMARY))
    text = text.replace("target_groups: [bewoners, jongeren]", "target_groups: [bewoners, kinderen]")
    text = text.replace("  - Een variant voor jongeren", "  - " + json.dumps(VARIANT))
    text = text.replace("  website:", f"  phone: {json.dumps(PHONE)}\n  website:")
    text = text.replace("duration: 15 maanden", "duration: " + json.dumps(DURATION, ensure_ascii=False))
    path.write_text(text.replace("Meer leefbaarheid.\n", "Meer leefbaarheid.\n\n" + BODY), "utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return built_once(tmp_path_factory, "vijandige-uitvoer", lambda tmp: build_fixture_site(tmp, before=_hostile)) / "site"


def test_csv_neutralises_formula_cells(hostile_site):
    raw = (hostile_site / "catalogus.csv").read_bytes().decode("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(raw), delimiter=";") if r["slug"] == "kan-wel")
    assert row["samenvatting"] == "'" + " ".join(SUMMARY.split())
    assert row["varianten"] == "'" + VARIANT
    assert row["telefoon"] == "'" + PHONE
    assert row["duur"] == "'" + DURATION
    assert row["doelgroepen"] == "Bewoners; " + LABEL
    assert row["titel"] == "Kan wél!"  # ordinary text stays as it is
    for cell in (c for r in csv.reader(io.StringIO(raw), delimiter=";") for c in r):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_home_page_says_how_formula_cells_are_written(hostile_site):
    page = (hostile_site / "index.html").read_text("utf-8")
    assert "Begint een cel met =, +, - of @, dan staat er een &#39; voor" in page or "Begint een cel met =, +, - of @, dan staat er een ' voor" in page


def test_json_keeps_the_text_as_written(hostile_site):
    data = json.loads((hostile_site / "catalogus.json").read_text("utf-8"))
    fields = next(r["fields"] for r in data["interventions"] if r["slug"] == "kan-wel")
    assert (fields["summary"], fields["variants"], fields["developer"]["phone"], fields["duration"]) == (SUMMARY, [VARIANT], PHONE, DURATION)
    assert data["taxonomy"]["target_groups"]["kinderen"]["label"] == LABEL


def test_feed_is_well_formed_xml_with_the_same_text(hostile_site):
    root = ET.parse(hostile_site / "feed.xml").getroot()  # raises on ill-formed XML
    summaries = [e.find(ATOM + "summary").text for e in root.findall(ATOM + "entry")]
    assert " ".join(SUMMARY.split()) in summaries


def test_json_in_scripts_escapes_markup_characters(hostile_site):
    page = (hostile_site / "interventies" / "kan-wel" / "index.html").read_text("utf-8")
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(found) == 1
    assert not re.search("[<>&\u2028\u2029]", found[0])
    data = json.loads(found[0])
    assert data["description"] == " ".join(SUMMARY.split())
    assert {"@type": "Audience", "audienceType": LABEL} in data["audience"]
    for name in ("catalogus-data.js", "vergelijk-data.js", "catalogus-index.js"):
        script = (hostile_site / "assets" / name).read_text("utf-8")
        assert not re.search("[<>&\u2028\u2029]", script), name
    cards = "".join(p.read_text("utf-8") for p in (hostile_site / "assets").glob("catalogus-kaarten-*.js"))
    assert cards and not re.search("[<>&\u2028\u2029]", cards)


@pytest.mark.parametrize("value", [SUMMARY, {"a": [LABEL, BODY]}, "</script>", "<!--", "\u2029"])
def test_script_json_round_trips(value):
    text = script_json(value)
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == value
    literal = script_string(json.dumps(value))
    assert not re.search("[<>&\u2028\u2029]", literal)
    assert json.loads(json.loads(literal)) == value


def test_chromium_reads_the_page_and_its_data_as_written(hostile_site, page):
    """In the browser: the record page keeps its footer and scripts (nothing swallowed by the
    JSON-LD), the JSON-LD parses to the text, and the catalogue shows the label and summary."""
    url, stop = serve_folder(hostile_site)
    try:
        page.goto(url + "interventies/kan-wel/")
        assert page.locator("footer.md-footer").count() == 1
        data = page.locator('script[type="application/ld+json"]').evaluate("s => JSON.parse(s.textContent)")
        assert data["description"] == " ".join(SUMMARY.split())
        assert {"@type": "Audience", "audienceType": LABEL} in data["audience"]
        page.goto(url + "catalogus/#doelgroep=kinderen")
        page.wait_for_selector("html[data-catalog-ready]")
        card = page.locator("#ci-live > .ci-result[data-slug='kan-wel']")
        assert " ".join(SUMMARY.split()) in " ".join(card.text_content().split())
        labels = page.locator("label").all_text_contents()
        assert any(LABEL in " ".join(text.split()) for text in labels), labels
        assert page.errors == []
    finally:
        stop()


def test_every_character_check_accepts_is_allowed_in_xml():
    """The feed is XML 1.0: check refuses (FORBIDDEN) every code point XML does not allow, so any
    accepted text is well-formed in the feed."""
    from catalog.records.frontmatter import FORBIDDEN

    def xml_allowed(code: int) -> bool:
        return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF

    accepted = (chr(code) for code in range(0x110000) if code != 0xD)  # a raw CR is a line end, refused as a character
    wrong = [f"U+{ord(c):04X}" for c in accepted if not FORBIDDEN.match(c) and not xml_allowed(ord(c))]
    assert wrong == []
    text = "".join(chr(code) for code in range(0x20, 0x3000) if not FORBIDDEN.match(chr(code)))
    ET.fromstring(f"<s>{text.replace('&', '&amp;').replace('<', '&lt;')}</s>")
