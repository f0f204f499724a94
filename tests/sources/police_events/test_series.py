"""A municipality's series, per Swedish month and type.

Summaries, county-wide events and other municipalities' events never count; types in any case are one.
"""

from __future__ import annotations

import datetime

import pytest

from samverkan.sources.police_events.series import EventCount, TypeTotal, police_event_series
from tests.sources.police_events.support import event

UTC = datetime.UTC
PERIOD = {"start": datetime.date(2024, 12, 1), "end": datetime.date(2025, 3, 31)}


@pytest.fixture
def events(world):
    at = datetime.datetime
    event(world.arjeplog, 1, at(2024, 11, 30, 23, 30, tzinfo=UTC), "Brand")  # 1 Dec 00:30 in Sweden
    event(world.arjeplog, 2, at(2024, 11, 30, 22, 30, tzinfo=UTC), "Brand")  # 30 Nov 23:30: before the period
    event(world.arjeplog, 3, at(2025, 1, 31, 23, 30, tzinfo=UTC), "Rattfylleri")  # 1 Feb 00:30
    event(world.arjeplog, 4, at(2025, 1, 31, 22, 30, tzinfo=UTC), "Rattfylleri")  # 31 Jan 23:30
    event(world.arjeplog, 5, at(2025, 1, 15, 12, tzinfo=UTC), "BRAND")
    event(world.arjeplog, 6, at(2025, 2, 10, 12, tzinfo=UTC), " brand ")
    event(world.arjeplog, 7, at(2025, 2, 11, 3, tzinfo=UTC), "Sammanfattning natt", summary=True)
    event(world.arjeplog, 8, at(2025, 3, 31, 21, 59, tzinfo=UTC), "Stöld")  # 31 Mar 23:59 summer time
    event(world.arjeplog, 9, at(2025, 3, 31, 22, 0, tzinfo=UTC), "Stöld")  # 1 Apr 00:00: after the period
    event(None, 10, at(2025, 2, 12, 12, tzinfo=UTC), "Trafikkontroll")  # county-wide
    event(world.arvidsjaur, 11, at(2025, 2, 12, 12, tzinfo=UTC), "Brand")


def test_it_counts_per_swedish_month_and_type(world, events):
    series = police_event_series(municipality=world.arjeplog, **PERIOD)
    assert series.counts == (
        EventCount(2024, 12, "brand", "Brand", 1),
        EventCount(2025, 1, "brand", "Brand", 1),
        EventCount(2025, 1, "rattfylleri", "Rattfylleri", 1),
        EventCount(2025, 2, "brand", "Brand", 1),
        EventCount(2025, 2, "rattfylleri", "Rattfylleri", 1),
        EventCount(2025, 3, "stöld", "Stöld", 1),
    )
    assert series.total() == 6


def test_it_totals_by_type_the_most_frequent_first(world, events):
    assert police_event_series(municipality=world.arjeplog, **PERIOD).by_type() == {
        "brand": TypeTotal("brand", "Brand", 3),
        "rattfylleri": TypeTotal("rattfylleri", "Rattfylleri", 2),
        "stöld": TypeTotal("stöld", "Stöld", 1),
    }


def test_it_totals_by_month_with_every_month_present(world, events):
    series = police_event_series(municipality=world.arjeplog, **PERIOD)
    assert series.by_month() == {(2024, 12): 1, (2025, 1): 2, (2025, 2): 2, (2025, 3): 1}
    quiet = police_event_series(municipality=world.lulea, **PERIOD)
    assert quiet.by_month() == {(2024, 12): 0, (2025, 1): 0, (2025, 2): 0, (2025, 3): 0}
    assert quiet.total() == 0 and quiet.by_type() == {}


def test_it_totals_by_year_of_one_type_in_any_spelling(world, events):
    series = police_event_series(municipality=world.arjeplog, **PERIOD)
    assert series.by_year() == {2024: 1, 2025: 5}
    assert series.by_year("BRAND") == {2024: 1, 2025: 2}
    assert series.by_year("Rån") == {2024: 0, 2025: 0}
