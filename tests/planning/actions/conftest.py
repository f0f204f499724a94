"""Arjeplog's action plan 2025–2026, a draft with three activities, on the shared cast of tests/conftest.py.

"Polisen möter allmänheten" has a target of 10 times, the drug education a target of 1 and the
Grannsamverkan a target in words only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest

from samverkan.organisations.models import FocusArea
from samverkan.planning.actions import services
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.goals.models import Goal

MEET = "Polisen möter allmänheten på allmän plats"
DRUGS = "Drogutbildning för föräldrar, elever och personal"
NEIGHBOURS = "Grannsamverkan i bostadsområden"


def activity(plan: ActionPlan, title: str, **values: Any) -> Activity:
    defaults: dict[str, Any] = {
        "responsible": Activity.Responsible.POLICE,
        "starts_on": plan.starts_on,
        "ends_on": plan.ends_on,
        "kind": Activity.Kind.SITUATIONAL,
        "horizon": Activity.Horizon.SHORT,
    }
    return services.activity_create(plan=plan, title=title, **(defaults | values))


@dataclass
class Plan:
    plan: ActionPlan
    meet: Activity
    drugs: Activity
    neighbours: Activity
    goal: Goal


@pytest.fixture
def arjeplog_plan(world) -> Plan:
    plan = services.action_plan_create(
        municipality=world.arjeplog,
        title="Handlingsplan Arjeplog 2025–2026",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        by=world.alice,
    )
    goal = Goal.objects.create(
        agreement=world.part1,
        focus_area=FocusArea.objects.get(short_name="BRÅ"),
        municipality=world.arjeplog,
        title="Ökad trygghet i centrala Arjeplog",
    )
    return Plan(
        plan=plan,
        meet=activity(
            plan, MEET, target_count=10, goals=[goal], problems=["Samling som stör ordningen"], role="kommunpolis"
        ),
        drugs=activity(
            plan,
            DRUGS,
            responsible=Activity.Responsible.BOTH,
            kind=Activity.Kind.SOCIAL,
            target_count=1,
            target_text="en gång per år",
        ),
        neighbours=activity(
            plan, NEIGHBOURS, responsible=Activity.Responsible.MUNICIPALITY, target_text="minst 70 % av hushållen"
        ),
        goal=goal,
    )


def log_times(activity: Activity, times: int, by, first: datetime.date = datetime.date(2025, 3, 1)) -> None:
    for day in range(times):
        services.occurrence_log(
            activity=activity,
            held_on=first + datetime.timedelta(days=7 * day),
            what="Polisen på torget",
            where="Torget",
            reached=20,
            by=by,
        )
