"""The yearly wheel: twelve months as a circle, spans drawn as arcs. Plain data in, an SVG string out.

Drawn with the one SVG renderer (samverkan/core/svg.py) in the palette of the lägesbild's charts
(samverkan/situation/lib/charts.py): an accessible image with role="img", <title> and <desc> named by
aria-labelledby, real <text>, and a legend that tells the rings apart by dash as well as colour. The page
shows the data in a table beside it.

Every arc is labelled with its name, outside the wheel: on the right for an arc whose middle lies in January to
June, on the left for July to December, joined to the arc's middle by a thin leader line. The labels of a side
are stacked top to bottom a line apart, so none overlaps another, and a name too long for the margin is
shortened with "…" (the arc's tooltip and the table beside the chart have it whole).
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
LABEL_SIZE = 11
LABEL_LINE = 15  # between the baselines of two labels on a side: more than a label is high
LABEL_GAP = 14  # between the wheel's outer edge and the labels
MAX_MARGIN = 190  # the widest a side's labels may be
TOP_LABEL = 36  # the first baseline below the drawn title
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


def label_width(text: str, size: float = LABEL_SIZE) -> float:
    """A generous estimate of a text's width in sans-serif, so that the guess errs on the side of room."""
    return len(text) * size * 0.62


def shortened(text: str, width: float, size: float = LABEL_SIZE) -> str:
    """`text`, cut with "…" to fit `width`."""
    if label_width(text, size) <= width:
        return text
    keep = max(int(width / (size * 0.62)) - 1, 1)
    return text[:keep].rstrip() + "…"


def stack(wanted: Sequence[float], *, top: float, line: float) -> list[float]:
    """Baselines as near the wanted ones as may be, in the same order, each at least `line` below the one
    before and none above `top`."""
    placed: list[float] = []
    for y in wanted:
        placed.append(max(y, top, placed[-1] + line if placed else top))
    return placed


@dataclass(frozen=True)
class Arc:
    name: str
    radius: float
    start: float  # months since 1 January; the end past 12 when it wraps over the new year
    end: float
    colour: str

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2 % 12


@dataclass(frozen=True)
class ArcLabel:
    text: str
    side: str  # "right" or "left"
    anchor: tuple[float, float]  # the arc's middle, in the wheel's coordinates
    y: float
    colour: str


def arc_labels(arcs: Sequence[Arc], *, width: float) -> list[ArcLabel]:
    """The arcs' labels, at most `width` wide, stacked per side in the order of their arcs' heights."""
    sides: dict[str, list[tuple[float, float, Arc]]] = {"right": [], "left": []}
    for arc in arcs:
        _x, wanted = _point(OUTER + LABEL_GAP / 2, arc.middle)
        _x, height = _point(arc.radius, arc.middle)
        sides["right" if arc.middle < 6 else "left"].append((height, wanted, arc))
    labels = []
    for side, entries in sides.items():
        entries.sort(key=lambda entry: entry[:2])  # in the order of the arcs' middles, so no leaders cross there
        ys = stack(sorted(wanted for _h, wanted, _arc in entries), top=TOP_LABEL, line=LABEL_LINE)
        labels += [
            ArcLabel(shortened(arc.name, width), side, _point(arc.radius, arc.middle), y, arc.colour)
            for (_height, _wanted, arc), y in zip(entries, ys, strict=True)
        ]
    return labels


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
    legend = []
    arcs: list[Arc] = []
    for ring_index, (_name, spans) in enumerate(rings):
        style = RING_STYLES[ring_index % len(RING_STYLES)]
        placed = lanes(spans)
        for span, lane in zip(spans, placed, strict=True):
            start, end = span_bounds(span)
            arcs.append(Arc(span.label, radius - lane * LANE, start, end, str(style["stroke"])))
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
    # The labels' room beside the wheel: the wheel's own margin, widened for the longest name (up to MAX_MARGIN).
    own = CENTRE - OUTER - LABEL_GAP
    widest = max((label_width(arc.name) for arc in arcs), default=0.0) + 8
    margin = max(min(widest, MAX_MARGIN) - own, 0.0)
    labels = arc_labels(arcs, width=margin + own - 8)
    texts, leaders = [], []
    for arc_label in labels:
        right = arc_label.side == "right"
        x = margin + (CENTRE + OUTER + LABEL_GAP if right else CENTRE - OUTER - LABEL_GAP)
        elbow = x - 4 if right else x + 4
        ax, ay = arc_label.anchor
        leaders.append(f"M {number(ax + margin)} {number(ay)} L {number(elbow)} {number(arc_label.y - 4)}")
        texts.append(
            svg.tag(
                "text",
                escape(arc_label.text),
                x=x,
                y=arc_label.y,
                text_anchor="start" if right else "end",
                font_size=LABEL_SIZE,
                fill=arc_label.colour,
                class_="arc-label",
            )
        )
    wheel = svg.tag("g", "".join(body), transform=f"translate({number(margin)} 0)")
    body = [wheel]
    if leaders:
        body.append(svg.tag("path", d=" ".join(leaders), fill="none", stroke=MUTED, stroke_width=0.75, class_="leader"))
    body += texts
    legend_y = max([SIZE + 8.0] + [arc_label.y + 24 for arc_label in labels])
    for ring_index, (name, spans) in enumerate(rings):
        style = RING_STYLES[ring_index % len(RING_STYLES)]
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
        chart_id=chart_id,
        title=title,
        summary=summary,
        width=SIZE + 2 * margin,
        height=height,
        body=body,
        class_="chart wheel",
    )
