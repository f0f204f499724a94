"""Reading goals: which of them a user reaches, and how each indicator stands.

A separate goal belongs to its municipality: whoever reads the municipality reads it, whoever may
change the municipality's records may change it. A common goal belongs to its agreement in the
same way. An indicator is measured in one municipality and is reached only through it, also on a
common goal: Arvidsjaur's coordinator sees the common goal, not Arjeplog's indicators of it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Prefetch, Q, QuerySet

from samverkan.agreements.access import visible_agreements
from samverkan.agreements.models import Agreement
from samverkan.core import clock
from samverkan.core.privacy import share_visible, suppress_count
from samverkan.organisations.access import scope_for, sees_internal_figures
from samverkan.organisations.models import Municipality, User
from samverkan.planning.goals.measurements import Measurement, baseline_for, followed, measurements
from samverkan.planning.goals.models import Goal, Indicator
from samverkan.planning.goals.status import Status, status

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


def goals_for_user(user: User) -> QuerySet[Goal]:
    scope = scope_for(user)
    return Goal.objects.filter(
        Q(municipality__in=scope.read_municipalities)
        | Q(municipality__isnull=True, agreement__in=visible_agreements(user))
    ).select_related("focus_area", "municipality", "agreement")


def indicators_for_user(user: User) -> QuerySet[Indicator]:
    """The indicators the user reaches: of reachable goals, measured in a municipality the user reads."""
    return (
        Indicator.objects.filter(goal__in=goals_for_user(user), municipality__in=scope_for(user).read_municipalities)
        .select_related("municipality")
        .prefetch_related("baseline")
        .order_by("name", "municipality__name")
    )


class GoalIndicators(TypedDict):
    visible_indicators: list[Indicator]


def goals_with_indicators(user: User) -> QuerySet[WithAnnotations[Goal, GoalIndicators]]:
    """The user's goals, each with `visible_indicators`: those the user reaches."""
    return goals_for_user(user).prefetch_related(
        Prefetch("indicators", queryset=indicators_for_user(user), to_attr="visible_indicators")
    )


def goals_in_force(municipality: Municipality, *, start: datetime.date, end: datetime.date) -> QuerySet[Goal]:
    """The municipality's goals (its own, and the common goals of its agreements) of the agreements in force at
    some time from `start` to `end`: what a report, evaluation or follow-up of that period is about. A later
    agreement's goals never appear in an earlier period."""
    return (
        Goal.objects.filter(
            Q(municipality=municipality) | Q(municipality__isnull=True, agreement__municipalities=municipality)
        )
        .filter(agreement__starts_on__lte=end, agreement__ends_on__gte=start)
        .select_related("focus_area", "agreement")
        .distinct()
    )


def goals_of_agreement(municipality: Municipality, agreement: Agreement) -> QuerySet[Goal]:
    """The municipality's goals under the agreement: its common goals and the separate goals of its part 2s."""
    return (
        Goal.objects.filter(Q(agreement=agreement) | Q(agreement__strategic=agreement))
        .filter(Q(municipality=municipality) | Q(municipality__isnull=True, agreement__municipalities=municipality))
        .select_related("focus_area", "agreement")
        .distinct()
    )


def indicators_in_force(municipalities: Iterable[Municipality], day: datetime.date) -> QuerySet[Indicator]:
    """The indicators measured in the municipalities, of goals of the agreements in force on the day."""
    return (
        Indicator.objects.filter(
            municipality__in=list(municipalities),
            goal__agreement__starts_on__lte=day,
            goal__agreement__ends_on__gte=day,
        )
        .select_related("goal", "municipality", "baseline")
        .order_by("goal__title", "name", "municipality__name")
    )


def indicator_municipalities(user: User, goal: Goal) -> list[Municipality]:
    """Where the user may measure the goal: its municipality, or a common goal's municipalities, that the user
    may change."""
    writable = scope_for(user).write_municipalities
    candidates = [goal.municipality] if goal.municipality else goal.agreement.municipalities.order_by("name")
    return [municipality for municipality in candidates if municipality.id in writable]


@dataclass(frozen=True)
class Shown:
    """A measurement and its value as the viewer may see it: "<3", or None when kept from them."""

    point: Measurement
    value: float | int | str | None


@dataclass(frozen=True)
class FollowUp:
    indicator: Indicator
    baseline: Shown | None
    points: list[Shown]  # the measurements since the baseline, oldest first
    status: Status
    disclosed: bool  # the baseline and the latest value are shown in full, so the progress may be too

    @property
    def latest(self) -> Shown | None:
        return self.points[-1] if self.points else None


def _shown(indicator: Indicator, point: Measurement, *, internal: bool) -> Shown:
    """Outside the municipality's own organisation and the police of its area, counts of incidents below 3 read
    "<3" and survey figures and imported shares resting on fewer than 10 answers are kept back (DOMAIN.md §4)."""
    if internal:
        return Shown(point, point.value)
    if indicator.series == Indicator.Series.INCIDENTS:
        return Shown(point, suppress_count(round(point.value), owner=False))
    if point.n is not None and not share_visible(point.n, owner=False):
        return Shown(point, None)
    return Shown(point, point.value)


def follow_up(
    indicator: Indicator,
    *,
    user: User | None,
    until: datetime.date | None = None,
    today: datetime.date | None = None,
) -> FollowUp:
    """The indicator's baseline, its measurements since then up to `until` (today when not given; never later
    than today) and its status from the latest of them, as the user may see them; with no user, in full, as
    the municipality's own organisation sees them. Every page, report, agenda and notice reads an indicator
    through here, so each shows the same latest value and status for the same day."""
    today = today or clock.today()
    day = min(until or today, today)
    internal = user is None or sees_internal_figures(user, indicator.municipality)
    baseline = baseline_for(indicator)
    points = followed(measurements(indicator, today=today), baseline=baseline, until=day)
    latest = points[-1] if points else None
    result = status(
        baseline=baseline.value if baseline else None,
        baseline_date=baseline.date if baseline else None,
        latest=latest.value if latest else None,
        latest_date=latest.date if latest else None,
        target=indicator.target_value,
        target_date=indicator.target_date,
        direction=indicator.direction,
    )
    shown_baseline = _shown(indicator, baseline, internal=internal) if baseline else None
    shown_points = [_shown(indicator, point, internal=internal) for point in points]
    disclosed = all(
        isinstance(s.value, int | float) for s in (shown_baseline, shown_points[-1] if shown_points else None) if s
    )
    return FollowUp(indicator, shown_baseline, shown_points, result, disclosed)
