"""The catalogue's facets: URL key, record field and vocabulary, in the order the page shows them."""

from __future__ import annotations

from typing import NamedTuple


class Facet(NamedTuple):
    key: str  # in the catalogue URL: #doelgroep=jongeren
    field: str  # the record field it filters on
    vocabulary: str | None  # taxonomy.yml vocabulary; None for werkzame elementen
    legend: str


FACETS = (
    Facet("element", "elements", None, "Werkzame elementen"),
    Facet("doelgroep", "target_groups", "target_groups", "Doelgroepen"),
    Facet("thema", "themes", "themes", "Thema's"),
    Facet("erkenning", "evidence", "evidence", "Erkenning"),
    Facet("soort", "kind", "kinds", "Soort"),
)
KEY_OF_VOCABULARY = {f.vocabulary: f.key for f in FACETS if f.vocabulary}
FIELD_OF_VOCABULARY = {f.vocabulary: f.field for f in FACETS if f.vocabulary}
