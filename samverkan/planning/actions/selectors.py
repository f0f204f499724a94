"""Reading action plans: what a user may see, each activity's progress, and the choices for a new activity."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Count, F, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.agreements.access import visible_agreements
from samverkan.core.exports import csv_text
from samverkan.organisations.access import scope_for
from samverkan.organisations.models import Municipality, User
from samverkan.planning.actions.models import ActionPlan, Activity, PlanAddition
from samverkan.planning.goals.models import Goal
from samverkan.situation.audience import for_audience
from samverkan.situation.models import Baseline
from samverkan.situation.selectors import Period, audience_for, baseline_picture, situation_for_municipality

# An open activity is due from this long before its end: the follow-up page, the agenda proposals and the
# notifications all use it.
DUE_WITHIN = datetime.timedelta(days=30)


def visible_action_plans(user: User) -> QuerySet[ActionPlan]:
    """The plans of the municipalities the user reaches."""
    return ActionPlan.objects.filter(municipality_id__in=scope_for(user).read_municipalities)


def plan_activities(plan: ActionPlan) -> QuerySet[Activity]:
    """The plan's activities with their occurrence counts, ready for activity_progress."""
    return plan.activities.annotate(occurrence_count=Count("occurrences")).prefetch_related("goals", "organisations")


def plan_additions(plan: ActionPlan) -> QuerySet[PlanAddition]:
    """The plan's additions, in order, with where each was decided (e.g. the meeting)."""
    return plan.additions.select_related("recorded_by").prefetch_related("decided_at")


def activity_progress(activity: Activity, *, until: datetime.date | None = None) -> tuple[int, int | None]:
    """(done, planned): the occurrences logged (held on or before `until`, when given) and the target count,
    e.g. (6, 10) for "6 av 10". The one count of an activity's progress: its plan, its promise and the reports
    all show this.

    `planned` is None when the target is not a number of times (see target_text). Without `until` it uses
    the count of plan_activities when the activity comes from there, otherwise counts.
    """
    done = getattr(activity, "occurrence_count", None) if until is None else None
    if done is None:
        occurrences = activity.occurrences.all()
        done = (occurrences if until is None else occurrences.filter(held_on__lte=until)).count()
    return done, activity.target_count


def activity_status_on(activity: Activity, day: datetime.date) -> tuple[str, str]:
    """(status, comment) of the activity as they stood at the end of `day`: the status set then, or, when it was
    set later, what the occurrences by then make it (ongoing once carried out, otherwise not started) with no
    comment. A report of a period shows nothing later."""
    changed = activity.status_changed_at
    if changed is None or timezone.localdate(changed) <= day:
        return activity.status, activity.status_comment
    held = activity.occurrences.filter(held_on__lte=day).exists()
    return (Activity.Status.ONGOING if held else Activity.Status.NOT_STARTED), ""


def open_activities(municipalities: Iterable[Municipality]) -> QuerySet[Activity]:
    """The activities still to do: of the municipalities' plans not replaced, neither done nor cancelled."""
    return (
        Activity.objects.filter(plan__municipality__in=list(municipalities))
        .exclude(plan__status=ActionPlan.Status.REPLACED)
        .exclude(status__in=[Activity.Status.DONE, Activity.Status.CANCELLED])
        .select_related("plan__municipality")
        .order_by("ends_on", "title", "id")
    )


def due_activities(activities: QuerySet[Activity], today: datetime.date) -> QuerySet[Activity]:
    """Of open activities, those ending from today to DUE_WITHIN ahead."""
    return activities.filter(ends_on__gte=today, ends_on__lte=today + DUE_WITHIN)


def overdue_activities(activities: QuerySet[Activity], today: datetime.date) -> QuerySet[Activity]:
    """Of open activities, those whose end has passed."""
    return activities.filter(ends_on__lt=today)


def plan_cost(plan: ActionPlan) -> int | None:
    """The summed cost of the activities that have one."""
    total = plan.activities.aggregate(total=Sum("cost"))["total"]
    return None if total is None else int(total)


def goals_for_municipality(municipality: Municipality) -> QuerySet[Goal]:
    """The goals an activity of the municipality may serve: its own, and the common goals of its agreements."""
    return (
        Goal.objects.filter(
            Q(municipality=municipality) | Q(municipality__isnull=True, agreement__municipalities=municipality)
        )
        .select_related("focus_area")
        .distinct()
    )


def goal_choices(*, municipality: Municipality, user: User) -> QuerySet[Goal]:
    """The goals offered for a new activity: the municipality's, and common goals of agreements the user sees."""
    return goals_for_municipality(municipality).filter(
        Q(municipality__isnull=False) | Q(agreement__in=visible_agreements(user))
    )


def problem_names(*, municipality: Municipality, user: User, today: datetime.date) -> list[str]:
    """The ranked problems of the latest lägesbild: the latest adopted baseline's, or else the picture of
    the last full year, as this user may see it."""
    audience = audience_for(user, municipality)
    baseline = Baseline.objects.filter(municipality=municipality).first()
    if baseline is not None:
        problems = for_audience(baseline_picture(baseline), audience).problems
    else:
        period = Period.last_full_year(today)
        problems = situation_for_municipality(municipality=municipality, period=period, audience=audience).problems
    return [problem.name for problem in problems]


# The follow-up sheet's columns: written by follow_up_sheet, read back by the activities importer.
SHEET_COLUMNS = [
    "activity_id",
    "activity",
    "addition",
    "status",
    "comment",
    "occurrence_date",
    "occurrence_what",
    "occurrence_where",
    "occurrence_reached",
]


def _addition_label(addition: PlanAddition | None) -> str:
    """The sheet's addition column: empty for the adopted version's own activities."""
    if addition is None:
        return ""
    return _("Addition %(number)s, decided %(day)s") % {"number": addition.number, "day": addition.adopted_on}


def follow_up_sheet(plan: ActionPlan) -> str:
    """The plan's activities as a CSV the activities importer reads back: a row each, with its status and
    comment, and empty occurrence columns to fill in. Starts with a BOM, so that Excel reads it as UTF-8."""
    activities = plan.activities.select_related("addition").order_by(
        F("addition__number").asc(nulls_first=True), "starts_on", "title", "id"
    )
    rows = (
        [a.pk, a.title, _addition_label(a.addition), a.status, a.status_comment, "", "", "", ""] for a in activities
    )
    return csv_text(SHEET_COLUMNS, rows, bom=True)
