"""A decision in the minutes becomes an activity in a draft action plan, linked back to the meeting (in an adopted
plan, an addition: test_decision_adds_to_adopted_plan)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from samverkan.followup.meetings import services
from samverkan.followup.meetings.models import Decision
from samverkan.planning.actions import services as actions
from samverkan.planning.actions.models import Activity


def record(groups, world, plan, text="Nattvandring under skollovet"):
    return services.decision_record(
        meeting=groups.meeting,
        text=text,
        plan=plan,
        responsible=Activity.Responsible.MUNICIPALITY,
        role="fritidsledare",
        ends_on=datetime.date(2027, 6, 30),
        by=world.alice,
    )


def test_it_adds_the_decision_to_the_draft_plan(groups, world):
    decision = record(groups, world, groups.draft)
    activity = decision.activity
    assert (activity.plan, activity.title, activity.role, activity.ends_on) == (
        groups.draft,
        "Nattvandring under skollovet",
        "fritidsledare",
        datetime.date(2027, 6, 30),
    )
    assert list(activity.decisions.all()) == [decision]


def test_it_refuses_a_replaced_plan_with_its_rule(groups, world):
    actions.action_plan_new_version(plan=groups.adopted, by=world.alice)
    groups.adopted.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        record(groups, world, groups.adopted)
    assert error.value.messages == [str(actions.PLAN_REPLACED)]
    assert not Decision.objects.exists()


def test_it_refuses_a_plan_of_another_municipality(groups, world):
    plan = actions.action_plan_create(
        municipality=world.arvidsjaur,
        title="Arvidsjaurs plan",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        by=world.charlie,
    )
    with pytest.raises(ValidationError) as error:
        record(groups, world, plan)
    assert error.value.message_dict == {"plan": [str(services.PLAN_ELSEWHERE)]}


def test_it_records_through_the_page_and_keeps_a_failed_form(client, groups, world):
    client.force_login(world.alice)
    url = f"/moten/{groups.meeting.pk}/beslut/"
    data = {
        "text": "Trygghetsvandring i Slagnäs",
        "plan": groups.draft.pk,
        "responsible": "bada",
        "role": "kommunpolis",
        "ends_on": "",
    }
    with override("en"):
        response = client.post(url, data)
    assert response.status_code == 400
    assert "Trygghetsvandring i Slagnäs" in response.text
    response = client.post(url, {**data, "ends_on": "2027-04-30"})
    activity = Activity.objects.get(title="Trygghetsvandring i Slagnäs")
    assert response.status_code == 302 and response["Location"] == groups.draft.get_absolute_url()
    page = client.get(f"/moten/{groups.meeting.pk}/")
    assert activity.get_absolute_url() in page.text
