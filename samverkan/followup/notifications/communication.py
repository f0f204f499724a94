"""The communication plan's reminder: an activity of the plan whose planned day is near or past and that is not
done yet, told to those who write for the party that owns it (or, with no owner, for a party to the agreement)."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samverkan.agreements.access import visible_agreements
from samverkan.agreements.models import CommunicationItem
from samverkan.followup.notifications.due import Notice
from samverkan.followup.notifications.models import Kind
from samverkan.organisations.access import Scope
from samverkan.organisations.models import User

# A communication activity is told this many days before its planned day.
COMMUNICATION_DUE_DAYS = 14


def communication_due(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    """The agreements' communication activities not done, planned at most COMMUNICATION_DUE_DAYS ahead, of
    agreements not ended. A new planned day tells again."""
    owners = Q(owner__in=scope.write_organisations) | Q(
        owner__isnull=True, agreement__parties__in=scope.write_organisations
    )
    items = (
        CommunicationItem.objects.filter(
            owners,
            agreement__in=visible_agreements(user),
            agreement__ends_on__gte=today,
            done_on__isnull=True,
            planned_on__lte=today + datetime.timedelta(days=COMMUNICATION_DUE_DAYS),
        )
        .select_related("agreement")
        .distinct()
        .order_by("planned_on", "id")
    )
    kind = Kind.COMMUNICATION_DUE
    notices = []
    for item in items:
        assert item.planned_on is not None  # planned_on__lte leaves the unplanned out
        notice = Notice(
            kind=kind,
            key=f"{kind}:{item.pk}:{item.planned_on.isoformat()}",
            title=item.message[:80],
            detail=_("%(agreement)s: planned for %(date)s, not done yet")
            % {"agreement": item.agreement.title, "date": date_format(item.planned_on)},
            path=f"{item.agreement.get_absolute_url()}#communication-follow-up-heading",
        )
        notices.append(notice)
    return notices
