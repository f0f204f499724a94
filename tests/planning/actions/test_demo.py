"""The demo's action plans, loaded into the test cast with the demo's usernames."""

from __future__ import annotations

import datetime
import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.models import FocusArea, Membership, Role, User
from samverkan.planning.actions.demo import ACTIVITIES, demo_load
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


def so_far(title: str, code: str = "2506") -> int:
    """How many of the activity's occurrences in the demo's story have happened, the story moved to the present."""
    calendar = demo_calendar()
    planned = next(planned for planned in ACTIVITIES if planned.title == title)
    days = [calendar.day(datetime.date.fromisoformat(day)) for day, _what, _where in planned.done.get(code, [])]
    return sum(1 for day in days if calendar.happened(day))


def test_it_loads_an_adopted_plan_per_municipality_followed_up_so_far(world):
    demo_people(world)
    buskorning = Goal.objects.create(
        agreement=world.part1, focus_area=FocusArea.objects.get(short_name="BRÅ"), title="Minska buskörningen"
    )
    demo_load(rng=random.Random(1), run=ImportRun.objects.create(source="demo", name="demo"))

    plans = ActionPlan.objects.order_by("municipality__code")
    calendar = demo_calendar()  # the story's plan 2025–2026, moved to the present
    starts, ends = calendar.day(datetime.date(2025, 1, 1)), calendar.day(datetime.date(2026, 12, 31))
    assert [(p.municipality.code, p.status, p.starts_on, p.ends_on) for p in plans] == [
        ("2505", "antagen", starts, ends),
        ("2506", "antagen", starts, ends),
    ]
    assert all(
        p.activities.count() == 8 and p.adopted_by is not None and p.adopted_by.username.endswith(".samordnare")
        for p in plans
    )
    arjeplog = {a.title: a for a in plans[1].activities.all()}
    meet = arjeplog["Polisen möter allmänheten på allmän plats"]
    assert (meet.responsible, meet.status, activity_progress(meet)) == ("polis", "pagar", (so_far(meet.title), 10))
    traffic = "Trafikinsatser mot buskörning och fortkörning"
    assert activity_progress(arjeplog[traffic]) == (so_far(traffic), 10)
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
    last = min(calendar.day(datetime.date(2026, 3, 31)), calendar.today)
    assert all(o.held_on <= last for a in Activity.objects.all() for o in a.occurrences.all())
