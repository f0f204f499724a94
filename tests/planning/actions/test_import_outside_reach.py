"""An activity outside the importer's reach is as unknown as a missing one, whatever the row says (issue 10).

Before, an outsider's bad status or date for another municipality's activity number was checked and named
("'klar' is not one of …"), while a missing number was "not the number of an activity": the difference
revealed that the activity exists.
"""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from samverkan.planning.actions import services
from samverkan.planning.actions.models import Activity, Occurrence

HEADER = "activity_id,status,comment,occurrence_date,occurrence_what,occurrence_where,occurrence_reached"
MISSING = 999999


def upload(client, user, lines: list[str]):
    client.force_login(user)
    data = io.BytesIO("\n".join([HEADER, *lines, ""]).encode())
    data.name = "uppfoljning.csv"
    return client.post(reverse("import_upload", args=["activities"]), {"file": data})


def unknown(line: int, number: object) -> str:
    return f"uppfoljning.csv:{line}: activity_id: '{number}' is not the number of an activity"


ROWS = {
    "a bad status": "{number},klar,,,,,",
    "a bad date": "{number},,,2025-13-01,Polisen på torget,,",
    "a date outside the supported days": "{number},,,0001-01-01,Polisen på torget,,",
    "a personnummer": "{number},,Samtal med 850512-1234,,,,",
    "nothing to do": "{number},,,,,,",
    "a good row": "{number},pagar,,,,,",
}


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize("row", ROWS.values(), ids=ROWS.keys())
def test_it_answers_another_municipalitys_activity_as_a_missing_one(client, world, arjeplog_plan, row):
    before = list(Activity.objects.order_by("pk").values_list("pk", "status", "status_comment"))
    lines = [row.format(number=arjeplog_plan.meet.pk), row.format(number=MISSING)]
    response = upload(client, world.charlie, lines)
    assert response.status_code == 400
    assert [str(problem) for problem in response.context["problems"]] == [
        unknown(2, arjeplog_plan.meet.pk),
        unknown(3, MISSING),
    ]
    assert list(Activity.objects.order_by("pk").values_list("pk", "status", "status_comment")) == before
    assert not Occurrence.objects.exists()


@pytest.mark.usefixtures("in_english")
def test_it_answers_a_replaced_plans_activity_outside_the_reach_as_a_missing_one(client, world, arjeplog_plan):
    plan = services.action_plan_adopt(plan=arjeplog_plan.plan, by=world.alice)
    services.action_plan_new_version(plan=plan, by=world.alice)
    response = upload(client, world.charlie, [f"{arjeplog_plan.meet.pk},pagar,,,,,"])
    assert [str(problem) for problem in response.context["problems"]] == [unknown(2, arjeplog_plan.meet.pk)]


@pytest.mark.usefixtures("in_english")
def test_it_names_what_is_wrong_with_the_importers_own_activity(client, world, arjeplog_plan):
    response = upload(client, world.alice, [f"{arjeplog_plan.meet.pk},klar,,,,,"])
    assert response.status_code == 400
    assert [str(problem) for problem in response.context["problems"]] == [
        "uppfoljning.csv:2: status: 'klar' is not one of ej_paborjad, pagar, utford, installd"
    ]
