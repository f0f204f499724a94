"""The selector the meetings and follow-up use: tasks falling due in a date range, per municipality."""

from __future__ import annotations

import datetime

from samverkan.followup.seasons import services
from samverkan.followup.seasons.models import EventKind
from samverkan.followup.seasons.selectors import tasks_due
from samverkan.situation.models import RecurringEvent


def test_it_lists_the_tasks_due_in_the_range_for_the_municipalities_given(car_testing, world):
    services.tasks_prepare(event=car_testing, year=2026, kind=EventKind.HOLIDAY)
    services.tasks_prepare(event=car_testing, year=2027, kind=EventKind.HOLIDAY)
    market = RecurringEvent.objects.create(
        municipality=world.arvidsjaur, name="Marknad", start_month=1, start_day=20, end_month=1, end_day=22
    )
    services.tasks_prepare(event=market, year=2026, kind=EventKind.MARKET)

    due = tasks_due(municipalities=[world.arjeplog], start=datetime.date(2025, 12, 1), end=datetime.date(2025, 12, 31))

    assert [(t.event.name, t.year, t.due_on) for t in due] == [("Biltestsäsong", 2026, datetime.date(2025, 12, 8))] * 3
    both = tasks_due(
        municipalities=[world.arjeplog, world.arvidsjaur],
        start=datetime.date(2025, 12, 8),
        end=datetime.date(2025, 12, 21),
    )
    assert [t.due_on for t in both] == [datetime.date(2025, 12, 8)] * 3 + [datetime.date(2025, 12, 21)] * 5
