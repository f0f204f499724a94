"""The demo's intervention: lighting at the bathing place in Arvidsjaur, added to the action plan by a decision in
June 2025 and switched on in September, against the upper secondary school (the demo's incidents give the bathing
place autumn vandalism that mostly stops once it is lit, sources/incidents/demo.py)."""

from __future__ import annotations

import datetime
import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.lib.areas import Circle
from samverkan.organisations.models import NamedPlace, Organisation, User
from samverkan.planning.actions import services as actions
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.effects import services
from samverkan.sources.incidents.demo import COMPARISON_PLACE, LIT_FROM, LIT_PLACE
from samverkan.sources.models import ImportRun

ARVIDSJAUR, COORDINATOR = "2505", "arvidsjaur.samordnare"
RADIUS_M = 150
DECIDED, ENDS = datetime.date(2025, 6, 10), datetime.date(2026, 12, 31)
TITLE = "Belysning vid badplatsen"


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    calendar = demo_calendar()
    coordinator = User.objects.get(username=COORDINATOR)
    plan = ActionPlan.objects.get(municipality__code=ARVIDSJAUR, status=ActionPlan.Status.ADOPTED)
    lit = NamedPlace.objects.get(municipality=plan.municipality, name=LIT_PLACE)
    school = NamedPlace.objects.get(municipality=plan.municipality, name=COMPARISON_PLACE)
    start = calendar.day(LIT_FROM)
    addition = actions.plan_addition_record(
        plan=plan,
        adopted_on=calendar.day(DECIDED),
        text="Samverkansgruppen beslutade att belysa badplatsen, där skadegörelsen ökar varje höst.",
        activity={
            "goals": [],
            "organisations": list(
                Organisation.objects.filter(municipalities=plan.municipality, kind=Organisation.Kind.MUNICIPALITY)
            ),
            "title": TITLE,
            "description": "Gatubelysning längs gångvägen och vid bryggorna, tänd från skymning till gryning.",
            "problems": ["Skadegörelse"],
            "responsible": Activity.Responsible.MUNICIPALITY,
            "role": "gatuchef",
            "starts_on": calendar.day(datetime.date(2025, 8, 1)),
            "ends_on": calendar.day(ENDS),
            "kind": Activity.Kind.SITUATIONAL,
            "horizon": Activity.Horizon.LONG,
            "target_count": None,
            "target_text": "belysningen tänd hela hösten",
            "cost": 240000,
        },
        by=coordinator,
    )
    activity = addition.activities.get()
    if calendar.happened(start):
        actions.occurrence_log(
            activity=activity, held_on=start, what="Belysningen tänds", where="Badplatsen", reached=None, by=coordinator
        )
    services.intervention_set(
        activity=activity,
        area=Circle(lit.lat, lit.lng, RADIUS_M),
        place=lit,
        comparison=Circle(school.lat, school.lng, RADIUS_M),
        comparison_name=school.name,
        starts_on=start,
        ends_on=None,
        categories=["Skadegörelse"],
        by=coordinator,
    )
