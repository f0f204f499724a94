"""Every change to an agreement goes through here, so its history is complete."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any, cast

from django.db import models, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import (
    Agreement,
    AgreementChange,
    ChangeProposal,
    Commitment,
    CommunicationItem,
    ProposalAnswer,
    Section,
    Signatory,
)
from samverkan.core import clock
from samverkan.organisations.access import scope_for
from samverkan.organisations.models import CollaborationGroup, Municipality, Organisation, User

REVISION_ALREADY_STARTED = "A revision of this agreement has already been started."
AGREEMENT_LOCKED = _(
    "The agreement is signed by every party and can no longer be changed: changes go through a revision "
    "(Start revision), which keeps this version."
)
NOT_SIGNED_BY_ALL = _(
    "An agreement is in force only when every party has signed it: add a signatory for each party, with the day "
    "they signed."
)
STATUS_NOT_CHOSEN = _(
    "Only Draft and Being signed are chosen by hand: In force follows from the signatures, Expired from the end "
    "date and Under revision from a revision."
)
ALREADY_SIGNED = _("The signatory has already signed.")
ONLY_SIGNED_REVISED = _("Only a signed agreement is revised: change the draft itself.")
HAND_SET_STATUSES = (Agreement.Status.DRAFT, Agreement.Status.SIGNING)
# A part 2 agreement's sections, in order.
LOCAL_SECTIONS = [Section.Kind.LOCAL_GOALS, Section.Kind.IMPLEMENTATION, Section.Kind.FOLLOW_UP, Section.Kind.PROMISES]
PARTIES_NEED_CONSENT = _("A part 1 agreement's parties change only through a proposal the other parties accept.")
PROPOSAL_ALREADY_OPEN = _("A change is already waiting for the parties' answers: answer or withdraw it first.")
PROPOSAL_NOT_OPEN = _("The proposal has already been decided.")
NOTHING_TO_ANSWER = _("Your organisation has already answered the proposal.")


Action = AgreementChange.Action


def _record(agreement: Agreement, by: User | None, action: str, subject: str = "", **extra: Any) -> None:
    AgreementChange.objects.create(agreement=agreement, by=by, action=action, subject=subject, **extra)


def _display(agreement: Agreement, name: str) -> str:
    field = cast(models.Field, agreement._meta.get_field(name))  # the agreement's own fields, never a reverse relation
    if field.many_to_many:
        return ", ".join(sorted(str(item) for item in getattr(agreement, name).all()))
    if field.choices:
        return str(getattr(agreement, f"get_{name}_display")())
    value = getattr(agreement, name)
    return "" if value is None else str(value)


def _ensure_unlocked(agreement: Agreement) -> None:
    if agreement.is_locked:
        raise ValueError(str(AGREEMENT_LOCKED))


def is_fully_signed(agreement: Agreement) -> bool:
    """Every party has a signatory, and every signatory has signed."""
    signatories = list(agreement.signatories.all())
    signed_for = {s.organisation_id for s in signatories if s.signed_on is not None}
    parties = set(agreement.parties.values_list("pk", flat=True))
    return bool(parties) and all(s.signed_on is not None for s in signatories) and parties <= signed_for


def _settle_signing(agreement: Agreement, by: User | None) -> None:
    """The last signature puts the agreement in force (from its start date) and locks it."""
    if agreement.is_locked or not is_fully_signed(agreement):
        return
    signed_on = max(s.signed_on for s in agreement.signatories.all() if s.signed_on is not None)
    agreement.signed_on = signed_on
    agreement.status = Agreement.Status.IN_FORCE
    agreement.save(update_fields=["signed_on", "status"])
    _record(agreement, by, Action.SIGNED, signed_on.isoformat())


def _check_status(agreement: Agreement, status: str) -> None:
    if status == agreement.status or status in HAND_SET_STATUSES:
        return
    if status == Agreement.Status.IN_FORCE:
        raise ValueError(str(NOT_SIGNED_BY_ALL))
    raise ValueError(str(STATUS_NOT_CHOSEN))


def is_administrator(user: User | None) -> bool:
    """A superuser applies a shared change without the parties' answers."""
    return user is not None and user.is_active and user.is_superuser


def _changes_parties(agreement: Agreement, fields: dict[str, Any]) -> bool:
    if agreement.part != Agreement.Part.STRATEGIC or "parties" not in fields:
        return False
    return {p.pk for p in fields["parties"]} != set(agreement.parties.values_list("pk", flat=True))


