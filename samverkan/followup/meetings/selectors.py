"""Reading meetings: who reaches which group, and what is open for the next agenda.

A user sees a group's meetings when they read one of its municipalities and changes them when they
may change all of them, so a joint group is run by those who may act for every party.
"""

from __future__ import annotations

import calendar
import datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core.privacy import suppress_count
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.seasons.selectors import TASKS_AHEAD, tasks_due
from samverkan.organisations.access import scope_for
from samverkan.organisations.models import CollaborationGroup, User
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.actions.selectors import DUE_WITHIN, open_activities
from samverkan.planning.goals.presentation import indicator_view, latest_text
from samverkan.planning.goals.selectors import follow_up, indicators_in_force
from samverkan.planning.goals.status import RED
from samverkan.planning.promises.models import Suggestion
from samverkan.planning.promises.selectors import accepted_suggestions
from samverkan.situation.models import RecurringEvent
from samverkan.sources.incidents.selectors import last_complete_week, weekly_view

HOTSPOTS = 3
SUGGESTION_LENGTH = 100


def groups_for_user(user: User) -> QuerySet[CollaborationGroup]:
    ids = CollaborationGroup.objects.filter(municipalities__in=scope_for(user).read_municipalities).values("id")
    return CollaborationGroup.objects.filter(id__in=ids).prefetch_related("municipalities")


def can_change_group(user: User, group: CollaborationGroup) -> bool:
    municipalities = {m.id for m in group.municipalities.all()}
    return bool(municipalities) and municipalities <= scope_for(user).write_municipalities


def decision_plans(group: CollaborationGroup) -> QuerySet[ActionPlan]:
    """The plans a decision can add an activity to: the drafts, and the adopted plans (the decision becomes an
    addition to the adopted version); not a replaced version."""
    return (
        ActionPlan.objects.filter(municipality__in=group.municipalities.all())
        .exclude(status=ActionPlan.Status.REPLACED)
        .select_related("municipality")
        .order_by("municipality__name", "-starts_on", "-version")
    )


def changeable_activities(group: CollaborationGroup) -> QuerySet[Activity]:
    """The activities a decision can change: those of the group's municipalities' plans that are not replaced."""
    return (
        Activity.objects.filter(plan__municipality__in=group.municipalities.all())
        .exclude(plan__status=ActionPlan.Status.REPLACED)
        .select_related("plan__municipality")
        .order_by("plan__municipality__name", "plan__starts_on", "title")
    )


def group_open_activities(group: CollaborationGroup, on: datetime.date) -> QuerySet[Activity]:
    """Open activities of the group's municipalities that are overdue or due on the day (DUE_WITHIN)."""
    return open_activities(group.municipalities.all()).filter(ends_on__lte=on + DUE_WITHIN)


def _next_start(event: RecurringEvent, on: datetime.date) -> datetime.date:
    def start(year: int) -> datetime.date:
        day = min(event.start_day, calendar.monthrange(year, event.start_month)[1])
        return datetime.date(year, event.start_month, day)

    return start(on.year) if start(on.year) >= on else start(on.year + 1)


def _incident_items(group: CollaborationGroup, on: datetime.date) -> list[str]:
    items = []
    week = last_complete_week(on)
    for municipality in group.municipalities.all():
        view = weekly_view(municipality=municipality, week=week, no_place=_("no place"))
        total = sum(row.this_week for row in view.by_category)
        if not total:
            continue
        places = ", ".join(
            f"{row.label} ({suppress_count(row.this_week, owner=False)})"
            for row in view.by_place[:HOTSPOTS]
            if row.this_week
        )
        items.append(
            _("Incidents week %(week)s in %(municipality)s: %(count)s; most at %(places)s")
            % {
                "week": week.isocalendar().week,
                "municipality": municipality.name,
                "count": suppress_count(total, owner=False),
                "places": places,
            }
        )
    return items


def agenda_proposal(*, meeting: Meeting, user: User) -> list[str]:
    """Agenda items from what is open for the group at the meeting: the week's incidents and hotspots,
    activities due or overdue, goals in red (with their latest value by the meeting's day, never later than
    today), new and accepted citizen suggestions, coming seasonal events and
    the coordination tasks due before them."""
    group, on = meeting.group, timezone.localtime(meeting.starts_at).date()
    municipalities = list(group.municipalities.all())
    items = _incident_items(group, on)
    for activity in group_open_activities(group, on):
        text = _("Overdue activity") if activity.ends_on < on else _("Activity due")
        items.append(
            f"{text}: {activity.title} ({activity.plan.municipality.name}, {activity.get_status_display()}, "
            f"{activity.ends_on.isoformat()})"
        )
    for indicator in indicators_in_force(municipalities, on):
        view = indicator_view(follow_up(indicator, user=user, until=on))
        if view.status == RED:
            items.append(
                _("Goal in red: %(goal)s – %(indicator)s (%(municipality)s): %(latest)s")
                % {
                    "goal": indicator.goal.title,
                    "indicator": indicator.name,
                    "municipality": indicator.municipality,
                    "latest": latest_text(view),
                }
            )
    previous = group.meetings.filter(starts_at__lt=meeting.starts_at).order_by("-starts_at").first()
    since = timezone.localtime(previous.starts_at).date() if previous else None
    for municipality in municipalities:
        new = Suggestion.objects.filter(status=Suggestion.Status.NEW, promise__promise_set__municipality=municipality)
        for suggestion in [*new, *accepted_suggestions(municipality=municipality, since=since)]:
            items.append(
                _("Citizen suggestion (%(status)s, %(municipality)s): %(text)s")
                % {
                    "status": suggestion.get_status_display(),
                    "municipality": municipality.name,
                    "text": " ".join(suggestion.text.split())[:SUGGESTION_LENGTH],
                }
            )
    for event in RecurringEvent.objects.filter(municipality__in=municipalities).select_related("municipality"):
        starts = _next_start(event, on)
        if starts <= on + TASKS_AHEAD:
            items.append(
                _("Coming: %(event)s in %(municipality)s from %(date)s")
                % {"event": event.name, "municipality": event.municipality.name, "date": starts.isoformat()}
            )
    for task in tasks_due(municipalities=municipalities, start=on, end=on + TASKS_AHEAD).filter(done=False):
        items.append(
            _("Coordination task before %(event)s: %(task)s (%(role)s, by %(date)s)")
            % {
                "event": task.event.name,
                "task": task.task,
                "role": task.get_owner_role_display(),
                "date": task.due_on.isoformat(),
            }
        )
    return items
