"""Reads of the police events: what counts for a municipality in a period.

Counted: the events placed in the municipality, published from `start` to `end` (both days included,
Swedish time). Never counted: "Sammanfattning …" events, which bundle many, and county-wide events.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, DateField, QuerySet
from django.db.models.functions import TruncMonth

from samverkan.organisations.models import Municipality
from samverkan.sources.police_events.models import PoliceEvent


def police_events_counted(*, municipality: Municipality, start: datetime.date, end: datetime.date) -> QuerySet:
    return PoliceEvent.objects.filter(
        municipality=municipality, is_summary=False, occurred_at__date__gte=start, occurred_at__date__lte=end
    )


def police_events_by_type(
    *, municipality: Municipality, start: datetime.date, end: datetime.date
) -> list[tuple[str, int]]:
    """(type, count), the most frequent first."""
    rows = (
        police_events_counted(municipality=municipality, start=start, end=end)
        .values("type_key", "type")
        .annotate(count=Count("id"))
        .order_by("-count", "type_key")
    )
    return [(row["type"], row["count"]) for row in rows]


def police_events_by_month(
    *, municipality: Municipality, start: datetime.date, end: datetime.date
) -> list[tuple[datetime.date, int]]:
    """(first day of the month, count) for every month from start to end, months without events as 0."""
    counts = dict(
        police_events_counted(municipality=municipality, start=start, end=end)
        .annotate(month=TruncMonth("occurred_at", output_field=DateField()))
        .values("month")
        .annotate(count=Count("id"))
        .values_list("month", "count")
    )
    months = []
    month = start.replace(day=1)
    while month <= end:
        months.append((month, counts.get(month, 0)))
        month = (month + datetime.timedelta(days=31)).replace(day=1)
    return months