@transaction.atomic
def agreement_update(*, agreement: Agreement, by: User, fields: dict[str, Any], sections: dict[str, str]) -> list[str]:
    """Apply changed fields and section texts; record what changed. Returns the changed keys.

    A part 1's parties are every party's: only an administrator changes them here, anyone else proposes the
    change (agreement_edit, agreement_parties_propose)."""
    _ensure_unlocked(agreement)
    if "status" in fields:
        _check_status(agreement, fields["status"])
    if _changes_parties(agreement, fields) and not is_administrator(by):
        raise ValueError(str(PARTIES_NEED_CONSENT))
    changes: dict[str, list[str]] = {}
    for name, new in fields.items():
        field = agreement._meta.get_field(name)
        old_display = _display(agreement, name)
        if field.many_to_many:
            getattr(agreement, name).set(new)
        else:
            setattr(agreement, name, new)
        new_display = _display(agreement, name)
        if old_display != new_display:
            changes[name] = [old_display, new_display]
    agreement.full_clean()
    agreement.save()
    for section in agreement.sections.all():
        body = sections.get(section.kind)
        if body is not None and body != section.body:
            changes[f"section:{section.kind}"] = [section.body, body]
            section.body = body
            section.save(update_fields=["body"])
    if changes:
        _record(agreement, by, Action.UPDATED, details=changes)
    _settle_signing(agreement, by)  # a party without a signature may have been removed
    return list(changes)


def commitment_add(*, agreement: Agreement, by: User, **values: Any) -> Commitment:
    _ensure_unlocked(agreement)
    order = agreement.commitments.count() + 1
    commitment = Commitment(agreement=agreement, order=order, **values)
    commitment.full_clean()
    commitment.save()
    _record(agreement, by, Action.COMMITMENT_ADDED, commitment.text[:300])
    return commitment


def commitment_delete(*, commitment: Commitment, by: User) -> None:
    _ensure_unlocked(commitment.agreement)
    _record(commitment.agreement, by, Action.COMMITMENT_REMOVED, commitment.text[:300])
    commitment.delete()


def communication_item_add(*, agreement: Agreement, by: User, **values: Any) -> CommunicationItem:
    _ensure_unlocked(agreement)
    item = CommunicationItem(agreement=agreement, **values)
    item.full_clean()
    item.save()
    _record(agreement, by, Action.COMMUNICATION_ADDED, item.message[:300])
    return item


def communication_item_delete(*, item: CommunicationItem, by: User) -> None:
    _ensure_unlocked(item.agreement)
    _record(item.agreement, by, Action.COMMUNICATION_REMOVED, item.message[:300])
    item.delete()


def _signatory_subject(signatory: Signatory) -> str:
    return f"{signatory.name}, {signatory.title} ({signatory.organisation})"[:300]


@transaction.atomic
def signatory_add(*, agreement: Agreement, by: User, **values: Any) -> Signatory:
    """Add a signatory, signed or not; the last signature puts the agreement in force."""
    _ensure_unlocked(agreement)
    signatory = Signatory(agreement=agreement, **values)
    signatory.full_clean()
    signatory.save()
    _record(agreement, by, Action.SIGNATORY_ADDED, _signatory_subject(signatory))
    _settle_signing(agreement, by)
    return signatory


@transaction.atomic
def signatory_sign(*, signatory: Signatory, signed_on: datetime.date, by: User) -> Signatory:
    """Record the day a signatory signed (never in the future); the last signature puts the agreement in force."""
    agreement = signatory.agreement
    _ensure_unlocked(agreement)
    if signatory.signed_on is not None:
        raise ValueError(str(ALREADY_SIGNED))
    signatory.signed_on = signed_on
    signatory.full_clean()
    signatory.save(update_fields=["signed_on"])
    _record(agreement, by, Action.SIGNATORY_SIGNED, f"{_signatory_subject(signatory)[:280]} {signed_on.isoformat()}")
    _settle_signing(agreement, by)
    return signatory


def signatory_delete(*, signatory: Signatory, by: User) -> None:
    _ensure_unlocked(signatory.agreement)
    _record(signatory.agreement, by, Action.SIGNATORY_REMOVED, _signatory_subject(signatory))
    signatory.delete()


