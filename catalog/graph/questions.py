"""The questions wijkprofessionals bring (taxonomy.yml `questions`) and the records that answer
them: a record answers a question when it has one of its themes and, where the question names
target groups, one of those too."""

from __future__ import annotations

from typing import Any

from catalog.records.load import Catalog, Record


def questions(catalog: Catalog) -> dict[str, dict[str, Any]]:
    data = catalog.taxonomy.data
    found = data.get("questions") if isinstance(data, dict) else None
    return found if isinstance(found, dict) else {}


def answers(question: dict[str, Any], record: Record) -> bool:
    themes, groups = record.data.get("themes") or [], record.data.get("target_groups") or []
    if not set(question.get("themes") or []) & set(themes):
        return False
    wanted = question.get("target_groups")
    return not wanted or bool(set(wanted) & set(groups))


def is_full(record: Record) -> bool:
    """A full description: not marked `detail: brief`."""
    return record.data.get("detail") != "brief"


def answering(catalog: Catalog, full_only: bool = True) -> dict[str, list[str]]:
    """Per question slug, the slugs of the (full) interventions that answer it, sorted."""
    records = [r for r in catalog.interventions.values() if is_full(r) or not full_only]
    return {slug: sorted(r.slug for r in records if answers(q, r)) for slug, q in questions(catalog).items()}
