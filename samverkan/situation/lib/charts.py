"""The lägesbild's charts: plain data in, an SVG string out, drawn with the one SVG renderer. No Django here.

The web pages inline the SVG in their HTML and the PDF report hands the same HTML to WeasyPrint,
so a chart looks the same in both. Every chart is an accessible image (samverkan/core/svg.py wraps
it: role="img" with a <title> and a <desc>, the caller's one-sentence summary, and the title drawn
at its top), with real <text>, colours with at least 4.5:1 contrast against white, and series told
apart by marker and dash as well as colour. Callers show the numbers in a table beside the chart,
so the SVG has no interactivity.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from samverkan.core import lazytext, numbers, svg
from samverkan.core.numbers import Kind
from samverkan.core.svg import FONT, TEXT

# Each reaches at least 4.5:1 against white (WCAG AA for text), so it may colour text too.
PALETTE = ("#0b4f8a", "#a4161a", "#1e6b34", "#8a6100", "#5b2a86", "#4a4a55")
# Series i is drawn in PALETTE[i], DASHES[i] and MARKERS[i] (cycling), so no two differ by colour alone.
DASHES = ("", "8 4", "2 3", "10 3 2 3", "5 5", "1 3")
MARKERS = ("circle", "square", "triangle", "diamond", "ring", "box")
MUTED = "#4a4a55"
NEUTRAL = "#707079"
GRID = "#d9d9de"
LAND = "#f4f4f6"
BAND_FILLS = ("#e6edf5", "#f5eedf")
HOT, COLD = PALETTE[1], PALETTE[0]
HIGHLIGHT = PALETTE[3]
_HEX_STYLE: dict[str, dict[str, object]] = {
    "hot": {"fill": HOT, "fill_opacity": 0.35, "stroke": HOT, "stroke_width": 1.5},
    "cold": {"fill": COLD, "fill_opacity": 0.35, "stroke": COLD, "stroke_width": 1.5, "stroke_dasharray": "3 2"},
    "": {"fill": "none", "stroke": NEUTRAL, "stroke_width": 0.75},
}

MISSING = "saknas"
NO_DATA = "Inga uppgifter att visa"
TARGET = "Mål"
RIGHT_AXIS = lazytext._("{name} (right axis)")  # `_` names the values a loop leaves unused here
HOT_LABEL = "Hotspot"
COLD_LABEL = "Kallpunkt"
NEUTRAL_LABEL = "Ej signifikant"
POINT_LABEL = "Händelse"

WRONG_LENGTH = "{name} has {count} values, expected {expected}"
BAD_MONTH = "band {name!r} has months {start}-{end}; months are 1-12"
BAD_FILL = "cell fill must be 'hot', 'cold' or '', not {fill!r}"
BAD_OUTLINE = "outline must be a GeoJSON Polygon or MultiPolygon, not {kind!r}"
BAD_MARK = "the mark is at x label {index}, but there are {count}"

SMALL = 11
TOP = 28  # below the drawn title
SWATCH = 28
KM_PER_DEGREE = 6371.0088 * math.pi / 180


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """About `count` round values from at or below lo to at or above hi, 1, 2, 2.5 or 5 × 10^k apart."""
    lo, hi = min(lo, hi), max(lo, hi)
    if _flat(lo, hi):
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    if _flat(lo, hi):
        hi = lo + 1.0
    raw = (hi - lo) / max(count - 1, 1)
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    digits = max(0, 1 - math.floor(math.log10(step)))
    start, end = math.floor(lo / step), math.ceil(hi / step)
    if round(start * step, digits) > lo:
        start -= 1
    if round(end * step, digits) < hi:
        end += 1
    return [round(i * step, digits) or 0.0 for i in range(start, end + 1)]


def bar_chart(
    *,
    chart_id: str,
    title: str,
    summary: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    kind: Kind,
    unit: str = "",
    highlight: set[int] | None = None,
    intervals: Sequence[tuple[float, float] | None] | None = None,
    width: int = 640,
    language: str = "sv",
) -> str:
    """Horizontal bars, one per label, the value at the bar's end as a figure of `kind`; None reads "saknas".

    Bars listed in `highlight` (indexes, e.g. the own municipality) are drawn in HIGHLIGHT with a bold label.
    `intervals` (low, high) per bar draws each as a whisker across the bar's end, the value written past it.
    """
    _check_length("values", values, len(labels))
    whiskers = list(intervals) if intervals is not None else [None] * len(values)
    _check_length("intervals", whiskers, len(labels))
    present = [value for value in values if value is not None]
    if not present:
        return _empty(chart_id=chart_id, title=title, summary=summary, width=width)
    highlight = highlight or set()
    texts = [MISSING if value is None else _value_text(value, kind, unit, language) for value in values]
    label_width = min(width * 0.4, max(_text_width(label) for label in labels))
    lines = [
        textwrap.wrap(label, max(int(label_width / (FONT * 0.56)), 1), max_lines=2, placeholder=" …") or [""]
        for label in labels
    ]
    row = 32 if any(len(label_lines) > 1 for label_lines in lines) else 22
    value_width = max(_text_width(text) for text in texts) + 8
    ends = [end for whisker in whiskers if whisker is not None for end in whisker]
    lo, hi = min(0.0, *present, *ends), max(0.0, *present, *ends)
    if lo == hi:
        hi = 1.0
    x = _scale(lo, hi, label_width + 12 + (value_width if lo < 0 else 0), width - value_width)
    zero = x(0)
    parts = []
    for i, (label_lines, value, text, whisker) in enumerate(zip(lines, values, texts, whiskers, strict=True)):
        middle = TOP + (i + 0.5) * row
        bold = "bold" if i in highlight else None
        spans = "".join(
            svg.tag("tspan", escape(line), x=label_width + 4, y=middle + 4 + (j - (len(label_lines) - 1) / 2) * 14)
            for j, line in enumerate(label_lines)
        )
        parts.append(svg.tag("text", spans, text_anchor="end", font_weight=bold, class_="label"))
        if value is None:
            parts.append(svg.text(zero + 4, middle + 4, text, fill=MUTED, font_style="italic", class_="missing"))
            continue
        end = x(value)
        colour = HIGHLIGHT if i in highlight else PALETTE[0]
        css = "bar highlight" if i in highlight else "bar"
        rect = svg.tag(
            "rect", x=min(zero, end), y=middle - 7, width=abs(end - zero), height=14, fill=colour, class_=css
        )
        parts.append(rect)
        if whisker is not None:
            parts.append(_whisker(x(whisker[0]), x(whisker[1]), middle))
            end = max(end, x(whisker[1])) if value >= 0 else min(end, x(whisker[0]))
        anchor, shift = ("start", 4) if value >= 0 else ("end", -4)
        parts.append(svg.text(end + shift, middle + 4, text, text_anchor=anchor, font_weight=bold, class_="value"))
    height = TOP + len(labels) * row + 6
    parts.append(svg.tag("line", x1=zero, y1=TOP, x2=zero, y2=height - 6, stroke=MUTED))
    return svg.chart(chart_id=chart_id, title=title, summary=summary, width=width, height=height, body=parts)


def _whisker(start: float, end: float, middle: float) -> str:
    """An interval from start to end, capped at both ends: dark on a white halo, so it reads on the bar and off it."""
    a, b, top, mid = (svg.number(v) for v in (start, end, middle - 5, middle))
    path = f"M{a},{top}v10M{a},{mid}H{b}M{b},{top}v10"
    halo = svg.tag("path", d=path, stroke="#ffffff", stroke_width=3.5, fill="none")
    return svg.tag("g", halo + svg.tag("path", d=path, stroke=TEXT, stroke_width=1.5, fill="none"), class_="interval")


def line_chart(
    *,
    chart_id: str,
    title: str,
    summary: str,
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    kind: Kind,
    unit: str = "",
    y_min: float | None = 0,
    width: int = 640,
    height: int = 280,
    target: float | None = None,
    mark: tuple[int, str] | None = None,
    language: str = "sv",
) -> str:
    """One line per series over the x labels, with markers and a legend; None leaves a gap.

    Every series is a figure of the one `kind` on the one y axis: counts and rates never share an axis (draw
    them with `line_panels`, one panel each).

    The y axis always shows `y_min` (None: only the data) and `target`, drawn as a dashed line. `mark` (index,
    text) draws a dashed vertical line where x label `index` begins, e.g. an intervention's start, with the text.
    """
    for name, values in series:
        _check_length(name, values, len(x_labels))
    if mark is not None and not 0 <= mark[0] < len(x_labels):
        raise ValueError(BAD_MARK.format(index=mark[0], count=len(x_labels)))
    present = [value for _, values in series for value in values if value is not None]
    if not present:
        return _empty(chart_id=chart_id, title=title, summary=summary, width=width)
    legend, top = _legend([(name, _series_swatch(i)) for i, (name, _) in enumerate(series)], top=TOP, width=width)
    shown = present + [limit for limit in (y_min, target) if limit is not None]
    ticks = nice_ticks(min(shown), max(shown))
    tick_texts = _tick_texts(ticks, language=language)
    left, top = max(_text_width(text) for text in tick_texts) + 10, top + (16 if unit else 6)
    right, bottom = width - 8, height - 24
    y = _scale(ticks[0], ticks[-1], bottom, top)
    step = (right - left) / len(x_labels)
    parts = [legend, *_y_axis(ticks, tick_texts, y, left=left, right=right)]
    if unit:
        parts.append(svg.text(0, top - 8, unit, fill=MUTED, class_="unit"))
    every = math.ceil((max(_text_width(label) for label in x_labels) + 8) / step)
    parts += [
        svg.text(left + (i + 0.5) * step, bottom + 16, label, text_anchor="middle", class_="x-label")
        for i, label in enumerate(x_labels)
        if i % every == 0
    ]
    if target is not None:
        text = f"{TARGET}: {_value_text(target, kind, unit, language)}"
        parts += [
            svg.tag("line", x1=left, y1=y(target), x2=right, y2=y(target), stroke=MUTED, stroke_dasharray="6 4"),
            svg.text(right, y(target) - 5, text, text_anchor="end", fill=MUTED, class_="target"),
        ]
    if mark is not None:
        x = left + mark[0] * step
        anchor, shift = ("end", -4) if x > (left + right) / 2 else ("start", 4)
        parts += [
            svg.tag("line", x1=x, y1=top, x2=x, y2=bottom, stroke=MUTED, stroke_dasharray="4 3", class_="mark"),
            svg.text(x + shift, top + 10, mark[1], text_anchor=anchor, fill=MUTED, class_="mark"),
        ]
    for i, (_, values) in enumerate(series):
        points = [None if value is None else (left + (j + 0.5) * step, y(value)) for j, value in enumerate(values)]
        parts.append(_series(i, points))
    return svg.chart(chart_id=chart_id, title=title, summary=summary, width=width, height=height, body=parts)


def line_panels(
    *,
    chart_id: str,
    title: str,
    summary: str,
    x_labels: Sequence[str],
    panels: Sequence[tuple[str, Sequence[float | None], Kind]],
    width: int = 640,
    panel_height: int = 150,
    language: str = "sv",
) -> str:
    """Small multiples: a panel per (name, values, kind), one under the other over the same x labels, each
    with its name above it and its own y axis from zero. A count and a rate so never share an axis."""
    for name, values, _kind in panels:
        _check_length(name, values, len(x_labels))
    if not any(value is not None for _name, values, _kind in panels for value in values):
        return _empty(chart_id=chart_id, title=title, summary=summary, width=width)
    axes = []
    for _name, values, _kind in panels:
        present = [value for value in values if value is not None]
        ticks = nice_ticks(min(0.0, *present), max(present)) if present else nice_ticks(0.0, 1.0)
        axes.append((ticks, _tick_texts(ticks, language=language)))
    left = max(_text_width(text) for _ticks, texts in axes for text in texts) + 10
    right = width - 8
    step = (right - left) / len(x_labels)
    every = math.ceil((max(_text_width(label) for label in x_labels) + 8) / step)
    parts: list[str] = []
    top = TOP
    for i, ((name, values, _kind), (ticks, texts)) in enumerate(zip(panels, axes, strict=True)):
        heading = top + 16
        plot_top, bottom = heading + 12, top + panel_height - 22
        parts.append(
            svg.tag("g", _series_swatch(i)(0, heading - 4) + svg.text(SWATCH + 6, heading, name), class_="panel-name")
        )
        y = _scale(ticks[0], ticks[-1], bottom, plot_top)
        parts += _y_axis(ticks, texts, y, left=left, right=right)
        parts += [
            svg.text(left + (j + 0.5) * step, bottom + 16, label, text_anchor="middle", class_="x-label")
            for j, label in enumerate(x_labels)
            if j % every == 0
        ]
        points = [None if value is None else (left + (j + 0.5) * step, y(value)) for j, value in enumerate(values)]
        parts.append(_series(i, points))
        top += panel_height
    return svg.chart(chart_id=chart_id, title=title, summary=summary, width=width, height=top + 4, body=parts)


def month_profile(
    *,
    chart_id: str,
    title: str,
    summary: str,
    series_bars: tuple[str, Sequence[float | None]],
    series_line: tuple[str, Sequence[float | None]] | None,
    bands: Sequence[tuple[int, int, str]],
    month_labels: Sequence[str],
    width: int = 640,
    height: int = 300,
    language: str = "sv",
) -> str:
    """The årshjul band: a bar per month, an optional line on its own right-hand axis, named seasons.

    A band (start month, end month, name) covers both months, 1-12; start after end wraps over new year.
    """
    _check_length("month_labels", month_labels, 12)
    bars_name, bars = series_bars
    _check_length(bars_name, bars, 12)
    if series_line is not None:
        _check_length(series_line[0], series_line[1], 12)
    for start, end, name in bands:
        if not (1 <= start <= 12 and 1 <= end <= 12):
            raise ValueError(BAD_MONTH.format(name=name, start=start, end=end))
    present = [value for value in bars if value is not None]
    if not present:
        return _empty(chart_id=chart_id, title=title, summary=summary, width=width)
    entries: list[tuple[str, Callable[[float, float], str]]] = [(bars_name, _bar_swatch)]
    if series_line is not None:
        entries.append((RIGHT_AXIS.format(name=series_line[0]), _series_swatch(1)))
    legend, top = _legend(entries, top=TOP, width=width)
    band_top = top + 4
    ticks = nice_ticks(min(0.0, *present), max(present))
    tick_texts = _tick_texts(ticks, language=language)
    right: float  # narrowed below by the right axis' labels
    left, right, bottom = max(_text_width(text) for text in tick_texts) + 10, width - 8, height - 24
    line_values = series_line[1] if series_line is not None else []
    line_present = [value for value in line_values if value is not None]
    line_ticks = nice_ticks(min(0.0, *line_present), max(line_present)) if line_present else []
    line_texts = _tick_texts(line_ticks, language=language) if line_ticks else []
    if line_texts:
        right -= max(_text_width(text) for text in line_texts) + 2
    month = (right - left) / 12
    parts = [legend]
    placed: list[tuple[int, float, float]] = []  # (row, left, right) of each band name, so none overlap
    names = []
    for i, (start, end, name) in enumerate(bands):
        spans = [(start, end)] if start <= end else [(start, 12), (1, end)]
        longest = max(spans, key=lambda span: span[1] - span[0])
        half = label_width(name, SMALL) / 2 + 4
        # Over its longest span, but never past the plot's edges (the right axis' labels lie beyond them).
        middle = left + (longest[0] - 1 + (longest[1] - longest[0] + 1) / 2) * month
        middle = max(left + half, min(middle, right - half))
        row = 0
        while any(r == row and a < middle + half and middle - half < b for r, a, b in placed):
            row += 1
        placed.append((row, middle - half, middle + half))
        names.append((i, spans, middle, row, name))
    top = band_top + 14 * (max((row for row, _a, _b in placed), default=-1) + 1) + 8
    for i, spans, _middle, _row, _name in names:
        rects = "".join(
            svg.tag("rect", x=left + (a - 1) * month, y=band_top, width=(b - a + 1) * month, height=bottom - band_top)
            for a, b in spans
        )
        parts.append(svg.tag("g", rects, fill=BAND_FILLS[i % 2], class_="band"))
    # The names after every band, so that no band covers another's name.
    parts += [
        svg.text(
            middle, band_top + 11 + 14 * row, name, text_anchor="middle", font_size=SMALL, fill=TEXT, class_="band-name"
        )
        for _i, _spans, middle, row, name in names
    ]
    y = _scale(ticks[0], ticks[-1], bottom, top)
    parts += _y_axis(ticks, tick_texts, y, left=left, right=right)
    parts += [
        svg.text(left + (i + 0.5) * month, bottom + 16, label, text_anchor="middle", class_="x-label")
        for i, label in enumerate(month_labels)
    ]
    bar_rects = "".join(
        svg.tag(
            "rect",
            x=left + (i + 0.2) * month,
            y=min(y(0), y(value)),
            width=month * 0.6,
            height=abs(y(value) - y(0)),
            class_="bar",
        )
        for i, value in enumerate(bars)
        if value is not None
    )
    parts.append(svg.tag("g", bar_rects, fill=PALETTE[0]))
    if line_ticks:
        line_y = _scale(line_ticks[0], line_ticks[-1], bottom, top)
        parts += [
            svg.text(right + 6, line_y(tick) + 4, text, fill=PALETTE[1], class_="tick")
            for tick, text in zip(line_ticks, line_texts, strict=True)
        ]
        points = [
            None if value is None else (left + (i + 0.5) * month, line_y(value)) for i, value in enumerate(line_values)
        ]
        parts.append(_series(1, points))
    return svg.chart(chart_id=chart_id, title=title, summary=summary, width=width, height=height, body=parts)


def hex_map(
    *,
    chart_id: str,
    title: str,
    summary: str,
    outline: dict,
    cells: Sequence[tuple[Sequence[tuple[float, float]], str, str]],
    points: Sequence[tuple[float, float]] = (),
    width: int = 640,
    height: int = 480,
    language: str = "sv",
) -> str:
    """A static map of hexagon cells over the outline, for print: legend above, scale bar below.

    `outline` is a GeoJSON Polygon or MultiPolygon in lng/lat. Each cell is (its corners as
    (lat, lng), "hot", "cold" or "" for not significant, a label drawn in its middle – "" for
    none). `points` are (lat, lng) like the corners. The view fits the cells, or the outline
    when there are none; whatever lies outside is clipped.
    """
    rings = _outline_rings(outline)
    for _, fill, _ in cells:
        if fill not in ("hot", "cold", ""):
            raise ValueError(BAD_FILL.format(fill=fill))
    extent = [(lng, lat) for corners, _, _ in cells for lat, lng in corners] or [p for ring in rings for p in ring]
    if not extent:
        return _empty(chart_id=chart_id, title=title, summary=summary, width=width)
    entries = [(HOT_LABEL, _hex_swatch("hot")), (COLD_LABEL, _hex_swatch("cold")), (NEUTRAL_LABEL, _hex_swatch(""))]
    if points:
        entries.append((POINT_LABEL, lambda x, y: _point(x + 14, y, class_=None)))
    legend, top = _legend(entries, top=TOP, width=width)
    box = (0.0, top, float(width), height - 28.0)
    project, px_per_km = _fit(extent, box)
    clip = f"{chart_id}-clip"
    area = svg.tag("rect", x=box[0], y=box[1], width=box[2] - box[0], height=box[3] - box[1])
    land = _path([[project(lng, lat) for lng, lat in ring] for ring in rings])
    shapes = [svg.tag("path", d=land, fill=LAND, fill_rule="evenodd", stroke=MUTED, class_="outline")] if land else []
    for corners, fill, label in cells:
        corners_px = [project(lng, lat) for lat, lng in corners]
        shapes.append(svg.tag("path", d=_path([corners_px]), class_=f"hex {fill}".strip(), **_HEX_STYLE[fill]))
        if label:
            middle_x = sum(x for x, _ in corners_px) / len(corners_px)
            middle_y = sum(y for _, y in corners_px) / len(corners_px)
            shapes.append(
                svg.text(middle_x, middle_y + 3.5, label, text_anchor="middle", font_size=10, class_="hex-label")
            )
    shapes += [_point(*project(lng, lat)) for lat, lng in points]
    parts = [
        legend,
        svg.tag("defs", svg.tag("clipPath", area, id=clip)),
        svg.tag("g", "".join(shapes), clip_path=f"url(#{clip})"),
        _scale_bar(px_per_km, x=4.0, y=height - 10.0, width=width, language=language),
    ]
    return svg.chart(chart_id=chart_id, title=title, summary=summary, width=width, height=height, body=parts)


def _empty(*, chart_id: str, title: str, summary: str, width: float) -> str:
    body = [svg.text(0, 46, NO_DATA, fill=MUTED, class_="no-data")]
    return svg.chart(chart_id=chart_id, title=title, summary=summary, width=width, height=56, body=body)


def _path(rings: Sequence[Sequence[tuple[float, float]]]) -> str:
    """Closed rings as path data."""
    return " ".join(f"{_polyline(ring)} Z" for ring in rings if len(ring) > 2)


def _polyline(points: Sequence[tuple[float, float]]) -> str:
    """Open path data, leaving out points that round onto the one before."""
    texts: list[str] = []
    for x, y in points:
        text = f"{svg.number(x)},{svg.number(y)}"
        if not texts or text != texts[-1]:
            texts.append(text)
    return "M" + " L".join(texts)


def _scale(lo: float, hi: float, start: float, end: float) -> Callable[[float], float]:
    return lambda value: start + (value - lo) / (hi - lo) * (end - start)


def _flat(lo: float, hi: float) -> bool:
    return hi - lo < 1e-9 * max(abs(lo), abs(hi), 1.0)


def _text_width(text: str, size: float = FONT) -> float:
    """A sans-serif estimate; there is no font to measure with."""
    return len(text) * size * 0.56


def label_width(text: str, size: float = FONT) -> float:
    """A generous estimate of a label's width, for labels that must not overlap: wider than most sans-serif
    text, so that the guess errs on the side of room."""
    return len(text) * size * 0.62


def _with_unit(text: str, unit: str) -> str:
    return f"{text}\u00a0{unit}" if unit else text


def _value_text(value: float, kind: Kind, unit: str, language: str) -> str:
    """A value as a figure of its kind (core/numbers.py), with the unit unless the figure writes its own ("%")."""
    text = numbers.figure(value, kind, language)
    return text if kind in numbers.PERCENT_KINDS else _with_unit(text, unit)


def _tick_texts(ticks: Sequence[float], *, language: str) -> list[str]:
    """An axis' values, with as many decimals as its step needs (the same for all)."""
    step = ticks[1] - ticks[0]
    decimals = next((d for d in range(12) if abs(round(step, d) - step) <= step * 1e-6), 12)
    return [numbers.fixed(tick, decimals, language) for tick in ticks]


