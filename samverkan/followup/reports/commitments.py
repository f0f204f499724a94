"""The agreements' commitments and communication plan in the annual report: each commitment's status of the
year, and the communication activities planned or done in it (samverkan.agreements.follow_up)."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import Agreement, CommitmentFollowUp, CommunicationItem
from samverkan.organisations.models import Municipality

NOT_FOLLOWED_UP = _("Not followed up")
NOT_PLANNED = _("No day planned")
PLANNED = _("Planned")
OVERDUE = _("Not done by the planned day")
DONE = _("Done")


def _communication_state(item: CommunicationItem, until: datetime.date) -> str:
    if item.done_on is not None:
        return str(DONE)
    if item.planned_on is None:
        return str(NOT_PLANNED)
    return str(OVERDUE if item.planned_on < until else PLANNED)


def _communication(agreement: Agreement, year: int, until: datetime.date) -> list[dict]:
    """The activities planned or done in the year, and those with no day at all."""
    items = agreement.communication_plan.filter(
        Q(planned_on__year=year) | Q(done_on__year=year) | Q(planned_on__isnull=True, done_on__isnull=True)
    ).select_related("owner")
    return [
        {
            "message": item.message,
            "audience": item.audience,
            "channel": item.channel,
            "owner": str(item.owner or item.responsible),
            "planned_on": item.planned_on.isoformat() if item.planned_on else "",
            "done_on": item.done_on.isoformat() if item.done_on else "",
            "state": _communication_state(item, until),
            "done": item.done_on is not None,
        }
        for item in items
    ]


def _commitments(agreement: Agreement, year: int) -> list[dict]:
    follow_ups = {
        f.commitment_id: f for f in CommitmentFollowUp.objects.filter(commitment__agreement=agreement, year=year)
    }
    rows = []
    for commitment in agreement.commitments.all():
        follow_up = follow_ups.get(commitment.pk)
        rows.append(
            {
                "text": commitment.text,
                "responsible": commitment.get_responsible_display(),
                "status": follow_up.status if follow_up else "",
                "status_label": str(follow_up.get_status_display() if follow_up else NOT_FOLLOWED_UP),
                "comment": follow_up.comment if follow_up else "",
            }
        )
    return rows


def agreements_follow_up(municipalities: list[Municipality], year: int, *, today: datetime.date) -> list[dict]:
    """Each agreement of the municipalities in force at some time of the year (part 1 before part 2), with its
    commitments' status of the year and its communication plan of the year."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    agreements = (
        Agreement.objects.filter(municipalities__in=municipalities, starts_on__lte=end, ends_on__gte=start)
        .distinct()
        .order_by("part", "title")
    )
    until = min(end, today)
    return [
        {
            "title": agreement.title,
            "part": str(agreement.get_part_display()),
            "commitments": _commitments(agreement, year),
            "communication": _communication(agreement, year, until),
        }
        for agreement in agreements
    ]
