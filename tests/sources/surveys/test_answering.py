"""The public survey: anonymous, once per browser, in Swedish and English (limits: test_public_flood.py)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from samverkan.core.privacy import PERSONNUMMER_REFUSED
from samverkan.organisations.models import NamedPlace
from samverkan.sources.surveys.models import Answer, Response
from samverkan.sources.surveys.services import NOTHING_ANSWERED, PLACE_OUTSIDE
from tests.sources.surveys.conftest import open_wave

ANSWERS = {"problem_klotter": "ganska_stort", "trygg_kvall": "mycket_otrygg", "utsatt_12man": "nej"}


def url(wave) -> str:
    return reverse("survey_answer", args=[wave.token])


def arjeplog_wave(world, **extra):
    return open_wave(world.arjeplog, "problem_klotter", "trygg_kvall", "utsatt_12man", **extra)


def test_it_shows_the_survey_to_anyone_without_login(client, world):
    wave = arjeplog_wave(world, delomraden="Centrum\nSlagnäs\n")
    response = client.get(url(wave))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Klotter" in body
    assert "Hur trygg känner du dig om du går ut ensam sent en kväll i området där du bor?" in body
    assert "Går inte ut på grund av otrygghet" in body
    assert '<option value="Slagnäs">Slagnäs</option>' in body
    # The unsafe place is given on the map or as a named place: a citizen is never asked for coordinates.
    assert '<input type="hidden" name="unsafe_lat" id="id_unsafe_lat">' in body
    assert '<label for="id_unsafe_lat">' not in body and "decimal" not in body and "koordinat" not in body.lower()
    assert '<label for="id_unsafe_place">' in body


def test_it_takes_a_named_place_for_the_unsafe_place_without_the_map(client, world):
    wave = arjeplog_wave(world)
    square = NamedPlace.objects.create(municipality=world.arjeplog, name="Torget, Arjeplog", lat=66.05, lng=17.89)
    NamedPlace.objects.create(municipality=world.arvidsjaur, name="Torget, Arvidsjaur", lat=65.59, lng=19.18)
    body = client.get(url(wave)).content.decode()
    assert f'<option value="{square.pk}">Torget, Arjeplog</option>' in body and "Torget, Arvidsjaur" not in body
    response = client.post(url(wave), {**ANSWERS, "unsafe_place": str(square.pk)})
    assert response.status_code == 302
    assert Response.objects.values_list("unsafe_lat", "unsafe_lng").get() == (66.05, 17.89)


def test_it_asks_in_english_when_english_is_chosen(client, world):
    wave = arjeplog_wave(world)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(url(wave)).content.decode()
    assert "How safe do you feel if you go out alone late one evening in the area where you live?" in body
    assert "I do not go out because I feel unsafe" in body
    assert "Graffiti" in body


def test_it_stores_the_answers_and_the_date_and_nothing_about_the_respondent(client, world):
    wave = arjeplog_wave(world, delomraden="Centrum\nSlagnäs")
    response = client.post(
        url(wave),
        {
            **ANSWERS,
            "delomrade": "Slagnäs",
            "free_text": "Mörkt vid skolan",
            "unsafe_lat": "66.5",
            "unsafe_lng": "17.5",
        },
        REMOTE_ADDR="192.0.2.44",
        HTTP_USER_AGENT="Testbrowser/1.0",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("survey_thanks", args=[wave.token])
    stored = Response.objects.get(wave=wave)
    assert (stored.delomrade, stored.free_text) == ("Slagnäs", "Mörkt vid skolan")
    assert stored.submitted_on == timezone.localdate()
    assert (stored.unsafe_lat, stored.unsafe_lng) == (66.5, 17.5)
    assert dict(stored.answers.values_list("question__key", "value")) == ANSWERS
    values = [str(value) for value in Response.objects.values_list().get(pk=stored.pk)]
    assert not any("192.0.2.44" in value or "Testbrowser" in value for value in values)
    assert set(response.cookies) == {f"survey_{wave.pk}"}
    assert response.cookies[f"survey_{wave.pk}"]["path"] == url(wave)
    assert settings.SESSION_COOKIE_NAME not in client.cookies


def test_it_tells_a_second_answer_that_it_has_already_answered(client, world):
    wave = arjeplog_wave(world)
    client.post(url(wave), ANSWERS)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(url(wave))
    assert "You have already answered" in response.content.decode()
    response = client.post(url(wave), ANSWERS)
    assert response.status_code == 409
    assert Response.objects.filter(wave=wave).count() == 1


def test_it_does_not_take_a_forged_answered_cookie_as_proof(client, world):
    wave = arjeplog_wave(world)
    client.cookies[f"survey_{wave.pk}"] = "1"
    assert client.post(url(wave), ANSWERS).status_code == 302


def test_it_refuses_free_text_with_a_personnummer(client, world):
    wave = arjeplog_wave(world)
    response = client.post(url(wave), {**ANSWERS, "free_text": "Grannen 19850512-1234 stör"})
    assert response.status_code == 400
    assert str(PERSONNUMMER_REFUSED) in response.content.decode()
    assert not Response.objects.exists()


def test_it_refuses_a_place_outside_the_municipality(client, world):
    wave = arjeplog_wave(world)
    response = client.post(url(wave), {**ANSWERS, "unsafe_lat": "59.3", "unsafe_lng": "18.0"})
    assert response.status_code == 400
    assert PLACE_OUTSIDE.format(municipality="Arjeplog") in response.content.decode()
    response = client.post(url(wave), {**ANSWERS, "unsafe_lat": "66.5"})
    assert response.status_code == 400
    assert not Response.objects.exists()


def test_it_asks_for_at_least_one_answer(client, world):
    wave = arjeplog_wave(world)
    response = client.post(url(wave), {"free_text": ""})
    assert response.status_code == 400
    assert str(NOTHING_ANSWERED) in response.content.decode()
    assert not Response.objects.exists()


def test_it_refuses_an_answer_of_another_kind(client, world):
    wave = arjeplog_wave(world)
    response = client.post(url(wave), {"utsatt_12man": "mycket_stort"})
    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_it_takes_no_answers_once_closed_and_knows_no_other_link(client, world):
    wave = arjeplog_wave(world)
    wave.closed_on = timezone.localdate()
    wave.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(url(wave), ANSWERS)
    assert response.status_code == 410
    assert "The survey is closed" in response.content.decode()
    assert not Response.objects.exists()
    assert client.get(reverse("survey_answer", args=["not-a-token"])).status_code == 404
