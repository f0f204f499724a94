"""Case and spacing variants of a type are one type."""

from __future__ import annotations

import datetime

from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.police_events.series import TypeTotal, police_event_series
from tests.sources.police_events.support import import_file

YEAR_2023 = {"start": datetime.date(2023, 1, 1), "end": datetime.date(2023, 12, 31)}


def test_it_stores_one_spelling_of_each_type(world):
    import_file("case-variants.json")
    assert sorted(PoliceEvent.objects.values_list("event_id", "type", "type_key")) == [
        (429638, "Trafikolycka, vilt", "trafikolycka, vilt"),
        (430372, "Trafikolycka, vilt", "trafikolycka, vilt"),
        (431246, "Rattfylleri", "rattfylleri"),
        (431609, "Trafikolycka, vilt", "trafikolycka, vilt"),
        (443324, "Rattfylleri", "rattfylleri"),
    ]


def test_it_counts_variants_as_one_type(world):
    import_file("case-variants.json")
    assert police_event_series(municipality=world.arjeplog, **YEAR_2023).by_type() == {
        "rattfylleri": TypeTotal("rattfylleri", "Rattfylleri", 2),
        "trafikolycka, vilt": TypeTotal("trafikolycka, vilt", "Trafikolycka, vilt", 2),
    }
    assert police_event_series(municipality=world.arvidsjaur, **YEAR_2023).by_type() == {
        "trafikolycka, vilt": TypeTotal("trafikolycka, vilt", "Trafikolycka, vilt", 1)
    }