def _check_length(name: str, values: Sequence[object], expected: int) -> None:
    if len(values) != expected:
        raise ValueError(WRONG_LENGTH.format(name=name, count=len(values), expected=expected))


def _y_axis(
    ticks: Sequence[float], texts: Sequence[str], y: Callable[[float], float], *, left: float, right: float
) -> list[str]:
    grid = "".join(svg.tag("line", x1=left, y1=y(tick), x2=right, y2=y(tick)) for tick in ticks)
    labels = "".join(
        svg.text(left - 6, y(tick) + 4, text, class_="tick") for tick, text in zip(ticks, texts, strict=True)
    )
    return [svg.tag("g", grid, stroke=GRID), svg.tag("g", labels, text_anchor="end")]


def _series(i: int, points: Sequence[tuple[float, float] | None]) -> str:
    """Series i as a line broken at every None, with a marker at each value."""
    colour, dash, marker = PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)], MARKERS[i % len(MARKERS)]
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    d = " ".join(_polyline(run) for run in runs if len(run) > 1)
    line = svg.tag("path", d=d, fill="none", stroke=colour, stroke_width=2, stroke_dasharray=dash or None) if d else ""
    markers = "".join(_marker(marker, x, y, colour) for point in points if point is not None for x, y in [point])
    return svg.tag("g", line + markers, class_="series")


