"""The seasons that bring people to Arjeplog and Arvidsjaur, for the demo's yearly wheel."""

from __future__ import annotations

import random

from samverkan.organisations.models import Municipality
from samverkan.situation.models import RecurringEvent
from samverkan.sources.models import ImportRun

EVENTS = {
    "2506": [
        ("Biltestsäsong", 1, 7, 3, 31, 2600),
        ("Påsk och skoterpremiär", 3, 25, 4, 25, 400),
        ("Midsommar", 6, 19, 6, 25, 500),
        ("Arjeplogs marknad", 7, 15, 7, 20, 1500),
        ("Jul och nyår", 12, 20, 1, 6, 600),
    ],
    "2505": [
        ("Biltestsäsong", 1, 7, 3, 31, 2200),
        ("Midsommar", 6, 19, 6, 25, 600),
        ("Storstämningen i Lappstaden", 8, 20, 8, 25, 800),
        ("Jul och nyår", 12, 20, 1, 6, 700),
    ],
}


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    for code, events in EVENTS.items():
        municipality = Municipality.objects.get(code=code)
        for name, start_month, start_day, end_month, end_day, visitors in events:
            RecurringEvent.objects.create(
                municipality=municipality,
                name=name,
                start_month=start_month,
                start_day=start_day,
                end_month=end_month,
                end_day=end_day,
                expected_visitors=visitors,
            )
