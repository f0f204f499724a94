"""The plan's inline status editing takes only the plan's own activities (issue 10: a foreign id gave a 500)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from samverkan.planning.actions import services
from samverkan.planning.actions.models import Activity
from tests.planning.actions.conftest import activity
from tests.planning.actions.test_inline_editing import rows


@pytest.fixture
def arvidsjaur_activity(world) -> Activity:
    plan = services.action_plan_create(
        municipality=world.arvidsjaur,
        title="Handlingsplan Arvidsjaur 2025",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
        by=world.charlie,
    )
    return activity(plan, "Nattvandring")


def statuses() -> dict[int, tuple[str, str]]:
    return {
        pk: (status, comment) for pk, status, comment in Activity.objects.values_list("pk", "status", "status_comment")
    }


@pytest.mark.parametrize("user", ["alice", "bob"])
def test_it_refuses_another_municipalitys_activity_and_changes_nothing(
    client, world, arjeplog_plan, arvidsjaur_activity, user
):
    client.force_login(getattr(world, user))
    before = statuses()
    data = rows(arjeplog_plan, {arjeplog_plan.meet.pk: ("pagar", "Första besöket gjort")})
    row = next(key for key, value in data.items() if key.endswith("-id") and value == str(arjeplog_plan.drugs.pk))
    prefix = row.removesuffix("-id")
    data |= {row: str(arvidsjaur_activity.pk), f"{prefix}-status": "installd", f"{prefix}-status_comment": "Kapat"}
    response = client.post(reverse("action_plan", args=[arjeplog_plan.plan.pk]), data)
    assert response.status_code == 400
    assert statuses() == before


def test_it_refuses_an_activity_of_the_municipalitys_other_plan(client, world, arjeplog_plan):
    other = services.action_plan_create(
        municipality=world.arjeplog,
        title="Handlingsplan Arjeplog 2027",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        by=world.alice,
    )
    foreign = activity(other, "Trygghetsvandring")
    client.force_login(world.alice)
    before = statuses()
    data = rows(arjeplog_plan, {})
    data |= {"activities-0-id": str(foreign.pk), "activities-0-status": "utford"}
    response = client.post(reverse("action_plan", args=[arjeplog_plan.plan.pk]), data)
    assert response.status_code == 400
    assert statuses() == before
