"""The lägesbild's charts, drawn from its data by the one SVG renderer (lib/charts.py).

Each chart comes with a one-sentence summary; the page and the PDF put its data table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _

from samverkan.core.figures import figure, language
from samverkan.core.hexagons import boundary
from samverkan.core.numbers import Kind
from samverkan.organisations.regions import region_label
from samverkan.situation.audience import ShownCell, ShownJoint, ShownPicture, ShownProblem
from samverkan.situation.lib import charts, small_multiples
from samverkan.situation.regional import EVENTS, RATE, RegionalComparison

TOP = 10


def _count(value: float | str) -> float | None:
    return value if isinstance(value, int | float) else None  # "<3" is drawn as missing


def _chart(svg: str, summary: str) -> dict[str, str]:
    return {"svg": svg, "summary": summary}


def _bar(*, summary: str, **arguments) -> dict[str, str]:
    return _chart(charts.bar_chart(summary=summary, language=language(), **arguments), summary)


def _months() -> list[str]:
    return [str(MONTHS_3[m]) for m in range(1, 13)]


def _ranked(chart_id: str, problems: list[ShownProblem]) -> dict[str, str]:
    """The problems' scores as bars, each with its 90 % interval as a whisker."""
    if problems:
        first = problems[0]
        summary = _(
            "The highest score is %(name)s (%(score)s of 100); the line across each bar is its 90%% interval, "
            "for it %(low)s–%(high)s."
        ) % {
            "name": first.name,
            "score": figure(first.score, "index"),
            "low": figure(first.low, "index"),
            "high": figure(first.high, "index"),
        }
        if len(problems) > 1 and problems[1].tied:
            summary += " " + _("%(name)s cannot be told apart from it.") % {"name": problems[1].name}
    else:
        summary = _("No problems found in the sources for this period.")
    return _bar(
        chart_id=chart_id,
        title=_("Ranked problems, score 0–100"),
        summary=summary,
        labels=[p.name for p in problems],
        values=[p.score for p in problems],
        intervals=[(p.low, p.high) for p in problems],
        kind="index",
    )


def _problems(data: ShownPicture) -> dict[str, str]:
    return _ranked("problems", list(data.problems[:TOP]))


def _incidents(data: ShownPicture) -> dict[str, str]:
    rows = data.incidents[:TOP]
    summary = (
        _("Most incidents were logged as %(name)s.") % {"name": rows[0].category}
        if rows
        else _("No incidents in the period.")
    )
    return _bar(
        chart_id="incidents",
        title=_("Incidents by category"),
        summary=summary,
        labels=[r.category for r in rows],
        values=[_count(r.count) for r in rows],
        kind="count",
    )


def _incidents_by_month(data: ShownPicture) -> dict[str, str]:
    rows = data.incidents_by_month
    counted = [(r.month, r.count) for r in rows if isinstance(r.count, int)]
    busiest = max(counted, key=lambda item: item[1], default=None)
    summary = (
        _("The busiest month was %(month)s with %(count)s incidents.")
        % {"month": busiest[0], "count": figure(busiest[1], "count")}
        if busiest and busiest[1]
        else _("No incidents in the period.")
    )
    # Counts and rates never share an axis: a panel each (small multiples), over the same months.
    panels: list[tuple[str, list[float | None], Kind]] = [(_("Incidents"), [_count(r.count) for r in rows], "count")]
    if any(r.per_1000_present is not None for r in rows):
        panels.append((_("Incidents per 1,000 present"), [r.per_1000_present for r in rows], "rate"))
    svg = charts.line_panels(
        chart_id="incidents_by_month",
        title=_("Incidents per month"),
        summary=summary,
        x_labels=[r.month for r in rows],
        panels=panels,
        language=language(),
    )
    return _chart(svg, summary)


def _seasons(data: ShownPicture) -> dict[str, str]:
    months = data.seasons.months
    peaks = [_months()[row.month - 1] for row in months if row.peak]
    summary = (
        _("Incidents peak in %(months)s.") % {"months": ", ".join(peaks)}
        if peaks
        else _("No month stands out from the others.")
    )
    present = [row.present_population for row in months]
    svg = charts.month_profile(
        chart_id="seasons",
        title=_("The yearly wheel: incidents in a mean month"),
        summary=summary,
        series_bars=(_("Incidents"), [_count(row.incidents) for row in months]),
        series_line=(_("Present population"), present) if any(v is not None for v in present) else None,
        bands=[(s.months[0], s.months[-1], s.name) for s in data.seasons.named_seasons],
        month_labels=_months(),
        language=language(),
    )
    return _chart(svg, summary)


