"""An intervention's effect in words, a chart and a table: what the activity page, the annual report and the
evaluation show. The estimate itself (lib/did.py) is plain data; its plain-Swedish verdict is written here, and
never claims more than the interval does."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from samverkan.core.figures import figure, fixed, language
from samverkan.core.privacy import suppress_count
from samverkan.organisations.lib.areas import METRES_PER_DEGREE, Area, Circle, area_from_json
from samverkan.organisations.models import Municipality
from samverkan.planning.actions.models import Activity
from samverkan.planning.effects.models import Intervention
from samverkan.planning.effects.selectors import ActivityEffect, effect_of, intervention_of, interventions_in
from samverkan.situation.lib import charts

if TYPE_CHECKING:  # statsmodels and scipy load with the first estimate (selectors.effect_of)
    from samverkan.planning.effects.lib.did import Effect


def _percent_range(low: float, high: float) -> str:
    """ "15–58 %": the interval's ends as whole percentages, the unit once."""
    return f"{fixed(low, 0)}–{figure(high, 'percent')}"


def _ring_text(effect: Effect) -> str:
    if effect.ring_verdict == "displacement":
        return _("more in the surroundings (displacement)")
    if effect.ring_verdict == "diffusion":
        return _("fewer in the surroundings too (a diffusion of benefits)")
    if effect.ring_verdict == "none":
        return _("no displacement to the surroundings")
    return _("too few incidents in the surroundings to tell displacement")


def _ratio(value: float) -> str:
    """A rate ratio with two decimals; "∞" for an interval's open end."""
    return fixed(value, 2) if math.isfinite(value) else "∞"


RATIO_KEYS = ("rate_ratio", "ci_low", "ci_high", "p_value")


def _p_value(p: float) -> str:
    """ "= 0,012", or "< 0,001" for a p-value that three decimals would write as zero."""
    return f"< {fixed(0.001, 3)}" if p < 0.0005 else f"= {fixed(p, 3)}"


def verdict_text(effect: Effect, comparison_name: str) -> str:
    """The verdict in plain words, e.g. "Decreased by 40 % (95 % CI 15–58 %) against Kyrkbacken; no displacement
    to the surroundings"; only what the 95 % interval supports."""
    ratio = effect.area
    if effect.verdict == "too_few" or ratio is None:
        return _("Too few incidents to say anything")
    if effect.verdict == "no_change":
        return _("No certain change")
    if effect.verdict == "decrease":
        text = _("Decreased by %(change)s (95%% CI %(range)s) against %(comparison)s") % {
            "change": figure((1 - ratio.rate_ratio) * 100, "percent"),
            "range": _percent_range((1 - ratio.ci_high) * 100, (1 - ratio.ci_low) * 100),
            "comparison": comparison_name,
        }
    elif not math.isfinite(ratio.ci_high):  # none before in the area: the rise has no upper bound
        text = _("Increased by at least %(low)s (95%% CI) against %(comparison)s") % {
            "low": figure((ratio.ci_low - 1) * 100, "percent"),
            "comparison": comparison_name,
        }
    else:
        text = _("Increased by %(change)s (95%% CI %(range)s) against %(comparison)s") % {
            "change": figure((ratio.rate_ratio - 1) * 100, "percent"),
            "range": _percent_range((ratio.ci_low - 1) * 100, (ratio.ci_high - 1) * 100),
            "comparison": comparison_name,
        }
    return f"{text}; {_ring_text(effect)}"


def method_text(shown: ActivityEffect) -> str:
    """The method in a sentence (series.method_sentence, the command's too)."""
    from samverkan.planning.effects.series import method_sentence

    return method_sentence(shown.effect, before_months=shown.before_months, after_months=shown.after_months)


@dataclass(frozen=True)
class MonthRow:
    month: str
    after: bool  # on or after the start
    start: bool  # the start's month
    area: int | str
    comparison: int | str
    ring: int | str


