"""A coordinator answers an accepted suggestion publicly (as Decidim's official answers): a status and a text,
with who and when; the municipality's public page shows the answer beside the suggestion. Nothing is public
before the coordinator has reviewed (accepted) the suggestion."""

from __future__ import annotations

import datetime
import html
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from samverkan.core.privacy import CONTACT_DETAILS_REFUSED
from samverkan.planning.promises import services
from samverkan.planning.promises.models import Suggestion
from samverkan.planning.promises.services import ANSWER_MISSING, ANSWER_NOT_REVIEWED
from tests.planning.promises.conftest import published

TEXT = "Fler trafikkontroller vid skolan på morgnarna."
ANSWER = "Polisen gör kontroller vid skolan varje tisdag under hösten."
MOMENT = datetime.datetime(2026, 9, 14, 10, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm"))


def suggestion(world, *, accept: bool | None = True) -> Suggestion:
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    made = services.suggestion_submit(promise=promise, text=TEXT)
    if accept is not None:
        services.suggestion_moderate(suggestion=made, accept=accept, by=world.alice)
    return made


def answer_url(target: Suggestion) -> str:
    return reverse("suggestion_answer", args=[target.promise.promise_set_id, target.pk])


def answer_data(target: Suggestion, status: str = "genomfors", answer: str = ANSWER) -> dict[str, str]:
    return {f"suggestion-{target.pk}-answer_status": status, f"suggestion-{target.pk}-answer": answer}


def public_page(client) -> str:
    return html.unescape(client.get(reverse("promises_public", args=["2506"])).content.decode())


def test_it_publishes_the_answer_beside_the_suggestion_on_the_municipality_page(client, world):
    target = suggestion(world)
    assert TEXT not in public_page(client)  # accepted, not yet answered
    client.force_login(world.alice)
    with time_machine.travel(MOMENT, tick=False):
        response = client.post(answer_url(target), answer_data(target))
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.answer_status, target.answer, target.answered_by) == ("genomfors", ANSWER, world.alice)
    assert target.answered_at == MOMENT
    client.logout()
    body = public_page(client)
    assert TEXT in body and ANSWER in body
    assert str(Suggestion.AnswerStatus.TAKEN_UP.label) in body
    assert 'datetime="2026-09-14"' in body
    assert "alice" not in body  # who answered is the staff's record, not the public's


def test_it_shows_the_newer_answer_with_its_own_who_and_when(client, world):
    target = suggestion(world)
    services.suggestion_answer(suggestion=target, status="utreds", answer="Vi utreder saken.", by=world.alice)
    client.force_login(world.bob)
    assert client.post(answer_url(target), answer_data(target, "genomfort", "Klart i oktober.")).status_code == 302
    target.refresh_from_db()
    assert (target.answer_status, target.answer, target.answered_by) == ("genomfort", "Klart i oktober.", world.bob)
    body = public_page(client)
    assert "Klart i oktober." in body and "Vi utreder saken." not in body


@pytest.mark.parametrize("accept", [None, False])
def test_it_refuses_to_answer_a_suggestion_not_reviewed_or_rejected(client, world, accept):
    target = suggestion(world, accept=accept)
    client.force_login(world.alice)
    response = client.post(answer_url(target), answer_data(target))
    assert response.status_code == 400
    body = html.unescape(response.content.decode())
    assert str(ANSWER_NOT_REVIEWED) in body
    assert ANSWER in body  # what was typed is kept
    target.refresh_from_db()
    assert target.answered_at is None and target.answer == ""
    assert TEXT not in public_page(client)


def test_it_refuses_an_answer_with_a_phone_number_and_keeps_what_was_typed(client, world):
    target = suggestion(world)
    client.force_login(world.alice)
    typed = "Ring Anna på 070-1234567 så berättar hon mer."
    response = client.post(answer_url(target), answer_data(target, answer=typed))
    assert response.status_code == 400
    body = html.unescape(response.content.decode())
    assert str(CONTACT_DETAILS_REFUSED) in body and typed in body
    target.refresh_from_db()
    assert target.answer == "" and target.answered_at is None


def test_it_refuses_an_empty_answer_or_an_unknown_status(world):
    target = suggestion(world)
    with pytest.raises(ValidationError) as refused:
        services.suggestion_answer(suggestion=target, status="okand", answer="   ", by=world.alice)
    assert set(refused.value.message_dict) == {"answer_status", "answer"}
    assert refused.value.message_dict["answer"] == [str(ANSWER_MISSING)]
    target.refresh_from_db()
    assert target.answered_at is None


@pytest.mark.parametrize("name", ["charlie", "dave", "lena"])
def test_it_answers_404_to_a_coordinator_of_another_municipality_and_to_readers(client, world, name):
    target = suggestion(world)
    client.force_login(getattr(world, name))
    assert client.post(answer_url(target), answer_data(target)).status_code == 404
    target.refresh_from_db()
    assert target.answered_at is None
    assert TEXT not in public_page(client)


def test_it_never_shows_an_answered_suggestion_once_rejected(client, world):
    target = suggestion(world)
    services.suggestion_answer(suggestion=target, status="genomfors", answer=ANSWER, by=world.alice)
    assert TEXT in public_page(client)
    services.suggestion_moderate(suggestion=target, accept=False, by=world.alice)
    body = public_page(client)
    assert TEXT not in body and ANSWER not in body


def test_it_shows_the_answer_form_only_to_those_who_may_answer(client, world):
    target = suggestion(world)
    page = reverse("promise_set", args=[target.promise.promise_set_id])
    client.force_login(world.alice)
    assert answer_url(target) in client.get(page).content.decode()
    client.force_login(world.lena)
    body = client.get(page).content.decode()
    assert answer_url(target) not in body and TEXT in body
