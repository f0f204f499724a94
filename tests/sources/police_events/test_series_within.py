"""Part of a series is its whole months from a start to an end, never a cut month."""

from __future__ import annotations

import datetime

import pytest

from samverkan.sources.police_events.series import PARTIAL_MONTH, police_event_series
from tests.sources.police_events.support import event

D = datetime.date


@pytest.fixture
def series(world):
    for number, day in enumerate(["2024-12-24", "2025-01-05", "2025-01-20", "2025-02-14", "2025-03-01"], start=1):
        at = datetime.datetime.combine(D.fromisoformat(day), datetime.time(12), datetime.UTC)
        event(world.arjeplog, number, at, "Brand" if number % 2 else "Stöld")
    return police_event_series(municipality=world.arjeplog, start=D(2024, 12, 1), end=D(2025, 3, 31))


def test_it_keeps_the_months_from_start_to_end(series):
    part = series.within(D(2025, 1, 1), D(2025, 2, 28))
    assert (part.start, part.end) == (D(2025, 1, 1), D(2025, 2, 28))
    assert part.by_month() == {(2025, 1): 2, (2025, 2): 1}
    assert {key: total.count for key, total in part.by_type().items()} == {"brand": 1, "stöld": 2}
    assert series.within(series.start, series.end) == series


def test_it_refuses_to_cut_a_month_or_to_reach_outside(series):
    with pytest.raises(ValueError) as error:
        series.within(D(2025, 1, 15), D(2025, 2, 28))
    assert str(error.value) == PARTIAL_MONTH.format(start=D(2025, 1, 15), end=D(2025, 2, 28))
    with pytest.raises(ValueError):
        series.within(D(2025, 1, 1), D(2025, 2, 27))
    with pytest.raises(ValueError):
        series.within(D(2024, 11, 1), D(2025, 1, 31))
    with pytest.raises(ValueError):
        series.within(D(2025, 2, 1), D(2025, 1, 31))
