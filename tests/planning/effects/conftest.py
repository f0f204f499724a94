"""The fixtures of the effects' tests (places.py has the points and the incidents)."""

from __future__ import annotations

import pytest

from samverkan.organisations.models import NamedPlace
from samverkan.planning.actions import services
from samverkan.planning.actions.models import Activity
from tests.planning.effects.places import ENDS, FAR, LIT, STARTS, Lit


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
