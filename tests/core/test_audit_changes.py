"""Every change of a domain object is logged: who, when, before and after (django-auditlog); never the texts
retention clears, never a survey answer, never the aggregates the raw rows rebuild."""

from __future__ import annotations

import datetime

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from samverkan.core import clock
from samverkan.core.audit import MASK
from samverkan.planning.actions import services as action_services
from samverkan.planning.actions.models import ActionPlan
from samverkan.sources.incidents.models import Incident, IncidentMonth, IncidentNote
from samverkan.sources.surveys.models import Response, Wave
from tests.sources.incidents.test_report import form_data

DESCRIPTION = "Klotter på busskuren vid torget"
NOTE = "Ägaren kontaktad, saneras i veckan"


def entries_for(obj) -> list[LogEntry]:
    return list(LogEntry.objects.get_for_object(obj).order_by("timestamp", "id"))


def logged_incident(client, user) -> Incident:
    client.force_login(user)
    assert client.post(reverse("incident_new"), form_data(description=DESCRIPTION)).status_code == 302
    return Incident.objects.get()


def test_it_records_a_status_change_with_who_when_and_before_and_after(client, world):
    incident = logged_incident(client, world.alice)
    before = clock.now()
    response = client.post(reverse("incident", args=[incident.pk]), {"status": "bedomd", "note": NOTE})
    assert response.status_code == 302
    created, changed = entries_for(incident)
    assert (created.action, created.actor) == (LogEntry.Action.CREATE, world.alice)
    assert (changed.action, changed.actor) == (LogEntry.Action.UPDATE, world.alice)
    assert changed.changes_dict == {"status": ["ny", "bedomd"]}
    assert before <= changed.timestamp <= clock.now()
    assert changed.additional_data == {"municipalities": ["2506"]}


def test_it_records_the_note_without_its_text(client, world):
    incident = logged_incident(client, world.alice)
    client.post(reverse("incident", args=[incident.pk]), {"status": "bedomd", "note": NOTE})
    (note_entry,) = entries_for(IncidentNote.objects.get())
    assert note_entry.actor == world.alice
    assert note_entry.changes_dict["text"] == ["None", MASK]
    assert note_entry.changes_dict["status_to"] == ["None", "bedomd"]
    assert NOTE not in note_entry.object_repr
    assert note_entry.additional_data == {"municipalities": ["2506"]}  # through its incident


def test_it_records_that_a_description_changed_but_not_what_it_says(client, world):
    incident = logged_incident(client, world.alice)
    incident.description = "Klottret är nu borttaget"
    incident.save()
    created, changed = entries_for(incident)
    assert created.changes_dict["description"] == ["None", MASK]
    assert changed.changes_dict == {"description": [MASK, MASK]}
    assert changed.actor is None  # no request: a command or the shell
    stored = [str(e.changes) + e.changes_text + e.object_repr for e in LogEntry.objects.all()]
    assert not [text for text in stored if DESCRIPTION in text or "borttaget" in text]


def test_it_records_a_deletion(client, world):
    incident = logged_incident(client, world.alice)
    pk = incident.pk
    incident.delete()
    deleted = LogEntry.objects.get(object_id=pk, content_type__model="incident", action=LogEntry.Action.DELETE)
    assert deleted.changes_dict["status"] == ["ny", "None"]
    assert deleted.additional_data == {"municipalities": ["2506"]}


def test_it_never_logs_a_survey_response_nor_the_aggregates(client, world):
    logged_incident(client, world.alice)
    wave = Wave.objects.create(
        name="Trygghetsenkät", municipality=world.arjeplog, opened_on=datetime.date(2026, 1, 1), source="web"
    )
    Response.objects.create(wave=wave, free_text="Mörkt vid skolan")
    assert IncidentMonth.objects.exists()
    logged = set(LogEntry.objects.values_list("content_type", flat=True))
    for model in (Response, IncidentMonth):
        assert ContentType.objects.get_for_model(model).pk not in logged
    assert ContentType.objects.get_for_model(Wave).pk in logged


def test_it_leaves_a_new_objects_reverse_relations_unloaded(world):
    """The log's diff of a new plan reads its (empty) next version; the plan must still see one made later."""
    plan = action_services.action_plan_create(
        municipality=world.arjeplog,
        title="Handlingsplan Arjeplog",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        by=world.alice,
    )
    draft = ActionPlan.objects.create(
        municipality=world.arjeplog,
        title=plan.title,
        starts_on=plan.starts_on,
        ends_on=plan.ends_on,
        version=2,
        previous_id=plan.pk,  # made from another copy of the plan, as a view would
    )
    assert plan.next_version == draft
