"""The lägesbild as an A4 PDF (WeasyPrint), from the same data and charts as the page."""

from __future__ import annotations

from django.template.loader import render_to_string

from samverkan.situation.audience import ShownJoint, ShownPicture


def pdf_for(data: ShownPicture | ShownJoint, charts: dict[str, dict[str, str]]) -> bytes:
    from weasyprint import HTML  # heavy: loaded when the first PDF is made, not at start-up

    joint = isinstance(data, ShownJoint)
    html = render_to_string("situation/report.html", {"data": data, "charts": charts, "joint": joint})
    return HTML(string=html).write_pdf()
