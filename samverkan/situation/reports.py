"""The lägesbild as a tagged A4 PDF, from the same data and charts as the page."""

from __future__ import annotations

from samverkan.core.pdf import pdf_from_template
from samverkan.situation.audience import ShownJoint, ShownPicture
from samverkan.situation.presentation import glance, key_figure_panels


def pdf_for(data: ShownPicture | ShownJoint, charts: dict[str, dict[str, str]]) -> bytes:
    """Every section open: the PDF shows what the page keeps behind its sections' summaries."""
    if isinstance(data, ShownJoint):
        return pdf_from_template("situation/report.html", {"data": data, "charts": charts, "joint": True, "pdf": True})
    context = {
        "data": data,
        "charts": charts,
        "glance": glance(data),
        "key_figures": key_figure_panels(data),
        "pdf": True,
    }
    return pdf_from_template("situation/report.html", context)
