"""The coordinator's week on the overview: what happened this week and what is waiting, each with where to act.

Every block reads the one place its figure or status is made: the week's incidents from the incident series,
the activities from the action plans' open activities, the goals in red from their follow-up (as the goal's
page, the agenda and the notices), new suggestions and stale sources as the notifications tell them, the
meetings of the groups the user reaches, the yearly wheel's coordination tasks, and citizens' reports of unsafe
places waiting for review (for the municipality's own coordinators only, as their pages). A user sees them for every
municipality they reach (organisations.access): a coordinator their municipality, the police contact every
municipality of the police area.
"""

from __future__ import annotations

import datetime
import zoneinfo
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
from samverkan.sources.citizen_reports.models import CitizenReport
from samverkan.sources.citizen_reports.selectors import reports_of
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
    new_from_citizens: list[Line]  # what INBOX reads: suggestions on the promises, reports of unsafe places
    meetings: list[Line]
    stale_sources: list[Line]
    wheel_tasks: list[Line]  # coordination tasks not done, overdue or due within TASKS_AHEAD


def _line(notice: Notice) -> Line:
    return Line(notice.title, notice.detail, notice.path)


def _activity(activity: Activity) -> Line:
    return Line(
        activity.title,
        _("%(municipality)s, end date %(date)s")
        % {"municipality": activity.plan.municipality.name, "date": date_format(activity.ends_on)},
        activity.get_absolute_url(),
    )


def _incidents(
    user: User, municipalities: list[Municipality], start: datetime.date, end: datetime.date
) -> list[WeekIncidents]:
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


def _meetings(user: User, today: datetime.date) -> list[Line]:
    """The next meetings from the start of `today` (one clock: the caller's day, as every block here)."""
    midnight = datetime.datetime.combine(today, datetime.time(), zoneinfo.ZoneInfo(clock.TIME_ZONE))
    meetings = (
        Meeting.objects.filter(group__in=groups_for_user(user), starts_at__gte=midnight)
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


def _suggestions(user: User, scope: Scope, today: datetime.date) -> list[Line]:
    """New suggestions on the promises, to those who moderate them (as the notifications tell them)."""
    return [_line(notice) for notice in suggestions_new(user, scope, today)]


def _reports(user: User, scope: Scope, today: datetime.date) -> list[Line]:
    """Citizens' reports of unsafe places waiting for review, to those who review them: the municipality's own
    coordinators (sources.citizen_reports.access; the police never read them)."""
    reviewed_by_user = Municipality.objects.filter(id__in=scope.owned_municipalities & scope.write_municipalities)
    return [
        Line(
            report.get_category_display(),
            _("Citizen report, %(municipality)s, received %(date)s")
            % {"municipality": municipality.name, "date": date_format(timezone.localtime(report.received_at).date())},
            report.get_absolute_url(),
        )
        for municipality in reviewed_by_user
        for report in reports_of(municipality, status=CitizenReport.Status.RECEIVED).order_by("received_at", "id")
    ]


# What citizens sent in that waits for the coordinator, one reader per kind.
INBOX: list[Callable[[User, Scope, datetime.date], list[Line]]] = [_suggestions, _reports]


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
        new_from_citizens=[line for reader in INBOX for line in reader(user, scope, today)],
        meetings=_meetings(user, today),
        stale_sources=[_line(n) for n in sources_stale(user, scope, today)],
        wheel_tasks=_wheel_tasks(municipalities, today),
    )
