"""The one SVG renderer: elements as strings and the accessible <svg> every chart is wrapped in. No Django here.

The lägesbild's charts (samverkan/situation/lib/charts.py) and the årshjul's wheel
(samverkan/followup/seasons/lib/wheel.py) draw with these. A chart is an image with role="img" and a
<title> and a <desc> (the caller's one-sentence summary) named by aria-labelledby; its title is also
drawn at its top as real text, so a printed chart stands alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

SVG_NS = "http://www.w3.org/2000/svg"
TEXT = "#1a1a1a"  # 17:1 against white
FONT = 12
TITLE_FONT = 14

BAD_CHART_ID = "chart_id must start with a letter and hold only letters, digits, '-' and '_': {chart_id!r}"

_CHART_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def tag(name: str, body: str | None = None, /, **attributes: object) -> str:
    """An element; `stroke_width=2` is written stroke-width="2" and `class_` class. None leaves one out.

    `body` is markup, so text in it must be escaped already (as `text` does).
    """
    written = "".join(
        f" {key.rstrip('_').replace('_', '-')}={quoteattr(number(value) if isinstance(value, float) else str(value))}"
        for key, value in attributes.items()
        if value is not None
    )
    return f"<{name}{written}/>" if body is None else f"<{name}{written}>{body}</{name}>"


def text(x: float, y: float, content: str, **attributes: object) -> str:
    """A <text> at (x, y) holding `content`, escaped."""
    return tag("text", escape(content), x=x, y=y, **attributes)


def number(value: float) -> str:
    """A coordinate: a tenth of a unit is finer than any screen or printer shows."""
    return f"{value:.1f}".removesuffix(".0")


def chart(
    *,
    chart_id: str,
    title: str,
    summary: str,
    width: float,
    height: float,
    body: Sequence[str],
    class_: str = "chart",
    draw_title: bool = True,
) -> str:
    """The <svg> around a chart's `body`: its title and summary for assistive technology, its title drawn on top
    (unless `draw_title` is False: a narrow chart draws its title wrapped in its body).

    `chart_id` prefixes the ids of the title and the description, so it must be unique on the page.
    """
    if not _CHART_ID.fullmatch(chart_id):
        raise ValueError(BAD_CHART_ID.format(chart_id=chart_id))
    head = tag("title", escape(title), id=f"{chart_id}-title") + tag("desc", escape(summary), id=f"{chart_id}-desc")
    heading = text(0, 18, title, font_size=TITLE_FONT, font_weight="bold", class_="heading") if draw_title else ""
    return tag(
        "svg",
        head + heading + "".join(body),
        xmlns=SVG_NS,
        viewBox=f"0 0 {number(width)} {math.ceil(height)}",
        width="100%",
        role="img",
        aria_labelledby=f"{chart_id}-title {chart_id}-desc",
        font_family="sans-serif",
        font_size=FONT,
        fill=TEXT,
        class_=class_,
    )
