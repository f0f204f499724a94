"""Which agreements a user sees and may change, from the user's scope (samverkan.organisations.access).

Anything outside a user's reach answers 404, so its existence is not revealed.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from samverkan.agreements.models import Agreement
from samverkan.organisations.access import scope_for
from samverkan.organisations.models import User


def _agreement_filter(municipalities: frozenset[int], organisations: frozenset[int]) -> Q:
    # Part 1 belongs to all its parties; part 2 to the municipality it is made for.
    return Q(part=Agreement.Part.STRATEGIC, parties__in=organisations) | Q(
        part=Agreement.Part.LOCAL, municipalities__in=municipalities
    )


def visible_agreements(user: User) -> QuerySet[Agreement]:
    scope = scope_for(user)
    ids = Agreement.objects.filter(_agreement_filter(scope.read_municipalities, scope.read_organisations))
    return Agreement.objects.filter(id__in=ids.values("id"))


def get_agreement_for_user(user: User, pk: int) -> tuple[Agreement, bool]:
    """The agreement and whether the user may change it; 404 for anyone else."""
    scope = scope_for(user)
    agreement = visible_agreements(user).filter(pk=pk).first()
    if agreement is None:
        raise Http404
    writable = Agreement.objects.filter(
        _agreement_filter(scope.write_municipalities, scope.write_organisations), pk=pk
    ).exists()
    return agreement, writable
