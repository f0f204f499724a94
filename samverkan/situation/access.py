"""Which police areas' joint pictures, which regions' comparisons and which adopted situation pictures a user
reaches, and may adopt.

An adopted lägesbild holds the full figures, so it is for the parties to it (DOMAIN.md §4): a municipality's, for
the municipality's own organisation and the police of its area; a joint one, for the readers of its police area.
The pages that list adopted pictures list those the user may open. Anything outside a user's reach answers 404,
so its existence is not revealed.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from samverkan.organisations.access import owns_municipality, scope_for
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import Organisation, User
from samverkan.situation.models import Baseline
from samverkan.situation.regional import REGIONAL_KINDS
from samverkan.situation.selectors import joint_municipalities


def readable_police_areas(user: User) -> QuerySet[Organisation]:
    """The police areas whose joint picture the user reads."""
    return Organisation.objects.filter(id__in=scope_for(user).read_organisations, kind=Organisation.Kind.POLICE_AREA)


def adopts_joint(user: User, area: Organisation) -> bool:
    """Whether the user adopts the police area's joint picture: one who may change every municipality of it."""
    return {m.id for m in joint_municipalities(area)} <= scope_for(user).write_municipalities


def visible_baselines(user: User) -> QuerySet[Baseline]:
    """The adopted pictures the user opens: of the municipalities the user is a party to, and of the police areas
    the user reads."""
    party = scope_for(user).party_municipalities
    areas = readable_police_areas(user).values("id")
    return Baseline.objects.filter(Q(municipality__in=party) | Q(police_area__in=areas))


def get_police_area_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Organisation, bool]:
    """The police area and whether the user adopts its joint picture; 404 for anyone who does not read it."""
    area = readable_police_areas(request.user).filter(pk=pk).first()
    if area is None:
        raise Http404
    return area, adopts_joint(request.user, area)


def readable_police_regions(user: User) -> QuerySet[Organisation]:
    """The police regions and polisområden whose regional comparison the user reads: those the user belongs to, and
    those under them."""
    return Organisation.objects.filter(id__in=scope_for(user).read_organisations, kind__in=REGIONAL_KINDS)


def get_police_region_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Organisation, bool]:
    """The police region or polisområde, and whether the user changes anything of it (no one: its comparison is
    only read); 404 for anyone who does not read it."""
    region = readable_police_regions(request.user).filter(pk=pk).first()
    if region is None:
        raise Http404
    return region, False


def get_baseline_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Baseline, bool]:
    """The adopted picture, and whether the user adopts its next version (a baseline itself never changes); 404
    for anyone but the parties to it."""
    queryset = visible_baselines(request.user).select_related("municipality", "police_area", "adopted_by")
    baseline = queryset.filter(pk=pk).first()
    if baseline is None:
        raise Http404
    if baseline.municipality is not None:
        municipality = baseline.municipality
        writes = municipality.id in scope_for(request.user).write_municipalities
        return baseline, writes and owns_municipality(request.user, municipality)
    assert baseline.police_area is not None  # a baseline is a municipality's or a police area's
    return baseline, adopts_joint(request.user, baseline.police_area)
