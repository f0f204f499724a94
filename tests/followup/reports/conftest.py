"""An Arjeplog year 2025 worked out by hand, on the goal tests' figures (tests/planning/goals/conftest.py).

Goals: "Minska klottret" (common, BRÅ) measured by the incidents of Klotter: 2 in the baseline year
2024, 3 in 2025 -> worse, off track. "Tryggare Arjeplog" (separate, Hälsa) measured by hand: baseline
value 50, 70 on 2025-06-01, target 80 upward by 2026-12-31 -> on track. "Färre unga som dricker"
(common, ANDT-S) without an indicator -> no data yet.
The adopted plan 2025: "Trygghetsvandring" done, carried out twice in 2025 (target 2); "Drogutbildning"
ongoing, once in 2025 and once in 2026 (target 3), with the reason "Skolan sköt upp höstens tillfälle".
The promises 2025, followed up: "Polisen möter allmänheten tio gånger per år", linked to the walks, and
"Utfört: Polisen mötte allmänheten vid 12 tillfällen." Citizens sent two suggestions in 2025, one
accepted ("Mer belysning vid busstationen"), and one in 2024.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

import pytest
import time_machine

from samverkan.followup.meetings.models import Meeting
from samverkan.followup.reports.selectors import Place
from samverkan.organisations.models import CollaborationGroup, FocusArea
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.actions.services import occurrence_log
from samverkan.planning.goals import services as goals
from samverkan.planning.goals.models import Goal, Indicator
from samverkan.planning.promises import services as promises
from samverkan.planning.promises.models import Suggestion
from tests.planning.goals.conftest import baseline, common_goal, figures, measure, separate_goal  # noqa: F401

FOLLOWUP = "Utfört: Polisen mötte allmänheten vid 12 tillfällen."
# The hand-made year is history: these tests look at it from this day (10:00 in Stockholm), whatever the clock says.
SEEN_ON = datetime.datetime(2026, 11, 30, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm"))
ACCEPTED = "Mer belysning vid busstationen"


@dataclass
class Year:
    world: object
    klotter: Goal
    safer: Goal
    drinking: Goal
    walk: Activity
    education: Activity


def _activity(plan: ActionPlan, title: str, status: str, target: int, comment: str = "") -> Activity:
    return Activity.objects.create(
        plan=plan,
        title=title,
        responsible=Activity.Responsible.BOTH,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
        kind=Activity.Kind.SOCIAL,
        horizon=Activity.Horizon.SHORT,
        target_count=target,
        status=status,
        status_comment=comment,
    )


def _log(activity: Activity, day: str) -> None:
    occurrence_log(
        activity=activity, held_on=datetime.date.fromisoformat(day), what="Tillfälle", where="", reached=None, by=None
    )


@pytest.fixture(autouse=True)
def seen_on():
    with time_machine.travel(SEEN_ON, tick=True):
        yield


@pytest.fixture
def year(world, baseline) -> Year:  # noqa: F811
    klotter = common_goal(world)
    measure(klotter, Indicator.Series.INCIDENTS, "Klotter", baseline=baseline, target=1, name="Klotter")
    safer = separate_goal(world)
    by_hand = measure(
        safer,
        Indicator.Series.MANUAL,
        baseline=baseline,
        baseline_value=50,
        target=80,
        direction=Indicator.Direction.UP,
        name="Andel trygga",
    )
    goals.manual_value_save(indicator=by_hand, measured_on=datetime.date(2025, 6, 1), value=70, note="", by=world.alice)
    drinking = goals.goal_create(
        agreement=world.part1,
        focus_area=FocusArea.objects.get(short_name="ANDT-S"),
        municipality=None,
        title="Färre unga som dricker",
        description="",
    )
    plan = ActionPlan.objects.create(
        municipality=world.arjeplog,
        title="Handlingsplan 2025",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
        status=ActionPlan.Status.ADOPTED,
    )
    walk = _activity(plan, "Trygghetsvandring", Activity.Status.DONE, 2)
    _log(walk, "2025-04-01")
    _log(walk, "2025-09-01")
    education = _activity(plan, "Drogutbildning", Activity.Status.ONGOING, 3, "Skolan sköt upp höstens tillfälle")
    _log(education, "2025-03-01")
    _log(education, "2026-01-15")
    promise_set = promises.promise_set_create(
        municipality=world.arjeplog,
        title="Medborgarlöfte 2025",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
        by=world.alice,
    )
    promise = promises.promise_add(
        promise_set=promise_set, text="Polisen möter allmänheten tio gånger per år.", by=world.alice
    )
    promise_activity = promises.promise_activity_add(
        promise=promise, who="polis", what="Möten med allmänheten", unit="möten", activity=walk, by=world.alice
    )
    for name, title in [("Helena Strand", "Lokalpolisområdeschef"), ("Maria Stenlund", "Kommunalråd")]:
        promises.promise_signatory_add(
            promise_set=promise_set, name=name, title=title, signed_on=datetime.date(2025, 2, 20), by=world.alice
        )
    promises.promise_set_sign(promise_set=promise_set, by=world.alice)
    promises.promise_set_publish(promise_set=promise_set, by=world.alice)
    for text, status, day in [
        (ACCEPTED, Suggestion.Status.ACCEPTED, "2025-05-02"),
        ("Fler poliser", Suggestion.Status.REJECTED, "2025-06-02"),
        ("Gammalt förslag", Suggestion.Status.ACCEPTED, "2024-06-02"),
    ]:
        suggestion = Suggestion.objects.create(promise=promise, text=text, status=status)
        Suggestion.objects.filter(pk=suggestion.pk).update(received_on=datetime.date.fromisoformat(day))
    promises.promise_set_follow_up(promise_set=promise_set, followups={promise_activity.pk: FOLLOWUP}, by=world.alice)
    return Year(world, klotter, safer, drinking, walk, education)


def arjeplog(world) -> Place:
    return Place(world.arjeplog, None, [world.arjeplog], True)


def collaboration_group(name: str, *municipalities) -> CollaborationGroup:
    group = CollaborationGroup.objects.create(name=name)
    group.municipalities.set(municipalities)
    return group


def meeting(group: CollaborationGroup, starts_at: datetime.datetime, kind: str = Meeting.Kind.GROUP) -> Meeting:
    return Meeting.objects.create(group=group, starts_at=starts_at, place="Kommunhuset", kind=kind)
