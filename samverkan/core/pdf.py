"""Every PDF the service makes: a template rendered to an A4 PDF tagged for assistive technology (PDF/UA-1).

WeasyPrint writes the structure tree from the HTML (headings, tables, lists, figures), marks the document
as tagged, and takes the document's language from <html lang> and its title from <title>. Templates extend
pdf_base.html, which sets both, the page and the fonts, so every PDF looks alike and reads aloud alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string


def pdf_from_template(template: str, context: Mapping[str, Any], *, request: HttpRequest | None = None) -> bytes:
    """The tagged PDF of `template` rendered with `context` (and the context processors, given a request)."""
    html = render_to_string(template, dict(context), request=request)
    from weasyprint import HTML  # heavy: loaded with the first PDF, not at start-up

    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
