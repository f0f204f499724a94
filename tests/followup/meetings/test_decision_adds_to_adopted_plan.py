"""A decision on a municipality whose plan is adopted becomes an addition (Tillägg 1) to the adopted version,
one per meeting; the adopted version's own activities stay as they were, and readable."""

from __future__ import annotations

import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone

from samverkan.followup.meetings import services
from samverkan.planning.actions.models import ActionPlan, Activity, PlanAddition


def record(groups, world, text: str):
    return services.decision_record(
        meeting=groups.meeting,
        text=text,
        plan=groups.adopted,
        responsible=Activity.Responsible.MUNICIPALITY,
        role="fritidsledare",
        ends_on=datetime.date(2027, 6, 30),
        by=world.alice,
    )


def test_it_adds_the_decision_to_the_adopted_plan_as_addition_1(groups, world):
    own_before = list(groups.adopted.activities.values_list("pk", "title", "ends_on", "role"))
    decision = record(groups, world, "Nattvandring under skollovet")
    activity = decision.activity
    addition = PlanAddition.objects.get()
    assert (addition.plan, addition.number, addition.decided_at) == (groups.adopted, 1, groups.meeting)
    assert addition.adopted_on == timezone.localtime(groups.meeting.starts_at).date()
    assert (activity.plan, activity.addition, activity.title) == (
        groups.adopted,
        addition,
        "Nattvandring under skollovet",
    )
    plan = ActionPlan.objects.get(pk=groups.adopted.pk)
    assert plan.status == ActionPlan.Status.ADOPTED
    own_after = list(plan.activities.filter(addition=None).values_list("pk", "title", "ends_on", "role"))
    assert own_after == own_before


def test_it_makes_one_addition_per_meeting(groups, world):
    first = record(groups, world, "Nattvandring under skollovet").activity
    second = record(groups, world, "Trygghetsvandring i Slagnäs").activity
    addition = PlanAddition.objects.get()
    assert set(addition.activities.all()) == {first, second}
    assert addition.text == "Nattvandring under skollovet\n\nTrygghetsvandring i Slagnäs"


def test_it_shows_the_adopted_version_and_its_addition(client, groups, world, in_english):
    record(groups, world, "Nattvandring under skollovet")
    client.force_login(world.lena)
    page = client.get(groups.adopted.get_absolute_url()).text
    day = timezone.localtime(groups.meeting.starts_at).date().isoformat()
    assert f"Addition 1, decided {day} at the meeting {groups.meeting}" in page
    assert page.index("Grannsamverkan") < page.index("Addition 1") < page.index("Nattvandring under skollovet")
    assert groups.meeting.get_absolute_url() in page


def test_it_puts_the_addition_in_the_follow_up_sheet(client, groups, world, in_english):
    activity = record(groups, world, "Nattvandring under skollovet").activity
    client.force_login(world.bob)
    response = client.get(reverse("action_plan_sheet", args=[groups.adopted.pk]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    day = timezone.localtime(groups.meeting.starts_at).date().isoformat()
    assert [(row["activity"], row["addition"]) for row in rows] == [
        ("Grannsamverkan", ""),
        (activity.title, f"Addition 1, decided {day}"),
    ]


def test_it_offers_the_adopted_plan_on_the_decision_page(client, groups, world):
    groups.draft.delete()
    client.force_login(world.alice)
    url = f"/moten/{groups.meeting.pk}/beslut/"
    data = {
        "text": "Trygghetsvandring i Slagnäs",
        "plan": groups.adopted.pk,
        "responsible": "bada",
        "role": "kommunpolis",
        "ends_on": "2027-04-30",
    }
    assert groups.adopted.title in client.get(url).text
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == groups.adopted.get_absolute_url()
    addition = Activity.objects.get(title="Trygghetsvandring i Slagnäs").addition
    assert addition is not None and addition.number == 1
