"""The pages above every layer: the staff overview (or the citizens' entrance) and a municipality's page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views import defaults

from samverkan.agreements.access import visible_agreements
from samverkan.api.errors import NOT_FOUND, error_body
from samverkan.core import clock
from samverkan.followup.week import coordinator_week
from samverkan.organisations.access import (
    get_municipality_for_user,
    report_municipalities,
    visible_municipalities,
)
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import GroupMember, Membership, Role
from samverkan.planning.promises.selectors import citizens_entrance
from samverkan.situation.access import visible_baselines


def overview(request: HttpRequest) -> HttpResponse:
    """Staff see their overview; everyone else the citizens' entrance."""
    if not request.user.is_authenticated:
        return render(request, "promises/citizens_home.html", citizens_entrance(today=clock.today()))
    today = clock.today()
    agreements = visible_agreements(request.user).prefetch_related("municipalities")
    context = {
        "municipalities": visible_municipalities(request.user).prefetch_related("resident_counts"),
        "agreements": agreements,
        "revision_due": [(a, a.days_left(today)) for a in agreements if a.needs_revision(today)],
        "today": today,
        "memberships": request.user.memberships.select_related("organisation", "municipality"),
        "can_report": report_municipalities(request.user).exists(),
        "week": coordinator_week(user=request.user, today=today),
    }
    return render(request, "organisations/overview.html", context)


@login_required
def municipality(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    municipality, can_write = get_municipality_for_user(request, code)
    latest = municipality.present_population.order_by("-year").values_list("year", flat=True).first()
    context = {
        "municipality": municipality,
        "can_write": can_write,
        "residents": municipality.resident_counts.order_by("-year"),
        "present_year": latest,
        "present_population": municipality.present_population.filter(year=latest) if latest is not None else [],
        "agreements": visible_agreements(request.user).filter(municipalities=municipality),
        "groups": municipality.collaboration_groups.prefetch_related(
            "municipalities", Prefetch("members", GroupMember.objects.select_related("organisation"))
        ),
        "contacts": Membership.objects.filter(
            role__in=[Role.COORDINATOR, Role.POLICE_CONTACT], organisation__municipalities=municipality
        )
        .filter(Q(municipality=None) | Q(municipality=municipality))
        .select_related("user", "organisation")
        .order_by("organisation__name"),
        "today": clock.today(),
        # An adopted lägesbild holds the owner's full figures: listed inside the municipality only.
        "baselines": visible_baselines(request.user).filter(municipality=municipality),
    }
    return render(request, "organisations/municipality.html", context)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 404 page; under /api/, where no endpoint has the path, the API's one error object (the endpoints answer
    their own 404s with it)."""
    if request.path_info.startswith("/api/"):
        return JsonResponse(error_body("not_found", NOT_FOUND), status=404)
    return defaults.page_not_found(request, exception)
