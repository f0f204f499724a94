"""Incidents per local month in an area: exactly those whose point lies in it, in Stockholm months.

The points are laid out at known distances from the centre (tests/organisations/test_areas.py's destination),
so which area holds each is known from how it was made; the months are recounted here with zoneinfo."""

from __future__ import annotations

import datetime
import random
from collections import Counter
from zoneinfo import ZoneInfo

from samverkan.organisations.lib.areas import Circle, Polygon, Ring
from samverkan.sources.incidents.models import Incident
from samverkan.sources.incidents.series import monthly_in_area, monthly_in_areas
from tests.organisations.test_areas import destination
from tests.sources.incidents.test_aggregates import category

STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = datetime.UTC
D = datetime.date
CENTRE = (66.05, 17.89)
RADIUS = 300.0
ELSEWHERE = destination(*CENTRE, 0, 2000)  # the comparison, 2 km north


def log(world, when: datetime.datetime, at: tuple[float, float], name: str = "Klotter", municipality=None):
    return Incident.objects.create(
        municipality=municipality or world.arjeplog,
        category=category(world, name, municipality),
        occurred_from=when,
        lat=at[0],
        lng=at[1],
        severity=1,
        description="Klotter",
    )


def local_month(moment: datetime.datetime) -> tuple[int, int]:
    local = moment.astimezone(STOCKHOLM)
    return local.year, local.month


def test_it_counts_the_incidents_in_an_area_its_ring_and_a_comparison_per_local_month(world):
    rng = random.Random(14)
    expected: dict[str, Counter[tuple[int, int]]] = {"area": Counter(), "ring": Counter(), "comparison": Counter()}
    # Times near the ends of months, so a month counted in UTC would be wrong for some.
    moments = [
        datetime.datetime(2025, month, 1, 0, 0, tzinfo=UTC) + datetime.timedelta(hours=rng.choice([-3, -1, 1, 3]))
        for month in range(2, 12)
    ]
    for index in range(90):
        when = rng.choice(moments)
        bearing = rng.uniform(0, 360)
        fraction = rng.choice([rng.uniform(0, 0.95), rng.uniform(1.05, 1.95), rng.uniform(2.05, 4)])
        if index % 3 == 2:  # around the comparison instead
            log(world, when, destination(*ELSEWHERE, bearing, fraction * RADIUS))
            if fraction < 1:
                expected["comparison"][local_month(when)] += 1
            continue
        log(world, when, destination(*CENTRE, bearing, fraction * RADIUS), rng.choice(["Klotter", "Skadegörelse"]))
        if fraction < 1:
            expected["area"][local_month(when)] += 1
        elif fraction < 2:
            expected["ring"][local_month(when)] += 1
    # Not counted: another municipality's incident at the very centre, and one just outside the window.
    log(world, moments[3], CENTRE, municipality=world.arvidsjaur)
    log(world, datetime.datetime(2025, 1, 31, 22, 59, tzinfo=UTC), CENTRE)  # 2025-01-31 23:59 local

    area = Circle(*CENTRE, RADIUS)
    counts = monthly_in_areas(
        municipality=world.arjeplog,
        areas={"area": area, "ring": Ring(area), "comparison": Circle(*ELSEWHERE, RADIUS)},
        categories=None,
        start=D(2025, 2, 1),
        end=D(2025, 11, 30),
    )
    months = [(2025, month) for month in range(2, 12)]
    for name, counter in expected.items():
        assert list(counts[name]) == months
        assert counts[name] == {month: counter[month] for month in months}, name
    assert sum(expected["area"].values()) > 10 and sum(expected["ring"].values()) > 10
    assert (
        monthly_in_area(
            municipality=world.arjeplog, area=area, categories=None, start=D(2025, 2, 1), end=D(2025, 11, 30)
        )
        == counts["area"]
    )


def test_it_counts_only_the_categories_asked_for(world):
    when = datetime.datetime(2025, 5, 10, 12, 0, tzinfo=UTC)
    for name in ("Klotter", "Klotter", "Skadegörelse", "Brand"):
        log(world, when, CENTRE, name)
    area = Circle(*CENTRE, RADIUS)

    def count(categories):
        return monthly_in_area(
            municipality=world.arjeplog, area=area, categories=categories, start=D(2025, 5, 1), end=D(2025, 5, 31)
        )

    assert count(["Klotter", "Skadegörelse"]) == {(2025, 5): 3}
    assert count(["Brand"]) == {(2025, 5): 1}
    assert count(None) == count([]) == {(2025, 5): 4}


def test_it_counts_in_a_polygon_and_takes_a_partial_window_by_local_dates(world):
    square = Polygon(tuple(destination(*CENTRE, bearing, 500) for bearing in (45, 135, 225, 315)))
    # 2025-03-15 00:30 local (23:30 UTC the day before) is in the window; 2025-03-14 23:30 local is not.
    log(world, datetime.datetime(2025, 3, 14, 23, 30, tzinfo=UTC), CENTRE)
    log(world, datetime.datetime(2025, 3, 14, 22, 30, tzinfo=UTC), CENTRE)
    log(world, datetime.datetime(2025, 4, 2, 10, 0, tzinfo=UTC), destination(*CENTRE, 0, 300))  # inside (< 353 m)
    log(world, datetime.datetime(2025, 4, 2, 10, 0, tzinfo=UTC), destination(*CENTRE, 45, 400))  # inside, diagonal
    log(world, datetime.datetime(2025, 4, 2, 10, 0, tzinfo=UTC), destination(*CENTRE, 0, 400))  # outside (> 354 m)
    counts = monthly_in_area(
        municipality=world.arjeplog, area=square, categories=None, start=D(2025, 3, 15), end=D(2025, 4, 30)
    )
    assert counts == {(2025, 3): 1, (2025, 4): 2}
