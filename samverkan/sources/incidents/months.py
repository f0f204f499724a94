"""Local months: incidents are counted per Europe/Stockholm month of `occurred_from`.

The local month of a moment is computed here in Python, never by a database time-zone function,
so SQLite and PostgreSQL count the same way.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from django.utils import timezone

type Month = tuple[int, int]  # (year, month)


def local_month(moment: datetime.datetime) -> Month:
    local = moment.astimezone(timezone.get_default_timezone())
    return local.year, local.month


def day_start(day: datetime.date) -> datetime.datetime:
    """Local midnight at the start of the day (it always exists: Sweden changes its clocks at 02:00)."""
    return datetime.datetime.combine(day, datetime.time.min, timezone.get_default_timezone())


def first_day(month: Month) -> datetime.date:
    return datetime.date(month[0], month[1], 1)


def next_month(month: Month) -> Month:
    year, number = month
    return (year + 1, 1) if number == 12 else (year, number + 1)


def last_day(month: Month) -> datetime.date:
    return first_day(next_month(month)) - datetime.timedelta(days=1)


def month_bounds(month: Month) -> tuple[datetime.datetime, datetime.datetime]:
    """Local midnight at the month's first day, and at the next month's first day."""
    return day_start(first_day(month)), day_start(first_day(next_month(month)))


def months_between(first: Month, last: Month) -> list[Month]:
    """Every month from first to last, both included."""
    months, month = [], first
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months


class Bucket(NamedTuple):
    """One municipality's local month: the unit the monthly aggregates are recounted in."""

    municipality_id: int
    year: int
    month: int


def bucket_of(municipality_id: int, moment: datetime.datetime) -> Bucket:
    return Bucket(municipality_id, *local_month(moment))