@dataclass(frozen=True)
class CountRow:
    name: str
    before: int | str
    after: int | str


@dataclass(frozen=True)
class Chart:
    svg: str
    summary: str


@dataclass(frozen=True)
class EffectView:
    """What a page shows of an intervention's effect."""

    verdict: str
    verdict_kind: str  # the estimate's verdict: decrease, increase, no_change, too_few
    method: str
    comparison_name: str
    starts_on: str
    chart: Chart | None  # None when the monthly figures are not shown
    months: tuple[MonthRow, ...]
    counts: tuple[CountRow, ...]
    rate_ratio: str
    interval: str
    p_value: str


def _month(year: int, month: int) -> str:
    return f"{year}-{month:02}"


def effect_view(shown: ActivityEffect, *, owner: bool = True, chart_id: str = "effect") -> EffectView:
    """The effect as a page shows it. `owner`: the viewer sees the municipality's figures in full; for anyone
    else a count of 1 or 2 is written "<3" (the public rule) and the monthly chart is left out."""
    series, effect = shown.series, shown.effect
    start = series.months[series.start] if series.start < len(series.months) else series.months[-1]
    labels = [_month(*m) for m in series.months]
    month_rows = tuple(
        MonthRow(
            label,
            i >= series.start,
            i == series.start,
            suppress_count(a, owner=owner),
            suppress_count(c, owner=owner),
            suppress_count(r, owner=owner),
        )
        for i, (label, a, c, r) in enumerate(zip(labels, series.area, series.comparison, series.ring, strict=True))
    )
    names = {"area": _("The area"), "comparison": shown.comparison_name, "ring": _("The surroundings (ring)")}
    counts = tuple(
        CountRow(
            names[key],
            suppress_count(effect.counts[key]["before"], owner=owner),
            suppress_count(effect.counts[key]["after"], owner=owner),
        )
        for key in ("area", "comparison", "ring")
    )
    verdict = verdict_text(effect, shown.comparison_name)
    chart = None
    if owner:
        summary = _("Incidents per month in the area and in %(comparison)s; the start was %(start)s. %(verdict)s.") % {
            "comparison": shown.comparison_name,
            "start": _month(*start),
            "verdict": verdict,
        }
        svg = charts.line_chart(
            chart_id=chart_id,
            title=_("Incidents per month, the area against %(comparison)s") % {"comparison": shown.comparison_name},
            summary=summary,
            x_labels=labels,
            series=[(_("The area"), list(series.area)), (shown.comparison_name, list(series.comparison))],
            kind="count",
            mark=(series.start, _("Start %(month)s") % {"month": _month(*start)}),
            language=language(),
        )
        chart = Chart(svg, summary)
    ratio = effect.area
    return EffectView(
        verdict=verdict,
        verdict_kind=effect.verdict,
        method=method_text(shown),
        comparison_name=shown.comparison_name,
        starts_on=shown.intervention.starts_on.isoformat(),
        chart=chart,
        months=month_rows,
        counts=counts,
        rate_ratio=_ratio(ratio.rate_ratio) if ratio else "–",
        interval=f"{_ratio(ratio.ci_low)}–{_ratio(ratio.ci_high)}" if ratio else "–",
        p_value=_p_value(ratio.p_value) if ratio else "–",
    )


@dataclass(frozen=True)
class EffectSection:
    """The activity page's section: its intervention, if any, and the effect estimated so far."""

    intervention: Intervention | None
    effect: EffectView | None


def effect_section(activity: Activity, *, today: datetime.date, owner: bool) -> EffectSection:
    """`owner`: the viewer is a party to the municipality's picture (effect_view)."""
    intervention = intervention_of(activity)
    if intervention is None:
        return EffectSection(None, None)
    shown = effect_of(intervention, municipality=activity.plan.municipality, today=today)
    return EffectSection(intervention, effect_view(shown, owner=owner) if shown else None)


