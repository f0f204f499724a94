"""The lägesbild as an A4 PDF (WeasyPrint), from the same data and charts as the page."""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML


def pdf_for(data: dict, charts: dict[str, dict[str, str]]) -> bytes:
    html = render_to_string("situation/report.html", {"data": data, "charts": charts, "joint": "police_area" in data})
    return HTML(string=html).write_pdf()
