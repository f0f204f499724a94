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
    """The next part 1, from the day after the shared cast's ends to the end of the third year after it: after
    the shared cast's agreements whenever the suite runs."""
    starts = world.part1.ends_on + datetime.timedelta(days=1)
    ends = D(starts.year + 3, 12, 31)
    return agreements.agreement_create(
        by=world.bob,
        title=f"Samverkansöverenskommelse del 1 {starts.year}–{ends.year}",
        part=Agreement.Part.STRATEGIC,
        status=Agreement.Status.DRAFT,
        starts_on=starts,
        ends_on=ends,
        parties=[world.lpo, world.arjeplog_org, world.arvidsjaur_org],
        municipalities=[world.arjeplog, world.arvidsjaur],
        focus_areas=FocusArea.objects.all(),
    )


def test_it_holds_the_goals_of_the_agreements_in_force_in_the_period(world):
    common, separate = common_goal(world), separate_goal(world)
    agreement = later_agreement(world)
    later = services.goal_create(
        agreement=agreement,
        focus_area=FocusArea.objects.get(short_name="BRÅ"),
        municipality=None,
        title="Minska klottret",
        description="",
    )
    during = world.part1.starts_on, world.part1.ends_on
    assert set(goals_in_force(world.arjeplog, start=during[0], end=during[1])) == {common, separate}
    next_year = agreement.starts_on.year + 1  # a whole year of the later agreement only
    assert set(goals_in_force(world.arjeplog, start=D(next_year, 1, 1), end=D(next_year, 12, 31))) == {later}
    assert set(goals_in_force(world.arvidsjaur, start=during[0], end=during[1])) == {common}  # not Arjeplog's own
    before = world.part1.starts_on - datetime.timedelta(days=1)
    assert not goals_in_force(world.arjeplog, start=before, end=before).exists()


def test_it_measures_only_the_goals_in_force_on_the_day(world):
    now = measure(common_goal(world), "manual", name="I kraft")
    agreement = later_agreement(world)
    later_goal = services.goal_create(
        agreement=agreement,
        focus_area=FocusArea.objects.get(short_name="BRÅ"),
        municipality=world.arjeplog,
        title="Senare mål",
        description="",
    )
    later = measure(later_goal, "manual", name="Senare")
    assert list(indicators_in_force([world.arjeplog], world.part1.ends_on)) == [now]
    assert list(indicators_in_force([world.arjeplog], D(agreement.starts_on.year + 1, 6, 1))) == [later]
