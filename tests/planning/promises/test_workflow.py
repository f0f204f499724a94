"""utkast → signerat → publicerat: only a draft changes, signing needs two signatories."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from samverkan.planning.promises import services
from samverkan.planning.promises.models import PromiseSet
from tests.planning.promises.conftest import MEET, action_activity, draft, published, sign


def test_it_signs_a_draft_with_two_signatories_and_publishes_it(world):
    promise_set = draft(world.arjeplog, world.alice)
    promise = services.promise_add(promise_set=promise_set, text="Vi möter allmänheten.", by=world.alice)
    services.promise_activity_add(promise=promise, who="polis", what=MEET, planned=10, by=world.alice)
    sign(promise_set, world.bob)
    assert promise_set.status == PromiseSet.Status.SIGNED
    assert promise_set.published_at is None
    services.promise_set_publish(promise_set=promise_set, by=world.bob)
    promise_set.refresh_from_db()
    assert promise_set.status == PromiseSet.Status.PUBLISHED
    assert promise_set.published_at is not None
    assert promise_set.updated_by == world.bob
    assert [s.name for s in promise_set.signatories.all()] == ["Helena Strand", "Maria Stenlund"]


def test_it_refuses_to_sign_with_one_signatory(world):
    promise_set = draft(world.arjeplog, world.alice)
    services.promise_add(promise_set=promise_set, text="Vi möter allmänheten.", by=world.alice)
    services.promise_signatory_add(
        promise_set=promise_set,
        name="Helena Strand",
        title="LPO-chef",
        signed_on=datetime.date(2025, 2, 1),
        by=world.alice,
    )
    with pytest.raises(ValidationError) as error:
        services.promise_set_sign(promise_set=promise_set, by=world.alice)
    assert error.value.messages == [str(services.TOO_FEW_SIGNATORIES)]
    assert PromiseSet.objects.get().status == PromiseSet.Status.DRAFT


def test_it_refuses_to_sign_without_promises(world):
    promise_set = draft(world.arjeplog, world.alice)
    with pytest.raises(ValidationError) as error:
        sign(promise_set, world.alice)
    assert error.value.messages == [str(services.NO_PROMISES)]


def test_it_needs_a_name_and_a_date_for_each_signatory(world):
    promise_set = draft(world.arjeplog, world.alice)
    with pytest.raises(ValidationError) as error:
        services.promise_signatory_add(
            promise_set=promise_set,
            name="",
            title="Kommunalråd",
            signed_on=None,  # type: ignore[arg-type]  # the missing date is the error checked
            by=world.alice,
        )
    assert set(error.value.message_dict) == {"name", "signed_on"}


def test_it_publishes_only_what_is_signed(world):
    promise_set = draft(world.arjeplog, world.alice)
    with pytest.raises(ValidationError) as error:
        services.promise_set_publish(promise_set=promise_set, by=world.alice)
    assert error.value.messages == [str(services.NOT_SIGNED)]


def test_it_changes_only_drafts(world):
    promise_set = published(world.arjeplog, world.alice, planned=10)
    promise = promise_set.promises.get()
    attempts = [
        lambda: services.promise_add(promise_set=promise_set, text="Nytt löfte", by=world.alice),
        lambda: services.promise_update(promise=promise, text="Ändrat", by=world.alice),
        lambda: services.promise_remove(promise=promise, by=world.alice),
        lambda: services.promise_activity_add(promise=promise, who="kommun", what="x", planned=1, by=world.alice),
        lambda: services.promise_signatory_add(
            promise_set=promise_set, name="N", title="T", signed_on=datetime.date(2025, 1, 1), by=world.alice
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as error:
            attempt()
        assert error.value.messages == [str(services.NOT_A_DRAFT)]
    assert promise_set.promises.get().text == "Polisen möter allmänheten tio gånger per år."


def test_it_links_only_activities_of_the_municipalitys_own_action_plans(world):
    promise_set = draft(world.arjeplog, world.alice)
    promise = services.promise_add(promise_set=promise_set, text="Vi möter allmänheten.", by=world.alice)
    elsewhere = action_activity(world.arvidsjaur)
    with pytest.raises(ValidationError) as error:
        services.promise_activity_add(promise=promise, who="polis", what=MEET, activity=elsewhere, by=world.alice)
    assert error.value.message_dict == {"activity": [str(services.ACTIVITY_OUTSIDE)]}


def test_it_needs_a_count_or_an_action_plan_activity(world):
    promise_set = draft(world.arjeplog, world.alice)
    promise = services.promise_add(promise_set=promise_set, text="Vi möter allmänheten.", by=world.alice)
    with pytest.raises(ValidationError) as error:
        services.promise_activity_add(promise=promise, who="polis", what=MEET, by=world.alice)
    assert error.value.message_dict == {"planned": [str(services.NO_MEASURE)]}


def test_it_numbers_the_promises_in_the_order_they_were_added(world):
    promise_set = draft(world.arjeplog, world.alice)
    for text in ("Första", "Andra", "Tredje"):
        services.promise_add(promise_set=promise_set, text=text, by=world.alice)
    assert list(promise_set.promises.values_list("text", "order")) == [("Första", 1), ("Andra", 2), ("Tredje", 3)]


def test_it_keeps_a_published_set_published_in_the_database(world):
    promise_set = draft(world.arjeplog, world.alice)
    with pytest.raises(IntegrityError):
        PromiseSet.objects.filter(pk=promise_set.pk).update(status=PromiseSet.Status.PUBLISHED)
