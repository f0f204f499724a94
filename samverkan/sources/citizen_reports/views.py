"""The citizens' e-service "Tipsa om en otrygg plats" and its review by the municipality's staff.

The public pages need no login. A report stores nothing about its sender; the form is guarded like the other public
forms (samverkan.core.clients: the per-client rate limit, kept in the cache only, and a honeypot). The receipt
page, reached only by its unguessable token, shows the status and the municipality's answer, never the photo.
The staff pages reach reports through access.py: the municipality's own staff read, its coordinators review.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from samverkan.core import clients
from samverkan.core.audit import record_read
from samverkan.core.forms import form_status
from samverkan.organisations.access import require_write
from samverkan.organisations.geography import map_config
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.sources.citizen_reports import selectors, services
from samverkan.sources.citizen_reports.access import (
    get_citizen_report_for_user,
    get_municipality_reports_for_user,
    report_municipalities,
)
from samverkan.sources.citizen_reports.forms import HandlingForm, ReportForm, ReviewForm
from samverkan.sources.citizen_reports.models import CitizenReport, ReportPhoto

PAGE_SIZE = 25


def _places(municipality) -> list[list]:
    return [[p.lat, p.lng, p.name] for p in municipality.named_places.all()]


# Citizens: no login.


@require_safe
def report_start(request: HttpRequest) -> HttpResponse:
    """Which municipality the place is in."""
    return render(request, "citizen_reports/start.html", {"municipalities": selectors.offering_municipalities()})


def report_new(request: HttpRequest, code: str) -> HttpResponse:
    municipality = get_object_or_404(selectors.offering_municipalities(), code=code)
    posted = request.method == "POST"
    form = ReportForm(request.POST if posted else None, request.FILES if posted else None, municipality=municipality)
    context: dict = {"municipality": municipality, "form": form, "map": map_config([municipality])}
    if request.method == "POST":
        if wait := clients.public_form_wait(request):
            return clients.too_many(request, "citizen_reports/new.html", context, wait=wait)
        if clients.honeypot_filled(request):
            return render(request, "citizen_reports/new.html", context, status=400)  # nothing is stored
        if form.is_valid():
            try:
                report = services.citizen_report_submit(municipality=municipality, submission=form.submission())
            except ValidationError as error:
                form.add_service_error(error)
            else:
                return redirect("citizen_report_receipt", report.token)
    return render(request, "citizen_reports/new.html", context, status=form_status(form))


@never_cache
@require_safe
def report_receipt(request: HttpRequest, token: str) -> HttpResponse:
    """The citizen's receipt: the report as sent (never its photo), its status and the municipality's answer."""
    report = selectors.receipt(token)
    context = {
        "report": report,
        "statuses": list(CitizenReport.Status),
        "receipt_link": request.build_absolute_uri(report.receipt_url()),
        "has_photo": ReportPhoto.objects.filter(report=report).exists(),
    }
    response = render(request, "citizen_reports/receipt.html", context)
    response["Referrer-Policy"] = "no-referrer"  # the token stays in this page's address only
    response["X-Robots-Tag"] = "noindex"
    return response


# Staff: the municipality's own people read, its coordinators review and answer.


@login_required
@require_safe
def report_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The municipalities whose reports the user reads; with one, its list at once; with none (the police, the
    partners), a word on who reads them."""
    municipalities = list(report_municipalities(request.user))
    if len(municipalities) == 1:
        return redirect("citizen_reports_municipality", municipalities[0].code)
    return render(request, "citizen_reports/list_choose.html", {"municipalities": municipalities})


@login_required
@require_safe
def report_municipality(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    municipality, can_review = get_municipality_reports_for_user(request, code)
    status = request.GET.get("status", "")
    reports = selectors.reports_of(municipality, status=status)
    context = {
        "municipality": municipality,
        "page": Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page")),
        "status": status,
        "counts": selectors.status_counts(municipality),
        "can_review": can_review,
    }
    return render(request, "citizen_reports/list.html", context)


def _render_detail(
    request: AuthenticatedHttpRequest,
    report: CitizenReport,
    can_review: bool,
    *,
    review: ReviewForm | None = None,
    handling: HandlingForm | None = None,
) -> HttpResponse:
    failed = review is not None and review.errors or handling is not None and handling.errors
    if can_review:
        if report.decision == CitizenReport.Decision.NONE:
            review = review or ReviewForm(municipality=report.municipality)
        else:
            handling = handling or HandlingForm(report=report)
    context = {
        "report": report,
        "can_review": can_review,
        "review": review,
        "handling": handling,
        "has_photo": ReportPhoto.objects.filter(report=report).exists(),
        "map": map_config([report.municipality], points=[[report.lat, report.lng, report.get_category_display()]]),
    }
    return render(request, "citizen_reports/detail.html", context, status=400 if failed else 200)


@login_required
def report_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report, can_review = get_citizen_report_for_user(request, pk)
    if request.method == "POST":
        require_write(can_review)
        return _handle(request, report)
    record_read(request, report, "citizen_report")
    return _render_detail(request, report, can_review)


def _handle(request: AuthenticatedHttpRequest, report: CitizenReport) -> HttpResponse:
    if request.POST.get("action") == "review":
        review = ReviewForm(request.POST, municipality=report.municipality)
        if review.is_valid():
            data = review.cleaned_data
            try:
                services.citizen_report_review(
                    report=report,
                    accept=data["decision"] == "accept",
                    incident_category=data["incident_category"],
                    severity=data["severity"] or 1,
                    by=request.user,
                )
            except ValidationError as error:
                review.add_service_error(error)
            else:
                accepted = data["decision"] == "accept"
                messages.success(
                    request,
                    _("The report was accepted into the incident log.") if accepted else _("The report was rejected."),
                )
                return redirect(report)
        return _render_detail(request, report, True, review=review)
    if report.decision == CitizenReport.Decision.NONE:
        review = ReviewForm(request.POST, municipality=report.municipality)
        review.is_valid()
        return _render_detail(request, report, True, review=review)
    handling = HandlingForm(request.POST, report=report)
    if handling.is_valid():
        try:
            services.citizen_report_handle(
                report=report,
                status=handling.cleaned_data["status"],
                answer=handling.cleaned_data["answer"],
                by=request.user,
            )
        except ValidationError as error:
            handling.add_service_error(error)
        else:
            messages.success(request, _("Saved."))
            return redirect(report)
    return _render_detail(request, report, True, handling=handling)


@login_required
@require_safe
def report_photo(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The report's photo for the municipality's staff: never a public address, never cached."""
    report, _can_review = get_citizen_report_for_user(request, pk)
    photo = get_object_or_404(ReportPhoto, report=report)
    record_read(request, report, "citizen_report_photo")
    response = HttpResponse(bytes(photo.image), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = f'inline; filename="tips-{report.pk}.jpg"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
