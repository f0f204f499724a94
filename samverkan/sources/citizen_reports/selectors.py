"""The reads of the citizens' reports that pages share."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from samverkan.organisations.models import Municipality, Organisation
from samverkan.sources.citizen_reports.models import CitizenReport


def reports_of(municipality: Municipality, *, status: str = "") -> QuerySet[CitizenReport]:
    reports = CitizenReport.objects.filter(municipality=municipality).select_related("place")
    if status in CitizenReport.Status.values:
        reports = reports.filter(status=status)
    return reports


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


def status_counts(municipality: Municipality) -> list[StatusCount]:
    counts = dict(
        CitizenReport.objects.filter(municipality=municipality)
        .order_by()
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    return [StatusCount(s.value, str(s.label), counts.get(s.value, 0)) for s in CitizenReport.Status]


def receipt(token: str) -> CitizenReport:
    """The report behind a receipt token, or 404: the token is the only key, and says nothing of the others."""
    return get_object_or_404(CitizenReport.objects.select_related("municipality", "place"), token=token)


def offering_municipalities() -> QuerySet[Municipality]:
    """The municipalities that take reports: those whose own organisation works in Samverkan, to review them."""
    return Municipality.objects.filter(organisations__kind=Organisation.Kind.MUNICIPALITY).distinct()
