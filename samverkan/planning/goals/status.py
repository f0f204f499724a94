"""An indicator's status: how its latest measurement stands against its baseline and target. No Django here.

The rule (our rule, shown in the product beside the statuses):

- **No data yet (grey)**: there is no baseline, or no measurement dated after the baseline.
- **Progress** is the share of the way from the baseline to the target covered by the latest
  measurement: 0 at the baseline, 1 at the target, negative when it moved away from the target.
  It has no value when the baseline already met the target (there is no way to cover).
- **Expected** is the share of the time from the baseline's date to the target date that had
  passed at the latest measurement, from 0 to 1.
- **On track (green)**: the target is reached (at or beyond it, in the indicator's direction); or
  no worse than the baseline with a progress of at least the expected share less 0.1.
- **Off track (red)**: worse than the baseline, and the target not reached.
- **At risk (yellow)**: otherwise: moving the right way (or standing still), but behind schedule.

The trend since the baseline is better, worse or unchanged, in the indicator's direction.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import Final, Literal

Colour = Literal["green", "yellow", "red", "grey"]
Trend = Literal["better", "worse", "unchanged"]

GREEN: Final = "green"
YELLOW: Final = "yellow"
RED: Final = "red"
GREY: Final = "grey"
BETTER: Final = "better"
WORSE: Final = "worse"
UNCHANGED: Final = "unchanged"
DOWN, UP = "down", "up"
SCHEDULE_SLACK = 0.1  # on track while no more than a tenth of the way behind schedule


@dataclass(frozen=True)
class Status:
    colour: Colour
    progress: float | None = None
    expected: float | None = None
    trend: Trend | None = None


NO_DATA = Status(GREY)


def _share_of_time(start: datetime.date, now: datetime.date, end: datetime.date) -> float:
    if end <= start:
        return 1.0
    return min(max((now - start) / (end - start), 0.0), 1.0)


def status(
    *,
    baseline: float | None,
    baseline_date: datetime.date | None,
    latest: float | None,
    latest_date: datetime.date | None,
    target: float,
    target_date: datetime.date,
    direction: str,
) -> Status:
    """The status by the rule above; `direction` is "down" (lower is better) or "up"."""
    if baseline is None or baseline_date is None or latest is None or latest_date is None:
        return NO_DATA
    if latest_date <= baseline_date:
        return NO_DATA
    sign = -1.0 if direction == DOWN else 1.0
    change = (latest - baseline) * sign  # positive: better than the baseline
    if math.isclose(latest, baseline, rel_tol=1e-9, abs_tol=1e-12):
        trend: Trend = UNCHANGED
        change = 0.0
    else:
        trend = BETTER if change > 0 else WORSE
    way = (target - baseline) * sign
    progress = change / way if way > 0 else None
    expected = _share_of_time(baseline_date, latest_date, target_date)
    reached = (latest - target) * sign >= 0
    if reached:
        colour: Colour = GREEN
    elif trend == WORSE:
        colour = RED
    elif progress is not None and progress >= expected - SCHEDULE_SLACK:
        colour = GREEN
    else:
        colour = YELLOW
    return Status(colour, progress, expected, trend)
