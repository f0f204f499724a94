"""`samverkan effect`: the estimate of an intervention's effect from the command line, as JSON or a line, and a
clear error naming the argument for bad input.

With twelve months before and no month-of-year terms, the model's place-and-period groups are saturated, so its
rate ratio is exactly (area after / area before) / (comparison after / comparison before) of the counts the test
inserted (both the Poisson and the negative binomial maximum likelihood fit each group's mean at its sample mean)."""

from __future__ import annotations

import datetime
import io
import json
import random

import pytest
import time_machine
from django.core.management import CommandError, call_command

from samverkan.sources.incidents.models import Incident
from tests.organisations.test_areas import destination
from tests.sources.incidents.test_aggregates import category

UTC = datetime.UTC
TODAY = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
LIT = (66.05, 17.89)
FAR = destination(*LIT, 0, 1500)  # 1.5 km north: 1.2 km edge to edge at 150 m radii
AREA, COMPARISON = f"{LIT[0]},{LIT[1]},150", f"{FAR[0]},{FAR[1]},150"
START = "2025-01-01"  # twelve months before (2024), twelve from the start (2025)
ASKED = ("--area", AREA, "--comparison", COMPARISON)
GIVEN = ("2506", *ASKED, "--start", START)


def incidents(
    world, at: tuple[float, float], per_month: list[int], year: int, name: str = "Skadegörelse", within: float = 100
) -> None:
    """per_month[i] incidents within `within` m of `at` in month i + 1 of the year, at noon on the 15th."""
    rng = random.Random(hash((at, year, name)))
    kind = category(world, name)
    Incident.objects.bulk_create(
        Incident(
            municipality=world.arjeplog,
            category=kind,
            occurred_from=datetime.datetime(year, month, 15, 12, 0, tzinfo=UTC),
            lat=point[0],
            lng=point[1],
            severity=1,
            description="Skadegörelse",
        )
        for month, count in enumerate(per_month, start=1)
        for point in (destination(*at, rng.uniform(0, 360), rng.uniform(0, within)) for _ in range(count))
    )


def run(*arguments: str) -> str:
    out = io.StringIO()
    with time_machine.travel(TODAY, tick=False):
        call_command("effect", *arguments, stdout=out)
    return out.getvalue()


@pytest.fixture
def halved(world):
    """Vandalism at the lit place halves in 2025; at the comparison place it stays as it was."""
    incidents(world, LIT, [8, 9, 10, 8, 9, 12, 11, 10, 14, 13, 12, 8], 2024)  # 124
    incidents(world, LIT, [4, 5, 5, 4, 4, 6, 5, 5, 7, 6, 6, 4], 2025)  # 61
    incidents(world, FAR, [7, 8, 9, 8, 10, 11, 10, 11, 12, 12, 10, 8], 2024)  # 116
    incidents(world, FAR, [8, 7, 9, 9, 9, 12, 11, 10, 13, 11, 11, 8], 2025)  # 118
    incidents(world, LIT, [5] * 12, 2025, name="Brand")  # another category: counted only without --category
    ring = destination(*LIT, 90, 225)  # in the ring (150-300 m from the centre)
    incidents(world, ring, [2] * 12, 2024, within=50)
    incidents(world, ring, [2] * 12, 2025, within=50)


def test_it_writes_the_estimate_as_json(world, halved):
    result = json.loads(
        run("2506", "--area", AREA, "--comparison", COMPARISON, "--start", START, "--category", "Skadegörelse")
    )
    assert result["counts"] == {
        "area": {"before": 124, "after": 61},
        "comparison": {"before": 116, "after": 118},
        "ring": {"before": 24, "after": 24},
    }
    assert result["rate_ratio"] == pytest.approx((61 / 124) / (118 / 116), rel=1e-4)
    assert result["ci_low"] < result["rate_ratio"] < result["ci_high"] < 1
    assert 0 <= result["p_value"] < 0.05
    assert result["verdict"] == "decrease"
    assert result["ring"]["rate_ratio"] == pytest.approx((24 / 24) / (118 / 116), rel=1e-4)
    assert result["ring"]["ci_low"] < 1 < result["ring"]["ci_high"]
    assert result["ring"]["verdict"] == "none"
    assert result["seasonal"] is False
    assert "Police events are not counted" in result["method"] or "Polisens händelser räknas inte" in result["method"]
    assert set(result) >= {"rate_ratio", "ci_low", "ci_high", "p_value", "verdict", "counts", "ring", "method"}


def test_it_counts_every_category_without_one_given(world, halved):
    result = json.loads(run(*GIVEN))
    assert result["counts"]["area"] == {"before": 124, "after": 61 + 60}


def test_it_takes_the_season_into_account_with_two_years_before(world, halved):
    incidents(world, LIT, [9] * 12, 2023)
    incidents(world, FAR, [9] * 12, 2023)
    result = json.loads(
        run("2506", "--area", AREA, "--comparison", COMPARISON, "--start", START, "--before-months", "24")
    )
    assert result["seasonal"] is True
    assert result["counts"]["area"]["before"] == 124 + 108


def test_it_says_too_few_without_twenty_events_before(world):
    incidents(world, LIT, [1] * 12, 2024)
    incidents(world, FAR, [0] * 11 + [7], 2024)  # 12 + 7 = 19 before
    incidents(world, LIT, [5] * 12, 2025)
    result = json.loads(run("2506", "--area", AREA, "--comparison", COMPARISON, "--start", START))
    assert result["verdict"] == "too_few"
    assert (result["rate_ratio"], result["ci_low"], result["ci_high"], result["p_value"]) == (None, None, None, None)
    assert result["counts"]["area"] == {"before": 12, "after": 60}


def test_it_writes_the_verdict_in_a_line(world, halved):
    line = run(
        "2506", "--area", AREA, "--comparison", COMPARISON, "--comparison-name", "Skolan", "--start", START,
        "--category", "Skadegörelse", "--format", "text",
    )  # fmt: skip
    assert "Skolan" in line
    assert line.count("\n") == 1


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        (("9999", *ASKED, "--start", START), "no municipality with the code"),
        (("2506", "--area", "66.05,17.89", "--comparison", COMPARISON, "--start", START), "--area: "),
        (("2506", "--area", "66.05,17.89,-5", "--comparison", COMPARISON, "--start", START), "--area: "),
        (("2506", "--area", AREA, "--comparison", "north,17.89,150", "--start", START), "--comparison: "),
        (("2506", "--area", AREA, "--comparison", "66.054,17.89,150", "--start", START), "--comparison: its edge is"),
        (("2506", *ASKED, "--start", "2025-13-01"), "--start: "),
        ((*GIVEN, "--before-months", "0"), "--before-months: "),
        ((*GIVEN, "--after-months", "x"), "--after-months: "),
        # 2025-06 + 12 months runs to 2026-05, which has not ended on 10 March 2026.
        (("2506", *ASKED, "--start", "2025-06-01"), "--after-months: the window runs to 2026-05"),
        ((*GIVEN, "--category", "Pokémon"), "--category: 'Pokémon'"),
    ],
)
def test_it_names_the_argument_that_is_wrong(world, arguments, error):
    with pytest.raises(CommandError) as raised:
        run(*arguments)
    assert str(raised.value).startswith(error)
