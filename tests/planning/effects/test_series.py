"""series_for: an intervention's area, comparison and ring as monthly counts around its start, and the method in a
sentence. The month the start falls in is the first month after it."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from samverkan.organisations.lib.areas import Circle, Polygon
from samverkan.planning.effects.lib.did import Effect, RateRatio
from samverkan.planning.effects.series import NO_MONTHS, method_sentence, series_for, window
from samverkan.sources.incidents.models import Incident
from tests.organisations.test_areas import destination
from tests.sources.incidents.test_aggregates import category

UTC = datetime.UTC
LIT = (66.05, 17.89)
FAR = destination(*LIT, 0, 1500)


def log(world, when: datetime.datetime, at: tuple[float, float], name: str = "Skadegörelse") -> None:
    Incident.objects.create(
        municipality=world.arjeplog,
        category=category(world, name),
        occurred_from=when,
        lat=at[0],
        lng=at[1],
        severity=1,
        description="Skadegörelse",
    )


def test_it_puts_the_starts_month_after_and_the_months_before_it_before():
    assert window(datetime.date(2025, 9, 20), before_months=3, after_months=2) == ((2025, 6), (2025, 10))
    assert window(datetime.date(2025, 1, 1), before_months=24, after_months=12) == ((2023, 1), (2025, 12))
    with pytest.raises(ValueError, match="^" + NO_MONTHS.format(name="before_months", maximum=120, value=0) + "$"):
        window(datetime.date(2025, 1, 1), before_months=0, after_months=12)


def test_it_counts_the_area_the_comparison_and_the_ring_in_the_window(world):
    in_ring = destination(*LIT, 180, 200)  # 150-300 m from the centre of a 150 m circle
    log(world, datetime.datetime(2025, 5, 31, 21, 30, tzinfo=UTC), LIT)  # 23:30 local on 31 May: before the window
    log(world, datetime.datetime(2025, 5, 31, 22, 30, tzinfo=UTC), LIT)  # 00:30 local on 1 June: its first month
    log(world, datetime.datetime(2025, 9, 5, 12, 0, tzinfo=UTC), LIT)  # before the 20th, in the start's month
    log(world, datetime.datetime(2025, 9, 25, 12, 0, tzinfo=UTC), in_ring)
    log(world, datetime.datetime(2025, 7, 25, 12, 0, tzinfo=UTC), FAR)
    log(world, datetime.datetime(2025, 10, 31, 22, 30, tzinfo=UTC), FAR)  # 23:30 local on 31 October: the last month
    log(world, datetime.datetime(2025, 10, 31, 23, 30, tzinfo=UTC), FAR)  # 00:30 local on 1 November: after it
    log(world, datetime.datetime(2025, 8, 1, 12, 0, tzinfo=UTC), LIT, "Brand")
    series = series_for(
        municipality=world.arjeplog,
        area=Circle(*LIT, 150),
        comparison=Circle(*FAR, 150),
        start=datetime.date(2025, 9, 20),
        before_months=3,
        after_months=2,
        categories=["Skadegörelse"],
    )
    assert series.months == ((2025, 6), (2025, 7), (2025, 8), (2025, 9), (2025, 10))
    assert series.start == 3
    assert series.area == (1, 0, 0, 1, 0)
    assert series.comparison == (0, 1, 0, 0, 1)
    assert series.ring == (0, 0, 0, 1, 0)


def test_it_takes_a_polygon_and_a_wider_ring(world):
    square = Polygon(tuple(destination(*LIT, bearing, 150) for bearing in (45, 135, 225, 315)))  # 212 m sides
    log(world, datetime.datetime(2025, 3, 10, 12, 0, tzinfo=UTC), destination(*LIT, 90, 300))  # 194 m off its side
    series = series_for(
        municipality=world.arjeplog,
        area=square,
        comparison=Circle(*FAR, 150),
        start=datetime.date(2025, 3, 1),
        before_months=1,
        after_months=1,
    )
    # The ring reaches (factor - 1) x 120 m (the radius of the square's area) past the side: not 194 m at 2, but at 3.
    assert series.ring == (0, 0)
    wider = series_for(
        municipality=world.arjeplog,
        area=square,
        comparison=Circle(*FAR, 150),
        start=datetime.date(2025, 3, 1),
        before_months=1,
        after_months=1,
        ring_factor=3.0,
    )
    assert wider.ring == (0, 1)


def effect(model, seasonal: bool) -> Effect:
    ratio = RateRatio(0.5, 0.3, 0.8, 0.01)
    counts = {name: {"before": 30, "after": 10} for name in ("area", "comparison", "ring")}
    return Effect(counts, ratio, ratio, "decrease", "none", model, seasonal)


@translation.override("en")
def test_it_says_which_model_made_the_estimate():
    text = method_sentence(effect("negative_binomial", True), before_months=24, after_months=12)
    assert "24 months before and 12 months from the start" in text
    assert "negative binomial" in text and "the month of the year" in text
    assert "Police events are not counted" in text
    text = method_sentence(effect("poisson_robust", False), before_months=12, after_months=6)
    assert "Poisson count model with robust standard errors" in text and "no season" in text
    text = method_sentence(effect("exact_conditional", False), before_months=12, after_months=6)
    assert "exact conditional test" in text and "month of the year" not in text and "season" not in text