def _marker(kind: str, x: float, y: float, colour: str, class_: str = "marker") -> str:
    r = 4.0
    filled = {"fill": colour, "class_": class_}
    hollow = {"fill": "#ffffff", "stroke": colour, "stroke_width": 2, "class_": class_}
    match kind:
        case "circle":
            return svg.tag("circle", cx=x, cy=y, r=r, **filled)
        case "ring":
            return svg.tag("circle", cx=x, cy=y, r=r - 0.5, **hollow)
        case "square":
            return svg.tag("rect", x=x - r, y=y - r, width=2 * r, height=2 * r, **filled)
        case "box":
            return svg.tag("rect", x=x - r + 0.5, y=y - r + 0.5, width=2 * r - 1, height=2 * r - 1, **hollow)
        case "triangle":
            return svg.tag("path", d=_path([[(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)]]), **filled)
        case _:
            return svg.tag(
                "path", d=_path([[(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)]]), **filled
            )


def _legend(
    entries: Sequence[tuple[str, Callable[[float, float], str]]], *, top: float, width: float
) -> tuple[str, float]:
    """A row of swatches and names under the title, wrapping as needed; also returns where it ends."""
    parts, x, y = [], 0.0, top + 8
    for name, swatch in entries:
        entry_width = SWATCH + 6 + _text_width(name) + 18
        if x > 0 and x + entry_width > width:
            x, y = 0.0, y + 20
        parts.append(svg.tag("g", swatch(x, y) + svg.text(x + SWATCH + 6, y + 4, name), class_="legend-entry"))
        x += entry_width
    return svg.tag("g", "".join(parts), class_="legend"), y + 12