def _hotspots(data: ShownPicture, outline: dict) -> dict[str, str]:
    hot = [c for c in data.hotspots if c.kind == "hot"]
    summary = (
        _("%(count)s hexagons are significant hotspots.") % {"count": figure(len(hot), "count")}
        if hot
        else _("No significant hotspot in the period.")
    )
    cells = [(boundary(c.h3), c.kind, "") for c in data.hotspots]
    svg = charts.hex_map(
        chart_id="hotspots",
        title=_("Hotspots (Getis-Ord Gi*)"),
        summary=summary,
        outline=outline,
        cells=cells,
        points=[],
        language=language(),
    )
    return _chart(svg, summary)


def _comparison(data: ShownPicture) -> dict[str, str]:
    names = {r.code: r.name for r in data.comparison.regions}
    rows = data.comparison.crime_per_1000
    years = sorted({r.year for r in rows})
    values = {(r.region, r.year): r.per_1000_residents for r in rows}
    series = [
        (names[code], [values.get((code, y)) for y in years])
        for code in names
        if any((code, y) in values for y in years)
    ]
    own = [values.get((data.municipality, y)) for y in years]
    summary = (
        _("%(name)s had %(value)s reported crimes per 1,000 residents in %(year)s.")
        % {"name": data.name, "value": figure(own[-1], "rate"), "year": years[-1]}
        if years and own[-1] is not None
        else _("No crime statistics imported for these years.")
    )
    svg = charts.line_chart(
        chart_id="comparison",
        title=_("Reported crimes per 1,000 residents"),
        summary=summary,
        x_labels=[str(y) for y in years],
        series=series,
        kind="rate",
        language=language(),
    )
    return _chart(svg, summary)


def _police_events(data: ShownPicture) -> dict[str, str]:
    rows = data.police_events[:TOP]
    summary = (
        _("The most common police event was %(type)s.") % {"type": rows[0].type}
        if rows
        else _("No police events in the period.")
    )
    return _bar(
        chart_id="police_events",
        title=_("Police events by type"),
        summary=summary,
        labels=[r.type for r in rows],
        values=[r.count for r in rows],
        kind="count",
    )


def _survey(data: ShownPicture) -> dict[str, str]:
    wave = data.survey[-1] if data.survey else None
    items = wave.items if wave else ()
    highest = max((i for i in items if i.index is not None), key=lambda i: i.index or 0, default=None)
    summary = (
        _("In %(wave)s the biggest problem was %(item)s (index %(index)s of 6).")
        % {"wave": wave.wave, "item": highest.text, "index": figure(highest.index, "mean")}
        if wave and highest
        else _("No survey in the period.")
    )
    return _bar(
        chart_id="survey",
        title=_("Safety survey: problem index per item (0–6)"),
        summary=summary,
        labels=[i.text for i in items],
        values=[i.index for i in items],
        kind="mean",
    )


def charts_for(data: ShownPicture, outline: dict) -> dict[str, dict[str, str]]:
    """Every chart of a municipality's lägesbild, by id."""
    return {
        "problems": _problems(data),
        "incidents": _incidents(data),
        "incidents_by_month": _incidents_by_month(data),
        "seasons": _seasons(data),
        "hotspots": _hotspots(data, outline),
        "comparison": _comparison(data),
        "police_events": _police_events(data),
        "survey": _survey(data),
    }


def joint_charts_for(data: ShownJoint) -> dict[str, dict[str, str]]:
    names = [m.name for m in data.municipalities]
    crime = [next((c.per_1000_residents for c in reversed(m.crime_statistics)), None) for m in data.municipalities]
    index = [m.survey[0].problem_index if m.survey else None for m in data.municipalities]
    return {
        "problems": _ranked("joint_problems", [a.problem for a in data.problems[:TOP]]),
        "crime": _bar(
            chart_id="joint_crime",
            title=_("Reported crimes per 1,000 residents"),
            summary=_("Reported crimes per 1,000 residents, the latest year, side by side."),
            labels=names,
            values=crime,
            kind="rate",
        ),
        "survey": _bar(
            chart_id="joint_survey",
            title=_("Problem index (0–6)"),
            summary=_("The safety survey's problem index of each municipality's latest wave, side by side."),
            labels=names,
            values=index,
            kind="mean",
        ),
    }


