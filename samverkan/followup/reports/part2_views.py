"""A part 2 agreement as a tagged PDF: its texts and its linked objects (samverkan.followup.reports.part2)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse

from samverkan.agreements.access import get_agreement_for_user
from samverkan.core import clock
from samverkan.core.audit import record_export
from samverkan.core.pdf import pdf_from_template
from samverkan.followup.reports.part2 import part2_structure
from samverkan.organisations.http import AuthenticatedHttpRequest


@login_required
def part2_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agreement, _can_write = get_agreement_for_user(request, pk)
    data = part2_structure(agreement, user=request.user, today=clock.today())
    if data is None:
        raise Http404
    record_export(request, "part2", agreement, detail="pdf")
    pdf = pdf_from_template("reports/part2_pdf.html", {"data": data})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="del2-{agreement.pk}.pdf"'
    return response
