"""Bad content never produces a traceback: whatever the bytes, `check` reports and exits 1."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.load import load_catalog
from catalog.validate import validate

FRONT_MATTER_PIECES = st.sampled_from([
    "---\n", "title: X\n", "title: [a, b]\n", "summary: no\n", "elements: [buurtcoach]\n", "elements: {a: 1}\n",
    "target_groups: [bewoners]\n", "evidence: niet-beoordeeld\n", "evidence: goed-beschreven\n",
    "sources: [{title: B, date: 2011-02-30}]\n", "sources: [1, 2]\n", "  - x\n", "- y\n", "? z\n", "&a b: *a\n",
    "!!binary aGk=\n", "key: !!set {a}\n", "\t\n", ": :\n", "'\n", "<script>\n", "since: 0x10\n", "\ufeff", "\r\n",
    "assessment: {by: X, date: 2020, valid_until: 2020-01-01}\n", "developer: {email: a@b.c}\n", "related: [kan-wel]\n",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(FRONT_MATTER_PIECES, max_size=12), tail=st.binary(max_size=40))
def test_any_record_content_is_reported_not_raised(valid_catalog, pieces, tail):
    path = valid_catalog / "interventions" / "kan-wel.md"
    path.write_bytes("".join(pieces).encode("utf-8") + tail)
    problems = validate(load_catalog(valid_catalog))
    assert all(p.path and p.line >= 1 and p.message for p in problems)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_any_taxonomy_text_is_reported_not_raised(valid_catalog, text):
    (valid_catalog / "taxonomy.yml").write_text(text, "utf-8")
    validate(load_catalog(valid_catalog))
