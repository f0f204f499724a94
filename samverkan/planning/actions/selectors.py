"""Reading action plans: what a user may see, each activity's progress, and the choices for a new activity."""

from __future__ import annotations

import csv
import io

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from samverkan.agreements.access import visible_agreements
from samverkan.core import clock
from samverkan.organisations.access import owns_municipality, scope_for
from samverkan.organisations.models import Municipality, User
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.goals.models import Goal
from samverkan.situation.models import Baseline
from samverkan.situation.selectors import INTERNAL, PUBLIC, Period, situation_for_municipality


def visible_action_plans(user: User) -> QuerySet[ActionPlan]:
    """The plans of the municipalities the user reaches."""
    return ActionPlan.objects.filter(municipality_id__in=scope_for(user).read_municipalities)


def get_activity_for_user(user: User, pk: int) -> tuple[Activity, bool]:
    """The activity and whether the user may change it; its plan's municipality decides, 404 for anyone else."""
    scope = scope_for(user)
    activity = (
        Activity.objects.select_related("plan__municipality")
        .filter(pk=pk, plan__municipality_id__in=scope.read_municipalities)
        .first()
    )
    if activity is None:
        raise Http404
    return activity, activity.plan.municipality_id in scope.write_municipalities


def plan_activities(plan: ActionPlan) -> QuerySet[Activity]:
    """The plan's activities with their occurrence counts, ready for activity_progress."""
    return plan.activities.annotate(occurrence_count=Count("occurrences")).prefetch_related("goals", "organisations")


def activity_progress(activity: Activity) -> tuple[int, int | None]:
    """(done, planned): the occurrences logged and the target count, e.g. (6, 10) for "6 av 10".

    `planned` is None when the target is not a number of times (see target_text). Uses the count of
    plan_activities when the activity comes from there, otherwise counts.
    """
    done = getattr(activity, "occurrence_count", None)
    if done is None:
        done = activity.occurrences.count()
    return done, activity.target_count


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


def problem_names(*, municipality: Municipality, user: User) -> list[str]:
    """The ranked problems of the latest lägesbild: the latest adopted baseline's, or else the picture of
    the last full year, as this user may see it."""
    baseline = Baseline.objects.filter(municipality=municipality).first()
    if baseline is not None:
        problems = baseline.data.get("problems", [])
    else:
        audience = INTERNAL if owns_municipality(user, municipality) else PUBLIC
        period = Period.last_full_year(clock.today())
        problems = situation_for_municipality(municipality=municipality, period=period, audience=audience)["problems"]
    return [problem["name"] for problem in problems]


SHEET_COLUMNS = [
    "activity_id",
    "activity",
    "status",
    "comment",
    "occurrence_date",
    "occurrence_what",
    "occurrence_where",
    "occurrence_reached",
]


def follow_up_sheet(plan: ActionPlan) -> str:
    """The plan's activities as a CSV the activities importer reads back: a row each, with its status and
    comment, and empty occurrence columns to fill in. Starts with a BOM, so that Excel reads it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(SHEET_COLUMNS)
    for activity in plan.activities.all():
        writer.writerow([activity.pk, activity.title, activity.status, activity.status_comment, "", "", "", ""])
    return "\ufeff" + out.getvalue()
