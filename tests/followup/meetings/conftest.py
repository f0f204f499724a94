"""Arjeplog's local group and a joint group with Arvidsjaur, a meeting next week, and Arjeplog's plans."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from samverkan.followup.meetings import services
from samverkan.followup.meetings.models import Meeting
from samverkan.organisations.models import CollaborationGroup, GroupMember
from samverkan.planning.actions import services as actions
from samverkan.planning.actions.models import ActionPlan, Activity

TODAY = timezone.localdate


@dataclass
class Groups:
    local: CollaborationGroup
    joint: CollaborationGroup
    chair: GroupMember
    meeting: Meeting
    adopted: ActionPlan
    draft: ActionPlan


def activity(plan: ActionPlan, title: str, ends_on: datetime.date, **values) -> Activity:
    return actions.activity_create(
        plan=plan,
        title=title,
        responsible=Activity.Responsible.POLICE,
        role="kommunpolis",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=ends_on,
        kind=Activity.Kind.SITUATIONAL,
        horizon=Activity.Horizon.SHORT,
        **values,
    )


@pytest.fixture
def groups(world) -> Groups:
    local = CollaborationGroup.objects.create(name="Folkhälsorådet")
    local.municipalities.set([world.arjeplog])
    joint = CollaborationGroup.objects.create(name="Gemensam samverkansgrupp")
    joint.municipalities.set([world.arjeplog, world.arvidsjaur])
    chair = GroupMember.objects.create(
        group=local, name="Maria Stenlund", organisation=world.arjeplog_org, role=GroupMember.GroupRole.CHAIR
    )
    GroupMember.objects.create(
        group=local, name="Mikael Forsberg", organisation=world.lpo, role=GroupMember.GroupRole.POLICE_CONTACT
    )
    next_week = timezone.now() + datetime.timedelta(days=7)
    meeting = services.meeting_create(
        group=local,
        kind=Meeting.Kind.GROUP,
        starts_at=next_week,
        place="Kommunhuset",
        attendees=[chair],
        by=world.alice,
    )
    adopted = actions.action_plan_create(
        municipality=world.arjeplog,
        title="Handlingsplan 2025–2026",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        by=world.alice,
    )
    activity(adopted, "Grannsamverkan", datetime.date(2025, 6, 30))
    adopted = actions.action_plan_adopt(plan=adopted, by=world.alice)
    draft = actions.action_plan_create(
        municipality=world.arjeplog,
        title="Handlingsplan 2027–2028",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2028, 12, 31),
        by=world.alice,
    )
    return Groups(local, joint, chair, meeting, adopted, draft)
