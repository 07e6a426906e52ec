"""Interventions for the same problem: shared themes and target groups, the rarer the weightier.

A term's weight is log(N / interventions with it), in thousandths so that equal sums are equal:
sharing "Overlast" (11 of 89) says more than sharing "Bewoners" (44 of 89), and a term every
intervention has says nothing. Ties go to the one sharing more werkzame elementen, then to title.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import defaultdict

VOCABULARIES = ("themes", "target_groups")
SUBSET_LIMIT = 8  # terms up to which an intervention's term combinations are indexed
LEVEL_CAP = 64  # candidates taken per score level (by title) before elements break the ties


class ProblemIndex:
    def __init__(self, interventions: dict, order: list[str], keys: dict, elements_of: dict):
        self.keys, self.elements_of = keys, elements_of
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for slug in order:
            for term in _terms(interventions[slug]):
                counts[term] += 1
        total = len(order)
        self.weight = {term: round(1000 * math.log(total / n)) for term, n in counts.items()}
        self.terms = {slug: tuple(t for t in _terms(interventions[slug]) if self.weight[t] > 0) for slug in order}
        self.containing: dict[tuple, list[str]] = defaultdict(list)
        self.many = []  # more terms than SUBSET_LIMIT: compared one by one
        self.users: dict[tuple[str, str], list[str]] = defaultdict(list)
        for slug in order:
            own = sorted(self.terms[slug])
            for term in own:
                self.users[term].append(slug)
            if len(own) > SUBSET_LIMIT:
                self.many.append(slug)
                continue
            for size in range(1, len(own) + 1):
                for combination in itertools.combinations(own, size):
                    self.containing[combination].append(slug)

    def shared(self, slug: str, other: str) -> tuple[tuple[str, str], ...]:
        theirs = set(self.terms[other])
        return tuple(t for t in self.terms[slug] if t in theirs)

    def score(self, slug: str, other: str) -> int:
        return sum(self.weight[t] for t in self.shared(slug, other))

    def most_alike(self, slug: str, skip: set[str], limit: int) -> list[str]:
        """Up to `limit` others sharing a weighted term, best first."""
        mine = sorted(self.terms[slug])
        if len(mine) > SUBSET_LIMIT:
            others = {o for t in mine for o in self.users[t] if o not in skip}
            return [o for *_, o in heapq.nsmallest(limit, (self._rank(slug, o, self.score(slug, o)) for o in others))]
        found, seen, cutoff = [], set(skip), None
        subsets = [c for size in range(len(mine), 0, -1) for c in itertools.combinations(mine, size)]
        subsets.sort(key=lambda c: -sum(self.weight[t] for t in c))
        for points, level in itertools.groupby(subsets, key=lambda c: sum(self.weight[t] for t in c)):
            new = []
            for other in heapq.merge(*(self.containing[c] for c in level), key=self.keys.__getitem__):
                if other not in seen:  # first seen at its highest score
                    seen.add(other)
                    new.append(other)
                    if len(new) == LEVEL_CAP:
                        break
            found += [self._rank(slug, o, points) for o in new]
            if len(found) >= limit:
                cutoff = points
                break
        for other in self.many:
            if other not in seen:
                points = self.score(slug, other)
                if points and (cutoff is None or points >= cutoff):
                    found.append(self._rank(slug, other, points))
        return [o for *_, o in sorted(found)[:limit]]

    def _rank(self, slug: str, other: str, points: int) -> tuple:
        return (-points, -len(self.elements_of[slug] & self.elements_of[other]), self.keys[other], other)


def _terms(record) -> list[tuple[str, str]]:
    return [(vocabulary, term) for vocabulary in VOCABULARIES for term in record.data.get(vocabulary) or ()]
