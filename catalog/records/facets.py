"""The catalogue's facets: URL key, record field and vocabulary, in the order the page shows them."""

from __future__ import annotations

from typing import NamedTuple


class Facet(NamedTuple):
    key: str  # in the catalogue URL: #doelgroep=jongeren
    field: str  # the record field it filters on
    vocabulary: str | None  # taxonomy.yml vocabulary; None for werkzame elementen
    legend: str  # above the options on the catalogue page
    folder: str  # URL folder of the overview pages: /doelgroepen/jongeren/
    overview: str  # title of the overview page and its nav entry


FACETS = (
    Facet("element", "elements", None, "Werkzame elementen", "werkzame-elementen", "Werkzame elementen"),
    Facet("doelgroep", "target_groups", "target_groups", "Doelgroepen", "doelgroepen", "Doelgroepen"),
    Facet("thema", "themes", "themes", "Thema's", "themas", "Thema's"),
    Facet("erkenning", "evidence", "evidence", "Erkenning", "erkenning", "Erkenning"),
    Facet("soort", "kind", "kinds", "Soort", "soorten", "Soorten"),
)
BY_VOCABULARY = {f.vocabulary: f for f in FACETS if f.vocabulary}  # the taxonomy's four vocabularies
