"""The status rule (samverkan/planning/goals/status.py), without a database."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan.planning.goals.status import NO_DATA, Status, status

BASELINE_DATE = datetime.date(2024, 12, 31)
TARGET_DATE = datetime.date(2026, 12, 31)
HALF_WAY = datetime.date(2025, 12, 31)  # 365 of 730 days


def about(value: float) -> float:
    """The value as pytest.approx, so that a Status holding it compares approximately."""
    return pytest.approx(value)  # type: ignore[return-value]  # an Approx stands in for the float


def down(latest: float | None, *, baseline: float | None = 10.0, target: float = 6.0, on=HALF_WAY) -> Status:
    return status(
        baseline=baseline,
        baseline_date=BASELINE_DATE,
        latest=latest,
        latest_date=on,
        target=target,
        target_date=TARGET_DATE,
        direction="down",
    )


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        (6.0, Status("green", 1.0, 0.5, "better")),  # the target reached
        (5.0, Status("green", 1.25, 0.5, "better")),  # beyond it
        (8.0, Status("green", 0.5, 0.5, "better")),  # half the way in half the time: on schedule
        (8.2, Status("green", about(0.45), 0.5, "better")),  # 0.45 ≥ 0.5 − 0.1: within the slack
        (8.8, Status("yellow", about(0.3), 0.5, "better")),  # the right way, behind schedule
        (10.0, Status("yellow", 0.0, 0.5, "unchanged")),
        (10.5, Status("red", -0.125, 0.5, "worse")),
    ],
)
def test_it_sets_the_colour_by_the_documented_rule(latest, expected):
    assert down(latest) == expected


def test_it_has_no_data_without_a_baseline_or_a_measurement_after_it():
    assert down(None) == NO_DATA
    assert down(8.0, baseline=None) == NO_DATA
    assert down(8.0, on=BASELINE_DATE) == NO_DATA
    assert down(8.0, on=datetime.date(2023, 1, 1)) == NO_DATA


def test_it_expects_all_of_the_way_at_and_after_the_target_date():
    assert down(8.0, on=TARGET_DATE) == Status("yellow", 0.5, 1.0, "better")
    assert down(8.0, on=datetime.date(2027, 6, 1)).expected == 1.0


def test_it_keeps_a_target_the_baseline_already_met_as_long_as_it_holds():
    assert down(11.0, baseline=10.0, target=12.0) == Status("green", None, 0.5, "worse")
    assert down(13.0, baseline=10.0, target=12.0) == Status("red", None, 0.5, "worse")


values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
dates = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2040, 12, 31))
directions = st.sampled_from(["down", "up"])


@st.composite
def cases(draw) -> dict:
    baseline_date = draw(dates)
    return {
        "baseline": draw(values),
        "baseline_date": baseline_date,
        "latest": draw(values),
        "latest_date": baseline_date + datetime.timedelta(days=draw(st.integers(1, 5000))),
        "target": draw(values),
        "target_date": draw(dates),
        "direction": draw(directions),
    }


def better(a: float, b: float, direction: str) -> bool:
    """a is at least as good as b."""
    return a <= b if direction == "down" else a >= b


@given(cases())
def test_it_is_always_green_when_the_target_is_reached(case):
    if better(case["latest"], case["target"], case["direction"]):
        assert status(**case).colour == "green"


@given(cases())
def test_it_is_always_red_when_worse_than_the_baseline_and_short_of_the_target(case):
    result = status(**case)
    if result.trend == "worse" and not better(case["latest"], case["target"], case["direction"]):
        assert result.colour == "red"
    if result.colour == "red":
        assert result.trend == "worse"


@given(cases())
def test_it_is_never_red_when_moving_the_right_way(case):
    result = status(**case)
    if result.trend in ("better", "unchanged"):
        assert result.colour in ("green", "yellow")


@given(cases())
def test_it_is_the_same_for_up_as_for_down_with_the_signs_turned(case):
    mirrored = case | {
        "baseline": -case["baseline"],
        "latest": -case["latest"],
        "target": -case["target"],
        "direction": "up" if case["direction"] == "down" else "down",
    }
    assert status(**mirrored) == status(**case)


@given(cases())
def test_it_expects_a_share_of_the_time_between_0_and_1(case):
    expected = status(**case).expected
    assert expected is not None and 0.0 <= expected <= 1.0


@given(cases(), st.integers(-5000, 0))
def test_it_has_no_data_for_a_measurement_not_after_the_baseline(case, days):
    case["latest_date"] = case["baseline_date"] + datetime.timedelta(days=days)
    assert status(**case) == NO_DATA
