"""The log page (/logg/): an organisation's coordinators and police contacts read what its members did and what
was done to its municipalities' information; nobody reads another organisation's log."""

from __future__ import annotations

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from samverkan.core import clock
from samverkan.core.audit import record_read
from samverkan.sources.incidents.models import Incident
from tests.sources.incidents.test_report import form_data

LOG = "/logg/"


@pytest.fixture
def handled(client, world) -> Incident:
    """Alice logs an incident in Arjeplog and assesses it; Bob (police) reads it."""
    client.force_login(world.alice)
    client.post(reverse("incident_new"), form_data(description="Klotter på busskuren"))
    incident = Incident.objects.get()
    client.post(reverse("incident", args=[incident.pk]), {"status": "bedomd", "note": "Kontrollerat"})
    client.force_login(world.bob)
    client.get(reverse("incident", args=[incident.pk]))
    client.logout()
    return incident


def shown(client, user, **query) -> list:
    client.force_login(user)
    response = client.get(LOG, query)
    assert response.status_code == 200
    return [row.entry for row in response.context["rows"]]


def is_about(entry: LogEntry, incident: Incident) -> bool:
    return entry.content_type.model == "incident" and entry.object_id == incident.pk


def about(entries: list, incident: Incident) -> list[tuple[int, str]]:
    return [
        (entry.action, (entry.additional_data or {}).get("kind", "")) for entry in entries if is_about(entry, incident)
    ]


def test_it_keeps_the_url_and_its_name():
    assert reverse("audit_log") == LOG


def test_it_shows_alice_the_changes_and_reads_of_her_municipalitys_incident(client, world, handled):
    A = LogEntry.Action
    assert about(shown(client, world.alice), handled) == [(A.ACCESS, "read"), (A.UPDATE, ""), (A.CREATE, "")]


def test_it_shows_the_police_reader_by_organisation_and_alice_by_name(client, world, handled, in_english):
    client.force_login(world.alice)
    rows = client.get(LOG, {"kind": "read"}).context["rows"]
    assert [(row.who, row.what, row.details) for row in rows] == [
        ("LPO Piteå älvdal", "Read", "the incident's details")
    ]
    rows = client.get(LOG, {"kind": "change"}).context["rows"]
    assert {row.who for row in rows if is_about(row.entry, handled)} == {"Alice"}


def test_it_shows_the_change_before_and_after_but_never_the_text(client, world, handled, in_english):
    client.force_login(world.alice)
    response = client.get(LOG, {"kind": "change"})
    rows = [row for row in response.context["rows"] if is_about(row.entry, handled)]
    (status_change,) = [row for row in rows if row.entry.action == LogEntry.Action.UPDATE]
    assert [(c.field, c.before, c.after) for c in status_change.changes] == [("status", "New", "Assessed")]
    assert "Klotter på busskuren" not in response.content.decode()
    assert "Kontrollerat" not in response.content.decode()


def test_it_shows_charlie_and_dave_nothing_of_arjeplogs(client, world, handled):
    for user in (world.charlie, world.dave):
        assert about(shown(client, user), handled) == []


def test_it_shows_bob_only_what_the_police_did(client, world, handled):
    assert about(shown(client, world.bob), handled) == [(LogEntry.Action.ACCESS, "read")]


def test_it_is_not_for_leadership_or_reporters(client, world):
    client.force_login(world.lena)
    assert client.get(LOG).status_code == 404
    assert 'href="/logg/"' not in client.get("/").content.decode()
    client.force_login(world.alice)
    assert 'href="/logg/"' in client.get("/").content.decode()


def test_it_filters_by_kind_and_day(client, world, handled):
    assert {e.action for e in shown(client, world.alice, kind="change")} <= {0, 1, 2}
    assert [e.additional_data["kind"] for e in shown(client, world.alice, kind="read")] == ["read"]
    assert shown(client, world.alice, kind="export") == []
    today = clock.today()
    tomorrow = today + datetime.timedelta(days=1)
    assert shown(client, world.alice, start=tomorrow.isoformat()) == []
    assert about(shown(client, world.alice, start=today.isoformat(), end=today.isoformat()), handled) != []


@pytest.mark.parametrize(
    "query", [{"start": "0001-01-01"}, {"end": "9999-12-31"}, {"start": "2026-02-30"}, {"kind": "everything"}]
)
def test_it_answers_a_bad_filter_with_400_and_a_message(client, world, query):
    client.force_login(world.alice)
    response = client.get(LOG, query)
    assert response.status_code == 400
    assert response.context["form"].errors


def test_it_shows_fifty_entries_a_page(client, world, rf):
    request = rf.get("/")
    request.user = world.alice
    for _ in range(60):
        record_read(request, world.arjeplog, "incidents")
    assert len(shown(client, world.alice, kind="read")) == 50
    assert len(shown(client, world.alice, kind="read", page=2)) == 10
