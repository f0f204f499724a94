"""The yearly wheel: twelve months as a circle, spans drawn as arcs. Plain data in, an SVG string out.

Drawn with the one SVG renderer (samverkan/core/svg.py) in the palette of the lägesbild's charts
(samverkan/situation/lib/charts.py): an accessible image with role="img", <title> and <desc> named by
aria-labelledby, real <text>, and a legend that tells the rings apart by dash as well as colour. The page
shows the data in a table beside it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from samverkan.core import svg
from samverkan.core.svg import number
from samverkan.situation.lib.charts import GRID, HIGHLIGHT, MUTED, PALETTE

BAD_MONTH = "span {label!r} has months {start}-{end}; months are 1-12"

SIZE = 520
CENTRE = SIZE / 2
OUTER = 200  # the month ring's outer edge
MONTH_RING = 22
LANE = 13
PEAK_FILL = "#f5eedf"
RING_STYLES = ({"stroke": PALETTE[0], "dash": None}, {"stroke": PALETTE[2], "dash": "6 3"})


@dataclass(frozen=True)
class Span:
    """Something that happens from (start_month, start_day) to (end_month, end_day), wrapping over the new year."""

    label: str
    start_month: int
    end_month: int
    start_day: int = 1
    end_day: int = 31


def _position(month: int, day: int) -> float:
    """Months since 1 January, as a fraction of the circle's 12."""
    return month - 1 + (min(day, 31) - 1) / 31


def _angle(months: float) -> float:
    """Clockwise from twelve o'clock, in radians."""
    return 2 * math.pi * months / 12 - math.pi / 2


def _point(radius: float, months: float) -> tuple[float, float]:
    angle = _angle(months)
    return CENTRE + radius * math.cos(angle), CENTRE + radius * math.sin(angle)


def _arc(radius: float, start: float, end: float) -> str:
    """An arc path clockwise from `start` to `end` months (end > start)."""
    x1, y1 = _point(radius, start)
    x2, y2 = _point(radius, end)
    large = 1 if end - start > 6 else 0
    return f"M {number(x1)} {number(y1)} A {number(radius)} {number(radius)} 0 {large} 1 {number(x2)} {number(y2)}"


def _sector(inner: float, outer: float, start: float, end: float) -> str:
    x1, y1 = _point(outer, start)
    x2, y2 = _point(outer, end)
    x3, y3 = _point(inner, end)
    x4, y4 = _point(inner, start)
    return (
        f"M {number(x1)} {number(y1)} A {number(outer)} {number(outer)} 0 0 1 {number(x2)} {number(y2)} "
        f"L {number(x3)} {number(y3)} A {number(inner)} {number(inner)} 0 0 0 {number(x4)} {number(y4)} Z"
    )


def span_bounds(span: Span) -> tuple[float, float]:
    """Start and end in months since 1 January; the end past 12 when the span wraps over the new year."""
    for month in (span.start_month, span.end_month):
        if not 1 <= month <= 12:
            raise ValueError(BAD_MONTH.format(label=span.label, start=span.start_month, end=span.end_month))
    start = _position(span.start_month, span.start_day)
    end = round(_position(span.end_month, span.end_day) + 1 / 31, 6)  # 31 December ends at exactly 12
    return start, end if end > start else end + 12


def lanes(spans: Sequence[Span]) -> list[int]:
    """A lane per span, the lowest one where it overlaps no span already placed there."""
    placed: list[list[tuple[float, float]]] = []
    result = []
    for span in spans:
        start, end = span_bounds(span)
        pieces = [(start, min(end, 12.0))] + ([(0.0, end - 12)] if end > 12 else [])
        for index, lane in enumerate(placed):
            if not any(a < d and c < b for a, b in pieces for c, d in lane):
                lane.extend(pieces)
                result.append(index)
                break
        else:
            placed.append(pieces)
            result.append(len(placed) - 1)
    return result


def wheel_chart(
    *,
    chart_id: str,
    title: str,
    summary: str,
    month_labels: Sequence[str],
    rings: Sequence[tuple[str, Sequence[Span]]],
    peaks: set[int],
    peak_label: str,
) -> str:
    """The twelve months as a ring, peak months shaded; inside, a ring of arcs per (name, spans), outermost first."""
    body = []
    inner = OUTER - MONTH_RING
    for month in range(1, 13):
        start, end = float(month - 1), float(month)
        fill = PEAK_FILL if month in peaks else "#ffffff"
        body.append(svg.tag("path", d=_sector(inner, OUTER, start, end), fill=fill, stroke=GRID, class_="month"))
        x, y = _point(inner + MONTH_RING / 2, month - 0.5)
        label = month_labels[month - 1] + (" ▲" if month in peaks else "")
        body.append(
            svg.tag(
                "text",
                escape(label),
                x=x,
                y=y + 4,
                text_anchor="middle",
                font_size=11,
                font_weight="bold" if month in peaks else None,
            )
        )
    radius = inner - 12
    legend_y = SIZE + 8
    legend = []
    for ring_index, (name, spans) in enumerate(rings):
        style = RING_STYLES[ring_index % len(RING_STYLES)]
        placed = lanes(spans)
        for span, lane in zip(spans, placed, strict=True):
            start, end = span_bounds(span)
            body.append(
                svg.tag(
                    "path",
                    svg.tag("title", escape(span.label)),
                    d=_arc(radius - lane * LANE, start, end),
                    fill="none",
                    stroke=style["stroke"],
                    stroke_width=9,
                    stroke_dasharray=style["dash"],
                    class_=f"ring-{ring_index}",
                )
            )
        radius -= (max(placed, default=-1) + 1) * LANE + 10
        y = legend_y + 20 * ring_index
        legend.append(
            svg.tag(
                "line",
                x1=0.0,
                y1=y - 4.0,
                x2=28.0,
                y2=y - 4.0,
                stroke=style["stroke"],
                stroke_width=9,
                stroke_dasharray=style["dash"],
            )
            + svg.tag("text", escape(f"{name} ({len(spans)})"), x=36.0, y=y)
        )
    y = legend_y + 20 * len(rings)
    legend.append(
        svg.tag("rect", x=0.0, y=y - 12.0, width=28, height=12, fill=PEAK_FILL, stroke=HIGHLIGHT)
        + svg.tag("text", escape(f"▲ {peak_label}"), x=36.0, y=y, fill=MUTED)
    )
    body.extend(legend)
    height = y + 10
    return svg.chart(
        chart_id=chart_id, title=title, summary=summary, width=SIZE, height=height, body=body, class_="chart wheel"
    )
