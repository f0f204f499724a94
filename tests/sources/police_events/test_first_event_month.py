"""A municipality's first counted event, by Swedish month: summaries and county-wide events do not count."""

from __future__ import annotations

import datetime

from samverkan.sources.police_events.series import first_event_month
from tests.sources.police_events.support import event

UTC = datetime.UTC


def test_it_finds_the_month_of_the_first_counted_event(world):
    event(world.arjeplog, 1, datetime.datetime(2024, 9, 1, 12, tzinfo=UTC), "Sammanfattning natt", summary=True)
    event(None, 2, datetime.datetime(2024, 10, 1, 12, tzinfo=UTC))
    event(world.arjeplog, 3, datetime.datetime(2025, 3, 2, 12, tzinfo=UTC))
    event(world.arjeplog, 4, datetime.datetime(2024, 11, 30, 23, 30, tzinfo=UTC))  # 1 December in Sweden
    assert first_event_month(municipality=world.arjeplog) == (2024, 12)
    assert first_event_month(municipality=world.arvidsjaur) is None