def _next_period(agreement: Agreement) -> tuple[datetime.date, datetime.date]:
    starts = agreement.ends_on + datetime.timedelta(days=1)
    years = max(round((agreement.ends_on - agreement.starts_on).days / 365.25), 1)
    return starts, starts.replace(year=starts.year + years) - datetime.timedelta(days=1)


def _title_for_period(title: str, old: Agreement, starts: datetime.date, ends: datetime.date) -> str:
    old_period = f"{old.starts_on.year}–{old.ends_on.year}"
    new_period = f"{starts.year}–{ends.year}"
    return title.replace(old_period, new_period) if old_period in title else f"{title} ({new_period})"


@transaction.atomic
def agreement_start_revision(*, agreement: Agreement, by: User) -> Agreement:
    """Copy the agreement into a draft for the next period, linked to the one it revises."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if hasattr(agreement, "revision"):
        raise ValueError(REVISION_ALREADY_STARTED)
    if not agreement.is_locked:
        raise ValueError(str(ONLY_SIGNED_REVISED))
    starts, ends = _next_period(agreement)
    # A part 2 complements the part 1 of its period: the revision of its part 1 once that has been started.
    strategic = agreement.strategic
    if strategic is not None and hasattr(strategic, "revision"):
        strategic = strategic.revision
    draft = Agreement.objects.create(
        title=_title_for_period(agreement.title, agreement, starts, ends),
        part=agreement.part,
        status=Agreement.Status.DRAFT,
        starts_on=starts,
        ends_on=ends,
        strategic=strategic,
        revision_of=agreement,
    )
    draft.parties.set(agreement.parties.all())
    draft.municipalities.set(agreement.municipalities.all())
    draft.focus_areas.set(agreement.focus_areas.all())
    Section.objects.bulk_create(
        Section(agreement=draft, kind=s.kind, body=s.body, order=s.order) for s in agreement.sections.all()
    )
    Commitment.objects.bulk_create(
        Commitment(
            agreement=draft,
            responsible=c.responsible,
            text=c.text,
            recurrence=c.recurrence,
            due_on=None,
            focus_area=c.focus_area,
            order=c.order,
        )
        for c in agreement.commitments.all()
    )
    CommunicationItem.objects.bulk_create(
        CommunicationItem(
            agreement=draft,
            message=i.message,
            audience=i.audience,
            channel=i.channel,
            when=i.when,
            responsible=i.responsible,
        )
        for i in agreement.communication_plan.all()
    )
    agreement.status = Agreement.Status.UNDER_REVISION
    agreement.save(update_fields=["status"])
    _record(agreement, by, Action.REVISION_STARTED, draft.title, related=draft)
    _record(draft, by, Action.DRAFTED_AS_REVISION, agreement.title, related=agreement)
    if agreement.part == Agreement.Part.STRATEGIC:
        _relink_local_drafts(old=agreement, new=draft, by=by)
    return draft


def _relink_local_drafts(*, old: Agreement, new: Agreement, by: User | None) -> None:
    """The part 2 revisions started before their part 1's complement the new part 1, not the old one."""
    for local in Agreement.objects.filter(strategic=old, revision_of__strategic=old, signed_on__isnull=True):
        local.strategic = new
        local.save(update_fields=["strategic"])
        _record(local, by, Action.UPDATED, details={"strategic": [old.title, new.title]})


@transaction.atomic
def agreement_create(*, by: User | None, signatories: Iterable[dict[str, Any]] = (), **values: Any) -> Agreement:
    """Create an agreement with its signatories (name, title, organisation, signed_on). It is in force (from its
    start date) when every party has signed: asking for status In force otherwise is refused."""
    parties = values.pop("parties")
    municipalities = values.pop("municipalities")
    focus_areas = values.pop("focus_areas", [])
    status = values.pop("status", Agreement.Status.DRAFT)
    if status not in (*HAND_SET_STATUSES, Agreement.Status.IN_FORCE):
        raise ValueError(str(STATUS_NOT_CHOSEN))
    hand_set = Agreement.Status.SIGNING if status == Agreement.Status.IN_FORCE else status
    agreement = Agreement(status=hand_set, **values)
    agreement.full_clean()
    agreement.save()
    agreement.parties.set(parties)
    agreement.municipalities.set(municipalities)
    agreement.focus_areas.set(focus_areas)
    _record(agreement, by, Action.CREATED)
    for fields in signatories:
        signatory = Signatory(agreement=agreement, **fields)
        signatory.full_clean()
        signatory.save()
    _settle_signing(agreement, by)
    if status == Agreement.Status.IN_FORCE and not agreement.is_locked:
        raise ValueError(str(NOT_SIGNED_BY_ALL))
    return agreement