def _series_swatch(i: int) -> Callable[[float, float], str]:
    colour, dash, marker = PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)], MARKERS[i % len(MARKERS)]

    def swatch(x: float, y: float) -> str:
        line = svg.tag(
            "line", x1=x, y1=y, x2=x + SWATCH, y2=y, stroke=colour, stroke_width=2, stroke_dasharray=dash or None
        )
        return line + _marker(marker, x + SWATCH / 2, y, colour, class_="legend-marker")

    return swatch


def _bar_swatch(x: float, y: float) -> str:
    return svg.tag("rect", x=x + 8, y=y - 6, width=12, height=12, fill=PALETTE[0])


def _hex_swatch(fill: str) -> Callable[[float, float], str]:
    def swatch(x: float, y: float) -> str:
        corners = [(x + 14 + 8 * math.cos(a), y + 8 * math.sin(a)) for a in (math.pi / 3 * k for k in range(6))]
        return svg.tag("path", d=_path([corners]), **_HEX_STYLE[fill])

    return swatch


def _point(x: float, y: float, class_: str | None = "point") -> str:
    return svg.tag("circle", cx=x, cy=y, r=2.0, fill=TEXT, class_=class_)


def _outline_rings(outline: dict) -> list[list[tuple[float, float]]]:
    """Every ring of a Polygon or MultiPolygon, as (lng, lat)."""
    kind = outline.get("type")
    if kind == "Polygon":
        polygons = [outline["coordinates"]]
    elif kind == "MultiPolygon":
        polygons = outline["coordinates"]
    else:
        raise ValueError(BAD_OUTLINE.format(kind=kind))
    return [[(float(point[0]), float(point[1])) for point in ring] for polygon in polygons for ring in polygon]


