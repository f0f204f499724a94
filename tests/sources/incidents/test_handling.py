from __future__ import annotations

from django.urls import reverse

from samverkan.sources.incidents.models import Incident
from tests.sources.incidents.test_report import log


def test_it_moves_an_incident_along_its_workflow_with_notes(client, world):
    incident = log(world, world.alice)
    client.force_login(world.bob)
    url = reverse("incident", args=[incident.pk])
    client.post(url, {"status": "bedomd", "note": "Kontrollerat på plats"})
    client.post(url, {"status": "atgardad", "note": "Rutan bytt"})
    incident.refresh_from_db()
    assert incident.status == Incident.Status.ACTED_ON
    notes = list(incident.notes.values_list("status_from", "status_to", "text"))
    assert notes == [("ny", "bedomd", "Kontrollerat på plats"), ("bedomd", "atgardad", "Rutan bytt")]


def test_it_refuses_to_skip_a_step(client, world):
    incident = log(world, world.alice)
    client.force_login(world.alice)
    response = client.post(reverse("incident", args=[incident.pk]), {"status": "atgardad", "note": ""})
    assert response.status_code == 400
    incident.refresh_from_db()
    assert incident.status == Incident.Status.NEW
    assert not incident.notes.exists()


def test_it_refuses_a_personnummer_in_a_note(client, world):
    incident = log(world, world.alice)
    client.force_login(world.alice)
    response = client.post(reverse("incident", args=[incident.pk]), {"status": "bedomd", "note": "Ägare 850512-1234"})
    assert response.status_code == 400
    incident.refresh_from_db()
    assert incident.status == Incident.Status.NEW


def test_it_lets_leadership_read_but_not_handle(client, world):
    incident = log(world, world.alice)
    client.force_login(world.lena)
    url = reverse("incident", args=[incident.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"status": "bedomd"}).status_code == 404
