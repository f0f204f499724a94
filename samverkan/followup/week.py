"""The coordinator's week on the overview: what happened this week and what is waiting, each with where to act.

Every block reads the one place its figure or status is made: the week's incidents from the incident series,
the activities from the action plans' open activities, the goals in red from their follow-up (as the goal's
page, the agenda and the notices), new suggestions and stale sources as the notifications tell them, the
meetings of the groups the user reaches, and the yearly wheel's coordination tasks. A user sees them for every
municipality they reach (organisations.access): a coordinator their municipality, the police contact every
municipality of the police area.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from samverkan.core import clock
from samverkan.core.privacy import suppress_count
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.meetings.selectors import groups_for_user
from samverkan.followup.notifications.due import Notice
from samverkan.followup.notifications.selectors import goals_off_track, sources_stale, suggestions_new
from samverkan.followup.seasons.selectors import TASKS_AHEAD, tasks_due
from samverkan.organisations.access import Scope, scope_for, sees_internal_figures
from samverkan.organisations.models import Municipality, User
from samverkan.planning.actions.models import Activity
from samverkan.planning.actions.selectors import open_activities, overdue_activities
from samverkan.sources.incidents.selectors import current_week
from samverkan.sources.incidents.series import incident_series

NEXT_MEETINGS = 5


@dataclass(frozen=True)
class Line:
    """One thing to act on: what, a detail (where, when), and the page where it is done."""

    title: str
    detail: str
    url: str


@dataclass(frozen=True)
class WeekIncidents:
    """A municipality's incidents this week so far, as the viewer may see the count ("<3" outside its parties)."""

    municipality: Municipality
    count: int | str
    url: str  # the weekly EST view of the municipality, which opens on this week


@dataclass(frozen=True)
class CoordinatorWeek:
    start: datetime.date  # Monday
    end: datetime.date  # Sunday
    incidents: list[WeekIncidents]
    overdue: list[Line]
    due: list[Line]  # open activities ending from today to Sunday
    goals_in_red: list[Line]
    new_from_citizens: list[Line]  # suggestions on the promises (and what else INBOX reads)
    meetings: list[Line]
    stale_sources: list[Line]
    wheel_tasks: list[Line]  # coordination tasks not done, overdue or due within TASKS_AHEAD

    @property
    def incident_total(self) -> int:
        return sum(row.count for row in self.incidents if isinstance(row.count, int))


def _line(notice: Notice) -> Line:
    return Line(notice.title, notice.detail, notice.path)


def _activity(activity: Activity) -> Line:
    return Line(
        activity.title,
        _("%(municipality)s, end date %(date)s")
        % {"municipality": activity.plan.municipality.name, "date": date_format(activity.ends_on)},
        activity.get_absolute_url(),
    )


def _incidents(user: User, municipalities: list[Municipality], start: datetime.date, end: datetime.date):
    week_url = reverse("incidents_week")
    return [
        WeekIncidents(
            municipality,
            suppress_count(
                incident_series(municipality=municipality, start=start, end=end).total(),
                owner=sees_internal_figures(user, municipality),
            ),
            f"{week_url}?{urlencode({'kommun': municipality.code})}",
        )
        for municipality in municipalities
    ]


def _meetings(user: User) -> list[Line]:
    meetings = (
        Meeting.objects.filter(group__in=groups_for_user(user), starts_at__gte=clock.now())
        .select_related("group")
        .order_by("starts_at", "id")[:NEXT_MEETINGS]
    )
    lines = []
    for meeting in meetings:
        starts_at = timezone.localtime(meeting.starts_at)
        lines.append(
            Line(
                meeting.group.name,
                _("%(kind)s, %(date)s %(time)s, %(place)s")
                % {
                    "kind": meeting.get_kind_display(),
                    "date": date_format(starts_at.date()),
                    "time": starts_at.strftime("%H:%M"),
                    "place": meeting.place,
                },
                meeting.get_absolute_url(),
            )
        )
    return lines


def _wheel_tasks(municipalities: list[Municipality], today: datetime.date) -> list[Line]:
    tasks = tasks_due(municipalities=municipalities, start=today - TASKS_AHEAD, end=today + TASKS_AHEAD)
    return [
        Line(
            task.task,
            _("%(event)s, %(municipality)s, by %(date)s")
            % {
                "event": task.event.name,
                "municipality": task.event.municipality.name,
                "date": date_format(task.due_on),
            },
            reverse("yearly_wheel", args=[task.event.municipality.code]),
        )
        for task in tasks.filter(done=False).order_by("due_on", "id")
    ]


# What citizens sent in that waits for the coordinator, one reader per kind: the suggestions on the promises.
# Citizens' reports of unsafe places (sources.citizen_reports) join here with a reader of their own.
INBOX: list[Callable[[User, Scope, datetime.date], list[Notice]]] = [suggestions_new]


def coordinator_week(*, user: User, today: datetime.date) -> CoordinatorWeek:
    """The week of `today` (Monday to Sunday) across every municipality the user reaches."""
    scope = scope_for(user)
    municipalities = list(Municipality.objects.filter(id__in=scope.read_municipalities))
    start = current_week(today)
    end = start + datetime.timedelta(days=6)
    open_ones = open_activities(municipalities)
    return CoordinatorWeek(
        start=start,
        end=end,
        incidents=_incidents(user, municipalities, start, end),
        overdue=[_activity(a) for a in overdue_activities(open_ones, today)],
        due=[_activity(a) for a in open_ones.filter(ends_on__gte=today, ends_on__lte=end)],
        goals_in_red=[_line(n) for n in goals_off_track(user, scope, today)],
        new_from_citizens=[_line(n) for reader in INBOX for n in reader(user, scope, today)],
        meetings=_meetings(user),
        stale_sources=[_line(n) for n in sources_stale(user, scope, today)],
        wheel_tasks=_wheel_tasks(municipalities, today),
    )
