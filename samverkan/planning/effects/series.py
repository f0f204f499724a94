"""The monthly counts an intervention's effect is estimated from: the area, the comparison and the ring around
the area, read once through the incidents' series (sources.incidents.series.monthly_in_areas), and the method
in a sentence.

The month the intervention starts in is the first month after; the before_months months before it are the
before period. Police events are not counted: the police give the municipality's centre as an event's place
(DOMAIN.md §3), so none can be placed in an area.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext

from samverkan.organisations.lib.areas import Area, Ring
from samverkan.organisations.models import Municipality
from samverkan.planning.effects.lib.did import SEASONAL_MONTHS, Effect, Series
from samverkan.sources.incidents.months import Month, first_day, last_day, months_between
from samverkan.sources.incidents.series import monthly_in_areas

NO_MONTHS = "{name} must be a whole number of months from 1 to {maximum}, not {value}"
MONTHS_MAX = 120


def _shift(month: Month, by: int) -> Month:
    number = month[0] * 12 + month[1] - 1 + by
    return number // 12, number % 12 + 1


def window(start: datetime.date, *, before_months: int, after_months: int) -> tuple[Month, Month]:
    """The first and the last month of the series: before_months before the start's month, and after_months from
    it on."""
    for name, value in (("before_months", before_months), ("after_months", after_months)):
        if not 1 <= value <= MONTHS_MAX:
            raise ValueError(NO_MONTHS.format(name=name, maximum=MONTHS_MAX, value=value))
    month = (start.year, start.month)
    return _shift(month, -before_months), _shift(month, after_months - 1)


def series_for(
    *,
    municipality: Municipality,
    area: Area,
    comparison: Area,
    start: datetime.date,
    before_months: int = 12,
    after_months: int = 12,
    categories: list[str] | None = None,
    ring_factor: float = 2.0,
) -> Series:
    """The incidents per month in the area, the comparison and the ring from the area's edge out to ring_factor
    times its radius, over the window around start; only the given categories (None or [] for all)."""
    first, last = window(start, before_months=before_months, after_months=after_months)
    counts = monthly_in_areas(
        municipality=municipality,
        areas={"area": area, "comparison": comparison, "ring": Ring(area, ring_factor)},
        categories=categories,
        start=first_day(first),
        end=last_day(last),
    )
    months = months_between(first, last)
    return Series(
        months=tuple(months),
        area=tuple(counts["area"][month] for month in months),
        comparison=tuple(counts["comparison"][month] for month in months),
        ring=tuple(counts["ring"][month] for month in months),
        start=before_months,
    )


def method_sentence(effect: Effect, *, before_months: int, after_months: int) -> str:
    """How the estimate was made, in a sentence or two (translated)."""
    if effect.model == "exact_conditional":
        model = gettext(
            "an exact conditional test of the before and after totals (a place had no incidents before or after, "
            "which a count model cannot estimate)"
        )
    elif effect.model == "poisson_robust":
        model = gettext("a Poisson count model with robust standard errors")
    else:
        model = gettext("a negative binomial count model")
    if effect.seasonal and effect.model != "exact_conditional":
        terms = gettext("place, period, their interaction and the month of the year")
    elif effect.model != "exact_conditional":
        terms = gettext("place, period and their interaction (fewer than %(months)s months before: no season)") % {
            "months": SEASONAL_MONTHS
        }
    else:
        terms = ""
    text = gettext(
        "Difference in differences: the incidents per month in the area and in the comparison place, "
        "%(before)s months before and %(after)s months from the start, in %(model)s"
    ) % {"before": before_months, "after": after_months, "model": model}
    if terms:
        text = gettext("%(method)s with %(terms)s") % {"method": text, "terms": terms}
    return gettext(
        "%(method)s. The rate ratio is how much the area changed relative to the comparison place, with a "
        "%(level)s %% confidence interval; the ring around the area is compared the same way. Police events are "
        "not counted: the police give only the municipality's centre as their place."
    ) % {"method": text, "level": 95}
