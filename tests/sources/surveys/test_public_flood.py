"""The public survey against floods: a limit per client, a honeypot, and "already answered" without the cookie.

The finding: one client stored 60 fake answers in 3.4 s under one shared counter per wave, and then a real
respondent got 429. Now the limit counts per client address, across all public forms.
"""

from __future__ import annotations

import math
import time
import types

import django_ratelimit.core
import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.urls import reverse

from samverkan.core.clients import HONEYPOT
from samverkan.sources.surveys.models import Response
from tests.sources.surveys.conftest import open_wave

ANSWERS = {"problem_klotter": "ganska_stort", "trygg_kvall": "mycket_otrygg"}
BOT = "203.0.113.9"
RESIDENT = "198.51.100.7"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    # django-ratelimit counts in fixed windows of its own clock: hold that clock still, so a flood never straddles
    # the end of a window (which would start a new count halfway).
    frozen = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: frozen))


def url(wave) -> str:
    return reverse("survey_answer", args=[wave.token])


def send(client, wave, *, address: str, agent: str = FIREFOX, data: dict | None = None):
    client.cookies.clear()  # a bot drops the "answered" cookie
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return client.post(url(wave), data or ANSWERS, REMOTE_ADDR=address, HTTP_USER_AGENT=agent)


def test_it_stops_one_flooding_client_at_the_limit_and_still_takes_another(client, world, settings):
    settings.PUBLIC_FORM_PER_MINUTE = 10
    wave = open_wave(world.arjeplog, "problem_klotter", "trygg_kvall")
    statuses = [send(client, wave, address=BOT, agent=f"bot/{n}").status_code for n in range(15)]
    assert statuses == [302] * 10 + [429] * 5
    assert Response.objects.filter(wave=wave).count() == 10
    assert send(client, wave, address=RESIDENT).status_code == 302
    assert Response.objects.filter(wave=wave).count() == 11


def test_it_tells_the_limited_client_how_long_to_wait_and_keeps_its_answers(client, world, settings):
    settings.PUBLIC_FORM_PER_MINUTE = 0
    settings.PUBLIC_FORM_PER_HOUR = 2
    wave = open_wave(world.arjeplog, "problem_klotter", "trygg_kvall")
    for n in range(2):
        assert send(client, wave, address=BOT, agent=f"bot/{n}").status_code == 302
    response = send(client, wave, address=BOT, agent="bot/2", data={**ANSWERS, "free_text": "Mörkt vid skolan"})
    body = response.content.decode()
    wait = int(response["Retry-After"])
    assert response.status_code == 429
    assert 0 < wait <= 3600
    assert f"Wait {math.ceil(wait / 60)} min and send it again" in body
    assert "Mörkt vid skolan</textarea>" in body
    assert Response.objects.count() == 2


def test_it_stores_nothing_when_the_honeypot_is_filled_and_answers_like_a_success(client, world):
    wave = open_wave(world.arjeplog, "problem_klotter", "trygg_kvall")
    response = send(client, wave, address=BOT, data={**ANSWERS, HONEYPOT: "https://spam.example"})
    assert response.status_code == 302
    assert response["Location"] == reverse("survey_thanks", args=[wave.token])
    assert not Response.objects.exists()


def test_it_hides_the_honeypot_from_people_and_screen_readers(client, world):
    wave = open_wave(world.arjeplog, "problem_klotter", "trygg_kvall")
    body = client.get(url(wave)).content.decode()
    assert '<div class="visually-hidden" aria-hidden="true">' in body
    assert f'<label for="id_{HONEYPOT}">' in body
    assert f'<input type="text" name="{HONEYPOT}" id="id_{HONEYPOT}" value="" tabindex="-1" autocomplete="off">' in body


def test_it_tells_the_same_client_without_the_cookie_that_it_has_already_answered(client, world):
    wave = open_wave(world.arjeplog, "problem_klotter", "trygg_kvall")
    assert send(client, wave, address=RESIDENT).status_code == 302
    response = send(client, wave, address=RESIDENT)
    assert response.status_code == 409
    assert "You have already answered" in response.content.decode()
    assert f"survey_{wave.pk}" not in client.cookies
    page = client.get(url(wave), REMOTE_ADDR=RESIDENT, HTTP_USER_AGENT=FIREFOX)
    assert "You have already answered" in page.content.decode()
    assert Response.objects.count() == 1


def test_it_takes_another_address_another_browser_and_another_wave(client, world):
    wave = open_wave(world.arjeplog, "problem_klotter", "trygg_kvall")
    other_wave = open_wave(world.arjeplog, "problem_klotter", name="Enkät skolan")
    assert send(client, wave, address=RESIDENT).status_code == 302
    assert send(client, wave, address=BOT).status_code == 302
    assert send(client, wave, address=RESIDENT, agent="Safari/18").status_code == 302
    assert send(client, other_wave, address=RESIDENT, data={"problem_klotter": "inget"}).status_code == 302
    assert Response.objects.filter(wave=wave).count() == 3


def test_it_forgets_the_client_when_its_answers_were_refused(client, world):
    wave = open_wave(world.arjeplog, "problem_klotter", "trygg_kvall")
    assert send(client, wave, address=RESIDENT, data={"free_text": ""}).status_code == 400
    assert send(client, wave, address=RESIDENT).status_code == 302


def test_it_relies_on_the_cookie_alone_when_the_repeat_window_is_off(client, world, settings):
    settings.SURVEY_REPEAT_HOURS = 0
    wave = open_wave(world.arjeplog, "problem_klotter", "trygg_kvall")
    assert send(client, wave, address=RESIDENT).status_code == 302
    assert send(client, wave, address=RESIDENT).status_code == 302
    assert Response.objects.count() == 2


def test_it_keeps_neither_address_nor_browser_in_the_cache(client, world):
    wave = open_wave(world.arjeplog, "problem_klotter", "trygg_kvall")
    assert send(client, wave, address=RESIDENT).status_code == 302
    store = cache._cache  # type: ignore[attr-defined]  # the local-memory cache's store, private and not in the stubs
    kept = repr(list(store.items()))
    assert store and RESIDENT not in kept and "Firefox" not in kept
