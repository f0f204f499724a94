"""How an indicator's follow-up reads on the pages: status texts and colours, numbers, its chart."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverkan.core.figures import figure, language
from samverkan.core.numbers import Kind
from samverkan.planning.goals.models import Indicator
from samverkan.planning.goals.selectors import FollowUp, Shown
from samverkan.planning.goals.status import BETTER, GREEN, GREY, RED, UNCHANGED, WORSE, YELLOW, Colour, Trend
from samverkan.situation.lib import charts

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

STATUS_LABELS: dict[Colour, StrPromise] = {
    GREEN: gettext_lazy("On track"),
    YELLOW: gettext_lazy("At risk"),
    RED: gettext_lazy("Off track"),
    GREY: gettext_lazy("No data yet"),
}
# The text colours of the statuses, each at least 4.5:1 against white; the text says it as well.
STATUS_COLOURS: dict[Colour, str] = {
    GREEN: charts.PALETTE[2],
    YELLOW: charts.PALETTE[3],
    RED: charts.PALETTE[1],
    GREY: charts.MUTED,
}
TREND_LABELS: dict[Trend, StrPromise] = {
    BETTER: gettext_lazy("Better"),
    WORSE: gettext_lazy("Worse"),
    UNCHANGED: gettext_lazy("Unchanged"),
}
S = Indicator.Series
# The kind of figure each series gives (core/numbers.py fixes its decimals).
KINDS: dict[str, Kind] = {
    S.CRIME: "count",
    S.POLICE_EVENTS: "count",
    S.INCIDENTS: "count",
    S.SURVEY_INDEX: "mean",
    S.SURVEY_ITEM: "mean",
    S.SURVEY_UNSAFE: "percent",
    S.SURVEY_VICTIMS: "percent",
    S.KOLADA: "decimal",
    S.INDICATOR: "decimal",
    S.MANUAL: "decimal",
}
NOTHING = "–"


def kind_for(indicator: Indicator) -> Kind:
    return KINDS.get(indicator.series, "decimal")


def unit_for(indicator: Indicator) -> str:
    return "%" if kind_for(indicator) == "percent" else ""


@dataclass(frozen=True)
class Row:
    label: str
    date: datetime.date
    text: str


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    status: Colour
    status_label: str
    status_colour: str
    trend_label: str
    baseline: Row | None
    rows: list[Row]  # the measurements since the baseline
    latest: Row | None
    target: str
    progress: str  # "" unless every figure behind it is shown
    expected: str


def _row(shown: Shown, kind: Kind) -> Row:
    return Row(shown.point.label, shown.point.date, figure(shown.value, kind))


def _percent(share: float | None) -> str:
    return "" if share is None else figure(share, "share")


def indicator_view(follow_up: FollowUp) -> IndicatorView:
    indicator, result = follow_up.indicator, follow_up.status
    kind = kind_for(indicator)
    rows = [_row(shown, kind) for shown in follow_up.points]
    return IndicatorView(
        indicator=indicator,
        status=result.colour,
        status_label=str(STATUS_LABELS[result.colour]),
        status_colour=STATUS_COLOURS[result.colour],
        trend_label=str(TREND_LABELS[result.trend]) if result.trend else NOTHING,
        baseline=_row(follow_up.baseline, kind) if follow_up.baseline else None,
        rows=rows,
        latest=rows[-1] if rows else None,
        target=figure(indicator.target_value, kind),
        progress=_percent(result.progress) if follow_up.disclosed else "",
        expected=_percent(result.expected) if follow_up.disclosed else "",
    )


def latest_text(view: IndicatorView) -> str:
    """The latest value with its date, and the status: how an agenda item or a notice states an indicator,
    with the same figures as its page ("28,6 (2025-12-31), I fas")."""
    if view.latest is None:
        return view.status_label
    return f"{view.latest.text} ({view.latest.date.isoformat()}), {view.status_label}"


def _number(shown: Shown) -> float | None:
    return float(shown.value) if isinstance(shown.value, int | float) else None  # "<3" is drawn as missing


def chart_for(follow_up: FollowUp, view: IndicatorView) -> dict[str, str]:
    """The baseline as the first point, then the measurements, and the target as a dashed line."""
    indicator = follow_up.indicator
    shown = ([follow_up.baseline] if follow_up.baseline else []) + follow_up.points
    labels = ([_("Baseline")] if follow_up.baseline else []) + [s.point.label for s in follow_up.points]
    facts = {
        "target": view.target,
        "target_date": indicator.target_date.isoformat(),
        "status": view.status_label,
    }
    if view.latest:
        summary = _(
            "The latest measurement, %(latest)s (%(date)s), against the target %(target)s by %(target_date)s: "
            "%(status)s."
        ) % {**facts, "latest": view.latest.text, "date": view.latest.label}
    else:
        summary = _("No measurement since the baseline yet; the target is %(target)s by %(target_date)s.") % facts
    svg = charts.line_chart(
        chart_id=f"indicator-{indicator.pk}",
        title=f"{indicator.name}, {indicator.municipality}",
        summary=summary,
        x_labels=labels,
        series=[(_("Measured"), [_number(s) for s in shown])],
        kind=kind_for(indicator),
        unit=unit_for(indicator),
        target=indicator.target_value,
        language=language(),
    )
    return {"svg": svg, "summary": summary}
