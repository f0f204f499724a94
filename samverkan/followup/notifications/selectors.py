"""What is due for a user, among the things the user can see (samverkan.organisations.access).

COLLECTORS holds one function per kind; a new kind adds its Kind (models) and its collector here.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samverkan.agreements.access import visible_agreements
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.notifications.due import Notice, stale_sources
from samverkan.followup.notifications.models import DEFAULT_FREQUENCY, Kind, Preference, SentNotification
from samverkan.organisations.access import Scope, scope_for
from samverkan.organisations.models import CollaborationGroup, User
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.promises.models import Suggestion
from samverkan.sources.models import ImportRun
from samverkan.sources.registry import IMPORTERS

# An activity is "due" from this many days before its end.
ACTIVITY_DUE_DAYS = 14
# Meetings are announced this many days ahead, and their minutes told this many days after.
MEETING_INVITATION_DAYS = 14
MEETING_MINUTES_DAYS = 14
# How often each importer (by its registry key) is expected to run, in days; sources not listed are never stale.
SOURCE_CADENCE_DAYS = {
    "police_events": 7,
    "incidents": 31,
    "bra": 366,
    "kolada": 366,
    "indicators": 366,
    "survey": 731,
}

Collector = Callable[[User, Scope, datetime.date], list[Notice]]


def _open_activities(scope: Scope):
    return (
        Activity.objects.filter(plan__municipality_id__in=scope.read_municipalities)
        .exclude(plan__status=ActionPlan.Status.REPLACED)
        .exclude(status__in=[Activity.Status.DONE, Activity.Status.CANCELLED])
        .select_related("plan__municipality")
        .order_by("ends_on", "id")
    )


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
    until = today + datetime.timedelta(days=ACTIVITY_DUE_DAYS)
    activities = _open_activities(scope).filter(ends_on__gte=today, ends_on__lte=until)
    return [_activity_notice(Kind.ACTIVITY_DUE, activity) for activity in activities]


def activities_overdue(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    activities = _open_activities(scope).filter(ends_on__lt=today)
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
    rows = ImportRun.objects.filter(source__in=SOURCE_CADENCE_DAYS).values("source").annotate(latest=Max("at"))
    latest = {row["source"]: row["latest"] for row in rows}
    return [
        Notice(
            kind=Kind.STALE_SOURCE,
            key=f"{Kind.STALE_SOURCE}:{source}:{latest[source].date().isoformat()}",
            title=str(IMPORTERS[source].label),
            detail=_("Last imported %(date)s; expected every %(days)s days.")
            % {"date": date_format(latest[source].date()), "days": SOURCE_CADENCE_DAYS[source]},
            path=reverse("import_upload", args=[source]),
        )
        for source in stale_sources(latest, cadence=SOURCE_CADENCE_DAYS, today=today)
    ]


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
    Kind.NEW_SUGGESTION: suggestions_new,
    Kind.MEETING_INVITATION: meetings_upcoming,
    Kind.MEETING_MINUTES: meetings_with_minutes,
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
