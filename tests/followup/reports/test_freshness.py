"""A source is late when its latest import is older than its cadence; a source never imported is not in use."""

from __future__ import annotations

import datetime

from samverkan.followup.reports.freshness import CADENCE_DAYS, freshness, stale_sources

TODAY = datetime.date(2026, 11, 26)


def at(days_ago: int) -> datetime.datetime:
    return datetime.datetime.combine(TODAY - datetime.timedelta(days=days_ago), datetime.time(23, 30))


def test_it_marks_the_sources_older_than_their_cadence():
    latest = {
        "police_events": at(8),  # weekly: late
        "incidents": at(31),  # monthly: 31 days is still in time
        "bra": at(400),  # yearly: late
        "survey": at(400),  # every third year: in time
    }
    states = {f.source: (f.latest is not None, f.stale(TODAY)) for f in freshness(latest)}
    assert states == {
        "police_events": (True, True),
        "incidents": (True, False),
        "bra": (True, True),
        "kolada": (False, False),  # never imported
        "indicators": (False, False),
        "survey": (True, False),
    }
    assert set(states) == set(CADENCE_DAYS)


def test_it_lists_only_the_late_ones_by_key():
    latest = {"police_events": at(8), "incidents": at(32), "kolada": at(1)}
    assert [f.source for f in stale_sources(latest, today=TODAY)] == ["incidents", "police_events"]
    assert stale_sources(latest, today=TODAY - datetime.timedelta(days=1)) == []