def part2_parties(part1: Agreement, municipality: Municipality) -> list[Organisation]:
    """A municipality's part 2's parties under a part 1: the police area and the parties covering the municipality."""
    return [
        party
        for party in part1.parties.all()
        if party.kind == Organisation.Kind.POLICE_AREA or party.municipalities.filter(pk=municipality.pk).exists()
    ]


@transaction.atomic
def agreement_part2_create(
    *,
    part1: Agreement,
    municipality: Municipality,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    by: User,
) -> Agreement:
    """Draft a municipality's part 2 under a part 1: the police area and the parties that cover the municipality
    are its parties, part 1's focus areas its focus areas, and its sections (LOCAL_SECTIONS) start empty."""
    parties = part2_parties(part1, municipality)
    agreement = agreement_create(
        by=by,
        title=title,
        part=Agreement.Part.LOCAL,
        status=Agreement.Status.DRAFT,
        starts_on=starts_on,
        ends_on=ends_on,
        strategic=part1,
        parties=parties,
        municipalities=[municipality],
        focus_areas=list(part1.focus_areas.all()),
    )
    Section.objects.bulk_create(
        Section(agreement=agreement, kind=kind, body="", order=order)
        for order, kind in enumerate(LOCAL_SECTIONS, start=1)
    )
    return agreement


@transaction.atomic
def agreement_edit(
    *, agreement: Agreement, by: User, fields: dict[str, Any], sections: dict[str, str]
) -> tuple[list[str], ChangeProposal | None]:
    """The edit form's save: fields and texts at once; a changed part 1's parties as a proposal to the other
    parties (applied at once when no other party has to answer). Returns the changed keys and the proposal."""
    fields = dict(fields)
    parties = fields.pop("parties") if _changes_parties(agreement, fields) else None
    changed = agreement_update(agreement=agreement, by=by, fields=fields, sections=sections)
    if parties is None:
        return changed, None
    proposal = agreement_parties_propose(agreement=agreement, parties=parties, by=by)
    return (changed if proposal else [*changed, "parties"]), proposal


# Change proposals: what several parties share changes only when every party has accepted.

type ProposalApplier = Callable[[ChangeProposal, User | None], None]


def _parties_apply(proposal: ChangeProposal, by: User | None) -> None:
    agreement = proposal.agreement
    assert agreement is not None, "proposal_has_the_target_and_value_of_its_kind"
    old = _display(agreement, "parties")
    agreement.parties.set(proposal.parties.all())
    _record(agreement, by, Action.UPDATED, details={"parties": [old, _display(agreement, "parties")]})
    _settle_signing(agreement, by)


# Followup, above this layer, registers how an accepted meeting rhythm is applied (ReportsConfig.ready).
_appliers: dict[str, ProposalApplier] = {ChangeProposal.Kind.PARTIES: _parties_apply}


def register_proposal_applier(kind: str, applier: ProposalApplier) -> None:
    _appliers[kind] = applier


def group_parties(group: CollaborationGroup) -> QuerySet[Organisation]:
    """The parties to a collaboration group: the municipalities' own organisations and the police areas that
    cover them (the partners sitting in the group do not decide its rhythm)."""
    kinds = [Organisation.Kind.MUNICIPALITY, Organisation.Kind.POLICE_AREA]
    return Organisation.objects.filter(kind__in=kinds, municipalities__in=group.municipalities.all()).distinct()


def _names(organisations: Iterable[Organisation]) -> str:
    return ", ".join(sorted(o.name for o in organisations))


def _decide(proposal: ChangeProposal, status: str, by: User | None) -> None:
    proposal.status, proposal.decided_by, proposal.decided_at = status, by, clock.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])


def _apply(proposal: ChangeProposal, by: User | None) -> None:
    _appliers[proposal.kind](proposal, by)
    _decide(proposal, ChangeProposal.Status.APPLIED, by)


def _answer_for(proposal: ChangeProposal, user: User) -> QuerySet[ProposalAnswer]:
    """The parties still to answer that the user answers for (writes for)."""
    return proposal.answers.filter(accepted__isnull=True, organisation__in=scope_for(user).write_organisations)


