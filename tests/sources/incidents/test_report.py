from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.core.privacy import PERSONNUMMER_REFUSED
from samverkan.organisations.models import Membership, NamedPlace, Organisation, Role, User
from samverkan.sources.incidents.models import Incident
from samverkan.sources.incidents.selectors import STANDARD_CATEGORIES
from samverkan.sources.incidents.services import incident_categories_for


def form_data(**changes) -> dict:
    data = {
        "occurred_from": "2026-11-20T21:30",
        "occurred_to": "",
        "category": "Klotter",
        "severity": "2",
        "lat": "66.5",
        "lng": "17.5",
        "place": "",
        "description": "Klotter på busskuren vid torget",
    }
    return data | changes


def test_it_logs_an_incident_where_the_point_lies(client, world):
    client.force_login(world.bob)
    response = client.post(reverse("incident_new"), form_data())
    incident = Incident.objects.get()
    assert response.status_code == 302
    assert incident.municipality == world.arjeplog
    assert incident.category.name == "Klotter"
    assert incident.category.focus_area is None or incident.category.focus_area.short_name == "BRÅ"
    assert timezone.localtime(incident.occurred_from).strftime("%Y-%m-%d %H:%M") == "2026-11-20 21:30"
    assert (incident.lat, incident.lng, incident.severity, incident.status) == (66.5, 17.5, 2, "ny")
    assert incident.reported_by == world.bob
    assert incident.reporter_organisation == world.lpo


def test_it_derives_the_other_municipality_from_the_point(client, world):
    client.force_login(world.bob)
    client.post(reverse("incident_new"), form_data(lat="65.5", lng="18.8"))
    assert Incident.objects.get().municipality == world.arvidsjaur


def test_it_refuses_a_point_outside_the_reporters_municipalities(client, world):
    client.force_login(world.alice)
    response = client.post(reverse("incident_new"), form_data(lat="65.5", lng="18.8"))
    assert response.status_code == 400
    assert "utanför de kommuner du rapporterar för (Arjeplog)" in response.content.decode()
    assert not Incident.objects.exists()


def test_it_puts_the_refusal_of_a_point_outside_beside_the_coordinates(client, world):
    client.force_login(world.alice)
    response = client.post(reverse("incident_new"), form_data(lat="65.5", lng="18.8"))
    form = response.context["form"]
    assert list(form.errors) == ["lat"]
    assert form["lat"].value() == "65.5"


@pytest.mark.parametrize("number", ["19850512-1234", "850512-1234", "8505121234", "850512+1234"])
def test_it_refuses_a_description_with_a_personnummer_and_keeps_what_was_typed(client, world, number):
    client.force_login(world.alice)
    text = f"Pojke {number} sprayade"
    response = client.post(reverse("incident_new"), form_data(description=text))
    body = response.content.decode()
    assert response.status_code == 400
    assert str(PERSONNUMMER_REFUSED) in body
    assert f"{text}</textarea>" in body
    assert not Incident.objects.exists()


def test_it_uses_a_named_place_when_no_point_is_given(client, world):
    place = NamedPlace.objects.create(municipality=world.arjeplog, name="Torget", lat=66.05, lng=17.9)
    client.force_login(world.alice)
    client.post(reverse("incident_new"), form_data(lat="", lng="", place=str(place.pk)))
    incident = Incident.objects.get()
    assert (incident.place, incident.lat, incident.lng) == (place, 66.05, 17.9)


def test_it_asks_for_a_place(client, world):
    client.force_login(world.alice)
    response = client.post(reverse("incident_new"), form_data(lat="", lng=""))
    assert response.status_code == 400
    assert not Incident.objects.exists()


def test_it_refuses_a_time_span_that_ends_before_it_starts(client, world):
    client.force_login(world.alice)
    response = client.post(reverse("incident_new"), form_data(occurred_to="2026-11-19T10:00"))
    assert response.status_code == 400
    assert not Incident.objects.exists()


def test_it_does_not_let_leadership_report(client, world):
    client.force_login(world.lena)
    assert client.get(reverse("incident_new")).status_code == 404


def test_it_starts_a_municipality_with_the_standard_categories(world):
    names = [c.name for c in incident_categories_for(world.arjeplog)]
    assert names == [name for name, _area in STANDARD_CATEGORIES]
    assert [c.name for c in incident_categories_for(world.arjeplog)] == names


def log(world, by, **extra) -> Incident:
    from samverkan.sources.incidents.services import IncidentReport, incident_report

    report = IncidentReport(
        occurred_from=timezone.now() - datetime.timedelta(days=1),
        occurred_to=None,
        lat=66.5,
        lng=17.5,
        category="Skadegörelse",
        severity=1,
        description="Krossad ruta i väntkuren",
    )
    return incident_report(report=report, by=by, allowed=[world.arjeplog, world.arvidsjaur])


def test_it_shows_the_reporter_only_inside_the_reporters_organisation(client, world):
    rescue = Organisation.objects.create(name="Räddningstjänsten", kind="partner", partner_kind="rescue")
    rescue.municipalities.set([world.arjeplog])
    reporter = User.objects.create_user("rut", first_name="Rut", last_name="Rapportör")
    Membership.objects.create(user=reporter, organisation=rescue, role=Role.REPORTER)
    colleague = User.objects.create_user("kalle")
    Membership.objects.create(user=colleague, organisation=rescue, role=Role.REPORTER)
    incident = log(world, reporter)
    url = reverse("incident", args=[incident.pk])
    client.force_login(colleague)
    assert "Rut Rapportör" in client.get(url).content.decode()
    client.force_login(world.alice)
    body = client.get(url).content.decode()
    assert "Rut Rapportör" not in body
    assert "Räddningstjänsten" in body


def test_it_hides_arjeplogs_incidents_from_the_outsider(client, world):
    incident = log(world, world.alice)
    client.force_login(world.charlie)
    assert client.get(reverse("incident", args=[incident.pk])).status_code == 404
    assert client.post(reverse("incident", args=[incident.pk]), {"status": "bedomd"}).status_code == 404
    assert incident.category.name not in client.get(reverse("incidents_list")).content.decode()
    assert client.get(reverse("incidents_week"), {"kommun": "2506"}).status_code == 404
