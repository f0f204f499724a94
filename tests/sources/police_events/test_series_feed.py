"""The series of the real feed's events: summaries and county-wide events never count."""

from __future__ import annotations

import datetime

from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.police_events.series import police_event_series
from tests.sources.police_events.support import import_file

WHOLE_FEED = {"start": datetime.date(2023, 1, 1), "end": datetime.date(2026, 12, 31)}


def types(municipality) -> list[tuple[str, int]]:
    return [(t.type, t.count) for t in police_event_series(municipality=municipality, **WHOLE_FEED).by_type().values()]


def test_it_counts_a_municipalitys_events_by_type(world):
    import_file("events.json")
    assert types(world.arvidsjaur) == [
        ("Trafikolycka", 2),
        ("Skyddslagen", 1),
        ("Trafikkontroll", 1),
        ("Trafikolycka, vilt", 1),
    ]
    assert types(world.arjeplog) == [
        ("Rattfylleri", 2),
        ("Trafikolycka", 2),
        ("Narkotikabrott", 1),
        ("Trafikkontroll", 1),
        ("Övrigt", 1),
    ]


def test_it_never_counts_a_summary_even_in_a_municipality(world):
    import_file("events.json")
    counted = types(world.arjeplog)
    summary = PoliceEvent.objects.get(event_id=650256)
    summary.municipality, summary.region_code = world.arjeplog, "2506"
    summary.save()
    assert types(world.arjeplog) == counted


def test_it_counts_no_county_wide_event_for_a_municipality(world):
    import_file("events.json")
    county_wide = PoliceEvent.objects.filter(region_code="25", is_summary=False)
    assert sorted(county_wide.values_list("event_id", flat=True)) == [565404, 650287, 650292]
    total = sum(
        police_event_series(municipality=municipality, **WHOLE_FEED).total()
        for municipality in (world.arjeplog, world.arvidsjaur, world.lulea)
    )
    assert total == PoliceEvent.objects.filter(municipality__isnull=False).count() == 12


def test_it_counts_by_month_with_both_days_of_the_period_included(world):
    import_file("archive-excerpt.json.gz")
    # 503878 was published 2024-02-08 12:32 and 509455 2024-03-05 17:23.
    period = {"start": datetime.date(2024, 2, 8), "end": datetime.date(2024, 3, 5)}
    assert police_event_series(municipality=world.arjeplog, **period).by_month() == {(2024, 2): 4, (2024, 3): 1}
    assert police_event_series(municipality=world.arvidsjaur, **period).by_month() == {(2024, 2): 1, (2024, 3): 0}
