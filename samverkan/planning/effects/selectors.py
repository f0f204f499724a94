"""Reading an intervention's effect: its areas from the model, the monthly counts through series_for and the
estimate of lib/did.py."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from samverkan.organisations.lib.areas import Area, area_from_json
from samverkan.organisations.models import Municipality
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.effects.models import Intervention

if TYPE_CHECKING:  # the estimate needs statsmodels and scipy: loaded with the first effect, not with the site
    from samverkan.planning.effects.lib.did import Effect, Series

# Two years before the start, so the month of the year can be modelled; at most two years after it.
BEFORE_MONTHS = 24
AFTER_MONTHS_MAX = 24


@dataclass(frozen=True)
class ActivityEffect:
    intervention: Intervention
    comparison_name: str
    before_months: int
    after_months: int
    series: Series
    effect: Effect


def _month_number(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def after_months(intervention: Intervention, *, today: datetime.date) -> int:
    """The whole months from the start's month to the month before today's (or to the end's month, for a temporary
    intervention that has ended), at most AFTER_MONTHS_MAX; 0 before a month has passed."""
    last = _month_number(today) - 1
    if intervention.ends_on is not None:
        last = min(last, _month_number(intervention.ends_on))
    return max(0, min(AFTER_MONTHS_MAX, last - _month_number(intervention.starts_on) + 1))


def intervention_areas(intervention: Intervention) -> tuple[Area, Area]:
    """The area and the comparison area."""
    return area_from_json(intervention.area), area_from_json(intervention.comparison)


def intervention_of(activity: Activity) -> Intervention | None:
    return Intervention.objects.filter(activity=activity).select_related("place").first()


def effect_of(intervention: Intervention, *, municipality: Municipality, today: datetime.date) -> ActivityEffect | None:
    """The estimate of the intervention's effect up to the last whole month before today; None before a whole
    month has passed since the start."""
    after = after_months(intervention, today=today)
    if after == 0:
        return None
    from samverkan.planning.effects.lib.did import estimate
    from samverkan.planning.effects.series import series_for

    area, comparison = intervention_areas(intervention)
    series = series_for(
        municipality=municipality,
        area=area,
        comparison=comparison,
        start=intervention.starts_on,
        before_months=BEFORE_MONTHS,
        after_months=after,
        categories=list(intervention.categories) or None,
    )
    return ActivityEffect(
        intervention=intervention,
        comparison_name=intervention.comparison_name,
        before_months=BEFORE_MONTHS,
        after_months=after,
        series=series,
        effect=estimate(series),
    )


def effect_for_activity(activity: Activity, *, today: datetime.date) -> ActivityEffect | None:
    """The effect of the activity's intervention; None when it has no area or no whole month has passed."""
    intervention = intervention_of(activity)
    if intervention is None:
        return None
    return effect_of(intervention, municipality=activity.plan.municipality, today=today)


def interventions_in(municipality: Municipality, *, start: datetime.date, end: datetime.date) -> QuerySet[Intervention]:
    """The interventions of the municipality's adopted plans whose activity ran during start..end."""
    return (
        Intervention.objects.filter(
            activity__plan__municipality=municipality,
            activity__plan__status=ActionPlan.Status.ADOPTED,
            activity__starts_on__lte=end,
            activity__ends_on__gte=start,
        )
        .select_related("activity__plan__municipality")
        .order_by("starts_on", "activity__title")
    )
