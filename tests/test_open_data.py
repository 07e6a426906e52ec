"""Open data: catalogus.csv and catalogus.json hold every record as its file says, the JSON
validates against the schema published beside it, feed.xml is Atom, and every record page
carries JSON-LD. Online and in the offline bundle."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from conftest import make_catalog

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """The fixture records as the loader reads them, before the build fills in defaults."""
    from catalog.records.load import load_catalog

    return load_catalog(make_catalog(tmp_path_factory.mktemp("records")))


def test_csv_parses_back_to_the_records(bundled, records):
    raw = (bundled / "site" / "catalogus.csv").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))  # Excel then reads the accents as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    taxonomy = records.taxonomy.data
    assert [row["slug"] for row in rows] == ["buurtfeest", "kan-wel", "wijkgesprek"]  # by title
    for row in rows:
        d = records.interventions[row["slug"]].data
        assert row["titel"] == d["title"]
        assert row["samenvatting"] == d["summary"]
        assert row["doelgroepen"] == "; ".join(taxonomy["target_groups"][s]["label"] for s in d["target_groups"])
        assert row["themas"] == "; ".join(taxonomy["themes"][s]["label"] for s in d.get("themes", []))
        assert row["werkzame_elementen"] == "; ".join(records.elements[e].data["title"] for e in d["elements"])
        assert row["erkenning"] == taxonomy["evidence"][d["evidence"]]["label"]
        assert row["sinds"] == str(d.get("since", ""))
        assert row["bronnen"].split("; ")[0].startswith(d["sources"][0]["title"])
        assert row["pagina"] == f"interventies/{row['slug']}/"
    assert rows[1]["titel"] == "Kan wél!"


def test_json_validates_against_the_published_schema_and_holds_every_record(bundled, records):
    from jsonschema import Draft202012Validator

    data = json.loads((bundled / "site" / "catalogus.json").read_text("utf-8"))
    schema = json.loads((bundled / "site" / "catalogus.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    assert data["schema_version"] == 1 and data["$schema"] == "catalogus.schema.json"
    published = {r["slug"]: r["fields"] for r in data["interventions"] + data["elements"]}
    for record in records.all_records():
        fields = published[record.slug]
        assert record.data.items() <= fields.items(), record.slug  # every field as the file says
        assert set(fields) - set(record.data) <= {"kind", "detail"}, record.slug  # plus the schema defaults
    kan_wel = next(i for i in data["interventions"] if i["slug"] == "kan-wel")
    assert kan_wel["labels"]["target_groups"] == ["Bewoners", "Jongeren"]
    assert kan_wel["body"] == records.interventions["kan-wel"].body.strip() + "\n"


def test_schema_catches_a_broken_record(bundled):
    from jsonschema import Draft202012Validator

    data = json.loads((bundled / "site" / "catalogus.json").read_text("utf-8"))
    schema = json.loads((bundled / "site" / "catalogus.schema.json").read_text("utf-8"))
    del data["interventions"][0]["fields"]["title"]
    assert [e.message for e in Draft202012Validator(schema).iter_errors(data)] == ["'title' is a required property"]


def test_feed_is_atom_with_the_newest_records_first(bundled):
    root = ET.parse(bundled / "site" / "feed.xml").getroot()
    assert root.tag == ATOM + "feed"
    for tag in ("id", "title", "updated"):
        assert root.find(ATOM + tag).text
    entries = root.findall(ATOM + "entry")
    assert len(entries) == 5  # 3 interventions, 3 elements; ontmoeten states no date at all
    updated = [e.find(ATOM + "updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", u) for u in updated)
    assert all(e.find(ATOM + "id").text.startswith("urn:uuid:") for e in entries)
    links = [e.find(ATOM + "link").get("href") for e in entries]
    assert all((bundled / "site" / link / "index.html").is_file() for link in links)


def test_every_record_page_has_json_ld(bundled, records):
    for folder, kind, slugs in (("interventies", "CreativeWork", records.interventions), ("werkzame-elementen", "DefinedTerm", records.elements)):
        for slug, record in slugs.items():
            html = (bundled / "site" / folder / slug / "index.html").read_text("utf-8")
            found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
            assert len(found) == 1, slug
            data = json.loads(found[0])
            assert (data["@context"], data["@type"], data["name"]) == ("https://schema.org", kind, record.data["title"])
            assert [c["name"] for c in data["citation"]] == [s["title"] for s in record.data["sources"]]


def test_open_data_is_in_the_offline_bundle_with_file_names(bundled):
    with zipfile.ZipFile(bundled / "offline.zip") as archive:
        names = set(archive.namelist())
        assert {f"catalogus-offline/{name}" for name in ("catalogus.csv", "catalogus.json", "catalogus.schema.json", "feed.xml")} <= names
        text = archive.read("catalogus-offline/catalogus.csv").decode("utf-8-sig")
    assert "interventies/kan-wel.html" in text


def test_home_page_links_to_the_open_data(bundled):
    html = (bundled / "site" / "index.html").read_text("utf-8")
    for name in ("catalogus.csv", "catalogus.json", "catalogus.schema.json", "feed.xml"):
        assert f'href="{name}"' in html, name