def _fit(
    extent: Sequence[tuple[float, float]], box: tuple[float, float, float, float]
) -> tuple[Callable[[float, float], tuple[float, float]], float]:
    """An equirectangular projection of lng/lat fitting `extent` (plus a margin) into box (x0, y0, x1, y1).

    Longitudes shrink by the cosine of the extent's middle latitude, so shapes keep their proportions
    there. Also returns the pixels per kilometre.
    """
    lats = [lat for _, lat in extent]
    shrink = math.cos(math.radians((min(lats) + max(lats)) / 2))
    xs, ys = [lng * shrink for lng, _ in extent], [-lat for lat in lats]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-3)
    margin = span * 0.05
    west, north = min(xs) - margin, min(ys) - margin
    across, down = max(xs) - min(xs) + 2 * margin, max(ys) - min(ys) + 2 * margin
    scale = min((box[2] - box[0]) / across, (box[3] - box[1]) / down)
    dx = box[0] + ((box[2] - box[0]) - across * scale) / 2
    dy = box[1] + ((box[3] - box[1]) - down * scale) / 2

    def project(lng: float, lat: float) -> tuple[float, float]:
        return dx + (lng * shrink - west) * scale, dy + (-lat - north) * scale

    return project, scale / KM_PER_DEGREE


def _scale_bar(px_per_km: float, *, x: float, y: float, width: float, language: str) -> str:
    """A bar of a round number of kilometres, about a fifth of the map wide."""
    km = width / 5 / px_per_km
    magnitude = 10.0 ** math.floor(math.log10(km))
    length = max((m * magnitude for m in (1, 2, 5) if m * magnitude <= km), default=magnitude)
    decimals = max(0, -math.floor(math.log10(length)))
    end = x + length * px_per_km
    bar = _polyline([(x, y - 5), (x, y), (end, y), (end, y - 5)])
    label = f"{numbers.fixed(length, decimals, language)}\u00a0km"
    return svg.tag(
        "g",
        svg.tag("path", d=bar, fill="none", stroke=TEXT, stroke_width=1.5) + svg.text(end + 6, y, label),
        class_="scale",
    )
