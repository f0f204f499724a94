"""Goals in red reach the agenda: an indicator worse than its baseline and short of its target."""

from __future__ import annotations

import datetime

from django.utils.translation import override

from samverkan.followup.meetings.selectors import agenda_proposal
from samverkan.planning.goals import services as goals
from samverkan.planning.goals.models import Indicator
from tests.planning.goals.conftest import adopt, measure, separate_goal


def test_it_lists_a_goal_in_red_and_not_one_on_track(groups, world):
    baseline = adopt(world)
    red = measure(separate_goal(world), Indicator.Series.MANUAL, baseline=baseline, baseline_value=10, name="Klotter")
    green = measure(
        separate_goal(world, "Färre inbrott"),
        Indicator.Series.MANUAL,
        baseline=baseline,
        baseline_value=10,
        name="Inbrott",
    )
    goals.manual_value_save(indicator=red, measured_on=datetime.date(2025, 6, 1), value=14, note="", by=world.alice)
    goals.manual_value_save(indicator=green, measured_on=datetime.date(2025, 6, 1), value=1, note="", by=world.alice)
    with override("en"):
        items = agenda_proposal(meeting=groups.meeting, user=world.alice)
    # The latest value by the meeting's day and its status, as the goal's page shows them: 10 -> 14, worse.
    assert "Goal in red: Tryggare Arjeplog – Klotter (Arjeplog): 14.0 (2025-06-01), Off track" in items
    assert not any("Inbrott" in item for item in items)
