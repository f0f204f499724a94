"""The boxes an SVG's texts take, worked out from the SVG alone (not from the code that placed them), so a test
can say that no two labels overlap and every one lies inside the viewBox.

A text's width is its length times 0.6 of its font size: wider than the average sans-serif letter, so a box
errs on the side of room. It reaches from its baseline 0.8 of the size up and 0.25 down.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG = "{http://www.w3.org/2000/svg}"
WIDTH_PER_SIZE = 0.6


@dataclass(frozen=True)
class Box:
    text: str
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        across = self.left < other.right and other.left < self.right
        return across and self.top < other.bottom and other.top < self.bottom

    def inside(self, width: float, height: float) -> bool:
        return self.left >= 0 and self.right <= width and self.top >= 0 and self.bottom <= height


def _inherited(element: ET.Element, parents: dict[ET.Element, ET.Element], name: str) -> str | None:
    while element is not None:
        if element.get(name) is not None:
            return element.get(name)
        element = parents.get(element)  # type: ignore[assignment]
    return None


def _shift(element: ET.Element, parents: dict[ET.Element, ET.Element]) -> tuple[float, float]:
    """The sum of the translate() transforms of the element's ancestors (the only transform the charts use)."""
    dx = dy = 0.0
    while element is not None:
        found = re.fullmatch(r"translate\(([-\d.]+)[ ,]*([-\d.]*)\)", element.get("transform", "").strip())
        if found:
            dx, dy = dx + float(found[1]), dy + float(found[2] or 0)
        element = parents.get(element)  # type: ignore[assignment]
    return dx, dy


def text_boxes(svg: str, class_: str | None = None) -> list[Box]:
    """The box of every <text> (of the class, if one is given), by its x, y, text-anchor, font-size and the
    translations around it."""
    root = ET.fromstring(svg)
    parents = {child: parent for parent in root.iter() for child in parent}
    boxes = []
    for element in root.iter(f"{SVG}text"):
        if class_ is not None and class_ not in element.get("class", "").split():
            continue
        content = "".join(element.itertext())
        size = float(_inherited(element, parents, "font-size") or 16)
        anchor = _inherited(element, parents, "text-anchor") or "start"
        dx, dy = _shift(element, parents)
        x, y = float(element.get("x", 0)) + dx, float(element.get("y", 0)) + dy
        width = len(content) * size * WIDTH_PER_SIZE
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        boxes.append(Box(content, left, y - 0.8 * size, left + width, y + 0.25 * size))
    return boxes


def view_size(svg: str) -> tuple[float, float]:
    _x, _y, width, height = (float(n) for n in (ET.fromstring(svg).get("viewBox") or "").split())
    return width, height
