"""The citizens' pages: no login, only what is published."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone, translation

from samverkan.planning.actions.models import Activity
from samverkan.planning.promises import services
from samverkan.planning.promises.models import PromiseSet
from samverkan.planning.promises.selectors import PROGRESS_TEXT
from samverkan.sources.surveys.models import Wave
from tests.planning.promises.conftest import action_activity, draft, log_occurrence, published, sign


def public_url(code: str = "2506") -> str:
    return reverse("promises_public", args=[code])


def test_it_shows_the_published_promises_without_login(client, world):
    promise_set = published(world.arjeplog, world.alice, planned=10)
    response = client.get(public_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Polisen möter allmänheten tio gånger per år." in body
    assert "Helena Strand" in body and "Maria Stenlund" in body
    published_on = timezone.localdate(promise_set.published_at)
    assert f'datetime="{published_on:%Y-%m-%d}"' in body
    assert reverse("suggestion_new", args=["2506", promise_set.promises.get().pk]) in body


def test_it_answers_404_while_the_promises_are_a_draft_or_only_signed(client, world):
    promise_set = draft(world.arjeplog, world.alice)
    services.promise_add(promise_set=promise_set, text="Hemligt utkast", by=world.alice)
    assert client.get(public_url()).status_code == 404
    sign(promise_set, world.alice)
    assert client.get(public_url()).status_code == 404
    assert client.get(reverse("promises_feed", args=["2506"])).status_code == 404


def test_it_never_shows_a_draft_revision(client, world):
    promise_set = published(world.arjeplog, world.alice, planned=10)
    revision = services.promise_set_revise(promise_set=promise_set, by=world.alice)
    services.promise_add(promise_set=revision, text="Ett löfte som inte är klart", by=world.alice)
    body = client.get(public_url()).content.decode()
    assert "Polisen möter allmänheten tio gånger per år." in body
    assert "Ett löfte som inte är klart" not in body


def test_it_lists_only_municipalities_with_published_promises_on_the_citizens_entrance(client, world):
    published(world.arjeplog, world.alice, planned=10)
    draft(world.arvidsjaur, world.charlie)
    body = client.get(reverse("citizens_home")).content.decode()
    assert public_url("2506") in body
    assert public_url("2505") not in body
    assert client.get(public_url("2505")).status_code == 404


def test_it_leads_citizens_to_open_web_surveys_and_staff_to_the_login(client, world):
    open_wave = Wave.objects.create(
        name="Trygghetsmätning 2026", municipality=world.arjeplog, opened_on=datetime.date(2026, 10, 1), source="web"
    )
    Wave.objects.create(
        name="Stängd enkät",
        municipality=world.arjeplog,
        opened_on=datetime.date(2025, 10, 1),
        closed_on=datetime.date(2025, 11, 1),
        source="web",
    )
    response = client.get(reverse("citizens_home"))
    body = response.content.decode()
    assert response.status_code == 200
    assert reverse("survey_answer", args=[open_wave.token]) in body
    assert "Stängd enkät" not in body
    assert f'href="{reverse("login")}"' in body


def test_it_shows_progress_as_done_of_planned(client, world):
    activity = action_activity(world.arjeplog, target=10, done=6)
    published(world.arjeplog, world.alice, activity=activity)
    body = client.get(public_url()).content.decode()
    with translation.override("sv"):
        expected = PROGRESS_TEXT % {"done": 6, "planned": 10}
    assert f"{expected} medborgarmöten" in body
    assert '<progress max="10" value="6"' in body


def test_it_shows_the_english_texts_where_written_and_swedish_otherwise(client, world):
    promise_set = draft(world.arjeplog, world.alice)
    first = services.promise_add(
        promise_set=promise_set,
        text="Polisen möter allmänheten.",
        text_en="The police meet the public.",
        by=world.alice,
    )
    services.promise_activity_add(
        promise=first, who="polis", what="Medborgarmöten", what_en="Meetings with citizens", planned=10, by=world.alice
    )
    services.promise_add(promise_set=promise_set, text="Grannsamverkan i fler områden.", by=world.alice)
    sign(promise_set, world.alice)
    services.promise_set_publish(promise_set=promise_set, by=world.alice)
    swedish = client.get(public_url()).content.decode()
    assert "Polisen möter allmänheten." in swedish and "Medborgarmöten" in swedish
    client.cookies["django_language"] = "en"
    english = client.get(public_url()).content.decode()
    assert '<html lang="en">' in english
    assert "The police meet the public." in english and "Meetings with citizens" in english
    assert "Polisen möter allmänheten." not in english
    assert "Grannsamverkan i fler områden." in english


def test_it_links_the_feed_and_a_permalink(client, world):
    published(world.arjeplog, world.alice, planned=10)
    body = client.get(public_url()).content.decode()
    feed = reverse("promises_feed", args=["2506"])
    assert f'<a rel="alternate" type="application/atom+xml" href="{feed}">' in body
    assert f'href="http://testserver{public_url()}"' in body


def test_it_shows_the_last_update_as_the_latest_occurrence(client, world):
    activity = action_activity(world.arjeplog, target=10, done=2)
    promise_set = published(world.arjeplog, world.alice, activity=activity)
    PromiseSet.objects.filter(pk=promise_set.pk).update(published_at=timezone.make_aware(datetime.datetime(2025, 3, 3)))
    log_occurrence(activity, datetime.date(2025, 5, 17))
    body = client.get(public_url()).content.decode()
    assert '<time class="last-updated" datetime="2025-05-17">' in body


def test_it_shows_the_action_plan_status_when_the_target_is_not_a_count(client, world):
    activity = action_activity(world.arjeplog, title="E-tjänst för otrygga platser", target=None)
    Activity.objects.filter(pk=activity.pk).update(status=Activity.Status.DONE)
    published(world.arjeplog, world.alice, activity=activity, unit="e-tjänst")
    body = client.get(public_url()).content.decode()
    with translation.override("sv"):
        assert f'<p class="progress-text">{Activity.Status.DONE.label}</p>' in body
