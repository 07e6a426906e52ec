"""Bad content never produces a traceback: whatever the bytes, `check` reports and exits 1."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.records.load import load_catalog
from catalog.checks.validate import validate

FRONT_MATTER_PIECES = st.sampled_from([
    "---\n", "title: X\n", "title: [a, b]\n", "summary: no\n", "elements: [buurtcoach]\n", "elements: {a: 1}\n",
    "target_groups: [bewoners]\n", "evidence: niet-beoordeeld\n", "evidence: goed-beschreven\n",
    "sources: [{title: B, date: 2011-02-30}]\n", "sources: [1, 2]\n", "  - x\n", "- y\n", "? z\n", "&a b: *a\n",
    "!!binary aGk=\n", "key: !!set {a}\n", "\t\n", ": :\n", "'\n", "<script>\n", "since: 0x10\n", "\ufeff", "\r\n",
    "assessment: {by: X, date: 2020, valid_until: 2020-01-01}\n", "developer: {email: a@b.c}\n", "related: [kan-wel]\n",
    # control and direction characters, raw and as YAML escapes; look-alike titles; nesting
    "title: \"a\\x1bb\"\n", "summary: \"x\\u202ey\"\n", "\x00", "\x1b[31m", "\x7f", "\u0085", "\u202e", "\u2066", "\r",
    "title: K\u0430n w\u00e9l!\n", "title: \uff37ijk\n", "title: Kan we\u0301l\n", "title: a\u200bb\n",
    "variants: [[[[[[[x]]]]]]]\n", "variants: " + "[" * 60 + "\n", "- - - - - - - x\n", "checked: 2201-01-01\n",
    "title: \"x\\n::error::y\"\n", "\n## Kop\n", "\n> # Kop\n", "\n<div>\n", "\n[a](java\tscript:x)\n",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(FRONT_MATTER_PIECES, max_size=12), tail=st.binary(max_size=40))
def test_any_record_content_is_reported_not_raised(valid_catalog, pieces, tail):
    path = valid_catalog / "interventions" / "kan-wel.md"
    path.write_bytes("".join(pieces).encode("utf-8") + tail)
    problems = validate(load_catalog(valid_catalog))
    assert all(p.path and p.line >= 1 and p.message for p in problems)
    assert all(_shown_safely(str(p)) and _shown_safely(p.annotation()) for p in problems)


def _shown_safely(line: str) -> bool:
    """One line, no invisible or direction characters: nothing a terminal or CI log could act on."""
    return not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in line)


LETTERS = st.characters(whitelist_categories=("Lu", "Ll", "Zs", "Nd", "Cf", "Cc", "Mn"), blacklist_characters="\n\r\x85", max_codepoint=0xFFFF)  # YAML folds line breaks in quotes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(LETTERS, min_size=1, max_size=30))
def test_titles_are_plain_latin_or_refused(valid_catalog, title):
    """A title that check accepts reads as what it is: no look-alike letters from other scripts,
    no invisible characters, no NFD or fullwidth forms, no second title that folds to the same."""
    from catalog.records.slug import slugify

    slug = slugify(title) or "leeg"
    path = valid_catalog / "elements" / f"{slug}.md"
    if path.exists():
        return
    path.write_text(f'---\ntitle: "{title.replace(chr(92), "").replace(chr(34), "")}"\nsummary: S.\nsources: [{{title: B}}]\n---\n', "utf-8")
    try:
        problems = [p for p in validate(load_catalog(valid_catalog)) if p.path == f"elements/{slug}.md"]
    finally:  # each title alone beside the fixture: a refusal is for this title, not an earlier one
        path.unlink()
    written = title.replace("\\", "").replace('"', "")
    plain = all(
        unicodedata.name(c, "").startswith(("LATIN", "DIGIT", "SPACE")) for c in written
    ) and unicodedata.normalize("NFC", written) == written
    if not plain:
        assert problems, ascii(written)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_any_taxonomy_text_is_reported_not_raised(valid_catalog, text):
    (valid_catalog / "taxonomy.yml").write_text(text, "utf-8")
    validate(load_catalog(valid_catalog))
