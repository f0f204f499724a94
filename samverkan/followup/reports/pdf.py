"""The annual report as an A4 PDF (WeasyPrint), tagged for assistive technology, from the same sections as
the web version."""

from __future__ import annotations

from django.template.loader import render_to_string


def pdf_for(data: dict, template: str = "reports/annual_pdf.html") -> bytes:
    """The tagged PDF of a report's data (the annual report, or another report through the same pipeline)."""
    html = render_to_string(template, {"data": data})
    from weasyprint import HTML  # heavy: loaded with the first PDF, not at start-up

    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
