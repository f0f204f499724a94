"""The demo's action plans, loaded into the test cast with the demo's usernames."""

from __future__ import annotations

import datetime
import random

from samverkan.agreements.models import FocusArea
from samverkan.organisations.models import Membership, Role, User
from samverkan.planning.actions.demo import demo_load
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.actions.selectors import activity_progress
from samverkan.planning.goals.models import Goal
from samverkan.sources.models import ImportRun


def demo_people(world) -> None:
    for username, organisation, role in [
        ("arjeplog.samordnare", world.arjeplog_org, Role.COORDINATOR),
        ("arvidsjaur.samordnare", world.arvidsjaur_org, Role.COORDINATOR),
        ("polis.kontaktperson", world.lpo, Role.POLICE_CONTACT),
    ]:
        Membership.objects.create(user=User.objects.create(username=username), organisation=organisation, role=role)


def test_it_loads_an_adopted_plan_per_municipality_followed_up_so_far(world):
    demo_people(world)
    buskorning = Goal.objects.create(
        agreement=world.part1, focus_area=FocusArea.objects.get(short_name="BRÅ"), title="Minska buskörningen"
    )
    demo_load(rng=random.Random(1), run=ImportRun.objects.create(source="demo", name="demo"))

    plans = ActionPlan.objects.order_by("municipality__code")
    assert [(p.municipality.code, p.status, p.starts_on, p.ends_on) for p in plans] == [
        ("2505", "antagen", datetime.date(2025, 1, 1), datetime.date(2026, 12, 31)),
        ("2506", "antagen", datetime.date(2025, 1, 1), datetime.date(2026, 12, 31)),
    ]
    assert all(p.activities.count() == 8 and p.adopted_by.username.endswith(".samordnare") for p in plans)
    arjeplog = {a.title: a for a in plans[1].activities.all()}
    meet = arjeplog["Polisen möter allmänheten på allmän plats"]
    assert (meet.responsible, meet.status, activity_progress(meet)) == ("polis", "pagar", (6, 10))
    assert activity_progress(arjeplog["Trafikinsatser mot buskörning och fortkörning"]) == (7, 10)
    assert list(arjeplog["Trafikinsatser mot buskörning och fortkörning"].goals.all()) == [buskorning]
    neighbours = arjeplog["Grannsamverkan i bostadsområden"]
    assert (neighbours.status, neighbours.target_text) == ("pagar", "minst 70 % av hushållen i varje område")
    assert arjeplog["E-tjänst för att rapportera otrygga platser"].status == "utford"
    assert arjeplog["Ansvarsfull alkoholservering – utbildning"].target_count == 2
    assert set(arjeplog["Drogutbildning för föräldrar, elever och personal"].organisations.all()) == {
        world.lpo,
        world.arjeplog_org,
    }
    assert not Activity.objects.filter(plan=plans[0], organisations=world.arjeplog_org).exists()
    assert all(o.held_on <= datetime.date(2026, 3, 31) for a in Activity.objects.all() for o in a.occurrences.all())
