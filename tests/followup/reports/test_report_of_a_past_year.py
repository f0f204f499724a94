"""A report of a past year is what it was: regenerated after the next agreement (2027–2030) exists, with its
goals, plan, meetings and promises, the 2025 report and the evaluation of the 2023 agreement are the same."""

from __future__ import annotations

import datetime

from samverkan.agreements import services as agreements
from samverkan.agreements.models import Agreement
from samverkan.followup.reports.evaluation import evaluation_for
from samverkan.followup.reports.services import report_generate
from samverkan.organisations.models import FocusArea
from samverkan.planning.actions import services as actions
from samverkan.planning.actions.models import Activity
from samverkan.planning.goals import services as goals
from samverkan.planning.goals.models import Indicator
from samverkan.planning.promises import services as promises
from samverkan.situation.models import Baseline
from tests.followup.reports.conftest import arjeplog, collaboration_group, meeting
from tests.planning.goals.conftest import measure

D = datetime.date
MADE = ("version", "generated_at", "generated_by")  # what differs between two versions of one report


def the_next_agreement(world) -> None:
    """The next agreement, from the day after the shared cast's part 1 ends (in January 2027) to 2030, with a goal
    measured by hand (its value dated in 2025), an adopted plan, a meeting and published promises."""
    part1 = agreements.agreement_create(
        by=world.bob,
        title="Samverkansöverenskommelse del 1 2027–2030",
        part=Agreement.Part.STRATEGIC,
        status=Agreement.Status.IN_FORCE,
        starts_on=world.part1.ends_on + datetime.timedelta(days=1),
        ends_on=D(2030, 12, 31),
        parties=[world.lpo, world.arjeplog_org, world.arvidsjaur_org],
        municipalities=[world.arjeplog, world.arvidsjaur],
        focus_areas=FocusArea.objects.all(),
        signatories=[
            {"name": party.name, "title": "Ordförande", "organisation": party, "signed_on": world.part1.starts_on}
            for party in [world.lpo, world.arjeplog_org, world.arvidsjaur_org]
        ],
    )
    goal = goals.goal_create(
        agreement=part1,
        focus_area=FocusArea.objects.get(short_name="BRÅ"),
        municipality=None,
        title="Färre bränder 2027–2030",
        description="",
    )
    baseline = Baseline.objects.get(municipality=world.arjeplog)
    by_hand = measure(goal, Indicator.Series.MANUAL, baseline=baseline, baseline_value=5, name="Bränder")
    goals.manual_value_save(indicator=by_hand, measured_on=D(2025, 8, 1), value=4, note="", by=world.alice)
    plan = actions.action_plan_create(
        municipality=world.arjeplog,
        title="Handlingsplan 2027–2028",
        starts_on=D(2027, 1, 1),
        ends_on=D(2028, 12, 31),
        by=world.alice,
    )
    actions.activity_create(
        plan=plan,
        title="Brandskyddsdagar",
        responsible=Activity.Responsible.BOTH,
        starts_on=D(2027, 1, 1),
        ends_on=D(2028, 12, 31),
        kind=Activity.Kind.SOCIAL,
        horizon=Activity.Horizon.SHORT,
        target_count=2,
    )
    actions.action_plan_adopt(plan=plan, by=world.alice)
    group = collaboration_group("Brandrådet", world.arjeplog)
    meeting(group, datetime.datetime(2027, 2, 1, 13, tzinfo=datetime.UTC))
    promise_set = promises.promise_set_create(
        municipality=world.arjeplog,
        title="Medborgarlöfte 2027–2030",
        starts_on=D(2027, 1, 1),
        ends_on=D(2030, 12, 31),
        by=world.alice,
    )
    promises.promise_add(promise_set=promise_set, text="Vi besöker varje by en gång per år.", by=world.alice)
    for name, title in [("Helena Strand", "Lokalpolisområdeschef"), ("Maria Stenlund", "Kommunalråd")]:
        promises.promise_signatory_add(
            promise_set=promise_set, name=name, title=title, signed_on=D(2026, 11, 1), by=world.alice
        )
    promises.promise_set_sign(promise_set=promise_set, by=world.alice)
    promises.promise_set_publish(promise_set=promise_set, by=world.alice)


def made_again(data: dict) -> dict:
    return {key: value for key, value in data.items() if key not in MADE}


def test_it_regenerates_the_2025_report_unchanged_after_the_next_agreement(year):
    world = year.world
    before = report_generate(place=arjeplog(world), year=2025, by=world.alice)
    titles = {goal["title"] for goal in before.data["parts"][0]["goals"]}
    assert titles == {"Minska klottret", "Färre unga som dricker", "Tryggare Arjeplog"}
    the_next_agreement(world)
    after = report_generate(place=arjeplog(world), year=2025, by=world.alice)
    assert after.version == before.version + 1
    assert made_again(after.data) == made_again(before.data)


def test_it_evaluates_the_agreement_without_the_next_ones_goals(year):
    world = year.world
    today = D(2026, 11, 30)
    before = evaluation_for(world.part1, today=today, user=None)
    the_next_agreement(world)
    assert evaluation_for(world.part1, today=today, user=None) == before
