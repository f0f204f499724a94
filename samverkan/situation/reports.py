"""The lägesbild as a tagged A4 PDF, from the same data and charts as the page."""

from __future__ import annotations

from samverkan.core.pdf import pdf_from_template
from samverkan.situation.audience import ShownJoint, ShownPicture


def pdf_for(data: ShownPicture | ShownJoint, charts: dict[str, dict[str, str]]) -> bytes:
    joint = isinstance(data, ShownJoint)
    return pdf_from_template("situation/report.html", {"data": data, "charts": charts, "joint": joint})