@transaction.atomic
def _propose(*, by: User, parties: Iterable[Organisation], **values: Any) -> ChangeProposal | None:
    """Open a proposal that `parties` answer, the proposer's own answer given. Applied at once by an
    administrator, or when the proposer answers for every party; then None is returned."""
    proposed_parties = values.pop("proposed_parties", None)
    target = {key: values[key] for key in ("agreement", "group") if key in values}
    if ChangeProposal.objects.filter(status=ChangeProposal.Status.OPEN, **target).exists():
        raise ValueError(str(PROPOSAL_ALREADY_OPEN))
    parties = sorted(set(parties), key=lambda o: o.name)
    writes_for = scope_for(by).write_organisations
    own = [party for party in parties if party.pk in writes_for]
    proposal = ChangeProposal(proposed_by=by, proposer_organisation=own[0] if own else None, created_at=clock.now())
    for key, value in values.items():
        setattr(proposal, key, value)
    proposal.full_clean()
    proposal.save()
    if proposed_parties is not None:
        proposal.parties.set(proposed_parties)
    now = clock.now()
    ProposalAnswer.objects.bulk_create(
        ProposalAnswer(
            proposal=proposal, organisation=party, **({"accepted": True, "by": by, "at": now} if party in own else {})
        )
        for party in parties
    )
    if is_administrator(by) or len(own) == len(parties):
        _apply(proposal, by)
        return None
    return proposal


def agreement_parties_propose(
    *, agreement: Agreement, parties: Iterable[Organisation], by: User
) -> ChangeProposal | None:
    """Propose new parties for a part 1 agreement. Every party answers: the present ones, those to be removed
    among them, and those to be added. None when nothing changes or it was applied at once."""
    parties = list(parties)
    current = list(agreement.parties.all())
    if {p.pk for p in parties} == {p.pk for p in current}:
        return None
    proposal = _propose(
        by=by,
        parties=[*current, *parties],
        kind=ChangeProposal.Kind.PARTIES,
        agreement=agreement,
        proposed_parties=parties,
    )
    if proposal is not None:
        _record(agreement, by, Action.CHANGE_PROPOSED, _names(parties)[:300])
    return proposal


def group_rhythm_propose(*, group: CollaborationGroup, per_year: int, by: User) -> ChangeProposal | None:
    """Propose a joint group's meeting rhythm to the group's parties. None when it was applied at once."""
    return _propose(
        by=by, parties=group_parties(group), kind=ChangeProposal.Kind.RHYTHM, group=group, per_year=per_year
    )


def _locked(proposal: ChangeProposal) -> ChangeProposal:
    proposal = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_open:
        raise ValueError(str(PROPOSAL_NOT_OPEN))
    return proposal


@transaction.atomic
def proposal_answer(*, proposal: ChangeProposal, accepted: bool, by: User) -> ChangeProposal:
    """Answer for every party still to answer that the user writes for. One rejection rejects the proposal;
    the last acceptance applies it, in the same transaction."""
    proposal = _locked(proposal)
    answers = list(_answer_for(proposal, by))
    if not answers:
        raise ValueError(str(NOTHING_TO_ANSWER))
    now = clock.now()
    for answer in answers:
        answer.accepted, answer.by, answer.at = accepted, by, now
        answer.save(update_fields=["accepted", "by", "at"])
    if not accepted:
        _decide(proposal, ChangeProposal.Status.REJECTED, by)
        if proposal.agreement:
            _record(proposal.agreement, by, Action.CHANGE_REJECTED, _names(a.organisation for a in answers)[:300])
    elif not proposal.answers.filter(accepted__isnull=True).exists():
        _apply(proposal, by)
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal: ChangeProposal, by: User) -> ChangeProposal:
    proposal = _locked(proposal)
    _decide(proposal, ChangeProposal.Status.WITHDRAWN, by)
    if proposal.agreement:
        _record(proposal.agreement, by, Action.CHANGE_WITHDRAWN, _names(proposal.parties.all())[:300])
    return proposal


@transaction.atomic
def proposal_apply(*, proposal: ChangeProposal, by: User) -> ChangeProposal:
    """An administrator applies an open proposal without waiting for the answers."""
    proposal = _locked(proposal)
    _apply(proposal, by)
    return proposal
