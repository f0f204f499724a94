"""Data freshness: which sources have not been updated for longer than their expected cadence. No Django here.

The cadences are our rule: incidents are logged weekly, police events collected daily, Brå, Kolada and
the imported indicators come yearly, and the safety survey every third year.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

CADENCES: dict[str, datetime.timedelta] = {
    "incidents": datetime.timedelta(days=7),
    "police_events": datetime.timedelta(days=1),
    "bra": datetime.timedelta(days=365),
    "kolada": datetime.timedelta(days=365),
    "indicators": datetime.timedelta(days=365),
    "survey": datetime.timedelta(days=3 * 365),
}


@dataclass(frozen=True)
class Freshness:
    source: str
    latest: datetime.datetime | None
    cadence: datetime.timedelta

    def stale(self, now: datetime.datetime) -> bool:
        return self.latest is None or now - self.latest > self.cadence


def freshness(latest: dict[str, datetime.datetime | None]) -> list[Freshness]:
    """Every source with a cadence, with its latest update (None: never)."""
    return [Freshness(source, latest.get(source), cadence) for source, cadence in CADENCES.items()]
