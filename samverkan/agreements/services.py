"""Every change to an agreement goes through here, so its history is complete."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from samverkan.agreements.models import (
    Agreement,
    AgreementChange,
    Commitment,
    CommunicationItem,
    Section,
    Signatory,
)
from samverkan.organisations.models import User

REVISION_ALREADY_STARTED = "A revision of this agreement has already been started."


Action = AgreementChange.Action


def _record(agreement: Agreement, by: User | None, action: str, subject: str = "", **extra: Any) -> None:
    AgreementChange.objects.create(agreement=agreement, by=by, action=action, subject=subject, **extra)


def _display(agreement: Agreement, name: str) -> str:
    field = agreement._meta.get_field(name)
    if field.many_to_many:
        return ", ".join(sorted(str(item) for item in getattr(agreement, name).all()))
    if field.choices:
        return str(getattr(agreement, f"get_{name}_display")())
    value = getattr(agreement, name)
    return "" if value is None else str(value)


@transaction.atomic
def agreement_update(*, agreement: Agreement, by: User, fields: dict[str, Any], sections: dict[str, str]) -> list[str]:
    """Apply changed fields and section texts; record what changed. Returns the changed keys."""
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
    return list(changes)


def commitment_add(*, agreement: Agreement, by: User, **values: Any) -> Commitment:
    order = agreement.commitments.count() + 1
    commitment = Commitment(agreement=agreement, order=order, **values)
    commitment.full_clean()
    commitment.save()
    _record(agreement, by, Action.COMMITMENT_ADDED, commitment.text[:300])
    return commitment


def commitment_delete(*, commitment: Commitment, by: User) -> None:
    _record(commitment.agreement, by, Action.COMMITMENT_REMOVED, commitment.text[:300])
    commitment.delete()


def communication_item_add(*, agreement: Agreement, by: User, **values: Any) -> CommunicationItem:
    item = CommunicationItem(agreement=agreement, **values)
    item.full_clean()
    item.save()
    _record(agreement, by, Action.COMMUNICATION_ADDED, item.message[:300])
    return item


def communication_item_delete(*, item: CommunicationItem, by: User) -> None:
    _record(item.agreement, by, Action.COMMUNICATION_REMOVED, item.message[:300])
    item.delete()


def signatory_add(*, agreement: Agreement, by: User, **values: Any) -> Signatory:
    signatory = Signatory(agreement=agreement, **values)
    signatory.full_clean()
    signatory.save()
    _record(agreement, by, Action.SIGNATORY_ADDED, f"{signatory.name}, {signatory.title} ({signatory.organisation})")
    return signatory


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
    starts, ends = _next_period(agreement)
    draft = Agreement.objects.create(
        title=_title_for_period(agreement.title, agreement, starts, ends),
        part=agreement.part,
        status=Agreement.Status.DRAFT,
        starts_on=starts,
        ends_on=ends,
        strategic=agreement.strategic,
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
    return draft


@transaction.atomic
def agreement_create(*, by: User | None, **values: Any) -> Agreement:
    parties = values.pop("parties")
    municipalities = values.pop("municipalities")
    focus_areas = values.pop("focus_areas", [])
    agreement = Agreement(**values)
    agreement.full_clean()
    agreement.save()
    agreement.parties.set(parties)
    agreement.municipalities.set(municipalities)
    agreement.focus_areas.set(focus_areas)
    _record(agreement, by, Action.CREATED)
    return agreement
