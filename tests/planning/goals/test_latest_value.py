"""The latest value has one definition: the last measurement after the baseline dated on or before the end of
the period asked for, and never after today; the status follows from it.

By hand: the share of young drinkers is 30.0 in 2024 (the baseline year, conftest.py), 25.0 in 2025 and,
imported here, 20.0 in 2026 and 18.0 in 2027. Each yearly value is dated 31 December of its year, so before
the end of 2026 the 2026 value is a value of the future.
"""

from __future__ import annotations

import datetime

import pytest

from samverkan.planning.goals.selectors import follow_up
from samverkan.planning.goals.status import GREY
from samverkan.sources.indicators.models import Indicator as ImportedIndicator
from samverkan.sources.indicators.models import IndicatorValue
from samverkan.sources.models import ImportRun
from tests.planning.goals.conftest import YOUNG_DRINKERS, common_goal, measure

D = datetime.date


@pytest.fixture
def drinkers(figures, baseline):
    run = ImportRun.objects.create(source="indicators", name="can.xlsx")
    imported = ImportedIndicator.objects.get(key=YOUNG_DRINKERS)
    for year, value in [(2026, 20.0), (2027, 18.0)]:
        IndicatorValue.objects.create(
            indicator=imported, region_code="2506", municipality=figures.arjeplog, year=year, value=value, n=20, run=run
        )
    return measure(common_goal(figures), "indicator", YOUNG_DRINKERS, baseline=baseline, target=22.0)


def latest(indicator, **when) -> tuple[datetime.date, float | int | str | None] | None:
    shown = follow_up(indicator, user=None, **when).latest
    return (shown.point.date, shown.value) if shown else None


def test_it_never_shows_a_value_dated_after_today(drinkers):
    assert latest(drinkers, today=D(2026, 11, 30)) == (D(2025, 12, 31), 25.0)
    assert latest(drinkers, today=D(2026, 12, 31)) == (D(2026, 12, 31), 20.0)
    assert latest(drinkers, today=D(2026, 12, 31), until=D(2030, 12, 31)) == (D(2026, 12, 31), 20.0)


def test_it_shows_the_last_value_of_the_period_asked_for(drinkers):
    today = D(2028, 3, 1)
    assert latest(drinkers, today=today) == (D(2027, 12, 31), 18.0)
    assert latest(drinkers, today=today, until=D(2025, 12, 31)) == (D(2025, 12, 31), 25.0)
    assert latest(drinkers, today=today, until=D(2026, 6, 30)) == (D(2025, 12, 31), 25.0)


def test_it_takes_the_status_from_that_value(drinkers):
    # 30 -> 25 on the way to 22 at the end of 2025: 5/8 of the way with half of the time passed, on track;
    # 20 at the end of 2026 is past the target.
    early = follow_up(drinkers, user=None, today=D(2026, 11, 30)).status
    assert (early.colour, early.trend, early.progress) == ("green", "better", 5 / 8)
    reached = follow_up(drinkers, user=None, today=D(2027, 1, 1)).status
    assert reached.colour == "green" and reached.progress == 10 / 8


def test_it_has_no_data_before_a_measurement_after_the_baseline(drinkers):
    assert follow_up(drinkers, user=None, today=D(2025, 12, 30)).status.colour == GREY
    assert follow_up(drinkers, user=None, today=D(2028, 1, 1), until=D(2025, 6, 30)).latest is None
