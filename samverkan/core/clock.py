"""The one clock: code that needs the time reads it here, or takes `today` as an argument.

Tests move it for the whole process (tests/conftest.py, SAMVERKAN_TEST_TODAY), so the suite can be run
on any date. Plain Python, so the pure modules may read it: the same moment as Django's timezone.now()
(USE_TZ), and today in the project's time zone, which settings.TIME_ZONE takes from here.
"""

from __future__ import annotations

import datetime
import zoneinfo

TIME_ZONE = "Europe/Stockholm"


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def today() -> datetime.date:
    """Today in the project's time zone (Europe/Stockholm)."""
    return now().astimezone(zoneinfo.ZoneInfo(TIME_ZONE)).date()
