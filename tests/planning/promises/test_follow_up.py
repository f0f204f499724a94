"""At the end of the period: "Utfört: …" per activity, shown to citizens under the earlier promises."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samverkan.core.privacy import PERSONNUMMER_REFUSED
from samverkan.planning.promises import services
from samverkan.planning.promises.models import PromiseActivity, PromiseSet
from tests.planning.promises.conftest import draft, published

DONE = "Utfört: Polisen mötte allmänheten vid 12 tillfällen."


def test_it_follows_up_every_activity_and_shows_it_as_an_earlier_promise(client, world):
    promise_set = published(world.arjeplog, world.alice, planned=10)
    activity = PromiseActivity.objects.get()
    services.promise_set_follow_up(promise_set=promise_set, followups={activity.pk: DONE}, by=world.bob)
    promise_set.refresh_from_db()
    assert promise_set.status == PromiseSet.Status.FOLLOWED_UP
    assert promise_set.followed_up_at is not None
    body = client.get(reverse("promises_public", args=["2506"])).content.decode()
    assert 'id="earlier-heading"' in body and 'id="current-heading"' not in body
    assert DONE in body
    assert reverse("suggestion_new", args=["2506", promise_set.promises.get().pk]) not in body


def test_it_needs_a_text_for_every_activity(world):
    promise_set = published(world.arjeplog, world.alice, planned=10)
    activity = PromiseActivity.objects.get()
    with pytest.raises(ValidationError) as error:
        services.promise_set_follow_up(promise_set=promise_set, followups={activity.pk: "  "}, by=world.alice)
    assert error.value.message_dict == {f"activity_{activity.pk}": [str(services.FOLLOWUP_MISSING)]}
    with pytest.raises(ValidationError) as error:
        services.promise_set_follow_up(
            promise_set=promise_set, followups={activity.pk: "Utfört: möte med 19850512-1234"}, by=world.alice
        )
    assert error.value.message_dict == {f"activity_{activity.pk}": [str(PERSONNUMMER_REFUSED)]}
    assert PromiseSet.objects.get().status == PromiseSet.Status.PUBLISHED


def test_it_follows_up_only_published_promises(world):
    with pytest.raises(ValidationError) as error:
        services.promise_set_follow_up(promise_set=draft(world.arjeplog, world.alice), followups={}, by=world.alice)
    assert error.value.messages == [str(services.NOT_PUBLISHED)]


def test_it_follows_up_from_the_staff_page(client, world):
    promise_set = published(world.arjeplog, world.alice, planned=10)
    activity = PromiseActivity.objects.get()
    client.force_login(world.alice)
    url = reverse("promise_set_follow_up", args=[promise_set.pk])
    assert "Utfört: </textarea>" in client.get(url).content.decode()
    failed = client.post(url, {f"activity_{activity.pk}": ""})
    assert failed.status_code == 400
    response = client.post(url, {f"activity_{activity.pk}": DONE})
    assert response.status_code == 302
    assert PromiseActivity.objects.get().followup == DONE
