"""The same events again change nothing; an event that changed is updated."""

from __future__ import annotations

from samverkan.sources.models import ImportRun
from samverkan.sources.police_events.models import PoliceEvent
from tests.sources.police_events.support import import_file, tables


def test_it_skips_every_event_the_second_time(world):
    import_file("events.json")
    before = tables()
    out, _err = import_file("events.json")
    assert out.splitlines()[-1] == "imported: 0 created, 0 updated, 26 skipped"
    assert tables() == before


def test_it_stores_an_event_given_twice_in_one_file_once(world):
    import_file("events.json")
    assert PoliceEvent.objects.filter(event_id=566158).count() == 1


def test_it_updates_an_event_whose_fields_changed(world):
    import_file("archive-excerpt.json.gz")
    first_run = ImportRun.objects.get()
    out, _err = import_file("events.json")
    assert out.splitlines()[-1] == "imported: 25 created, 1 updated, 0 skipped"
    event = PoliceEvent.objects.get(event_id=565141)
    assert event.url.endswith("/13-januari-04.01-morddrap-forsok-uddevalla")
    assert event.run != first_run
    assert PoliceEvent.objects.filter(run=first_run).count() == 9
