"""The incident series count exactly the incidents that began in a window of Stockholm local dates."""

from __future__ import annotations

import datetime
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan.core.hexagons import cells_for
from samverkan.sources.incidents.models import Incident
from samverkan.sources.incidents.series import (
    CategoryTotal,
    IncidentCount,
    first_incident_month,
    incident_cells,
    incident_points,
    incident_series,
)
from tests.sources.incidents.test_aggregates import category

STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = datetime.UTC
D = datetime.date
TORGET, HAMNEN = (66.05, 17.89), (66.5, 17.5)


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=UTC)


def log(world, when: datetime.datetime, name: str = "Klotter", severity: int = 1, at=TORGET) -> Incident:
    return Incident.objects.create(
        municipality=world.arjeplog,
        category=category(world, name),
        occurred_from=when,
        lat=at[0],
        lng=at[1],
        severity=severity,
        description="Klotter",
    )


@pytest.fixture
def logged(world) -> None:
    """Incidents around month ends and the clock changes of 2025 (UTC times; local in the comments)."""
    log(world, utc(2024, 12, 31, 22, 30))  # 2024-12-31 23:30
    log(world, utc(2024, 12, 31, 23, 30), "Brand", 3)  # 2025-01-01 00:30
    log(world, utc(2025, 1, 14, 22, 59))  # 2025-01-14 23:59
    log(world, utc(2025, 1, 14, 23, 0), severity=2, at=HAMNEN)  # 2025-01-15 00:00
    log(world, utc(2025, 1, 31, 23, 30), "Brand", 2)  # 2025-02-01 00:30
    log(world, utc(2025, 2, 10, 12, 0), at=HAMNEN)  # 2025-02-10 13:00
    log(world, utc(2025, 3, 29, 23, 30))  # 2025-03-30 00:30, the night the clocks go forward
    log(world, utc(2025, 3, 30, 1, 30), "Brand")  # 2025-03-30 03:30 (summer time)
    log(world, utc(2025, 3, 31, 21, 59), severity=3)  # 2025-03-31 23:59
    log(world, utc(2025, 3, 31, 22, 0))  # 2025-04-01 00:00
    log(world, utc(2025, 10, 25, 22, 30))  # 2025-10-26 00:30, the night the clocks go back
    log(world, utc(2025, 10, 26, 1, 30), "Brand")  # 2025-10-26 02:30 (winter time again)
    log(world, utc(2025, 10, 31, 23, 30), at=HAMNEN)  # 2025-11-01 00:30


def test_it_counts_whole_months_in_local_time(world, logged):
    series = incident_series(municipality=world.arjeplog, start=D(2025, 1, 1), end=D(2025, 3, 31))
    assert series.counts == (
        IncidentCount(2025, 1, "Brand", "BRÅ", 1, 3),
        IncidentCount(2025, 1, "Klotter", "BRÅ", 2, 3),
        IncidentCount(2025, 2, "Brand", "BRÅ", 1, 2),
        IncidentCount(2025, 2, "Klotter", "BRÅ", 1, 1),
        IncidentCount(2025, 3, "Brand", "BRÅ", 1, 1),
        IncidentCount(2025, 3, "Klotter", "BRÅ", 2, 4),
    )
    assert series.total() == 8
    assert series.by_month() == {(2025, 1): 3, (2025, 2): 2, (2025, 3): 3}
    assert series.by_category() == {
        "Klotter": CategoryTotal("Klotter", "BRÅ", 5, 8 / 5),
        "Brand": CategoryTotal("Brand", "BRÅ", 3, 2.0),
    }


def test_it_counts_partial_edge_months_from_local_midnight(world, logged):
    # 15 January 00:00 to 30 March 23:59 local: a partial January, a whole February, a partial March.
    series = incident_series(municipality=world.arjeplog, start=D(2025, 1, 15), end=D(2025, 3, 30))
    assert series.by_month() == {(2025, 1): 1, (2025, 2): 2, (2025, 3): 2}
    assert series.by_year() == {2025: 5}
    assert series.by_year("Brand") == {2025: 2}
    one_day = incident_series(municipality=world.arjeplog, start=D(2025, 3, 30), end=D(2025, 3, 30))
    assert one_day.counts == (
        IncidentCount(2025, 3, "Brand", "BRÅ", 1, 1),
        IncidentCount(2025, 3, "Klotter", "BRÅ", 1, 1),
    )


