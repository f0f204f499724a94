"""Incident figures: the one place that counts incident rows.

A window is a span of local dates, both ends included. Its whole months are read from the monthly
aggregates (aggregates.py), its partial first and last months from the raw rows between local
midnights, so a window's count always equals a plain count of the incidents that began in it
(Europe/Stockholm time).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Sum, Value, When

from samverkan.organisations.lib.areas import Region
from samverkan.organisations.models import Municipality
from samverkan.sources.incidents.models import CELL_RESOLUTIONS, Incident, IncidentCellMonth, IncidentMonth
from samverkan.sources.incidents.months import Month, day_start, first_day, last_day, local_month, months_between

BACKWARDS = "the window ends before it starts: {start} – {end}"
OUTSIDE = "{start} – {end} is not within the series' {series_start} – {series_end}"
PARTIAL_MONTH = "{start} – {end} cuts a month of the series; only whole months can be taken"
NO_RESOLUTION = "incidents are counted per cell at resolutions {resolutions}, not {resolution}"


@dataclass(frozen=True)
class IncidentCount:
    """The incidents of one category that began in one local month."""

    year: int
    month: int
    category: str
    focus_area: str  # FocusArea.short_name, or "" when the category has none
    count: int
    severity_sum: int


@dataclass(frozen=True)
class CategoryTotal:
    category: str
    focus_area: str
    count: int
    mean_severity: float | None


@dataclass(frozen=True)
class IncidentSeries:
    """A municipality's incidents per category and month over start..end (local dates, both included)."""

    start: datetime.date
    end: datetime.date
    counts: tuple[IncidentCount, ...]  # by year, month and category; only counts above zero

    def total(self) -> int:
        return sum(count.count for count in self.counts)

    def by_category(self) -> dict[str, CategoryTotal]:
        """Each category's total, the largest first (ties by name)."""
        counts: Counter[str] = Counter()
        severities: Counter[str] = Counter()
        focus: dict[str, str] = {}
        for count in self.counts:
            counts[count.category] += count.count
            severities[count.category] += count.severity_sum
            focus[count.category] = count.focus_area
        names = sorted(counts, key=lambda name: (-counts[name], name))
        return {
            name: CategoryTotal(
                name, focus[name], counts[name], severities[name] / counts[name] if counts[name] else None
            )
            for name in names
        }

    def by_month(self) -> dict[Month, int]:
        """Every month of the window in order, 0 when nothing happened."""
        months = dict.fromkeys(_months(self.start, self.end), 0)
        for count in self.counts:
            months[count.year, count.month] += count.count
        return months

    def by_year(self, category: str | None = None) -> dict[int, int]:
        """Every year of the window in order, 0 when nothing happened; of one category if given."""
        years = dict.fromkeys(range(self.start.year, self.end.year + 1), 0)
        for count in self.counts:
            if category is None or count.category == category:
                years[count.year] += count.count
        return years

    def within(self, start: datetime.date, end: datetime.date) -> IncidentSeries:
        """The part of the series from start to end, which must not cut one of its months."""
        if end < start:
            raise ValueError(BACKWARDS.format(start=start, end=end))
        if not self.start <= start <= end <= self.end:
            raise ValueError(OUTSIDE.format(start=start, end=end, series_start=self.start, series_end=self.end))
        if (start != self.start and start.day != 1) or (end != self.end and end != last_day((end.year, end.month))):
            raise ValueError(PARTIAL_MONTH.format(start=start, end=end))
        first, last = (start.year, start.month), (end.year, end.month)
        return IncidentSeries(start, end, tuple(c for c in self.counts if first <= (c.year, c.month) <= last))


@dataclass(frozen=True)
class _Edge:
    """A month the window covers only in part, counted from the raw rows."""

    month: Month
    begin: datetime.datetime
    end: datetime.datetime


def _months(start: datetime.date, end: datetime.date) -> list[Month]:
    return months_between((start.year, start.month), (end.year, end.month))


def _split(start: datetime.date, end: datetime.date) -> tuple[list[Month], list[_Edge]]:
    """The window's whole months, and its partial (edge) months with their local bounds."""
    if end < start:
        raise ValueError(BACKWARDS.format(start=start, end=end))
    whole, edges = [], []
    for month in _months(start, end):
        first, last = max(start, first_day(month)), min(end, last_day(month))
        if (first, last) == (first_day(month), last_day(month)):
            whole.append(month)
        else:
            edges.append(_Edge(month, day_start(first), day_start(last + datetime.timedelta(days=1))))
    return whole, edges


def _in_months(months: list[Month]) -> Q:
    """Rows with (year, month) from the first to the last of the (consecutive) months."""
    (first_year, first_month), (last_year, last_month) = months[0], months[-1]
    return (
        Q(year__gte=first_year, year__lte=last_year)
        & (Q(year__gt=first_year) | Q(month__gte=first_month))
        & (Q(year__lt=last_year) | Q(month__lte=last_month))
    )


def _span(edge: _Edge) -> Q:
    return Q(occurred_from__gte=edge.begin, occurred_from__lt=edge.end)


def _raw(municipality_ids: list[int], edges: list[_Edge]) -> QuerySet[Incident]:
    """The incidents of the edge months."""
    within = Q()
    for edge in edges:
        within |= _span(edge)
    return Incident.objects.filter(within, municipality_id__in=municipality_ids).order_by()


def incident_series(*, municipality: Municipality, start: datetime.date, end: datetime.date) -> IncidentSeries:
    """The municipality's incidents per category and month that began from start to end (local dates)."""
    return incident_series_by_municipality(municipality_ids=[municipality.pk], start=start, end=end)[municipality.pk]


