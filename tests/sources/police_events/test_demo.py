"""The demo events: both municipalities 2021–2026, Arjeplog's winter peak, summaries and county events."""

from __future__ import annotations

import datetime
import random
from statistics import mean

from samverkan.core.demo_calendar import demo_calendar
from samverkan.sources.models import ImportRun
from samverkan.sources.police_events.demo import demo_load
from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.police_events.series import police_event_series


def demo_years() -> dict[str, datetime.date]:
    """The story's months 2021 to October 2026, moved to the present: whole months before this one."""
    calendar = demo_calendar()
    last_month_end = calendar.today.replace(day=1) - datetime.timedelta(days=1)
    end = min(calendar.day(datetime.date(2026, 10, 31)), last_month_end)
    return {"start": calendar.day(datetime.date(2021, 1, 1)), "end": end}


def load(seed: int = 1) -> list[tuple]:
    run = ImportRun.objects.create(source="police_events", name="demo")
    demo_load(rng=random.Random(seed), run=run)
    return list(PoliceEvent.objects.order_by("event_id").values_list("event_id", "occurred_at", "name", "type"))


def test_it_fills_both_municipalities_for_every_year(world):
    load()
    for municipality in (world.arjeplog, world.arvidsjaur):
        years = demo_years()
        series = police_event_series(municipality=municipality, **years)
        assert {year for year, count in series.by_year().items() if count} == set(
            range(years["start"].year, years["end"].year + 1)
        )
        types = {total.type for total in series.by_type().values()}
        assert {"Trafikolycka, vilt", "Rattfylleri", "Fylleri/LOB", "Ofog barn/ungdom"} <= types


def test_it_peaks_in_arjeplog_when_the_car_testers_come(world):
    load()
    months = police_event_series(municipality=world.arjeplog, **demo_years()).by_month()
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
