"""An adopted plan gets additions (Tillägg 1, 2 …) that add activities without changing the adopted version;
a draft or a replaced version does not; Charlie cannot add to Arjeplog's plan."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samverkan.planning.actions import services
from samverkan.planning.actions.models import ActionPlan, Activity, PlanAddition

DECIDED = datetime.date(2026, 3, 12)


def values(plan: ActionPlan, title: str) -> dict:
    return {
        "title": title,
        "responsible": Activity.Responsible.MUNICIPALITY,
        "starts_on": plan.starts_on,
        "ends_on": plan.ends_on,
        "kind": Activity.Kind.SOCIAL,
        "horizon": Activity.Horizon.LONG,
    }


@pytest.fixture
def adopted(world, arjeplog_plan) -> ActionPlan:
    return services.action_plan_adopt(plan=arjeplog_plan.plan, by=world.alice)


def add(plan: ActionPlan, by, title: str = "Fältassistenter på helger") -> Activity:
    addition = services.plan_addition_create(plan=plan, adopted_on=DECIDED, text="Styrgruppen beslutade", by=by)
    return services.addition_activity_create(addition=addition, **values(plan, title))


def test_it_numbers_the_additions_and_keeps_the_adopted_activities(world, arjeplog_plan, adopted):
    own = list(adopted.activities.order_by("pk").values_list("pk", "title", "updated_at"))
    first, second = add(adopted, world.alice), add(adopted, world.bob, "Sommarkampanj")
    additions = [a.addition for a in (first, second)]
    assert [(a.number, a.plan) for a in additions if a is not None] == [(1, adopted), (2, adopted)]
    assert list(adopted.activities.filter(addition=None).order_by("pk").values_list("pk", "title", "updated_at")) == own
    assert adopted.activities.count() == len(own) + 2


def test_it_refuses_a_draft_and_a_replaced_version(world, arjeplog_plan):
    with pytest.raises(ValidationError) as error:
        add(arjeplog_plan.plan, world.alice)
    assert error.value.messages == [str(services.ONLY_ADOPTED_GET_ADDITIONS)]
    services.action_plan_adopt(plan=arjeplog_plan.plan, by=world.alice)
    services.action_plan_new_version(plan=arjeplog_plan.plan, by=world.alice)
    with pytest.raises(ValidationError) as error:
        add(ActionPlan.objects.get(pk=arjeplog_plan.plan.pk), world.alice)
    assert error.value.messages == [str(services.PLAN_REPLACED)]
    assert not PlanAddition.objects.exists()


def test_it_freezes_the_activity_of_an_addition_and_the_next_version_takes_it_in(world, adopted):
    activity = add(adopted, world.alice)
    with pytest.raises(ValidationError) as error:
        services.activity_update(activity=activity, goals=[], organisations=[], title="Något annat")
    assert error.value.messages == [str(services.PLAN_FROZEN)]
    assert services.activity_set_status(activity=activity, status="pagar", comment="", by=world.alice)
    draft = services.action_plan_new_version(plan=adopted, by=world.alice)
    copy = draft.activities.get(title="Fältassistenter på helger")
    assert copy.addition is None


def test_it_records_an_addition_through_the_page(client, world, adopted, in_english):
    client.force_login(world.alice)
    url = reverse("action_plan_addition_new", args=[adopted.pk])
    assert client.get(url).status_code == 200
    data = {
        "addition-text": "Samverkansgruppen beslutade om fältassistenter",
        "addition-adopted_on": DECIDED.isoformat(),
        "title": "Fältassistenter på helger",
        "responsible": "kommun",
        "starts_on": adopted.starts_on.isoformat(),
        "ends_on": adopted.ends_on.isoformat(),
        "kind": "social",
        "horizon": "lang",
    }
    assert client.post(url, {**data, "addition-adopted_on": ""}).status_code == 400
    assert not PlanAddition.objects.exists()
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == adopted.get_absolute_url()
    addition = PlanAddition.objects.get()
    assert (addition.number, addition.adopted_on, addition.recorded_by) == (1, DECIDED, world.alice)
    assert [a.title for a in addition.activities.all()] == ["Fältassistenter på helger"]
    page = client.get(adopted.get_absolute_url()).text
    assert f"Addition 1, decided {DECIDED.isoformat()}" in page


def test_it_refuses_an_addition_to_a_draft_on_the_page(client, world, arjeplog_plan, in_english):
    client.force_login(world.alice)
    url = reverse("action_plan_addition_new", args=[arjeplog_plan.plan.pk])
    data = {
        "addition-text": "Beslut",
        "addition-adopted_on": DECIDED.isoformat(),
        "title": "Fältassistenter",
        "responsible": "kommun",
        "starts_on": arjeplog_plan.plan.starts_on.isoformat(),
        "ends_on": arjeplog_plan.plan.ends_on.isoformat(),
        "kind": "social",
        "horizon": "lang",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert str(services.ONLY_ADOPTED_GET_ADDITIONS) in response.text
    assert not Activity.objects.filter(title="Fältassistenter").exists()


@pytest.mark.parametrize("username", ["charlie", "dave", "lena"])
def test_it_lets_no_one_else_add_to_arjeplogs_plan(client, world, adopted, username):
    client.force_login(getattr(world, username))
    url = reverse("action_plan_addition_new", args=[adopted.pk])
    assert client.get(url).status_code == 404
    data = {"addition-text": "Beslut", "addition-adopted_on": DECIDED.isoformat(), "title": "Intrång"}
    assert client.post(url, data).status_code == 404
    assert not PlanAddition.objects.exists()
    assert not Activity.objects.filter(title="Intrång").exists()
