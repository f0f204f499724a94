"""One due window: an open activity ending within DUE_WITHIN of today is due on the follow-up page, in the agenda
proposal and in the notices alike; one ending a day later in none of them."""

from __future__ import annotations

import datetime

from django.utils import translation

from samverkan.core import clock
from samverkan.followup.meetings.selectors import agenda_proposal
from samverkan.followup.notifications.models import Kind
from samverkan.followup.notifications.selectors import notices_for
from samverkan.followup.reports.selectors import continuous_follow_up
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.actions.selectors import DUE_WITHIN
from tests.followup.reports.conftest import collaboration_group, meeting


def activity(plan: ActionPlan, title: str, ends_on: datetime.date) -> Activity:
    return Activity.objects.create(
        plan=plan,
        title=title,
        responsible=Activity.Responsible.BOTH,
        starts_on=plan.starts_on,
        ends_on=ends_on,
        kind=Activity.Kind.SOCIAL,
        horizon=Activity.Horizon.SHORT,
    )


def test_it_calls_the_same_activities_due_everywhere(world):
    today = clock.today()
    plan = ActionPlan.objects.create(
        municipality=world.arjeplog,
        title="Handlingsplan",
        starts_on=today - datetime.timedelta(days=100),
        ends_on=today + datetime.timedelta(days=400),
        status=ActionPlan.Status.ADOPTED,
    )
    activity(plan, "Sista dagen i fönstret", today + DUE_WITHIN)
    activity(plan, "Dagen efter fönstret", today + DUE_WITHIN + datetime.timedelta(days=1))
    due_page = [a.title for a in continuous_follow_up(world.arjeplog, user=world.alice, today=today)["due"]]
    due_notices = [n.title for n in notices_for(user=world.alice, today=today, kinds=[Kind.ACTIVITY_DUE])]
    group = collaboration_group("Trygghetsrådet", world.arjeplog)
    now = datetime.datetime.combine(today, datetime.time(12), datetime.UTC)
    with translation.override("en"):
        agenda = agenda_proposal(meeting=meeting(group, now), user=world.alice)
    due_agenda = [item.split(": ", 1)[1].split(" (")[0] for item in agenda if item.startswith("Activity due")]
    assert due_page == due_notices == due_agenda == ["Sista dagen i fönstret"]
