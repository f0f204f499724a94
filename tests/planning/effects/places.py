"""Arjeplog's plan with one activity, on the shared cast of tests/conftest.py, and points in the town a few hundred
metres apart (Arjeplog's test box is 17–18° E, 66–67° N): the lit place, a comparison place 1.1 km north of it,
one 445 m north (too close: 145 m edge to edge at 150 m radii) and one 55 m away (overlapping)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from samverkan.organisations.models import NamedPlace
from samverkan.planning.actions import services
from samverkan.planning.actions.models import ActionPlan, Activity

LIT = (66.05, 17.89)
FAR = (66.06, 17.89)  # 1 112 m north: 812 m edge to edge at 150 m radii
NEAR = (66.054, 17.89)  # 445 m north: 145 m edge to edge
OVERLAPPING = (66.0505, 17.89)
STARTS, ENDS = datetime.date(2025, 1, 1), datetime.date(2026, 12, 31)


@dataclass
class Lit:
    plan: ActionPlan
    activity: Activity
    square: NamedPlace
    school: NamedPlace


@pytest.fixture
def lit(world) -> Lit:
    plan = services.action_plan_create(
        municipality=world.arjeplog, title="Handlingsplan Arjeplog", starts_on=STARTS, ends_on=ENDS, by=world.alice
    )
    activity = services.activity_create(
        plan=plan,
        title="Belysning vid torget",
        responsible=Activity.Responsible.MUNICIPALITY,
        starts_on=STARTS,
        ends_on=ENDS,
        kind=Activity.Kind.SITUATIONAL,
        horizon=Activity.Horizon.LONG,
    )
    square = NamedPlace.objects.create(municipality=world.arjeplog, name="Torget", lat=LIT[0], lng=LIT[1])
    school = NamedPlace.objects.create(municipality=world.arjeplog, name="Skolan", lat=FAR[0], lng=FAR[1])
    return Lit(plan, activity, square, school)


def form_data(**values: object) -> dict[str, object]:
    """A valid form: the lit place with a 150 m radius from 1 September 2025, against the far place."""
    data: dict[str, object] = {
        "lat": LIT[0],
        "lng": LIT[1],
        "radius_m": 150,
        "polygon": "",
        "starts_on": "2025-09-01",
        "ends_on": "",
        "comparison_lat": FAR[0],
        "comparison_lng": FAR[1],
        "comparison_radius_m": "",
        "comparison_name": "Skolan",
    }
    data.update(values)
    return data
