"""The proposed comparison place: the most similar in level and trend, never one closer than 500 m."""

from __future__ import annotations

import math

import pytest

from samverkan.planning.effects.lib.proposal import Candidate, dissimilarity, propose, trend

AREA = (2, 3, 2, 4, 3, 5, 4, 6)  # 29 incidents, 11 in the first half and 18 in the second


def candidate(name: str, counts: tuple[int, ...], distance_m: float = 1_000.0) -> Candidate:
    return Candidate(name, 66.0, 17.9, counts, distance_m)


def test_it_measures_the_trend_as_the_later_half_against_the_earlier():
    assert trend(AREA) == pytest.approx(math.log(19 / 12))
    assert trend((5, 5, 5, 5)) == 0.0
    assert trend((3,)) == 0.0


def test_it_adds_the_differences_of_level_and_trend():
    other = (1, 1, 1, 1, 2, 2, 2, 2)  # 12 incidents, 4 then 8
    expected = abs(math.log(13 / 30)) + abs(math.log(9 / 5) - math.log(19 / 12))
    assert dissimilarity(AREA, other) == pytest.approx(expected)
    assert dissimilarity(AREA, AREA) == 0.0


def test_it_proposes_the_most_similar_place():
    same = candidate("Kyrkbacken", (3, 2, 3, 3, 4, 4, 5, 5))  # 29, rising as the area does
    flat = candidate("Hamnen", (4, 4, 3, 4, 4, 3, 4, 3))  # 29, flat
    busy = candidate("Torget", (9, 9, 9, 9, 9, 9, 9, 9))
    assert propose(AREA, [flat, busy, same]) == same


def test_it_never_proposes_a_place_closer_than_500_metres():
    twin = candidate("Granngården", AREA, distance_m=499.9)
    other = candidate("Skolan", (1, 1, 1, 1, 1, 1, 1, 1), distance_m=500.0)
    assert propose(AREA, [twin, other]) == other
    assert propose(AREA, [twin]) is None


def test_it_breaks_ties_by_name():
    chosen = propose(AREA, [candidate("B", AREA), candidate("A", AREA)])
    assert chosen is not None and chosen.name == "A"
