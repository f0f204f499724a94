"""Police events come from the feed: a municipality user's upload never moves one, nor writes a county's events."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from samverkan.sources.police_events.models import PoliceEvent


def feed(place: str, event_id: int = 443324) -> bytes:
    return json.dumps(
        [
            {
                "id": event_id,
                "datetime": "2023-09-11 13:05:09 +02:00",
                "name": f"11 september 13:05, Rattfylleri, {place}",
                "summary": "Misstänkt rattfylleri.",
                "url": "/aktuellt/handelser/2023/september/11/",
                "type": "Rattfylleri",
                "location": {"name": place, "gps": "66.051505,17.890054"},
            }
        ]
    ).encode()


def upload(client, data: bytes):
    file = SimpleUploadedFile("events.json", data)
    return client.post(reverse("import_upload", args=["police_events"]), {"file": file})


@pytest.fixture
def arjeplog_event(world, tmp_path) -> PoliceEvent:
    path = tmp_path / "feed.json"
    path.write_bytes(feed("Arjeplog"))
    call_command("import_police_events", str(path), stdout=None, stderr=None)
    return PoliceEvent.objects.get()


@pytest.mark.usefixtures("in_english")
def test_it_refuses_an_outsider_moving_an_event_out_of_arjeplog(client, world, arjeplog_event):
    client.force_login(world.dave)
    response = upload(client, feed("Luleå"))
    assert response.status_code == 400
    assert [str(p) for p in response.context["problems"]] == [
        "events.json: municipality: you may not import data for Arjeplog",
        "events.json:1: location.name: event 443324 is kept for Arjeplog: only the police feed moves an event to "
        "another place",
    ]
    arjeplog_event.refresh_from_db()
    assert (arjeplog_event.region_code, arjeplog_event.municipality) == ("2506", world.arjeplog)


@pytest.mark.usefixtures("in_english")
def test_it_refuses_moving_an_event_between_two_municipalities_the_user_writes(client, world, arjeplog_event):
    client.force_login(world.bob)
    response = upload(client, feed("Arvidsjaur"))
    assert response.status_code == 400
    assert [str(p) for p in response.context["problems"]] == [
        "events.json:1: location.name: event 443324 is kept for Arjeplog: only the police feed moves an event to "
        "another place",
    ]
    arjeplog_event.refresh_from_db()
    assert arjeplog_event.region_code == "2506"


@pytest.mark.usefixtures("in_english")
def test_it_refuses_a_county_event_from_a_municipality_user(client, world):
    client.force_login(world.bob)
    response = upload(client, feed("Norrbottens län", event_id=1))
    assert response.status_code == 400
    assert [str(p) for p in response.context["problems"]] == [
        "events.json:1: location.name: Norrbottens län is reference data: only an administrator imports national "
        "and county figures",
    ]
    assert not PoliceEvent.objects.exists()


def test_it_updates_an_event_in_the_users_municipality(client, world, arjeplog_event):
    client.force_login(world.alice)
    response = upload(client, feed("Arjeplog").replace(b"Misst\\u00e4nkt rattfylleri.", b"Rattfylleri, RV 95."))
    assert response.status_code == 200
    assert (response.context["outcome"].created, response.context["outcome"].updated) == (0, 1)
