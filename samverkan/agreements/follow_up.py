"""Following an agreement up: each commitment's status per year, and when each communication activity is
planned, done and by whom.

These are follow-up data, not the agreement's text: they are written also on a signed agreement, whose text
changes only through a revision.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import Agreement, Commitment, CommitmentFollowUp, CommunicationItem
from samverkan.core import clock
from samverkan.organisations.models import Organisation, User

YEAR_OUTSIDE_THE_PERIOD = _("Follow the commitment up for a year of the agreement's period, up to this year.")
OWNER_NOT_A_PARTY = _("The owner must be one of the agreement's parties.")


def follow_up_years(agreement: Agreement, today: datetime.date) -> list[int]:
    """The years of the agreement's period that have begun: those a commitment is followed up for."""
    return list(range(agreement.starts_on.year, min(agreement.ends_on.year, today.year) + 1))


def follow_up_table(agreement: Agreement, today: datetime.date) -> tuple[list[int], list[dict]]:
    """The years, and each commitment with its follow-up of each year (None where there is none)."""
    years = follow_up_years(agreement, today)
    rows = []
    for commitment in agreement.commitments.prefetch_related("follow_ups"):
        by_year = {f.year: f for f in commitment.follow_ups.all()}
        rows.append({"commitment": commitment, "years": [by_year.get(year) for year in years]})
    return years, rows


@transaction.atomic
def commitment_follow_up(
    *, commitment: Commitment, year: int, status: str, comment: str, by: User | None
) -> CommitmentFollowUp:
    """Set the commitment's status and comment of the year, replacing what was set before."""
    if year not in follow_up_years(commitment.agreement, clock.today()):
        raise ValidationError({"year": YEAR_OUTSIDE_THE_PERIOD})
    follow_up = CommitmentFollowUp.objects.select_for_update().filter(
        commitment=commitment, year=year
    ).first() or CommitmentFollowUp(commitment=commitment, year=year)
    follow_up.status, follow_up.comment, follow_up.by, follow_up.at = status, comment.strip(), by, clock.now()
    follow_up.full_clean(validate_unique=False)
    follow_up.save()
    return follow_up


def communication_item_follow_up(
    *,
    item: CommunicationItem,
    planned_on: datetime.date | None,
    done_on: datetime.date | None,
    owner: Organisation | None,
    by: User | None,
) -> CommunicationItem:
    """Plan the activity, mark it done (not on a future day) and name the party that owns it."""
    if owner is not None and not item.agreement.parties.filter(pk=owner.pk).exists():
        raise ValidationError({"owner": OWNER_NOT_A_PARTY})
    item.planned_on, item.done_on, item.owner = planned_on, done_on, owner
    item.full_clean()
    item.save(update_fields=["planned_on", "done_on", "owner"])
    return item
