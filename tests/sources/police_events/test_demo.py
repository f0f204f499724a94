"""The demo events: both municipalities 2021–2026, Arjeplog's winter peak, summaries and county events."""

from __future__ import annotations

import datetime
import random
from statistics import mean

from samverkan.sources.models import ImportRun
from samverkan.sources.police_events.demo import demo_load
from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.police_events.series import police_event_series

DEMO_YEARS = {"start": datetime.date(2021, 1, 1), "end": datetime.date(2026, 10, 31)}


def load(seed: int = 1) -> list[tuple]:
    run = ImportRun.objects.create(source="police_events", name="demo")
    demo_load(rng=random.Random(seed), run=run)
    return list(PoliceEvent.objects.order_by("event_id").values_list("event_id", "occurred_at", "name", "type"))


def test_it_fills_both_municipalities_for_every_year(world):
    load()
    for municipality in (world.arjeplog, world.arvidsjaur):
        series = police_event_series(municipality=municipality, **DEMO_YEARS)
        assert {year for year, count in series.by_year().items() if count} == {2021, 2022, 2023, 2024, 2025, 2026}
        types = {total.type for total in series.by_type().values()}
        assert {"Trafikolycka, vilt", "Rattfylleri", "Fylleri/LOB", "Ofog barn/ungdom"} <= types


def test_it_peaks_in_arjeplog_when_the_car_testers_come(world):
    load()
    months = police_event_series(municipality=world.arjeplog, **DEMO_YEARS).by_month()
    winter = mean(count for (_year, month), count in months.items() if month <= 3)
    rest = mean(count for (_year, month), count in months.items() if month > 3)
    assert winter > 1.5 * rest


def test_it_has_summaries_and_county_events_that_count_for_no_municipality(world):
    load()
    summaries = PoliceEvent.objects.filter(is_summary=True)
    assert summaries.exists()
    assert set(summaries.values_list("type", flat=True)) <= {"Sammanfattning natt", "Sammanfattning kväll och natt"}
    county = PoliceEvent.objects.filter(location_name="Norrbottens län")
    assert county.filter(is_summary=False).exists()
    assert set(county.values_list("region_code", "municipality")) == {("25", None)}


def test_it_is_the_same_for_the_same_seed(world):
    first = load()
    PoliceEvent.objects.all().delete()
    assert load() == first
    PoliceEvent.objects.all().delete()
    assert load(seed=2) != first
