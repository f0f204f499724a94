"""A source is late when its latest update is older than its cadence, or it never came."""

from __future__ import annotations

import datetime

from samverkan.followup.reports.freshness import CADENCES, freshness

NOW = datetime.datetime(2026, 11, 26, 12, 0, tzinfo=datetime.UTC)


def test_it_marks_the_sources_older_than_their_cadence():
    latest = {
        "police_events": NOW - datetime.timedelta(days=2),
        "incidents": NOW - datetime.timedelta(days=6),
        "bra": NOW - datetime.timedelta(days=400),
        "survey": NOW - datetime.timedelta(days=400),
    }
    states = {f.source: f.stale(NOW) for f in freshness(latest)}
    assert states == {
        "police_events": True,
        "incidents": False,
        "bra": True,
        "kolada": True,  # never imported
        "indicators": True,
        "survey": False,
    }
    assert set(states) == set(CADENCES)
