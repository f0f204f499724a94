"""What is due for a user, among the things the user can see (samverkan.organisations.access).

COLLECTORS holds one function per kind; a new kind adds its Kind (models) and its collector here.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samverkan.agreements.access import visible_agreements
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.notifications.communication import communication_due
from samverkan.followup.notifications.due import Notice
from samverkan.followup.notifications.models import DEFAULT_FREQUENCY, Kind, Preference, SentNotification
from samverkan.followup.notifications.renewal import (
    agreements_without_successor,
    annual_reports_due,
    evaluations_due,
    signatures_missing,
)
from samverkan.followup.reports.freshness import stale_sources
from samverkan.followup.reports.selectors import latest_imports
from samverkan.organisations.access import Scope, scope_for
from samverkan.organisations.models import CollaborationGroup, Municipality, User
from samverkan.planning.actions.models import Activity
from samverkan.planning.actions.selectors import due_activities, open_activities, overdue_activities
from samverkan.planning.goals.presentation import indicator_view, latest_text
from samverkan.planning.goals.selectors import follow_up, indicators_for_user
from samverkan.planning.goals.status import RED
from samverkan.planning.promises.models import Suggestion
from samverkan.sources.registry import IMPORTERS

# Meetings are announced this many days ahead, and their minutes told this many days after.
MEETING_INVITATION_DAYS = 14
MEETING_MINUTES_DAYS = 14

Collector = Callable[[User, Scope, datetime.date], list[Notice]]


def _open_activities(scope: Scope) -> QuerySet[Activity]:
    return open_activities(Municipality.objects.filter(id__in=scope.read_municipalities))


def _activity_notice(kind: str, activity: Activity) -> Notice:
    return Notice(
        kind=kind,
        key=f"{kind}:{activity.pk}",
        title=activity.title,
        detail=_("%(municipality)s, end date %(date)s")
        % {"municipality": activity.plan.municipality.name, "date": date_format(activity.ends_on)},
        path=activity.get_absolute_url(),
    )


def activities_due(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    activities = due_activities(_open_activities(scope), today)
    return [_activity_notice(Kind.ACTIVITY_DUE, activity) for activity in activities]


def activities_overdue(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    activities = overdue_activities(_open_activities(scope), today)
    return [_activity_notice(Kind.ACTIVITY_OVERDUE, activity) for activity in activities]


def agreements_ending(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    return [
        Notice(
            kind=Kind.AGREEMENT_ENDING,
            key=f"{Kind.AGREEMENT_ENDING}:{agreement.pk}",
            title=agreement.title,
            detail=_("Ends %(date)s, %(days)s days left: time to revise it.")
            % {"date": date_format(agreement.ends_on), "days": agreement.days_left(today)},
            path=agreement.get_absolute_url(),
        )
        for agreement in visible_agreements(user).order_by("ends_on", "id")
        if agreement.needs_revision(today)
    ]


def sources_stale(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    """Told to those who import: the users who may change some municipality's records."""
    if not scope.write_municipalities:
        return []
    return [
        Notice(
            kind=Kind.STALE_SOURCE,
            key=f"{Kind.STALE_SOURCE}:{source.source}:{source.latest.date().isoformat()}",
            title=str(IMPORTERS[source.source].label),
            detail=_("Last imported %(date)s; expected every %(days)s days.")
            % {"date": date_format(source.latest.date()), "days": source.days},
            path=reverse("import_upload", args=[source.source]),
        )
        for source in stale_sources(latest_imports(), today=today)
        if source.latest is not None
    ]