def incident_series_by_municipality(
    *, municipality_ids: Iterable[int], start: datetime.date, end: datetime.date
) -> dict[int, IncidentSeries]:
    """Each municipality's incidents per category and month that began from start to end (local dates), by its id:
    one grouped query for the whole months and one for the partial ones, however many municipalities."""
    ids = list(municipality_ids)
    whole, edges = _split(start, end)
    counts: dict[int, list[IncidentCount]] = {pk: [] for pk in ids}
    if whole and ids:
        rows = IncidentMonth.objects.filter(_in_months(whole), municipality_id__in=ids).values_list(
            "municipality_id",
            "year",
            "month",
            "category__name",
            "category__focus_area__short_name",
            "count",
            "severity_sum",
        )
        for pk, year, month, name, focus, n, severity in rows:
            counts[pk].append(IncidentCount(year, month, name, focus or "", n, severity))
    if edges and ids:
        edge_rows = (
            _raw(ids, edges)
            .annotate(
                edge=Case(*(When(_span(e), then=Value(i)) for i, e in enumerate(edges)), output_field=IntegerField())
            )
            .values_list("municipality_id", "edge", "category__name", "category__focus_area__short_name")
            .annotate(Count("id"), Sum("severity"))
        )
        for pk, edge, name, focus, n, severity in edge_rows:
            year, month = edges[edge].month
            counts[pk].append(IncidentCount(year, month, name, focus or "", n, severity))
    return {
        pk: IncidentSeries(start, end, tuple(sorted(found, key=lambda c: (c.year, c.month, c.category))))
        for pk, found in counts.items()
    }


def incident_cells(
    *, municipality: Municipality, start: datetime.date, end: datetime.date, resolution: int
) -> dict[str, int]:
    """Incidents per H3 cell (at resolution 8 or 9) that began from start to end, by cell id."""
    if resolution not in CELL_RESOLUTIONS:
        raise ValueError(NO_RESOLUTION.format(resolutions=CELL_RESOLUTIONS, resolution=resolution))
    whole, edges = _split(start, end)
    cells: Counter[str] = Counter()
    if whole:
        rows = (
            IncidentCellMonth.objects.filter(_in_months(whole), municipality=municipality, resolution=resolution)
            .values_list("cell")
            .annotate(Sum("count"))
            .order_by()
        )
        cells.update(dict(rows))
    if edges:
        cells.update(dict(_raw([municipality.pk], edges).values_list(f"h3_r{resolution}").annotate(Count("id"))))
    return dict(sorted(cells.items()))


def incident_points(
    *, municipality: Municipality, start: datetime.date, end: datetime.date
) -> list[tuple[float, float]]:
    """Where each incident that began from start to end happened, as (lat, lng), the earliest first."""
    if end < start:
        raise ValueError(BACKWARDS.format(start=start, end=end))
    rows = Incident.objects.filter(
        municipality=municipality,
        occurred_from__gte=day_start(start),
        occurred_from__lt=day_start(end + datetime.timedelta(days=1)),
    )
    return list(rows.order_by("occurred_from", "id").values_list("lat", "lng"))


def monthly_in_areas(
    *,
    municipality: Municipality,
    areas: Mapping[str, Region],
    categories: list[str] | None,
    start: datetime.date,
    end: datetime.date,
) -> dict[str, dict[Month, int]]:
    """For each named area (a circle, a polygon or a ring around one), its incidents per local month that began
    from start to end (local dates, both included), every month of the window in order, 0 when nothing happened.
    Only the given categories (by name; None or [] for all). The database takes the incidents within the areas'
    bounding boxes, Python the exact test of each point.

    Police events are never counted in an area: the police give the municipality's centre as their place."""
    if end < start:
        raise ValueError(BACKWARDS.format(start=start, end=end))
    counts = {name: dict.fromkeys(_months(start, end), 0) for name in areas}
    if not areas:
        return counts
    within = Q()
    for region in areas.values():
        min_lat, min_lng, max_lat, max_lng = region.bbox()
        within |= Q(lat__gte=min_lat, lat__lte=max_lat, lng__gte=min_lng, lng__lte=max_lng)
    rows = Incident.objects.filter(
        within,
        municipality=municipality,
        occurred_from__gte=day_start(start),
        occurred_from__lt=day_start(end + datetime.timedelta(days=1)),
    )
    if categories:
        rows = rows.filter(category__name__in=categories)
    found = list(rows.order_by().values_list("occurred_from", "lat", "lng"))
    points = [(lat, lng) for _, lat, lng in found]
    months = [local_month(moment) for moment, _, _ in found]
    for name, region in areas.items():
        for month, inside in zip(months, region.contains_each(points), strict=True):
            if inside:
                counts[name][month] += 1
    return counts


def monthly_in_area(
    *,
    municipality: Municipality,
    area: Region,
    categories: list[str] | None,
    start: datetime.date,
    end: datetime.date,
) -> dict[Month, int]:
    """The area's incidents per local month from start to end (see monthly_in_areas)."""
    return monthly_in_areas(
        municipality=municipality, areas={"area": area}, categories=categories, start=start, end=end
    )["area"]


def first_incident_month(*, municipality: Municipality) -> Month | None:
    """The local (year, month) of the municipality's first incident, or None when it has none."""
    return (
        IncidentMonth.objects.filter(municipality=municipality)
        .order_by("year", "month")
        .values_list("year", "month")
        .first()
    )
