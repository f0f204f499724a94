"""Every change to meetings goes through here: planning a meeting, its agenda and minutes, decisions."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.followup.meetings.models import Decision, GroupCalendar, Meeting
from samverkan.organisations.models import CollaborationGroup, GroupMember, User
from samverkan.planning.actions import services as actions
from samverkan.planning.actions.models import ActionPlan, Activity

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

ATTENDEE_ELSEWHERE = _("Only members of the group can attend its meetings.")
PLAN_ELSEWHERE = _("The action plan must belong to one of the group's municipalities.")
ACTIVITY_ELSEWHERE = _("The activity must belong to an action plan of one of the group's municipalities.")
DECISION_EMPTY = _("Write the decision.")
NOTHING_CHANGED = _("Choose what the decision changes: the status, the comment, the end date or the responsible role.")


def _save(meeting: Meeting, attendees: Iterable[GroupMember]) -> Meeting:
    attendees = list(attendees)
    errors: dict = {}
    try:
        meeting.full_clean(exclude=["created_by"])
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if any(member.group_id != meeting.group_id for member in attendees):
        errors.setdefault("attendees", []).append(ValidationError(ATTENDEE_ELSEWHERE, code="attendee"))
    if errors:
        raise ValidationError(errors)
    meeting.save()
    meeting.attendees.set(attendees)
    return meeting


@transaction.atomic
def meeting_create(
    *,
    group: CollaborationGroup,
    kind: str,
    starts_at: datetime.datetime,
    place: str,
    attendees: Iterable[GroupMember] = (),
    by: User | None,
) -> Meeting:
    meeting = Meeting(group=group, kind=kind, starts_at=starts_at, place=place.strip(), created_by=by)
    return _save(meeting, attendees)


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    kind: str,
    starts_at: datetime.datetime,
    place: str,
    attendees: Iterable[GroupMember],
    minutes: str,
) -> Meeting:
    meeting.kind, meeting.starts_at, meeting.place, meeting.minutes = kind, starts_at, place.strip(), minutes.strip()
    return _save(meeting, attendees)


@transaction.atomic
def meeting_set_agenda(*, meeting: Meeting, agenda: str) -> Meeting:
    """The chair's agenda, one item per line (blank lines dropped)."""
    meeting.agenda = "\n".join(line.strip() for line in agenda.splitlines() if line.strip())
    meeting.full_clean(exclude=["created_by"])
    meeting.save(update_fields=["agenda"])
    return meeting


def _decision_text(*, meeting: Meeting, text: str, municipality_id: int, field: str, message: StrOrPromise) -> str:
    """The decision's text, stripped; refuses an empty text and a plan outside the group's municipalities."""
    text = text.strip()
    errors: dict[str, list[ValidationError]] = {}
    if not text:
        errors["text"] = [ValidationError(DECISION_EMPTY, code="required")]
    if not meeting.group.municipalities.filter(pk=municipality_id).exists():
        errors[field] = [ValidationError(message, code=field)]
    if errors:
        raise ValidationError(errors)
    return text


@transaction.atomic
def decision_record(
    *,
    meeting: Meeting,
    text: str,
    plan: ActionPlan,
    responsible: str,
    role: str,
    ends_on: datetime.date,
    by: User,
) -> Decision:
    """Record a decision and add it as an activity to the plan. The activity starts on the meeting's day.

    A draft plan gets the activity as it is. An adopted plan is frozen: the decision goes into the meeting's
    addition to it (Tillägg N, one per meeting and plan, made by the first such decision), and the adopted
    version's own activities stay as they were."""
    text = _decision_text(
        meeting=meeting, text=text, municipality_id=plan.municipality_id, field="plan", message=PLAN_ELSEWHERE
    )
    first_line = text.splitlines()[0]
    day = timezone.localtime(meeting.starts_at).date()
    values: dict[str, Any] = {
        "title": first_line[: Activity._meta.get_field("title").max_length],
        "description": text,
        "responsible": responsible,
        "role": role,
        "starts_on": min(day, ends_on),
        "ends_on": ends_on,
        "kind": Activity.Kind.SITUATIONAL,
        "horizon": Activity.Horizon.SHORT,
    }
    if plan.status == ActionPlan.Status.ADOPTED:
        addition = actions.plan_addition_for(plan=plan, decided_at=meeting)
        if addition is None:
            addition = actions.plan_addition_create(plan=plan, adopted_on=day, text=text, decided_at=meeting, by=by)
        else:
            actions.plan_addition_extend(addition=addition, text=text)
        activity = actions.addition_activity_create(addition=addition, **values)
    else:
        activity = actions.activity_create(plan=plan, **values)
    return Decision.objects.create(meeting=meeting, text=text, activity=activity, decided_by=by)


@transaction.atomic
def decision_update_record(
    *,
    meeting: Meeting,
    text: str,
    activity: Activity,
    status: str = "",
    status_comment: str = "",
    ends_on: datetime.date | None = None,
    role: str = "",
    by: User,
) -> Decision:
    """Record a decision that changes an existing activity, through the action plan's rules: the status and
    its comment through activity_set_status (an adopted plan's too), the end date and the responsible role
    through activity_update (a draft plan's only: an adopted plan is frozen). Empty values stay as they are."""
    text = _decision_text(
        meeting=meeting,
        text=text,
        municipality_id=activity.plan.municipality_id,
        field="activity",
        message=ACTIVITY_ELSEWHERE,
    )
    status_comment, role = status_comment.strip(), role.strip()
    if not (status or status_comment or ends_on or role):
        raise ValidationError(NOTHING_CHANGED, code="nothing")
    if ends_on or role:
        actions.activity_update(
            activity=activity,
            goals=activity.goals.all(),
            organisations=activity.organisations.all(),
            ends_on=ends_on or activity.ends_on,
            role=role or activity.role,
        )
    if status or status_comment:
        actions.activity_set_status(
            activity=activity,
            status=status or activity.status,
            comment=status_comment or activity.status_comment,
            by=by,
        )
    return Decision.objects.create(
        meeting=meeting,
        text=text,
        activity=activity,
        kind=Decision.Kind.UPDATED,
        new_status=status,
        new_status_comment=status_comment,
        new_ends_on=ends_on,
        new_role=role,
        decided_by=by,
    )


def group_calendar_token(*, group: CollaborationGroup) -> str:
    """The group's calendar secret, made on first use."""
    calendar, _created = GroupCalendar.objects.get_or_create(group=group, defaults={"token": secrets.token_urlsafe(32)})
    return calendar.token


def group_calendar_token_rotate(*, group: CollaborationGroup) -> str:
    """A new calendar secret for the group: the old address stops working (e.g. after it was shared by mistake)."""
    token = secrets.token_urlsafe(32)
    GroupCalendar.objects.update_or_create(group=group, defaults={"token": token})
    return token
