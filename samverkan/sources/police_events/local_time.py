"""Police events are counted by Swedish days and months, whatever time zone the feed or the server uses."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

SWEDEN = ZoneInfo("Europe/Stockholm")


def local_month(moment: datetime.datetime) -> tuple[int, int]:
    """(year, month) of the moment in Swedish time: 2025-01-31 23:30 UTC is (2025, 2)."""
    local = moment.astimezone(SWEDEN)
    return local.year, local.month


def local_bounds(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """Swedish midnight at `start` and at the day after `end`: the moments from `start` to `end`, both days included."""
    day_after = end + datetime.timedelta(days=1)
    midnight = datetime.time()
    return datetime.datetime.combine(start, midnight, SWEDEN), datetime.datetime.combine(day_after, midnight, SWEDEN)