def map_for(data: ShownPicture, outline: dict, points_url: str) -> dict:
    """The Leaflet settings of the hotspot map (static/map.js): the cells the audience may see, and for the
    parties the address their points are fetched from."""
    return {
        "boundaries": {"type": "Feature", "properties": {}, "geometry": outline},
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "cells": [
            {
                "id": c.h3,  # a link to #cell-<id> centres the map on it (static/map.js)
                "boundary": boundary(c.h3),
                "kind": c.kind,
                "label": f"{figure(c.count, 'count')} · z = {figure(c.z, 'z')}",
            }
            for c in data.hotspots
        ],
        "points_url": points_url,
    }


@dataclass(frozen=True)
class KeyFigureRow:
    year: int
    values: tuple[str, ...]  # written figures, one per region of the panel


@dataclass(frozen=True)
class KeyFigurePanel:
    """One key figure as a small multiple: a line per region over the years, and the same figures as a table."""

    id: str
    title: str
    summary: str
    svg: str
    regions: tuple[str, ...]
    rows: tuple[KeyFigureRow, ...]


def region_names(data: ShownPicture) -> dict[str, str]:
    """Region codes ("2506", "25", "00") to the names the picture holds for them (a picture adopted before it held
    them has its regions named by organisations.regions)."""
    return {r.code: r.name for r in data.comparison.regions} | {data.municipality: data.name}


def kind_of(title: str) -> Kind:
    """The kind of a key figure, read from the unit its title ends with (Kolada's "antal/100 000 inv" and
    "antal/1000 inv", an indicator's "(antal)"); a measured value of no known kind else, shares included: Kolada
    gives them with a decimal (2,4 % of the residents), which a whole percentage would round away."""
    lowered = title.lower()
    if "100 000 inv" in lowered:
        return "per_100k"
    if "/1000 inv" in lowered:
        return "rate"
    if "(antal)" in lowered:
        return "count"
    return "decimal"


def _panel(
    index: int, title: str, values: dict[tuple[str, int], float | None], names: dict[str, str]
) -> KeyFigurePanel:
    kind = kind_of(title)
    years = sorted({year for _code, year in values})
    order = {code: i for i, code in enumerate(names)}
    codes = sorted({code for code, _year in values}, key=lambda code: (order.get(code, len(order)), code))
    regions = tuple(names.get(code) or region_label(code) for code in codes)
    series = [(name, [values.get((code, y)) for y in years]) for code, name in zip(codes, regions, strict=True)]
    own = series[0][1]  # the first region's: the municipality's, when it has the figure
    known = [(y, v) for y, v in zip(years, own, strict=True) if v is not None]
    summary = (
        _("%(region)s: %(value)s in %(year)s.")
        % {"region": regions[0], "value": figure(known[-1][1], kind), "year": known[-1][0]}
        if known
        else _("No figures for %(region)s.") % {"region": regions[0]}
    )
    rows = tuple(KeyFigureRow(y, tuple(figure(values.get((code, y)), kind) for code in codes)) for y in years)
    svg = small_multiples.small_multiple(
        chart_id=f"key-figure-{index}",
        title=title,
        summary=summary,
        x_labels=[str(y) for y in years],
        series=series,
        language=language(),
    )
    return KeyFigurePanel(f"key-figure-{index}", title, summary, svg, regions, rows)


def key_figure_panels(data: ShownPicture) -> list[KeyFigurePanel]:
    """Kolada's key figures, then the other indicators, each as a small multiple with its table, by region name
    (the municipality first, then its county and the country)."""
    names = {data.municipality: data.name} | region_names(data)
    figures: dict[str, tuple[str, dict[tuple[str, int], float | None]]] = {}
    for k in data.key_figures.kolada:
        figures.setdefault(f"kolada:{k.kpi}", (k.title, {}))[1][(k.region, k.year)] = k.value
    for i in data.key_figures.indicators:
        figures.setdefault(f"indicator:{i.key}", (i.name, {}))[1][(i.region, i.year)] = i.value
    return [_panel(n, title, values, names) for n, (title, values) in enumerate(figures.values(), start=1)]


@dataclass(frozen=True)
class Trend:
    """A headline figure now and before, written, with the way it went ("up", "down", "same", "" unknown)."""

    label: str
    now: str
    before: str
    before_label: str
    direction: str


