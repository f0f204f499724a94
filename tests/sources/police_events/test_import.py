"""import_police_events stores the feed's events with their place resolved."""

from __future__ import annotations

import datetime

from samverkan.sources.models import ImportRun
from samverkan.sources.police_events.models import PoliceEvent
from tests.sources.police_events.support import import_file

CET = datetime.timezone(datetime.timedelta(hours=1))


def test_it_stores_every_event_once(world):
    out, _err = import_file("events.json")
    assert out.splitlines()[-1] == "imported: 26 created, 0 updated, 0 skipped"
    assert PoliceEvent.objects.count() == 26
    run = ImportRun.objects.get()
    assert (run.source, run.created) == ("police_events", 26)
    assert set(PoliceEvent.objects.values_list("run", flat=True)) == {run.id}


def test_it_stores_the_values_of_a_municipal_event(world):
    import_file("events.json")
    event = PoliceEvent.objects.get(event_id=571806)
    assert event.occurred_at == datetime.datetime(2025, 2, 18, 10, 49, 20, tzinfo=CET)
    assert event.name == "17 februari 21.20, Rattfylleri, Arjeplog"
    assert event.summary.startswith("På måndagskvällen stoppade polisen en personbil i centrala A")
    assert event.url == (
        "https://polisen.se/aktuellt/handelser/2025/februari/17/17-februari-21.20-rattfylleri-arjeplog/"
    )
    assert (event.type, event.type_key) == ("Rattfylleri", "rattfylleri")
    assert (event.location_name, event.region_code, event.municipality) == ("Arjeplog", "2506", world.arjeplog)
    assert (event.gps_lat, event.gps_lng) == (66.051505, 17.890054)
    assert event.is_summary is False


def test_it_places_events_of_2026_by_the_municipality_in_their_name(world):
    import_file("events.json")
    placed = {e.event_id: (e.location_name, e.region_code, e.municipality) for e in PoliceEvent.objects.all()}
    assert placed[622409] == ("Norrbottens län", "2506", world.arjeplog)
    assert placed[650233] == ("Norrbottens län", "2505", world.arvidsjaur)
    # Boden is a municipality of the county, but not one this database knows: the event stays county-wide.
    assert placed[650292] == ("Norrbottens län", "25", None)


def test_it_keeps_county_wide_events_for_no_municipality(world):
    import_file("events.json")
    event = PoliceEvent.objects.get(event_id=565404)
    assert (event.location_name, event.region_code, event.municipality) == ("Norrbottens län", "25", None)
    assert PoliceEvent.objects.get(event_id=625364).region_code == "12"


def test_it_keeps_events_of_unknown_places_and_counts_them(world):
    _out, err = import_file("events.json")
    unknown = PoliceEvent.objects.filter(region_code="").order_by("event_id")
    assert [(e.event_id, e.location_name, e.municipality) for e in unknown] == [
        (413906, "Östra göinge", None),
        (443120, "Gävle", None),
        (480687, "Nacka", None),
        (565141, "Uddevalla", None),
    ]
    assert err.splitlines()[-1] == (
        "4 event(s) name a place that is no municipality or county, kept for none: "
        "Gävle, Nacka, Uddevalla, Östra göinge"
    )


def test_it_keeps_summaries_flagged(world):
    import_file("events.json")
    assert sorted(PoliceEvent.objects.filter(is_summary=True).values_list("event_id", flat=True)) == [
        480633,
        480966,
        565458,
        650256,
    ]


def test_it_writes_nothing_on_a_dry_run(world):
    out, _err = import_file("events.json", "--dry-run")
    assert out.splitlines() == ["dry run: nothing was written", "imported: 26 created, 0 updated, 0 skipped"]
    assert PoliceEvent.objects.count() == 0
    assert ImportRun.objects.count() == 0
