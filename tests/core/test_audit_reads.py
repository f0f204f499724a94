"""Reading an incident's details (and its reporter) and every export leave an entry in the audit log."""

from __future__ import annotations

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from samverkan.core import clock
from samverkan.planning.actions import services as action_services
from samverkan.sources.incidents.models import Incident
from samverkan.sources.incidents.selectors import last_complete_week
from samverkan.sources.incidents.services import incident_categories_for


def reads() -> list[tuple]:
    return list(
        LogEntry.objects.filter(action=LogEntry.Action.ACCESS)
        .order_by("id")
        .values_list("actor__username", "content_type__model", "object_id", "additional_data")
    )


@pytest.fixture
def incident(world) -> Incident:
    """An incident Alice logged in Arjeplog last week."""
    week = last_complete_week(clock.today())
    return Incident.objects.create(
        municipality=world.arjeplog,
        category=incident_categories_for(world.arjeplog)[0],
        occurred_from=datetime.datetime.combine(week, datetime.time(21), timezone.get_current_timezone()),
        lat=66.5,
        lng=17.5,
        severity=2,
        description="Klotter på busskuren",
        reported_by=world.alice,
        reporter_organisation=world.arjeplog_org,
    )


def test_it_records_who_read_an_incident_and_whether_the_reporter_was_shown(client, world, incident):
    for user in (world.alice, world.bob):
        client.force_login(user)
        assert client.get(reverse("incident", args=[incident.pk])).status_code == 200
    read = {"kind": "read", "detail": "", "municipalities": ["2506"]}
    assert reads() == [
        ("alice", "incident", incident.pk, read | {"what": "incident_reporter"}),
        ("bob", "incident", incident.pk, read | {"what": "incident"}),  # the police do not see Alice's name
    ]


def test_it_records_nothing_for_a_user_who_cannot_read_it(client, world, incident):
    client.force_login(world.charlie)
    assert client.get(reverse("incident", args=[incident.pk])).status_code == 404
    assert reads() == []


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_it_records_an_export_of_the_week(client, world, incident, kind):
    client.force_login(world.alice)
    week = last_complete_week(clock.today())
    response = client.get(reverse("incidents_week"), {"kommun": "2506", "week": week.isoformat(), "export": kind})
    assert response.status_code == 200
    detail = f"{week:%G-W%V} {kind}"
    export = {"kind": "export", "what": "incidents", "detail": detail, "municipalities": ["2506"]}
    assert reads() == [("alice", "municipality", world.arjeplog.pk, export)]


def test_it_records_an_export_of_the_situation_picture(client, world):
    client.force_login(world.bob)
    response = client.get(
        reverse("situation_export", args=["2506"]),
        {"start": "2025-01-01", "end": "2025-12-31", "audience": "internal", "format": "json"},
    )
    assert response.status_code == 200
    detail = "2025-01-01–2025-12-31 internal json"
    export = {"kind": "export", "what": "situation", "detail": detail, "municipalities": ["2506"]}
    assert reads() == [("bob", "municipality", world.arjeplog.pk, export)]


def test_it_records_an_export_of_an_action_plans_sheet(client, world):
    plan = action_services.action_plan_create(
        municipality=world.arjeplog,
        title="Handlingsplan Arjeplog",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        by=world.alice,
    )
    client.force_login(world.lena)
    assert client.get(reverse("action_plan_sheet", args=[plan.pk])).status_code == 200
    export = {"kind": "export", "what": "action_plan_sheet", "detail": "csv", "municipalities": ["2506"]}
    assert reads() == [("lena", "actionplan", plan.pk, export)]


def test_it_records_no_export_that_was_refused(client, world):
    client.force_login(world.alice)
    query = {"start": "2025-01-01", "end": "2025-12-31", "format": "exe"}
    response = client.get(reverse("situation_export", args=["2506"]), query)
    assert response.status_code == 404
    assert reads() == []
