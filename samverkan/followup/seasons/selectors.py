"""Reads of the yearly wheel, for its page and for the meetings and follow-up."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import QuerySet

from samverkan.followup.seasons.models import CoordinationTask
from samverkan.organisations.models import Municipality
from samverkan.planning.actions.models import ActionPlan, Activity

# Coordination tasks, and the seasonal events they prepare, are shown this long before they fall due: on the
# follow-up page and in the agenda proposals alike.
TASKS_AHEAD = datetime.timedelta(days=60)


def tasks_due(
    *, municipalities: Iterable[Municipality], start: datetime.date, end: datetime.date
) -> QuerySet[CoordinationTask]:
    """Coordination tasks falling due from start to end (inclusive), done or not, earliest first.
    Pass only municipalities the user may see (organisations.access.visible_municipalities)."""
    return CoordinationTask.objects.filter(
        event__municipality__in=list(municipalities), due_on__gte=start, due_on__lte=end
    ).select_related("event", "event__municipality", "done_by")


def tasks_for_year(*, municipality: Municipality, year: int) -> QuerySet[CoordinationTask]:
    return CoordinationTask.objects.filter(event__municipality=municipality, year=year).select_related(
        "event", "done_by"
    )


def activities_in_year(*, municipality: Municipality, year: int) -> QuerySet[Activity]:
    """The planned activities of the municipality's current action plans that run some time in the year."""
    return (
        Activity.objects.filter(
            plan__municipality=municipality,
            starts_on__lte=datetime.date(year, 12, 31),
            ends_on__gte=datetime.date(year, 1, 1),
        )
        .exclude(plan__status=ActionPlan.Status.REPLACED)
        .exclude(status=Activity.Status.CANCELLED)
        .order_by("starts_on", "title")
    )
