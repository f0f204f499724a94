"""Suggestions against floods: the public forms' limit per client, a honeypot, and no identical text twice."""

from __future__ import annotations

import time
import types

import django_ratelimit.core
import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from samverkan.core.clients import HONEYPOT
from samverkan.planning.promises import services
from samverkan.planning.promises.models import Suggestion
from samverkan.sources.surveys.models import Response
from tests.planning.promises.conftest import published
from tests.sources.surveys.conftest import open_wave

BOT = "203.0.113.9"
RESIDENT = "198.51.100.7"
TEXT = "Fler trafikkontroller vid skolan på morgnarna."


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    # django-ratelimit counts in fixed windows of its own clock: hold it still, so a flood never straddles two.
    frozen = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: frozen))


def suggest_url(promise) -> str:
    return reverse("suggestion_new", args=[promise.promise_set.municipality.code, promise.pk])


def send(client, url: str, data: dict, *, address: str):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return client.post(url, data, REMOTE_ADDR=address)


def test_it_stops_one_flooding_client_at_the_limit_and_still_takes_another(client, world, settings):
    settings.PUBLIC_FORM_PER_MINUTE = 10
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    url = suggest_url(promise)
    statuses = [send(client, url, {"text": f"Förslag {n}"}, address=BOT).status_code for n in range(15)]
    assert statuses == [302] * 10 + [429] * 5
    assert Suggestion.objects.count() == 10
    response = send(client, suggest_url(promise), {"text": TEXT}, address=RESIDENT)
    assert response.status_code == 302
    assert Suggestion.objects.count() == 11


def test_it_counts_the_client_across_all_public_forms(client, world, settings):
    settings.PUBLIC_FORM_PER_MINUTE = 3
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    wave = open_wave(world.arjeplog, "problem_klotter")
    survey = reverse("survey_answer", args=[wave.token])
    for n in range(3):
        client.cookies.clear()
        response = client.post(survey, {"problem_klotter": "inget"}, REMOTE_ADDR=BOT, HTTP_USER_AGENT=f"bot/{n}")
        assert response.status_code == 302
    assert Response.objects.count() == 3
    response = send(client, suggest_url(promise), {"text": TEXT}, address=BOT)
    assert response.status_code == 429
    assert "Wait 1 min and send it again" in response.content.decode()
    assert f"{TEXT}</textarea>" in response.content.decode()
    assert not Suggestion.objects.exists()
    assert send(client, suggest_url(promise), {"text": TEXT}, address=RESIDENT).status_code == 302


def test_it_stores_nothing_when_the_honeypot_is_filled_and_answers_like_a_success(client, world):
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    response = send(client, suggest_url(promise), {"text": TEXT, HONEYPOT: "https://spam.example"}, address=BOT)
    assert response.status_code == 302
    assert response["Location"] == reverse("suggestion_thanks", args=["2506", promise.pk])
    assert not Suggestion.objects.exists()
    body = client.get(suggest_url(promise)).content.decode()
    assert f'<input type="text" name="{HONEYPOT}" id="id_{HONEYPOT}" value="" tabindex="-1" autocomplete="off">' in body


def test_it_refuses_the_same_text_to_the_same_promise_from_anyone(client, world):
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    assert send(client, suggest_url(promise), {"text": TEXT}, address=RESIDENT).status_code == 302
    again = "  fler trafikkontroller vid skolan\n på MORGNARNA.  "
    for address in (RESIDENT, BOT):
        response = send(client, suggest_url(promise), {"text": again}, address=address)
        assert response.status_code == 400
        assert str(services.SUGGESTION_DUPLICATE) in response.content.decode()
    with pytest.raises(ValidationError) as error:
        services.suggestion_submit(promise=promise, text=TEXT)
    assert error.value.message_dict == {"text": [str(services.SUGGESTION_DUPLICATE)]}
    assert list(Suggestion.objects.values_list("text", flat=True)) == [TEXT]


def test_it_takes_the_same_text_to_another_promise_and_another_text_to_the_same(client, world):
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    other = published(world.arvidsjaur, world.charlie, planned=10).promises.get()
    assert send(client, suggest_url(promise), {"text": TEXT}, address=RESIDENT).status_code == 302
    assert send(client, suggest_url(other), {"text": TEXT}, address=RESIDENT).status_code == 302
    assert send(client, suggest_url(promise), {"text": TEXT + " Tack!"}, address=RESIDENT).status_code == 302
    assert Suggestion.objects.count() == 3
