"""Revising published promises: a new draft version; the old one stays public with its date and what changed."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samverkan.planning.promises import services
from samverkan.planning.promises.models import PromiseSet
from tests.planning.promises.conftest import action_activity, draft, published, sign

OLD_TEXT = "Polisen agerar mot trafikproblemen minst tio gånger per år."
NEW_TEXT = "Polisen agerar mot trafikproblemen minst tio gånger per år, även mot buskörning med snöskoter."


def revised(world) -> tuple[PromiseSet, PromiseSet]:
    """Version 1 published on 3 March 2025; version 2 changes its text and is published now."""
    old = published(world.arjeplog, world.alice, text=OLD_TEXT, planned=10)
    PromiseSet.objects.filter(pk=old.pk).update(published_at=timezone.make_aware(datetime.datetime(2025, 3, 3, 10)))
    new = services.promise_set_revise(promise_set=old, by=world.alice)
    services.promise_update(promise=new.promises.get(), text=NEW_TEXT, by=world.alice)
    services.promise_add(promise_set=new, text="Narkotikasök med hund i skolan.", by=world.alice)
    sign(new, world.alice)
    services.promise_set_publish(promise_set=new, by=world.alice)
    old.refresh_from_db()
    return old, new


def test_it_copies_the_promises_into_a_new_draft_version(world):
    activity = action_activity(world.arjeplog)
    old = published(world.arjeplog, world.alice, text=OLD_TEXT, activity=activity)
    new = services.promise_set_revise(promise_set=old, by=world.bob)
    old.refresh_from_db()
    assert old.status == PromiseSet.Status.REVISED
    assert old.published_at is not None
    assert (new.status, new.version, new.revision_of, new.published_at) == (PromiseSet.Status.DRAFT, 2, old, None)
    assert new.promises.get().text == OLD_TEXT
    copied = new.promises.get().activities.get()
    assert (copied.activity, copied.unit, copied.followup) == (activity, "medborgarmöten", "")
    assert not new.signatories.exists()
    assert old.promises.get().text == OLD_TEXT


def test_it_starts_only_one_revision_and_only_of_published_promises(world):
    old = published(world.arjeplog, world.alice, planned=10)
    services.promise_set_revise(promise_set=old, by=world.alice)
    with pytest.raises(ValidationError) as error:
        services.promise_set_revise(promise_set=old, by=world.alice)
    assert error.value.messages == [str(services.NOT_PUBLISHED)]
    with pytest.raises(ValidationError):
        services.promise_set_revise(promise_set=draft(world.arvidsjaur, world.charlie), by=world.charlie)


def test_it_keeps_the_old_version_public_until_the_new_one_is_published(client, world):
    old = published(world.arjeplog, world.alice, text=OLD_TEXT, planned=10)
    new = services.promise_set_revise(promise_set=old, by=world.alice)
    services.promise_update(promise=new.promises.get(), text=NEW_TEXT, by=world.alice)
    body = client.get(reverse("promises_public", args=["2506"])).content.decode()
    assert OLD_TEXT in body
    assert "buskörning med snöskoter" not in body


def test_it_shows_the_earlier_version_with_its_date_and_the_differences(client, world):
    old, new = revised(world)
    body = client.get(reverse("promises_public", args=["2506"])).content.decode()
    assert f'id="set-{new.pk}"' in body and f'id="set-{old.pk}"' in body
    assert '<time datetime="2025-03-03">' in body
    assert f'<time datetime="{timezone.localdate(new.published_at):%Y-%m-%d}">' in body
    assert "buskörning med snöskoter.</ins>" in body
    assert "år.</del>" in body
    assert "Narkotikasök med hund i skolan.</ins>" in body


def test_it_lets_the_old_version_stay_revised_in_the_staff_list(client, world):
    old, new = revised(world)
    client.force_login(world.lena)
    body = client.get(reverse("promise_sets")).content.decode()
    assert old.get_absolute_url() in body and new.get_absolute_url() in body
    detail = client.get(old.get_absolute_url()).content.decode()
    assert new.get_absolute_url() in detail