@dataclass(frozen=True)
class Glance:
    """The first screen: the main problems (the picture's ranking), where (its significant hotspots), the trend."""

    problems: tuple[ShownProblem, ...]
    hotspots: tuple[ShownCell, ...]
    trends: tuple[Trend, ...]


GLANCE_PROBLEMS = 3
GLANCE_HOTSPOTS = 3


def _direction(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return ""
    return "up" if now > before else "down" if now < before else "same"


def _total(counts: list[int | str]) -> int | None:
    """The sum of counts the audience sees, or None when one of them is kept back ("<3")."""
    return sum(c for c in counts if isinstance(c, int)) if all(isinstance(c, int) for c in counts) else None


def glance(data: ShownPicture) -> Glance:
    """What the page shows first, read from the picture as the audience sees it (nothing counted again but the
    sums of the counts it shows)."""
    trends = []
    incidents = _total([r.count for r in data.incidents]), _total([r.previous for r in data.incidents])
    trends.append(
        Trend(
            _("Incidents logged"),
            figure(incidents[0], "count"),
            figure(incidents[1], "count"),
            "",
            _direction(*incidents),
        )
    )
    events = sum(e.count for e in data.police_events), sum(e.previous for e in data.police_events)
    trends.append(
        Trend(
            _("Police events"),
            figure(events[0], "count"),
            figure(events[1], "count"),
            "",
            _direction(*events),
        )
    )
    own = [
        r for r in data.comparison.crime_per_1000 if r.region == data.municipality and r.per_1000_residents is not None
    ]
    if own:
        last, previous = own[-1], own[-2] if len(own) > 1 else None
        trends.append(
            Trend(
                _("Reported crimes per 1,000 residents (%(year)s)") % {"year": last.year},
                figure(last.per_1000_residents, "rate"),
                figure(previous.per_1000_residents if previous else None, "rate"),
                str(previous.year) if previous else "",
                _direction(last.per_1000_residents, previous.per_1000_residents if previous else None),
            )
        )
    waves = [w for w in data.survey if w.problem_index is not None]
    if waves:
        last_wave, previous_wave = waves[-1], waves[-2] if len(waves) > 1 else None
        trends.append(
            Trend(
                _("Survey problem index, 0–6 (%(wave)s)") % {"wave": last_wave.wave},
                figure(last_wave.problem_index, "mean"),
                figure(previous_wave.problem_index if previous_wave else None, "mean"),
                previous_wave.wave if previous_wave else "",
                _direction(last_wave.problem_index, previous_wave.problem_index if previous_wave else None),
            )
        )
    hot = sorted((c for c in data.hotspots if c.significant and c.kind == "hot"), key=lambda c: (-c.z, c.h3))
    return Glance(data.problems[:GLANCE_PROBLEMS], tuple(hot[:GLANCE_HOTSPOTS]), tuple(trends))


def regional_charts_for(data: RegionalComparison) -> dict[str, dict[str, str]]:
    """The municipalities' rates as bars, the highest first, each with its 90 % interval as a whisker: the
    incidents of those that log them here, and the police events of all."""
    logged = data.ordered(RATE)
    logged = [row for row in logged if row.per_1000 is not None]
    events = [row for row in data.ordered(EVENTS) if row.events_per_1000 is not None]
    charts = {}
    for key, rows, title, rate, total in (
        ("incidents", logged, _("Incidents per 1,000 residents"), lambda r: r.per_1000, data.per_1000),
        ("events", events, _("Police events per 1,000 residents"), lambda r: r.events_per_1000, data.events_per_1000),
    ):
        if rows:
            first = rate(rows[0])
            summary = _(
                "%(name)s has the highest rate, %(value)s per 1,000 residents (90%% interval %(low)s–%(high)s); "
                "the line across each bar is its interval."
            ) % {
                "name": rows[0].name,
                "value": figure(first.value, "rate"),
                "low": figure(first.low, "rate"),
                "high": figure(first.high, "rate"),
            }
            if total is not None:
                summary += " " + _("All of them together: %(value)s.") % {"value": figure(total.value, "rate")}
        else:
            summary = _("No municipality has figures for this period.")
        charts[key] = _bar(
            chart_id=f"regional_{key}",
            title=title,
            summary=summary,
            labels=[row.name for row in rows],
            values=[rate(row).value for row in rows],
            intervals=[(rate(row).low, rate(row).high) for row in rows],
            kind="rate",
        )
    return charts
