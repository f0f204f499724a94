"""The police events page: counts and latest events of the municipalities the user works with."""

from __future__ import annotations

import datetime
import zoneinfo

import time_machine
from django.urls import reverse

from samverkan.sources.models import ImportRun
from samverkan.sources.police_events.forms import PERIOD_REVERSED, default_period
from samverkan.sources.police_events.models import PoliceEvent
from tests.sources.police_events.support import import_file

URL = reverse("police_events_list")
WHOLE_FEED = {"from": "2023-01-01", "to": "2026-12-31"}


def test_it_sends_anonymous_visitors_to_the_login(client, world):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_shows_the_owner_the_counts_and_latest_events(client, world):
    import_file("events.json")
    client.force_login(world.alice)
    response = client.get(URL, {"kommun": "2506", **WHOLE_FEED})
    assert response.status_code == 200
    assert [(t.type, t.count) for t in response.context["by_type"]] == [
        ("Rattfylleri", 2),
        ("Trafikolycka", 2),
        ("Narkotikabrott", 1),
        ("Trafikkontroll", 1),
        ("Övrigt", 1),
    ]
    assert response.context["total"] == 7
    assert [event.event_id for event in response.context["page"]] == [
        623523,
        622409,
        571806,
        570750,
        566158,
        560896,
        534999,
    ]
    body = response.content.decode()
    assert 'href="https://polisen.se/aktuellt/handelser/2026/februari/3/03-februari-18.38-ovrigt-arjeplog/"' in body
    assert "Sammanfattning" not in body.split('id="types-heading"')[1]


@time_machine.travel(datetime.datetime(2026, 11, 26, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm")), tick=False)
def test_it_shows_the_first_visible_municipality_for_the_last_12_months(client, world):
    client.force_login(world.charlie)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["municipality"] == world.arvidsjaur
    form = response.context["form"]
    assert (form.cleaned_data["from"], form.cleaned_data["to"]) == (
        datetime.date(2025, 12, 1),
        datetime.date(2026, 11, 26),
    )
    assert len(response.context["by_month"]) == 12


def test_it_starts_the_last_12_months_on_the_first_of_a_month():
    assert default_period(datetime.date(2026, 11, 26)) == (datetime.date(2025, 12, 1), datetime.date(2026, 11, 26))
    assert default_period(datetime.date(2026, 1, 15)) == (datetime.date(2025, 2, 1), datetime.date(2026, 1, 15))


def test_it_answers_404_to_the_outsider(client, world):
    import_file("events.json")
    client.force_login(world.charlie)
    assert client.get(URL, {"kommun": "2506"}).status_code == 404
    client.force_login(world.dave)
    assert client.get(URL, {"kommun": "2505"}).status_code == 404


def test_it_shows_the_police_contact_every_municipality_of_the_area(client, world):
    client.force_login(world.bob)
    for code in ("2505", "2506"):
        assert client.get(URL, {"kommun": code}).status_code == 200
    assert client.get(URL, {"kommun": "2580"}).status_code == 404


def test_it_refuses_a_period_that_is_no_period(client, world):
    client.force_login(world.alice)
    response = client.get(URL, {"from": "2024-13-01", "to": "2024-12-31"})
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["from"]
    response = client.get(URL, {"from": "2025-01-01", "to": "2024-12-31"})
    assert response.status_code == 400
    assert response.context["form"].errors["to"] == [str(PERIOD_REVERSED)]
    assert "by_type" not in response.context


def test_it_pages_the_latest_events(client, world):
    run = ImportRun.objects.create(source="police_events", name="test")
    first = datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC)
    PoliceEvent.objects.bulk_create(
        PoliceEvent(
            event_id=number,
            occurred_at=first + datetime.timedelta(hours=number),
            name=f"Händelse {number}",
            year=2025,
            month=3,
            type="Trafikkontroll",
            type_key="trafikkontroll",
            municipality=world.arjeplog,
            region_code="2506",
            run=run,
        )
        for number in range(1, 31)
    )
    client.force_login(world.alice)
    response = client.get(URL, {"kommun": "2506", **WHOLE_FEED})
    assert [event.event_id for event in response.context["page"]] == list(range(30, 5, -1))
    assert "?kommun=2506&amp;from=2023-01-01&amp;to=2026-12-31&amp;sida=2" in response.content.decode()
    response = client.get(URL, {"kommun": "2506", **WHOLE_FEED, "sida": "2"})
    assert [event.event_id for event in response.context["page"]] == [5, 4, 3, 2, 1]
