"""Citizens' suggestions: no account, nothing about the sender, moderated (limits: test_suggestion_flood.py)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samverkan.core.privacy import PERSONNUMMER_REFUSED
from samverkan.planning.promises import services
from samverkan.planning.promises.models import Suggestion
from samverkan.planning.promises.selectors import accepted_suggestions
from samverkan.sources.dialogues.models import Dialogue
from tests.planning.promises.conftest import draft, published

TEXT = "Fler trafikkontroller vid skolan på morgnarna."


def suggest_url(promise) -> str:
    return reverse("suggestion_new", args=[promise.promise_set.municipality.code, promise.pk])


def moderate_url(suggestion) -> str:
    return reverse("suggestion_moderate", args=[suggestion.promise.promise_set_id, suggestion.pk])


def test_it_stores_only_the_text_the_date_the_moderation_and_the_answer():
    fields = {field.name for field in Suggestion._meta.get_fields()}
    moderation = {"status", "moderated_by"}
    answer = {"answer_status", "answer", "answered_at", "answered_by"}  # the coordinator's, nothing of the sender
    assert fields == {"id", "promise", "text", "received_on", *moderation, *answer}


def test_it_takes_a_suggestion_without_login(client, world):
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    assert client.get(suggest_url(promise)).status_code == 200
    response = client.post(suggest_url(promise), {"text": TEXT, "name": "Anna", "email": "anna@example.se"})
    assert response.status_code == 302
    assert response["Location"] == reverse("suggestion_thanks", args=["2506", promise.pk])
    suggestion = Suggestion.objects.get()
    assert (suggestion.text, suggestion.status, suggestion.moderated_by) == (TEXT, Suggestion.Status.NEW, None)
    assert "sessionid" not in response.cookies
    assert client.get(response["Location"]).status_code == 200


def test_the_audit_log_keeps_no_address_of_the_citizen_but_the_coordinators(client, world):
    from auditlog.models import LogEntry

    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    client.post(suggest_url(promise), {"text": TEXT}, REMOTE_ADDR="198.51.100.77")
    suggestion = Suggestion.objects.get()
    assert [entry.remote_addr for entry in LogEntry.objects.get_for_object(suggestion)] == [None]
    client.force_login(world.alice)
    client.post(moderate_url(suggestion), {"decision": "accept"}, REMOTE_ADDR="192.0.2.5")
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.ACCEPTED
    moderation = LogEntry.objects.get_for_object(suggestion).latest("timestamp")
    assert moderation.remote_addr == "192.0.2.5"


def test_it_refuses_a_personnummer_and_keeps_what_was_typed(client, world):
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    response = client.post(suggest_url(promise), {"text": "Grannen 19850512-1234 kör fort"})
    body = response.content.decode()
    assert response.status_code == 400
    assert str(PERSONNUMMER_REFUSED) in body
    assert "Grannen 19850512-1234 kör fort</textarea>" in body
    assert not Suggestion.objects.exists()


def test_it_refuses_more_than_2000_characters(client, world):
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    assert client.post(suggest_url(promise), {"text": "a" * 2001}).status_code == 400
    with pytest.raises(ValidationError) as error:
        services.suggestion_submit(promise=promise, text="a" * 2001)
    assert error.value.message_dict == {"text": [str(services.SUGGESTION_TOO_LONG)]}
    assert not Suggestion.objects.exists()


def test_it_takes_suggestions_only_on_the_promises_in_force(client, world):
    unpublished = draft(world.arjeplog, world.alice)
    promise = services.promise_add(promise_set=unpublished, text="Utkast", by=world.alice)
    assert client.get(suggest_url(promise)).status_code == 404
    assert client.post(suggest_url(promise), {"text": TEXT}).status_code == 404
    with pytest.raises(ValidationError) as error:
        services.suggestion_submit(promise=promise, text=TEXT)
    assert error.value.messages == [str(services.NOT_OPEN_FOR_SUGGESTIONS)]
    in_force = published(world.arvidsjaur, world.charlie, planned=10).promises.get()
    wrong_municipality = reverse("suggestion_new", args=["2506", in_force.pk])
    assert client.get(wrong_municipality).status_code == 404


def test_it_lets_the_coordinator_and_the_police_moderate(client, world):
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    first = services.suggestion_submit(promise=promise, text=TEXT)
    second = services.suggestion_submit(promise=promise, text="Bra med fler möten!")
    client.force_login(world.alice)
    assert client.post(moderate_url(first), {"decision": "accept"}).status_code == 302
    client.force_login(world.bob)
    assert client.post(moderate_url(second), {"decision": "reject"}).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.moderated_by) == (Suggestion.Status.ACCEPTED, world.alice)
    assert (second.status, second.moderated_by) == (Suggestion.Status.REJECTED, world.bob)


def test_it_answers_404_to_moderation_by_leadership_and_outsiders(client, world):
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    suggestion = services.suggestion_submit(promise=promise, text=TEXT)
    for user in (world.lena, world.charlie, world.dave):
        client.force_login(user)
        assert client.post(moderate_url(suggestion), {"decision": "accept"}).status_code == 404
    client.logout()
    assert client.post(moderate_url(suggestion), {"decision": "accept"}).status_code == 302
    assert Suggestion.objects.get().status == Suggestion.Status.NEW


def test_it_lists_accepted_suggestions_as_input_for_the_next_citizen_dialogue(client, world):
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    old, new, rejected = (services.suggestion_submit(promise=promise, text=t) for t in ("Gammal", TEXT, "Nej"))
    Suggestion.objects.filter(pk=old.pk).update(received_on=datetime.date(2025, 1, 10))
    for suggestion, accept in ((old, True), (new, True), (rejected, False)):
        services.suggestion_moderate(suggestion=suggestion, accept=accept, by=world.alice)
    assert list(accepted_suggestions(municipality=world.arjeplog)) == [new, old]
    assert list(accepted_suggestions(municipality=world.arvidsjaur)) == []
    Dialogue.objects.create(
        municipality=world.arjeplog,
        kind=Dialogue.Kind.CITIZENS,
        held_on=datetime.date(2025, 3, 1),
        format=Dialogue.Format.MEETING,
        groups="Pensionärsföreningen",
        participants=20,
    )
    assert list(accepted_suggestions(municipality=world.arjeplog, since=datetime.date(2025, 3, 1))) == [new]
    client.force_login(world.lena)
    body = client.get(promise.promise_set.get_absolute_url()).content.decode()
    section = body[body.index('id="dialogue-heading"') :]
    assert TEXT in section and "Gammal" not in section and "Nej" not in section
    assert "2025-03-01" in section
