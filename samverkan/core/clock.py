"""The one clock: code that needs the time reads it here, or takes `today` as an argument.

Tests move it for the whole process (tests/conftest.py, SAMVERKAN_TEST_TODAY), so the suite can be run
on any date.
"""

from __future__ import annotations

import datetime

from django.utils import timezone


def now() -> datetime.datetime:
    return timezone.now()


def today() -> datetime.date:
    """Today in the project's time zone (Europe/Stockholm)."""
    return timezone.localdate(now())
