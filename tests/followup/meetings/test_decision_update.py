"""A decision in the minutes changes an existing activity of the group's plans, linked back to the meeting."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from samverkan.followup.meetings import services
from samverkan.followup.meetings.models import Decision
from samverkan.planning.actions import services as actions
from samverkan.planning.actions.models import Activity
from tests.followup.meetings.conftest import activity


def test_it_changes_the_status_of_an_adopted_plans_activity_and_links_the_decision(groups, world):
    neighbours = groups.adopted.activities.get()
    decision = services.decision_update_record(
        meeting=groups.meeting,
        text="Grannsamverkan har startat",
        activity=neighbours,
        status=Activity.Status.ONGOING,
        by=world.alice,
    )
    neighbours.refresh_from_db()
    assert (neighbours.status, neighbours.status_changed_by) == (Activity.Status.ONGOING, world.alice)
    assert list(neighbours.decisions.all()) == [decision]
    assert (decision.kind, decision.new_status, decision.meeting) == (
        Decision.Kind.UPDATED,
        Activity.Status.ONGOING,
        groups.meeting,
    )


def test_it_changes_the_end_date_and_role_in_a_draft_plan(groups, world):
    walk = activity(groups.draft, "Trygghetsvandring", datetime.date(2027, 6, 30))
    services.decision_update_record(
        meeting=groups.meeting,
        text="Vandringen flyttas",
        activity=walk,
        ends_on=datetime.date(2027, 9, 30),
        role="fältsekreterare",
        by=world.alice,
    )
    walk.refresh_from_db()
    assert (walk.ends_on, walk.role) == (datetime.date(2027, 9, 30), "fältsekreterare")


def test_it_refuses_a_new_end_date_in_an_adopted_plan_with_its_rule(groups, world):
    neighbours = groups.adopted.activities.get()
    with pytest.raises(ValidationError) as error:
        services.decision_update_record(
            meeting=groups.meeting,
            text="Förläng grannsamverkan",
            activity=neighbours,
            status=Activity.Status.ONGOING,
            ends_on=datetime.date(2026, 6, 30),
            by=world.alice,
        )
    assert error.value.messages == [str(actions.PLAN_FROZEN)]
    neighbours.refresh_from_db()
    assert neighbours.status == Activity.Status.NOT_STARTED
    assert not Decision.objects.exists()


def test_it_refuses_a_decision_that_changes_nothing(groups, world):
    with pytest.raises(ValidationError) as error:
        services.decision_update_record(
            meeting=groups.meeting, text="Inget nytt", activity=groups.adopted.activities.get(), by=world.alice
        )
    assert error.value.messages == [str(services.NOTHING_CHANGED)]


def test_it_refuses_an_activity_of_another_municipality(groups, world):
    plan = actions.action_plan_create(
        municipality=world.arvidsjaur,
        title="Arvidsjaurs plan",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        by=world.charlie,
    )
    elsewhere = activity(plan, "Skolpolis", datetime.date(2027, 6, 30))
    with pytest.raises(ValidationError) as error:
        services.decision_update_record(
            meeting=groups.meeting,
            text="Skolpolis pågår",
            activity=elsewhere,
            status=Activity.Status.ONGOING,
            by=world.alice,
        )
    assert error.value.message_dict == {"activity": [str(services.ACTIVITY_ELSEWHERE)]}


def test_it_refuses_another_municipalitys_activity_in_the_form(client, groups, world):
    plan = actions.action_plan_create(
        municipality=world.arvidsjaur,
        title="Arvidsjaurs plan",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        by=world.charlie,
    )
    elsewhere = activity(plan, "Skolpolis", datetime.date(2027, 6, 30))
    client.force_login(world.alice)
    data = {"text": "Skolpolis pågår", "activity": elsewhere.pk, "status": Activity.Status.ONGOING}
    response = client.post(f"/moten/{groups.meeting.pk}/beslut/andra-aktivitet/", data)
    assert response.status_code == 400
    assert "Skolpolis pågår" in response.text
    elsewhere.refresh_from_db()
    assert elsewhere.status == Activity.Status.NOT_STARTED
    assert not Decision.objects.exists()


def test_it_records_through_the_page_and_keeps_a_failed_form(client, groups, world):
    neighbours = groups.adopted.activities.get()
    client.force_login(world.bob)
    url = f"/moten/{groups.meeting.pk}/beslut/andra-aktivitet/"
    data = {"text": "Grannsamverkan är klar", "activity": neighbours.pk, "status": Activity.Status.DONE}
    with override("en"):
        response = client.post(url, {**data, "ends_on": "2026-06-30"})
    assert response.status_code == 400
    assert "Grannsamverkan är klar" in response.text
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == groups.meeting.get_absolute_url()
    neighbours.refresh_from_db()
    assert neighbours.status == Activity.Status.DONE
    page = client.get(f"/moten/{groups.meeting.pk}/")
    assert neighbours.get_absolute_url() in page.text and "Grannsamverkan är klar" in page.text


@pytest.mark.parametrize("name", ["lena", "charlie"])
def test_it_hides_the_page_from_readers_and_outsiders(client, groups, world, name):
    neighbours = groups.adopted.activities.get()
    client.force_login(getattr(world, name))
    url = f"/moten/{groups.meeting.pk}/beslut/andra-aktivitet/"
    assert client.get(url).status_code == 404
    data = {"text": "Klar", "activity": neighbours.pk, "status": Activity.Status.DONE}
    assert client.post(url, data).status_code == 404
    neighbours.refresh_from_db()
    assert neighbours.status == Activity.Status.NOT_STARTED
