"""Police events counted once: per Swedish month and type, for a municipality and a period.

The counting rule, in one place. An event counts for a municipality when the feed placed it there
(county-wide events and unknown places count for none) and polisen.se published it from local
midnight of `start` up to local midnight after `end`. "Sammanfattning …" events, which bundle many,
never count. Months are Europe/Stockholm months, stored on each event when it is written (`year`,
`month`), so the database groups plain columns and no time-zone function runs per row.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from samverkan.organisations.models import Municipality
from samverkan.sources.police_events.local_time import local_bounds
from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.police_events.parse import type_display
from samverkan.sources.police_events.parse import type_key as normalised_type

OUTSIDE_SERIES = "{start} to {end} is not within the series' {first} to {last}"
PARTIAL_MONTH = "{start} to {end} cuts a month of the series: counts are kept per whole month"


@dataclass(frozen=True)
class EventCount:
    year: int
    month: int
    type_key: str
    type: str  # how the type is shown: "Trafikolycka, vilt", "Fylleri/LOB"
    count: int


@dataclass(frozen=True)
class TypeTotal:
    type_key: str
    type: str
    count: int


def _months(start: datetime.date, end: datetime.date) -> list[tuple[int, int]]:
    """Every (year, month) from start's month to end's month."""
    first, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    return [(number // 12, number % 12 + 1) for number in range(first, last + 1)]


def _last_day(day: datetime.date) -> bool:
    return (day + datetime.timedelta(days=1)).day == 1


@dataclass(frozen=True)
class PoliceEventSeries:
    """The counted events of one municipality from `start` to `end` (both days included)."""

    start: datetime.date
    end: datetime.date
    counts: tuple[EventCount, ...]  # one per month and type with events, by month then type key

    def months(self) -> list[tuple[int, int]]:
        return _months(self.start, self.end)

    def total(self) -> int:
        return sum(c.count for c in self.counts)

    def by_type(self) -> dict[str, TypeTotal]:
        """Totals per type key, the most frequent first (then by type key)."""
        totals: Counter[str] = Counter()
        for c in self.counts:
            totals[c.type_key] += c.count
        ordered = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
        return {key: TypeTotal(key, type_display(key), count) for key, count in ordered}

    def by_month(self) -> dict[tuple[int, int], int]:
        """(year, month) -> events, for every month of the series, 0 where none."""
        totals = dict.fromkeys(self.months(), 0)
        for c in self.counts:
            totals[c.year, c.month] += c.count
        return totals

    def by_year(self, type_key: str | None = None) -> dict[int, int]:
        """year -> events (of one type, when given in any spelling), for every year of the series."""
        key = None if type_key is None else normalised_type(type_key)
        totals = dict.fromkeys(range(self.start.year, self.end.year + 1), 0)
        for c in self.counts:
            if key is None or c.type_key == key:
                totals[c.year] += c.count
        return totals

    def within(self, start: datetime.date, end: datetime.date) -> PoliceEventSeries:
        """The part of the series from `start` to `end`, which must not cut one of its months."""
        if not self.start <= start <= end <= self.end:
            raise ValueError(OUTSIDE_SERIES.format(start=start, end=end, first=self.start, last=self.end))
        if (start != self.start and start.day != 1) or (end != self.end and not _last_day(end)):
            raise ValueError(PARTIAL_MONTH.format(start=start, end=end))
        first, last = (start.year, start.month), (end.year, end.month)
        kept = tuple(c for c in self.counts if first <= (c.year, c.month) <= last)
        return PoliceEventSeries(start, end, kept)


def _counted(municipality: Municipality) -> QuerySet[PoliceEvent]:
    return PoliceEvent.objects.filter(municipality=municipality, is_summary=False)


def police_events_in(*, municipality: Municipality, start: datetime.date, end: datetime.date) -> QuerySet[PoliceEvent]:
    """The counted events themselves, newest first: for listing them, never for counting."""
    since, until = local_bounds(start, end)
    return _counted(municipality).filter(occurred_at__gte=since, occurred_at__lt=until)


def police_event_series(*, municipality: Municipality, start: datetime.date, end: datetime.date) -> PoliceEventSeries:
    """The municipality's counted events from `start` to `end`, per Swedish month and type: one query."""
    return police_event_series_by_municipality(municipality_ids=[municipality.pk], start=start, end=end)[
        municipality.pk
    ]


def police_event_series_by_municipality(
    *, municipality_ids: Iterable[int], start: datetime.date, end: datetime.date
) -> dict[int, PoliceEventSeries]:
    """Each municipality's counted events from `start` to `end`, per Swedish month and type, by its id: one
    grouped query however many municipalities."""
    ids = list(municipality_ids)
    since, until = local_bounds(start, end)
    rows = (
        PoliceEvent.objects.filter(municipality_id__in=ids, is_summary=False)
        .filter(occurred_at__gte=since, occurred_at__lt=until)
        .order_by()
        .values("municipality_id", "year", "month", "type_key")
        .annotate(count=Count("id"))
        .values_list("municipality_id", "year", "month", "type_key", "count")
    )
    counts: dict[int, list[EventCount]] = {pk: [] for pk in ids}
    for pk, year, month, key, count in sorted(rows):
        counts[pk].append(EventCount(year, month, key, type_display(key), count))
    return {pk: PoliceEventSeries(start, end, tuple(found)) for pk, found in counts.items()}


def first_event_month(*, municipality: Municipality) -> tuple[int, int] | None:
    """(year, month) of the municipality's first counted event in Swedish time; None when it has none."""
    return _counted(municipality).order_by("occurred_at").values_list("year", "month").first()
