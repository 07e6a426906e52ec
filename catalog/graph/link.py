"""Link phase: who uses which element, related interventions with reasons, element pairs.

Related means an alternative for the same problem: hand-picked (`related`) first, then the
interventions sharing the rarest themes and target groups (problem.py), then, to fill up, those
sharing the most werkzame elementen."""

from __future__ import annotations

import datetime
import heapq
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from catalog.records.load import Catalog
from catalog.records.dates import as_date, record_dates
from catalog.records.slug import fold
from catalog.graph.problem import ProblemIndex

MAX_RELATED = 6
SUBSET_LIMIT = 8  # elements up to which an intervention's 2^n element combinations are indexed


@dataclass(frozen=True)
class Related:
    slug: str
    named: bool  # listed under `related` on either side
    shared: tuple[str, ...]  # shared element slugs, in the order of the element titles
    problem: tuple[tuple[str, str], ...] = ()  # shared (vocabulary, term): themes, then target groups


@dataclass
class Graph:
    users: dict[str, list[str]] = field(default_factory=dict)  # element -> interventions (by title)
    related: dict[str, list[Related]] = field(default_factory=dict)  # intervention -> ranked
    companions: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # element -> (element, count)
    newest: datetime.date = datetime.date(1980, 1, 1)  # the catalogue's date: its newest record date


def title_key(record) -> tuple[str, str]:
    return fold(record.data["title"]), record.slug


def in_title_order(catalog: Catalog) -> list:
    """The interventions in title order: the order of the search documents, CATALOG.items and
    the card files, so a record's number is its place in the catalogue's default order."""
    return sorted(catalog.interventions.values(), key=title_key)


def build_graph(catalog: Catalog) -> Graph:
    """Every link the pages show, computed once from a valid catalogue."""
    interventions, elements = catalog.interventions, catalog.elements
    keys = {slug: title_key(record) for slug, record in interventions.items()}
    order = sorted(interventions, key=keys.get)
    element_order = {slug: i for i, slug in enumerate(sorted(elements, key=lambda s: title_key(elements[s])))}
    graph = Graph()
    users: dict[str, list[str]] = {slug: [] for slug in elements}
    for slug in order:
        for element in interventions[slug].data["elements"]:
            users[element].append(slug)
    graph.users = users

    named: dict[str, set[str]] = defaultdict(set)
    for slug in order:
        for other in interventions[slug].data["related"]:
            named[slug].add(other)
            named[other].add(slug)
    elements_of = {slug: set(interventions[slug].data["elements"]) for slug in order}
    containing = _superset_index(interventions, order)
    many = [slug for slug in order if len(elements_of[slug]) > SUBSET_LIMIT]
    problems = ProblemIndex(interventions, order, keys, elements_of)
    for slug in order:
        own = interventions[slug].data["elements"]
        chosen = sorted(named[slug], key=lambda o: (-problems.score(slug, o), -len(elements_of[slug] & elements_of[o]), keys[o]))
        skip = set(named[slug]) | {slug}
        alike = problems.most_alike(slug, skip, MAX_RELATED)
        chosen += alike
        skip |= set(alike)
        if len(alike) < MAX_RELATED:
            if len(own) > SUBSET_LIMIT:
                chosen += _most_shared_by_count(slug, users, elements_of, skip, keys)[: MAX_RELATED - len(alike)]
            else:
                chosen += _most_shared(own, containing, many, elements_of, skip, keys)[: MAX_RELATED - len(alike)]
        graph.related[slug] = [
            Related(other, other in named[slug], tuple(sorted(elements_of[slug] & elements_of[other], key=element_order.get)),
                    problems.shared(slug, other))
            for other in chosen
        ]

    for element in elements:
        counts: Counter[str] = Counter()
        for slug in users[element]:
            counts.update(e for e in interventions[slug].data["elements"] if e != element)
        graph.companions[element] = sorted(counts.items(), key=lambda kv: (-kv[1], element_order[kv[0]]))
    graph.newest = max((as_date(d) for r in catalog.all_records() for d in record_dates(r.data)), default=graph.newest)
    return graph


def _superset_index(interventions: dict, order: list[str]) -> dict[tuple[str, ...], list[str]]:
    """Every combination of an intervention's elements -> the interventions that have it, by title.

    Interventions have a few elements each, so this stays linear in their number, and the
    best related ones are found without comparing every pair. An intervention with more than
    SUBSET_LIMIT elements is left out (its 2^n combinations would explode) and counted directly.
    """
    containing: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for slug in order:
        own = sorted(interventions[slug].data["elements"])
        if len(own) > SUBSET_LIMIT:
            continue
        for size in range(1, len(own) + 1):
            for combination in itertools.combinations(own, size):
                containing[combination].append(slug)
    return containing


def _most_shared(own: list[str], containing: dict, many: list[str], elements_of: dict, skip: set[str], keys: dict) -> list[str]:
    """Up to MAX_RELATED others sharing the most elements with an intervention of few elements,
    ties by title: the best among the indexed ones, merged with the few with many elements."""
    found: list[tuple[int, tuple, str]] = []
    seen = set(skip)
    for size in range(len(own), 0, -1):
        lists = [containing[c] for c in itertools.combinations(sorted(own), size)]
        for other in heapq.merge(*lists, key=keys.__getitem__):
            if len(found) == MAX_RELATED:
                break
            if other not in seen:  # seen at a larger size: it shares more
                seen.add(other)
                found.append((-size, keys[other], other))
    mine = set(own)
    found += [(-len(mine & elements_of[o]), keys[o], o) for o in many if o not in skip and mine & elements_of[o]]
    return [other for *_, other in sorted(found)[:MAX_RELATED]]


def _most_shared_by_count(slug: str, users: dict, elements_of: dict, skip: set[str], keys: dict) -> list[str]:
    """The same ranking for an intervention with many elements: count, per other intervention,
    the elements they share (linear in the users of its elements)."""
    counts: Counter[str] = Counter()
    for element in elements_of[slug]:
        counts.update(users[element])
    ranked = heapq.nsmallest(MAX_RELATED, ((-n, keys[o], o) for o, n in counts.items() if o not in skip))
    return [other for *_, other in ranked]


