"""A plan is drafted, adopted (who, when) and frozen; a new version copies it and replaces it."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from samverkan.planning.actions import services
from samverkan.planning.actions.models import ACTIVITY_ENDS_BEFORE_START, ActionPlan, Activity
from tests.planning.actions.conftest import activity, log_times

P = ActionPlan.Status


def test_it_adopts_a_draft_and_records_who_and_when(world, arjeplog_plan):
    plan = services.action_plan_adopt(plan=arjeplog_plan.plan, by=world.alice)
    plan.refresh_from_db()
    assert (plan.status, plan.adopted_by) == (P.ADOPTED, world.alice)
    assert plan.adopted_at is not None


def test_it_refuses_to_adopt_an_empty_plan_or_twice(world, arjeplog_plan):
    empty = services.action_plan_create(
        municipality=world.arvidsjaur,
        title="Handlingsplan Arvidsjaur",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        by=world.charlie,
    )
    with pytest.raises(ValidationError) as raised:
        services.action_plan_adopt(plan=empty, by=world.charlie)
    assert raised.value.messages == [str(services.PLAN_EMPTY)]
    services.action_plan_adopt(plan=arjeplog_plan.plan, by=world.alice)
    with pytest.raises(ValidationError) as raised:
        services.action_plan_adopt(plan=arjeplog_plan.plan, by=world.bob)
    assert raised.value.messages == [str(services.ONLY_DRAFTS_ADOPTED)]
    assert ActionPlan.objects.get(pk=arjeplog_plan.plan.pk).adopted_by == world.alice


def test_it_freezes_the_activities_of_an_adopted_plan_but_follows_them_up(world, arjeplog_plan):
    services.action_plan_adopt(plan=arjeplog_plan.plan, by=world.alice)
    meet = Activity.objects.get(pk=arjeplog_plan.meet.pk)
    with pytest.raises(ValidationError) as raised:
        activity(meet.plan, "Ny åtgärd")
    assert raised.value.messages == [str(services.PLAN_FROZEN)]
    with pytest.raises(ValidationError):
        services.activity_update(activity=meet, goals=[], organisations=[], title="Nytt namn")
    log_times(meet, 2, world.bob)
    assert services.activity_set_status(activity=meet, status="pagar", comment="Två av tio", by=world.bob)
    meet.refresh_from_db()
    assert (meet.title, meet.status, meet.status_comment, meet.occurrences.count()) == (
        "Polisen möter allmänheten på allmän plats",
        "pagar",
        "Två av tio",
        2,
    )
    assert Activity.objects.filter(plan=meet.plan).count() == 3


def test_it_copies_a_new_version_without_occurrences_and_replaces_the_old(world, arjeplog_plan):
    old = services.action_plan_adopt(plan=arjeplog_plan.plan, by=world.alice)
    log_times(arjeplog_plan.meet, 4, world.bob)
    draft = services.action_plan_new_version(plan=old, by=world.bob)
    old.refresh_from_db()
    assert (old.status, draft.status, draft.version, draft.previous, draft.created_by) == (
        P.REPLACED,
        P.DRAFT,
        2,
        old,
        world.bob,
    )
    assert (draft.municipality, draft.starts_on, draft.ends_on) == (old.municipality, old.starts_on, old.ends_on)
    copies = {a.title: a for a in draft.activities.all()}
    assert set(copies) == {a.title for a in old.activities.all()}
    meet = copies["Polisen möter allmänheten på allmän plats"]
    assert (meet.target_count, meet.role, meet.problems) == (10, "kommunpolis", ["Samling som stör ordningen"])
    assert list(meet.goals.all()) == [arjeplog_plan.goal]
    assert (meet.status, meet.occurrences.count()) == (Activity.Status.NOT_STARTED, 0)
    assert arjeplog_plan.meet.occurrences.count() == 4


def test_it_stops_following_up_a_replaced_version(world, arjeplog_plan):
    old = services.action_plan_adopt(plan=arjeplog_plan.plan, by=world.alice)
    services.action_plan_new_version(plan=old, by=world.alice)
    meet = Activity.objects.get(pk=arjeplog_plan.meet.pk)
    with pytest.raises(ValidationError) as raised:
        log_times(meet, 1, world.bob)
    assert raised.value.messages == [str(services.PLAN_REPLACED)]
    with pytest.raises(ValidationError):
        services.activity_set_status(activity=meet, status="utford", comment="", by=world.bob)
    with pytest.raises(ValidationError) as raised:
        services.action_plan_new_version(plan=old, by=world.alice)
    assert raised.value.messages == [str(services.ONLY_ADOPTED_GET_VERSIONS)]


def test_it_keeps_one_plan_per_municipality_and_period(world, arjeplog_plan):
    with pytest.raises(ValidationError) as raised:
        services.action_plan_create(
            municipality=world.arjeplog,
            title="En till",
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2027, 12, 31),
            by=world.alice,
        )
    assert raised.value.message_dict == {"starts_on": [str(services.PLAN_EXISTS).format(municipality="Arjeplog")]}
    later = services.action_plan_create(
        municipality=world.arjeplog,
        title="Handlingsplan Arjeplog 2027–2028",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2028, 12, 31),
        by=world.alice,
    )
    assert later.status == P.DRAFT


def test_it_refuses_a_goal_of_another_municipality(world, arjeplog_plan):
    arvidsjaur_goal = arjeplog_plan.goal
    arvidsjaur_goal.municipality = world.arvidsjaur
    arvidsjaur_goal.save()
    with pytest.raises(ValidationError) as raised:
        activity(arjeplog_plan.plan, "Trygghetsvandring", goals=[arvidsjaur_goal])
    assert list(raised.value.message_dict) == ["goals"]


def test_it_refuses_an_activity_that_ends_before_it_starts(world, arjeplog_plan):
    with pytest.raises(ValidationError) as raised:
        activity(
            arjeplog_plan.plan,
            "Trygghetsvandring",
            starts_on=datetime.date(2025, 9, 1),
            ends_on=datetime.date(2025, 8, 1),
        )
    assert raised.value.messages == [str(ACTIVITY_ENDS_BEFORE_START)]
