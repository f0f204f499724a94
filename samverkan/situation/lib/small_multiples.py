"""Small multiples: one small line chart per key figure, a line per region over the years. No Django here.

The lägesbild shows Kolada's key figures and the other indicators as a grid of these, each with its table
beside it. A panel is narrow, so its title is wrapped onto up to three lines at its top (the titles of
Kolada's key figures run to 80 characters), and its y axis shows only the lowest and the highest round
value. Series are told apart as in the other charts (charts.PALETTE, DASHES and markers), with a legend.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from xml.sax.saxutils import escape

from samverkan.core import svg
from samverkan.situation.lib import charts

WIDTH = 340
PLOT_HEIGHT = 96
TITLE_SIZE = 13
TITLE_LINE = 16
TITLE_CHARACTERS = 46


def _title_lines(title: str) -> list[str]:
    return textwrap.wrap(title, TITLE_CHARACTERS, max_lines=3, placeholder=" …") or [""]


def small_multiple(
    *,
    chart_id: str,
    title: str,
    summary: str,
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    language: str = "sv",
    width: int = WIDTH,
) -> str:
    """A small line chart of one figure: a line per (name, values) over the x labels; None leaves a gap.

    The accessible image of every chart (svg.chart: role="img", <title> and <desc>), its title drawn on top,
    wrapped.
    """
    for name, values in series:
        charts._check_length(name, values, len(x_labels))
    lines = _title_lines(title)
    spans = "".join(svg.tag("tspan", escape(line), x=0, y=14 + i * TITLE_LINE) for i, line in enumerate(lines))
    parts = [svg.tag("text", spans, font_size=TITLE_SIZE, font_weight="bold", class_="heading")]
    top: float = 14 + (len(lines) - 1) * TITLE_LINE + 6
    present = [value for _, values in series for value in values if value is not None]
    if not present:
        parts.append(svg.text(0, top + 18, charts.NO_DATA, fill=charts.MUTED, font_style="italic", class_="empty"))
        return _chart(chart_id, title, summary, width, top + 28, parts)
    legend, top = charts._legend(
        [(name, charts._series_swatch(i)) for i, (name, _) in enumerate(series)], top=top, width=width
    )
    parts.append(legend)
    ticks = charts.nice_ticks(min(0.0, *present), max(present), count=3)
    texts = charts._tick_texts(ticks, language=language)
    left, right = max(charts._text_width(t, charts.SMALL) for t in texts) + 8, width - 8
    plot_top, bottom = top + 10, top + 10 + PLOT_HEIGHT
    y = charts._scale(ticks[0], ticks[-1], bottom, plot_top)
    for tick, text in zip(ticks, texts, strict=True):
        parts.append(svg.tag("line", x1=left, y1=y(tick), x2=right, y2=y(tick), stroke=charts.GRID))
        parts.append(svg.text(left - 4, y(tick) + 4, text, text_anchor="end", font_size=charts.SMALL, class_="tick"))
    step = (right - left) / len(x_labels)
    every = math.ceil((max(charts._text_width(label, charts.SMALL) for label in x_labels) + 6) / step)
    last = len(x_labels) - 1
    parts += [
        svg.text(left + (i + 0.5) * step, bottom + 14, label, text_anchor="middle", font_size=charts.SMALL)
        for i, label in enumerate(x_labels)
        if (last - i) % every == 0  # the latest year always has its label
    ]
    for i, (_, values) in enumerate(series):
        points = [None if value is None else (left + (j + 0.5) * step, y(value)) for j, value in enumerate(values)]
        parts.append(charts._series(i, points))
    return _chart(chart_id, title, summary, width, bottom + 20, parts)


def _chart(chart_id: str, title: str, summary: str, width: float, height: float, parts: Sequence[str]) -> str:
    return svg.chart(
        chart_id=chart_id,
        title=title,
        summary=summary,
        width=width,
        height=height,
        body=parts,
        class_="chart small-multiple",
        draw_title=False,
    )
