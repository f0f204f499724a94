"""The citizens' reports of a municipality as a figure of the lägesbild, counted once here.

The rule: a report counts in the period it was received in (received_at from `start` to `end`, both days
included, local time), by its category, whatever came of it. Only counts leave: never a point or a text.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q

from samverkan.organisations.models import Municipality
from samverkan.sources.citizen_reports.models import CitizenReport


@dataclass(frozen=True)
class ReportCount:
    category: str  # CitizenReport.Category's value
    count: int
    accepted: int  # of them, accepted into the incident log


def _bounds(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    first = datetime.datetime.combine(start, datetime.time.min, zone)
    after = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, zone)
    return first, after


def report_counts(*, municipality: Municipality, start: datetime.date, end: datetime.date) -> list[ReportCount]:
    """The reports received from `start` to `end` per category, in the categories' order: one query."""
    first, after = _bounds(start, end)
    rows = {
        category: (count, accepted)
        for category, count, accepted in CitizenReport.objects.filter(
            municipality=municipality, received_at__gte=first, received_at__lt=after
        )
        .order_by()
        .values_list("category")
        .annotate(n=Count("id"), accepted=Count("id", filter=Q(decision=CitizenReport.Decision.ACCEPTED)))
        .values_list("category", "n", "accepted")
    }
    return [
        ReportCount(category.value, *rows[category.value]) for category in CitizenReport.Category if category in rows
    ]
