"""The comparison place proposed for an intervention's area: of the candidate places, the one whose incidents
before the start were most like the area's, in level and in trend, and at least the minimum distance away. Pure:
plain data in and out, no Django."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

MIN_DISTANCE_M = 500  # metres, edge to edge: the comparison place's distance from the area


@dataclass(frozen=True)
class Candidate:
    """A place the comparison could be: a circle of the area's radius around (lat, lng)."""

    name: str
    lat: float
    lng: float
    counts: tuple[int, ...]  # its incidents per month before the start, oldest first
    distance_m: float  # from the area, edge to edge


def trend(counts: Sequence[int]) -> float:
    """How the counts moved over the period: the log ratio of the later half to the earlier (plus one each, so an
    empty half is no infinity). 0 for a flat series."""
    half = len(counts) // 2
    if half == 0:
        return 0.0
    return math.log((1 + sum(counts[-half:])) / (1 + sum(counts[:half])))


def dissimilarity(area: Sequence[int], candidate: Sequence[int]) -> float:
    """How unlike the two series are: the log ratio of their totals (level) plus the difference of their trends,
    both on the log scale, so a place with twice the incidents is as far off as one whose trend doubled."""
    level = abs(math.log((1 + sum(candidate)) / (1 + sum(area))))
    return level + abs(trend(candidate) - trend(area))


def propose(
    area: Sequence[int], candidates: Sequence[Candidate], *, min_distance_m: float = MIN_DISTANCE_M
) -> Candidate | None:
    """The candidate most like the area at least `min_distance_m` from it (ties by name); None when none is far
    enough away."""
    eligible = [c for c in candidates if c.distance_m >= min_distance_m]
    return min(eligible, key=lambda c: (dissimilarity(area, c.counts), c.name), default=None)
