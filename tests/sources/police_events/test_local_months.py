"""An event belongs to its month in Swedish time, kept on the event whenever it is saved."""

from __future__ import annotations

import datetime
import zoneinfo

from samverkan.sources.police_events.local_time import local_month
from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.police_events.series import police_event_series
from tests.sources.police_events.support import event, import_file

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def test_it_gives_the_swedish_month_of_a_moment():
    assert local_month(datetime.datetime(2025, 1, 31, 23, 30, tzinfo=datetime.UTC)) == (2025, 2)  # 00:30 CET
    assert local_month(datetime.datetime(2025, 1, 31, 22, 59, tzinfo=datetime.UTC)) == (2025, 1)  # 23:59 CET
    assert local_month(datetime.datetime(2025, 6, 30, 22, 0, tzinfo=datetime.UTC)) == (2025, 7)  # 00:00 CEST
    assert local_month(datetime.datetime(2025, 6, 30, 21, 59, tzinfo=datetime.UTC)) == (2025, 6)  # 23:59 CEST


def test_it_counts_an_event_late_on_the_last_utc_day_in_the_next_month(world):
    event(world.arjeplog, 1, datetime.datetime(2025, 1, 31, 23, 30, tzinfo=datetime.UTC))
    january = police_event_series(
        municipality=world.arjeplog, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 1, 31)
    )
    february = police_event_series(
        municipality=world.arjeplog, start=datetime.date(2025, 2, 1), end=datetime.date(2025, 2, 28)
    )
    assert (january.total(), february.total()) == (0, 1)
    assert february.by_month() == {(2025, 2): 1}


def test_it_moves_the_month_with_the_date(world):
    moved = event(world.arjeplog, 1, datetime.datetime(2025, 1, 15, 12, tzinfo=datetime.UTC))
    moved.occurred_at = datetime.datetime(2025, 3, 31, 22, 30, tzinfo=datetime.UTC)  # 1 April in Sweden
    moved.save(update_fields=["occurred_at"])
    assert PoliceEvent.objects.values_list("year", "month").get(pk=moved.pk) == (2025, 4)


def test_it_stores_the_swedish_month_of_imported_events(world):
    import_file("events.json")
    assert PoliceEvent.objects.exists()
    for occurred_at, year, month in PoliceEvent.objects.values_list("occurred_at", "year", "month"):
        swedish = occurred_at.astimezone(STOCKHOLM)
        assert (year, month) == (swedish.year, swedish.month)
