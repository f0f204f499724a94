"""Who reaches the citizens' reports: the municipality's own staff only (its organisation's members), since a
report holds a citizen's text and photo; its coordinators review and answer. Everyone else, the police of the area
included, gets 404. The citizen reaches their own report only through its receipt token (selectors.receipt)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from samverkan.organisations.access import scope_for
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import Municipality, User
from samverkan.sources.citizen_reports.models import CitizenReport


def report_municipalities(user: User) -> QuerySet[Municipality]:
    """The municipalities whose reports the user reads: those of their own municipal organisation."""
    return Municipality.objects.filter(id__in=scope_for(user).owned_municipalities)


def can_review(user: User, municipality_id: int) -> bool:
    scope = scope_for(user)
    return municipality_id in scope.owned_municipalities and municipality_id in scope.write_municipalities


def get_municipality_reports_for_user(request: AuthenticatedHttpRequest, code: str) -> tuple[Municipality, bool]:
    """The municipality whose reports are listed, and whether the user reviews them; 404 for anyone else."""
    municipality = report_municipalities(request.user).filter(code=code).first()
    if municipality is None:
        raise Http404
    return municipality, can_review(request.user, municipality.id)


def get_citizen_report_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[CitizenReport, bool]:
    """The report and whether the user reviews and answers it; 404 for anyone outside the municipality's staff."""
    report = (
        CitizenReport.objects.select_related("municipality", "place", "incident", "reviewed_by")
        .filter(pk=pk, municipality_id__in=scope_for(request.user).owned_municipalities)
        .first()
    )
    if report is None:
        raise Http404
    return report, can_review(request.user, report.municipality_id)
