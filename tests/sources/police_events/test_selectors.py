"""Counts for a municipality and a period: summaries and county-wide events never count."""

from __future__ import annotations

import datetime

from samverkan.sources.models import ImportRun
from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.police_events.selectors import police_events_by_month, police_events_by_type
from tests.sources.police_events.support import import_file

WHOLE_FEED = {"start": datetime.date(2023, 1, 1), "end": datetime.date(2026, 12, 31)}


def test_it_counts_a_municipalitys_events_by_type(world):
    import_file("events.json")
    assert police_events_by_type(municipality=world.arvidsjaur, **WHOLE_FEED) == [
        ("Trafikolycka", 2),
        ("Skyddslagen", 1),
        ("Trafikkontroll", 1),
        ("Trafikolycka, vilt", 1),
    ]
    assert police_events_by_type(municipality=world.arjeplog, **WHOLE_FEED) == [
        ("Rattfylleri", 2),
        ("Trafikolycka", 2),
        ("Narkotikabrott", 1),
        ("Trafikkontroll", 1),
        ("Övrigt", 1),
    ]


def test_it_never_counts_a_summary_even_in_a_municipality(world):
    import_file("events.json")
    counted = police_events_by_type(municipality=world.arjeplog, **WHOLE_FEED)
    summary = PoliceEvent.objects.get(event_id=650256)
    summary.municipality, summary.region_code = world.arjeplog, "2506"
    summary.save()
    assert police_events_by_type(municipality=world.arjeplog, **WHOLE_FEED) == counted


def test_it_counts_no_county_wide_event_for_a_municipality(world):
    import_file("events.json")
    county_wide = PoliceEvent.objects.filter(region_code="25", is_summary=False)
    assert sorted(county_wide.values_list("event_id", flat=True)) == [565404, 650287, 650292]
    total = sum(
        count
        for municipality in (world.arjeplog, world.arvidsjaur, world.lulea)
        for _type, count in police_events_by_type(municipality=municipality, **WHOLE_FEED)
    )
    assert total == PoliceEvent.objects.filter(municipality__isnull=False).count() == 12


def test_it_counts_by_month_with_both_days_of_the_period_included(world):
    import_file("archive-excerpt.json.gz")
    # 503878 was published 2024-02-08 12:32 and 509455 2024-03-05 17:23.
    period = {"start": datetime.date(2024, 2, 8), "end": datetime.date(2024, 3, 5)}
    assert police_events_by_month(municipality=world.arjeplog, **period) == [
        (datetime.date(2024, 2, 1), 4),
        (datetime.date(2024, 3, 1), 1),
    ]
    assert police_events_by_month(municipality=world.arvidsjaur, **period) == [
        (datetime.date(2024, 2, 1), 1),
        (datetime.date(2024, 3, 1), 0),
    ]


def test_it_puts_an_event_in_the_month_of_swedish_time(world):
    run = ImportRun.objects.create(source="police_events", name="test")
    # 2024-02-29 23:30 UTC is 1 March 00:30 in Sweden.
    PoliceEvent.objects.create(
        event_id=1,
        occurred_at=datetime.datetime(2024, 2, 29, 23, 30, tzinfo=datetime.UTC),
        name="01 mars 00.10, Brand, Arjeplog",
        type="Brand",
        type_key="brand",
        municipality=world.arjeplog,
        region_code="2506",
        run=run,
    )
    march = {"start": datetime.date(2024, 3, 1), "end": datetime.date(2024, 3, 1)}
    assert police_events_by_month(municipality=world.arjeplog, **march) == [(datetime.date(2024, 3, 1), 1)]
    assert police_events_by_type(municipality=world.arjeplog, **march) == [("Brand", 1)]