def goals_off_track(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    """The indicators the user reaches, of goals in force today, that are off track: with the latest value and
    status their page shows. A new measurement tells again."""
    notices = []
    for indicator in (
        indicators_for_user(user)
        .filter(goal__agreement__starts_on__lte=today, goal__agreement__ends_on__gte=today)
        .select_related("goal")
    ):
        view = indicator_view(follow_up(indicator, user=user, today=today))
        if view.status != RED:
            continue
        notices.append(
            Notice(
                kind=Kind.GOAL_OFF_TRACK,
                key=f"{Kind.GOAL_OFF_TRACK}:{indicator.pk}:{view.latest.date.isoformat() if view.latest else ''}",
                title=f"{indicator.goal.title} – {indicator.name}",
                detail=f"{indicator.municipality.name}: {latest_text(view)}",
                path=indicator.goal.get_absolute_url(),
            )
        )
    return notices


def suggestions_new(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    """Told to those who moderate them: the users who may change the municipality's promises."""
    suggestions = Suggestion.objects.filter(
        status=Suggestion.Status.NEW, promise__promise_set__municipality_id__in=scope.write_municipalities
    ).select_related("promise__promise_set__municipality")
    return [
        Notice(
            kind=Kind.NEW_SUGGESTION,
            key=f"{Kind.NEW_SUGGESTION}:{suggestion.pk}",
            title=str(suggestion),
            detail=_("%(municipality)s, received %(date)s")
            % {
                "municipality": suggestion.promise.promise_set.municipality.name,
                "date": date_format(suggestion.received_on),
            },
            path=suggestion.promise.promise_set.get_absolute_url(),
        )
        for suggestion in suggestions.order_by("received_on", "id")
    ]


def _meetings(scope: Scope):
    """Meetings of the groups with a municipality the user reads (as samverkan.followup.meetings.selectors)."""
    groups = CollaborationGroup.objects.filter(municipalities__in=scope.read_municipalities).values("id")
    return Meeting.objects.filter(group__in=groups).select_related("group").order_by("starts_at", "id")


def _meeting_notice(kind: str, meeting: Meeting) -> Notice:
    starts_at = timezone.localtime(meeting.starts_at)
    return Notice(
        kind=kind,
        key=f"{kind}:{meeting.pk}",
        title=f"{meeting.group.name}, {date_format(starts_at.date())}",
        detail=_("%(kind)s, %(date)s %(time)s, %(place)s")
        % {
            "kind": meeting.get_kind_display(),
            "date": date_format(starts_at.date()),
            "time": starts_at.strftime("%H:%M"),
            "place": meeting.place,
        },
        path=meeting.get_absolute_url(),
    )


def meetings_upcoming(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    until = today + datetime.timedelta(days=MEETING_INVITATION_DAYS)
    meetings = _meetings(scope).filter(starts_at__date__gte=today, starts_at__date__lte=until)
    return [_meeting_notice(Kind.MEETING_INVITATION, meeting) for meeting in meetings]


def meetings_with_minutes(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    """Told once the minutes are written, if that is within two weeks of the meeting."""
    since = today - datetime.timedelta(days=MEETING_MINUTES_DAYS)
    meetings = _meetings(scope).filter(starts_at__date__gte=since, starts_at__date__lte=today).exclude(minutes="")
    return [_meeting_notice(Kind.MEETING_MINUTES, meeting) for meeting in meetings]


COLLECTORS: dict[str, Collector] = {
    Kind.ACTIVITY_DUE: activities_due,
    Kind.ACTIVITY_OVERDUE: activities_overdue,
    Kind.AGREEMENT_ENDING: agreements_ending,
    Kind.STALE_SOURCE: sources_stale,
    Kind.GOAL_OFF_TRACK: goals_off_track,
    Kind.NEW_SUGGESTION: suggestions_new,
    Kind.MEETING_INVITATION: meetings_upcoming,
    Kind.MEETING_MINUTES: meetings_with_minutes,
    Kind.EVALUATION_DUE: evaluations_due,
    Kind.ANNUAL_REPORT_DUE: annual_reports_due,
    Kind.SIGNATURE_MISSING: signatures_missing,
    Kind.AGREEMENT_WITHOUT_SUCCESSOR: agreements_without_successor,
    Kind.COMMUNICATION_DUE: communication_due,
}


def frequencies_for(user: User) -> dict[str, str]:
    """The user's choice per kind, the default where the user has not chosen."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "frequency"))
    return {kind: chosen.get(kind, DEFAULT_FREQUENCY) for kind in Kind.values}


def notices_for(*, user: User, today: datetime.date, kinds: list[str]) -> list[Notice]:
    scope = scope_for(user)
    return [notice for kind in kinds for notice in COLLECTORS[kind](user, scope, today)]


def sent_keys(user: User) -> set[tuple[str, str]]:
    return set(SentNotification.objects.filter(user=user).values_list("kind", "key"))
