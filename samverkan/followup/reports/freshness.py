"""Data freshness: which sources have not been imported for longer than their cadence. No Django here.

The cadences are our rule, and the only definition of them (the follow-up page and the notifications
both read them here), by importer key: incidents are imported at least monthly (the weekly logging
happens in the web), police events collected at least weekly, Brå, Kolada and the imported indicators
come yearly, and the safety survey every third year. A source never imported is not in use, so it is
never late.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

CADENCE_DAYS: dict[str, int] = {
    "incidents": 31,
    "police_events": 7,
    "bra": 366,
    "kolada": 366,
    "indicators": 366,
    "survey": 3 * 366,
}


@dataclass(frozen=True)
class Freshness:
    source: str  # the importer's key
    latest: datetime.datetime | None  # the latest import, in local time; None: never imported
    days: int  # the cadence

    def stale(self, today: datetime.date) -> bool:
        return self.latest is not None and (today - self.latest.date()).days > self.days


def freshness(latest: Mapping[str, datetime.datetime]) -> list[Freshness]:
    """Every source with a cadence, with its latest import (local time) when it has one."""
    return [Freshness(source, latest.get(source), days) for source, days in CADENCE_DAYS.items()]


def stale_sources(latest: Mapping[str, datetime.datetime], *, today: datetime.date) -> list[Freshness]:
    """The sources imported before but not within their cadence, by key."""
    return sorted((f for f in freshness(latest) if f.stale(today)), key=lambda f: f.source)
