"""Proposing a comparison place for an intervention's area (the choice itself is lib/proposal.py's): circles of
the area's size centred on the municipality's named places and on the H3 cells where incidents happened before
the start, each counted the way the estimate counts (sources.incidents.series.monthly_in_area)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.utils.translation import gettext as _

from samverkan.core import hexagons
from samverkan.core.figures import figure
from samverkan.organisations.lib.areas import Area, Circle
from samverkan.organisations.lib.places import nearest
from samverkan.organisations.models import Municipality, NamedPlace
from samverkan.planning.effects.lib.proposal import MIN_DISTANCE_M, Candidate, propose
from samverkan.planning.effects.selectors import BEFORE_MONTHS
from samverkan.sources.incidents.models import IncidentCellMonth
from samverkan.sources.incidents.series import monthly_in_areas

CELL_RESOLUTION = 9
CELLS_MAX = 40  # the busiest cells before the start; with the named places, a few dozen queries at most
SAME_PLACE_M = 100.0  # a cell's centre this close to a named place is that place


@dataclass(frozen=True)
class ProposedComparison:
    name: str
    area: Circle
    before: int  # its incidents before the start
    area_before: int  # the area's


def _before_window(start: datetime.date, months: int) -> tuple[datetime.date, datetime.date]:
    """The whole months before the start's month."""
    first = start.year * 12 + start.month - 1 - months
    return datetime.date(first // 12, first % 12 + 1, 1), start.replace(day=1) - datetime.timedelta(days=1)


def _centres(municipality: Municipality, first: datetime.date, last: datetime.date) -> list[tuple[str, float, float]]:
    """The named places, and the busiest cells before the start away from them (named after the nearest place)."""
    places = list(NamedPlace.objects.filter(municipality=municipality).order_by("name"))
    centres = [(place.name, place.lat, place.lng) for place in places]
    cells = (
        IncidentCellMonth.objects.filter(municipality=municipality, resolution=CELL_RESOLUTION)
        .filter(year__gte=first.year)
        .exclude(year=first.year, month__lt=first.month)
        .filter(year__lte=last.year)
        .exclude(year=last.year, month__gt=last.month)
        .values("cell")
        .annotate(total=Sum("count"))
        .order_by("-total", "cell")[:CELLS_MAX]
    )
    points = [(place.lat, place.lng) for place in places]
    for row in cells:
        lat, lng = hexagons.centre(row["cell"])
        found = nearest(lat, lng, points)
        if found is not None and found[1] * 1000 < SAME_PLACE_M:
            continue
        if found is None:
            name = _("Cell %(cell)s") % {"cell": row["cell"]}
        else:
            metres = figure(round(found[1] * 1000), "count")
            name = _("Near %(place)s (%(distance)s m)") % {"place": places[found[0]].name, "distance": metres}
        centres.append((name, lat, lng))
    return centres


def comparison_proposal(
    *, municipality: Municipality, area: Area, start: datetime.date, categories: list[str] | None
) -> ProposedComparison | None:
    """The most similar place of the area's size in the municipality by the incidents of the months before the
    start, at least 500 m from the area; None when there is none."""
    first, last = _before_window(start, BEFORE_MONTHS)
    radius = area.equal_area_radius_m()
    circles: dict[str, Circle] = {}
    for name, lat, lng in _centres(municipality, first, last):
        circle = Circle(lat, lng, radius)
        if area.distance_m(circle) >= MIN_DISTANCE_M:  # the others propose() would refuse: not counted
            circles.setdefault(name, circle)
    counted = monthly_in_areas(
        municipality=municipality,
        areas={"": area, **{f"candidate {name}": circle for name, circle in circles.items()}},
        categories=categories,
        start=first,
        end=last,
    )
    area_counts = tuple(counted[""].values())
    candidates = [
        Candidate(name, circle.lat, circle.lng, tuple(counted[f"candidate {name}"].values()), area.distance_m(circle))
        for name, circle in circles.items()
    ]
    chosen = propose(area_counts, candidates)
    if chosen is None:
        return None
    return ProposedComparison(chosen.name, Circle(chosen.lat, chosen.lng, radius), sum(chosen.counts), sum(area_counts))