def test_it_counts_the_nights_the_clocks_change(world, logged):
    before = incident_series(municipality=world.arjeplog, start=D(2025, 3, 1), end=D(2025, 3, 29))
    assert before.total() == 0
    october = incident_series(municipality=world.arjeplog, start=D(2025, 10, 26), end=D(2025, 10, 31))
    assert october.total() == 2
    november = incident_series(municipality=world.arjeplog, start=D(2025, 11, 1), end=D(2025, 11, 30))
    assert november.by_month() == {(2025, 11): 1}


def test_it_shows_every_month_and_year_of_the_window(world, logged):
    series = incident_series(municipality=world.arjeplog, start=D(2024, 11, 20), end=D(2026, 1, 10))
    months = series.by_month()
    assert list(months)[0] == (2024, 11) and list(months)[-1] == (2026, 1) and len(months) == 15
    assert (months[(2024, 11)], months[(2024, 12)], months[(2025, 6)], months[(2026, 1)]) == (0, 1, 0, 0)
    assert series.by_year() == {2024: 1, 2025: 12, 2026: 0}
    assert series.total() == 13


def test_it_takes_whole_months_within_a_series(world, logged):
    series = incident_series(municipality=world.arjeplog, start=D(2025, 1, 15), end=D(2025, 12, 31))
    assert series.within(D(2025, 1, 15), D(2025, 2, 28)).by_month() == {(2025, 1): 1, (2025, 2): 2}
    assert series.within(D(2025, 3, 1), D(2025, 3, 31)).total() == 3
    with pytest.raises(ValueError):
        series.within(D(2025, 3, 1), D(2025, 3, 30))
    with pytest.raises(ValueError):
        series.within(D(2025, 2, 2), D(2025, 3, 31))
    with pytest.raises(ValueError):
        series.within(D(2025, 1, 1), D(2025, 3, 31))


def test_it_refuses_a_window_that_ends_before_it_starts(world):
    with pytest.raises(ValueError):
        incident_series(municipality=world.arjeplog, start=D(2025, 2, 1), end=D(2025, 1, 31))


def test_it_counts_cells_and_lists_points(world, logged):
    torget, hamnen = cells_for(*TORGET), cells_for(*HAMNEN)
    cells = incident_cells(municipality=world.arjeplog, start=D(2025, 1, 15), end=D(2025, 2, 28), resolution=9)
    assert cells == dict(sorted({torget[9]: 1, hamnen[9]: 2}.items()))
    assert incident_cells(municipality=world.arjeplog, start=D(2025, 1, 1), end=D(2025, 12, 31), resolution=8) == dict(
        sorted({torget[8]: 9, hamnen[8]: 3}.items())
    )
    with pytest.raises(ValueError):
        incident_cells(municipality=world.arjeplog, start=D(2025, 1, 1), end=D(2025, 1, 31), resolution=7)
    points = incident_points(municipality=world.arjeplog, start=D(2025, 1, 15), end=D(2025, 2, 10))
    assert points == [HAMNEN, TORGET, HAMNEN]


def test_it_knows_the_first_month(world, logged):
    assert first_incident_month(municipality=world.arjeplog) == (2024, 12)
    assert first_incident_month(municipality=world.arvidsjaur) is None


def test_it_counts_any_window_like_a_plain_recount(world):
    names = ["Klotter", "Brand"]
    categories = {name: category(world, name) for name in names}
    moments = st.datetimes(
        min_value=datetime.datetime(2024, 12, 1), max_value=datetime.datetime(2026, 2, 28), timezones=st.just(UTC)
    )
    incidents = st.lists(st.tuples(moments, st.sampled_from(names), st.sampled_from([TORGET, HAMNEN])), max_size=25)
    days = st.dates(min_value=D(2024, 11, 1), max_value=D(2026, 3, 31))

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(incidents, days, days)
    def check(rows, first, second):
        start, end = min(first, second), max(first, second)
        with transaction.atomic():
            Incident.objects.bulk_create(
                [
                    Incident(
                        municipality=world.arjeplog,
                        category=categories[name],
                        occurred_from=when,
                        lat=at[0],
                        lng=at[1],
                        h3_r8=cells_for(*at)[8],
                        h3_r9=cells_for(*at)[9],
                        severity=1,
                        description="Klotter",
                    )
                    for when, name, at in rows
                ]
            )
            inside = [(name, at) for when, name, at in rows if start <= when.astimezone(STOCKHOLM).date() <= end]
            series = incident_series(municipality=world.arjeplog, start=start, end=end)
            assert series.total() == len(inside)
            assert {name: total.count for name, total in series.by_category().items()} == Counter(n for n, _ in inside)
            cells = incident_cells(municipality=world.arjeplog, start=start, end=end, resolution=9)
            assert cells == Counter(cells_for(*at)[9] for _, at in inside)
            transaction.set_rollback(True)

    check()