@dataclass(frozen=True)
class ReportedEffect:
    """An activity with an area in a report: its effect as of the report's last day."""

    activity: str
    municipality: str
    starts_on: str
    comparison_name: str
    effect: EffectView | None  # None before a whole month had passed since the start


def as_of(end: datetime.date, today: datetime.date) -> datetime.date:
    """The day a report's estimate is made as if on: the day after its period when that has ended (its last month
    is whole then), else today (the month under way is left out)."""
    return end + datetime.timedelta(days=1) if end < today else today


def effects_in(
    municipality: Municipality, *, start: datetime.date, end: datetime.date, today: datetime.date, owner: bool
) -> list[ReportedEffect]:
    """Every intervention of the municipality's adopted plans whose activity ran during start..end, its effect
    estimated up to the period's end (or the last whole month before today)."""
    reported = []
    for intervention in interventions_in(municipality, start=start, end=end):
        shown = effect_of(intervention, municipality=municipality, today=as_of(end, today))
        reported.append(
            ReportedEffect(
                activity=intervention.activity.title,
                municipality=municipality.name,
                starts_on=intervention.starts_on.isoformat(),
                comparison_name=intervention.comparison_name,
                effect=effect_view(shown, owner=owner, chart_id=f"effect-{intervention.pk}") if shown else None,
            )
        )
    return reported


def picture_effects(
    municipality: Municipality, start: datetime.date, end: datetime.date, today: datetime.date
) -> list[dict[str, Any]]:
    """The "effects" section of the internal picture's JSON (situation.extensions): each activity with an area
    that ran during start..end, its estimate up to the period's end (or today). A count of 1 or 2 is written "<3",
    as the public rule has it elsewhere."""
    section = []
    for intervention in interventions_in(municipality, start=start, end=end):
        shown = effect_of(intervention, municipality=municipality, today=as_of(end, today))
        entry: dict[str, Any] = {
            "activity": intervention.activity.title,
            "starts_on": intervention.starts_on.isoformat(),
            "ends_on": intervention.ends_on.isoformat() if intervention.ends_on else None,
            "area": intervention.area,
            "comparison": intervention.comparison,
            "comparison_name": intervention.comparison_name,
            "categories": list(intervention.categories),
            "verdict": None,
        }
        if shown is not None:
            effect = shown.effect
            entry.update(
                verdict=effect.verdict,
                verdict_text=verdict_text(effect, intervention.comparison_name),
                **(effect.area.to_json() if effect.area else dict.fromkeys(RATIO_KEYS)),
                ring={
                    "verdict": effect.ring_verdict,
                    **(effect.ring.to_json() if effect.ring else dict.fromkeys(RATIO_KEYS)),
                },
                counts={
                    place: {period: suppress_count(count, owner=False) for period, count in counts.items()}
                    for place, counts in effect.counts.items()
                },
                model=effect.model,
                before_months=shown.before_months,
                after_months=shown.after_months,
            )
        section.append(entry)
    return section


def outline(area: Area, corners: int = 48) -> list[list[float]]:
    """The area's edge as [lat, lng] corners for the map (a circle as a polygon of `corners` corners)."""
    if not isinstance(area, Circle):
        return [[lat, lng] for lat, lng in area.points]
    dlat = area.radius_m / METRES_PER_DEGREE
    dlng = dlat / math.cos(math.radians(area.lat))
    return [
        [area.lat + dlat * math.cos(2 * math.pi * i / corners), area.lng + dlng * math.sin(2 * math.pi * i / corners)]
        for i in range(corners)
    ]


def map_areas(intervention: Intervention) -> list[dict[str, Any]]:
    """The stored area and comparison place as the map's outlined cells (static/map.js's config.cells)."""
    return [
        {"id": "", "boundary": outline(area_from_json(intervention.area)), "kind": "hot", "label": _("The area")},
        {
            "id": "",
            "boundary": outline(area_from_json(intervention.comparison)),
            "kind": "cold",
            "label": intervention.comparison_name,
        },
    ]
