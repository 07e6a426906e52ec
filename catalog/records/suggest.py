"""'Bedoelde je ...?' only for a likely slip: the same word written otherwise (case, accents,
spaces for dashes), the start of a longer term, or a typo of one or two letters. A different
word that shares letters ('duurzaamheid' and 'eenzaamheid') gets no suggestion: the contributor
then sees the whole list instead of a wrong hint that is easy to accept."""

from __future__ import annotations

from catalog.records.slug import strip_accents


DUTCH = {
    "titel": "title", "naam": "title", "samenvatting": "summary", "soort": "kind", "elementen": "elements",
    "werkzame-elementen": "elements", "doelgroep": "target_groups", "doelgroepen": "target_groups", "thema's": "themes",
    "themas": "themes", "erkenning": "evidence", "beoordeling": "assessment", "duur": "duration", "sinds": "since",
    "ontwikkelaar": "developer", "uitvoerders": "implementers", "varianten": "variants", "kosten": "costs",
    "opleiding": "training", "randvoorwaarden": "preconditions", "verwant": "related", "bronnen": "sources",
    "bron": "sources", "datum": "date", "uitgever": "publisher", "webadres": "url", "bijgewerkt": "updated",
    "organisatie": "organisation", "telefoon": "phone", "door": "by", "geldig-tot": "valid_until",
}


def closest(value: str, options: list[str]) -> str | None:
    typed = _normal(value)
    if not typed:
        return None
    if DUTCH.get(typed) in options:  # a field named in Dutch
        return DUTCH[typed]
    best: tuple[int, str] | None = None
    for option in options:
        wanted = _normal(option)
        if typed == wanted:
            return option
        if len(typed) >= 5 and (wanted.startswith(typed) or typed.startswith(wanted)) and min(len(typed), len(wanted)) >= 0.6 * max(len(typed), len(wanted)):
            distance = 1
        else:
            distance = _distance(typed, wanted)
            if distance > (1 if len(wanted) <= 5 else 2):
                continue
        if best is None or distance < best[0]:
            best = (distance, option)
    return best[1] if best else None


def _normal(text: str) -> str:
    return "-".join(strip_accents(text.casefold()).replace("_", " ").replace("-", " ").split())


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, change, swap two neighbours) from a to b (Damerau-Levenshtein)."""
    if abs(len(a) - len(b)) > 2:
        return 3
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]
