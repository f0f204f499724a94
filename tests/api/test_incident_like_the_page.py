"""An incident logged through the API is the one the page's form logs: the same service, the same rows."""

from __future__ import annotations

import datetime

from django.urls import reverse

from samverkan.core import clock
from samverkan.sources.incidents.models import Incident

COMPARED = (
    "municipality_id",
    "category_id",
    "occurred_from",
    "occurred_to",
    "lat",
    "lng",
    "place_id",
    "severity",
    "description",
    "status",
    "reported_by_id",
    "reporter_organisation_id",
    "h3_r7",
    "h3_r8",
    "h3_r9",
)


def test_it_logs_the_same_incident_as_the_page(world, client, api_as):
    moment = f"{clock.today() - datetime.timedelta(days=3)}T21:30"
    client.force_login(world.bob)
    page = client.post(
        reverse("incident_new"),
        {
            "occurred_from": moment,
            "occurred_to": "",
            "category": "Klotter",
            "severity": "2",
            "lat": "66.5",
            "lng": "17.5",
            "place": "",
            "description": "Klotter på busskuren vid torget",
        },
    )
    assert page.status_code == 302
    body = {
        "occurred_from": moment,  # local time without an offset, as the form's field takes it
        "lat": 66.5,
        "lng": 17.5,
        "category": "klotter",  # a category by name, in any case, as the service finds it
        "severity": 2,
        "description": "Klotter på busskuren vid torget",
    }
    answer = api_as(world.bob).post("/api/incidents", body)
    assert answer.status_code == 201
    by_page, by_api = Incident.objects.order_by("pk")
    assert answer.json()["id"] == by_api.pk
    assert [getattr(by_api, name) for name in COMPARED] == [getattr(by_page, name) for name in COMPARED]


def test_it_refuses_what_the_page_refuses_with_the_field(world, api_as):
    body = {
        "occurred_from": f"{clock.today()}T10:00",
        "lat": 10.0,  # far outside Arjeplog
        "lng": 10.0,
        "category": "Klotter",
        "severity": 1,
        "description": "Klotter",
    }
    api = api_as(world.alice)
    outside = api.post("/api/incidents", body)
    assert outside.status_code == 422
    assert outside.json()["error"]["field"] == "lat"
    person = api.post("/api/incidents", body | {"lat": 66.5, "lng": 17.5, "description": "Pojke 850512-1234 sprayade"})
    assert person.status_code == 422 and person.json()["error"]["field"] == "description"
    unknown = api.post("/api/incidents", body | {"lat": 66.5, "lng": 17.5, "category": "Ufo"})
    assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "category"
    assert Incident.objects.count() == 0
