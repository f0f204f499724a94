"""Incident free text and the reporter stay inside the organisation that logged the incident (DOMAIN.md §4). The EST
log is the municipality's: its own organisation reads every text in it; the police of the area see the incident,
its figures and what they wrote themselves, never another party's description or notes."""

from __future__ import annotations

import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone

from samverkan.core import clock
from samverkan.organisations.models import Membership, Organisation, Role, User
from samverkan.sources.incidents.selectors import EXPORT_COLUMNS
from samverkan.sources.incidents.services import IncidentReport, incident_handle, incident_report
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


def _report(world, by, description: str):
    when = datetime.datetime.combine(clock.today(), datetime.time(9), timezone.get_current_timezone())
    report = IncidentReport(
        occurred_from=when,
        occurred_to=None,
        lat=66.5,
        lng=17.5,
        category="Klotter",
        severity=1,
        description=description,
        place=None,
    )
    return incident_report(report=report, by=by, allowed=[world.arjeplog])


def test_it_shows_a_partners_text_to_the_municipality_that_keeps_the_log_not_to_the_police(client, world, in_english):
    rescue = Organisation.objects.create(name="Räddningstjänsten Arjeplog", kind=Organisation.Kind.PARTNER)
    rescue.municipalities.set([world.arjeplog])
    rita = User.objects.create_user(username="rita", password="password", first_name="Rita")
    Membership.objects.create(user=rita, organisation=rescue, role=Role.REPORTER)
    incident = _report(world, rita, "Brand i papperskorg vid busstationen")

    assert "Brand i papperskorg vid busstationen" in _detail(client, world.alice, incident, in_english)
    assert "Rita" not in _detail(client, world.alice, incident, in_english)  # the reporter stays with the partner
    assert "Brand i papperskorg vid busstationen" not in _detail(client, world.bob, incident, in_english)


def test_it_shows_the_police_the_text_they_logged_themselves(client, world, in_english):
    incident = _report(world, world.bob, "Buskörning med moped på skolgården")

    assert "Buskörning med moped på skolgården" in _detail(client, world.bob, incident, in_english)
    assert "Buskörning med moped på skolgården" in _detail(client, world.alice, incident, in_english)
    client.force_login(world.charlie)
    assert client.get(incident.get_absolute_url()).status_code == 404  # another municipality's log
