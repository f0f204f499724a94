"""Incident free text and the reporter stay inside the organisation that logged the incident (DOMAIN.md §4): the
police of the area see the incident, its figures and their own notes, never the description or others' notes."""

from __future__ import annotations

import csv
import io

from django.urls import reverse

from samverkan.sources.incidents.selectors import EXPORT_COLUMNS
from samverkan.sources.incidents.services import incident_handle
from tests.sources.incidents.test_week import at

DESCRIPTION = "Klotter vid skolan"
HIDDEN = "The description stays inside the organisation that logged the incident."


def _detail(client, user, incident, in_english) -> str:
    client.force_login(user)
    response = client.get(incident.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_description_to_the_logging_organisation_only(client, world, in_english):
    incident = at("2026-11-17", "Klotter", world)

    assert DESCRIPTION in _detail(client, world.alice, incident, in_english)
    assert DESCRIPTION in _detail(client, world.lena, incident, in_english)  # same organisation, read-only
    page = _detail(client, world.bob, incident, in_english)
    assert DESCRIPTION not in page
    assert HIDDEN in page
    assert "Alice" not in page


def test_it_shows_each_party_its_own_handling_notes(client, world, in_english):
    incident = at("2026-11-17", "Klotter", world)
    incident_handle(incident=incident, by=world.alice, status=incident.status, note="Fastighetsägaren kontaktad")
    incident_handle(incident=incident, by=world.bob, status=incident.status, note="Patrull förbi på kvällen")

    police = _detail(client, world.bob, incident, in_english)
    assert "Patrull förbi på kvällen" in police
    assert "Fastighetsägaren kontaktad" not in police
    municipality = _detail(client, world.alice, incident, in_english)
    assert "Patrull förbi på kvällen" in municipality
    assert "Fastighetsägaren kontaktad" in municipality


def test_it_leaves_the_description_out_of_the_polices_export(client, world):
    at("2026-11-17", "Klotter", world)
    column = EXPORT_COLUMNS.index("description")
    query = {"kommun": "2506", "week": "2026-11-16", "export": "csv"}

    def exported(user) -> list[str]:
        client.force_login(user)
        response = client.get(reverse("incidents_week"), query)
        assert response.status_code == 200
        return list(csv.reader(io.StringIO(response.content.decode())))[1]

    assert exported(world.alice)[column] == DESCRIPTION
    police_row = exported(world.bob)
    assert police_row[column] == ""
    assert police_row[EXPORT_COLUMNS.index("category")] == "Klotter"  # the rest of the row is there
