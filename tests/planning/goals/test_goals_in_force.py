"""A period's goals are those of the agreements in force at some time in it: never a later agreement's."""

from __future__ import annotations

import datetime

from samverkan.agreements import services as agreements
from samverkan.agreements.models import Agreement
from samverkan.organisations.models import FocusArea
from samverkan.planning.goals import services
from samverkan.planning.goals.selectors import goals_in_force, indicators_in_force
from tests.planning.goals.conftest import common_goal, measure, separate_goal

D = datetime.date


def later_agreement(world) -> Agreement:
    """Part 1 of 2031–2034, after the shared cast's agreements whenever the suite runs."""
    return agreements.agreement_create(
        by=world.bob,
        title="Samverkansöverenskommelse del 1 2031–2034",
        part=Agreement.Part.STRATEGIC,
        status=Agreement.Status.DRAFT,
        starts_on=D(2031, 1, 1),
        ends_on=D(2034, 12, 31),
        parties=[world.lpo, world.arjeplog_org, world.arvidsjaur_org],
        municipalities=[world.arjeplog, world.arvidsjaur],
        focus_areas=FocusArea.objects.all(),
    )


def test_it_holds_the_goals_of_the_agreements_in_force_in_the_period(world):
    common, separate = common_goal(world), separate_goal(world)
    later = services.goal_create(
        agreement=later_agreement(world),
        focus_area=FocusArea.objects.get(short_name="BRÅ"),
        municipality=None,
        title="Minska klottret 2031–2034",
        description="",
    )
    during = world.part1.starts_on, world.part1.ends_on
    assert set(goals_in_force(world.arjeplog, start=during[0], end=during[1])) == {common, separate}
    assert set(goals_in_force(world.arjeplog, start=D(2032, 1, 1), end=D(2032, 12, 31))) == {later}
    assert set(goals_in_force(world.arvidsjaur, start=during[0], end=during[1])) == {common}  # not Arjeplog's own
    before = world.part1.starts_on - datetime.timedelta(days=1)
    assert not goals_in_force(world.arjeplog, start=before, end=before).exists()


def test_it_measures_only_the_goals_in_force_on_the_day(world):
    now = measure(common_goal(world), "manual", name="I kraft")
    later_goal = services.goal_create(
        agreement=later_agreement(world),
        focus_area=FocusArea.objects.get(short_name="BRÅ"),
        municipality=world.arjeplog,
        title="Senare mål",
        description="",
    )
    later = measure(later_goal, "manual", name="Senare")
    assert list(indicators_in_force([world.arjeplog], world.part1.ends_on)) == [now]
    assert list(indicators_in_force([world.arjeplog], D(2031, 6, 1))) == [later]
