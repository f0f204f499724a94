"""Which agreements a user sees and may change, from the user's scope (samverkan.organisations.access).

Anything outside a user's reach answers 404, so its existence is not revealed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from samverkan.agreements.models import Agreement, ChangeProposal
from samverkan.agreements.services import is_administrator
from samverkan.organisations.access import scope_for
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import Organisation, User


def _agreement_filter(municipalities: frozenset[int], organisations: frozenset[int]) -> Q:
    # Part 1 belongs to all its parties; part 2 to the municipality it is made for.
    return Q(part=Agreement.Part.STRATEGIC, parties__in=organisations) | Q(
        part=Agreement.Part.LOCAL, municipalities__in=municipalities
    )


def visible_agreements(user: User) -> QuerySet[Agreement]:
    scope = scope_for(user)
    ids = Agreement.objects.filter(_agreement_filter(scope.read_municipalities, scope.read_organisations))
    return Agreement.objects.filter(id__in=ids.values("id"))


def writable_agreements(user: User) -> QuerySet[Agreement]:
    """The agreements the user may change: a part 1 of a party the user writes for, a part 2 of a municipality
    the user writes for."""
    scope = scope_for(user)
    ids = Agreement.objects.filter(_agreement_filter(scope.write_municipalities, scope.write_organisations))
    return Agreement.objects.filter(id__in=ids.values("id"))


def get_agreement_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Agreement, bool]:
    """The agreement and whether the user may change it; 404 for anyone else."""
    agreement = visible_agreements(request.user).filter(pk=pk).first()
    if agreement is None:
        raise Http404
    return agreement, writable_agreements(request.user).filter(pk=pk).exists()


@dataclass(frozen=True)
class ProposalView:
    """A change proposal as one user meets it: whom it waits for, and what the user may do with it."""

    proposal: ChangeProposal
    waiting_for: list[Organisation]
    answer_for: list[Organisation]  # the parties still to answer that the user answers for
    may_withdraw: bool
    may_apply: bool


def visible_proposals(user: User) -> QuerySet[ChangeProposal]:
    """The proposals a user's organisations are asked to answer (or made); an administrator sees all."""
    if is_administrator(user):
        return ChangeProposal.objects.all()
    ids = ChangeProposal.objects.filter(answers__organisation__in=scope_for(user).read_organisations)
    return ChangeProposal.objects.filter(id__in=ids.values("id"))


def _view(user: User, proposal: ChangeProposal) -> ProposalView:
    writes_for = scope_for(user).write_organisations
    answers = list(proposal.answers.select_related("organisation"))
    waiting = [a.organisation for a in answers if a.accepted is None] if proposal.is_open else []
    proposer = proposal.proposed_by_id == user.pk or proposal.proposer_organisation_id in writes_for
    return ProposalView(
        proposal=proposal,
        waiting_for=waiting,
        answer_for=[o for o in waiting if o.pk in writes_for],
        may_withdraw=proposal.is_open and proposer,
        may_apply=proposal.is_open and is_administrator(user),
    )


def open_proposals(user: User, proposals: QuerySet[ChangeProposal]) -> list[ProposalView]:
    """The open ones among `proposals` that the user sees."""
    found = proposals.filter(status=ChangeProposal.Status.OPEN, id__in=visible_proposals(user).values("id"))
    return [_view(user, proposal) for proposal in found.select_related("proposed_by", "proposer_organisation")]


def get_proposal_for_user(request: AuthenticatedHttpRequest, pk: int) -> ProposalView:
    """The proposal as the user meets it, with what the user may do with it (a proposal is answered, withdrawn
    or applied, each by its own people); 404 for anyone whose organisation is not asked."""
    proposal = visible_proposals(request.user).filter(pk=pk).select_related("agreement", "group").first()
    if proposal is None:
        raise Http404
    return _view(request.user, proposal)


def writes_for_a_party(user: User, proposal: ChangeProposal) -> bool:
    """Whether the user answers for one of the proposal's parties, answered or not."""
    return proposal.answers.filter(organisation__in=scope_for(user).write_organisations).exists()
