"""Who reads which part of the audit log.

The log of an organisation is read by its coordinators and police contacts (the roles that change things):
- entries by the organisation's members, whatever they touched;
- for a municipality's organisation, also entries about its municipalities' objects, whoever made them
  (the police reading one of its incidents, an administrator changing its plan).
Leadership, group members and reporters do not read the log. Another organisation's members are shown by their
organisation only: a reporter's identity stays inside the organisation that logged the incident (DOMAIN.md §4).
"""

from __future__ import annotations

import datetime
import operator
from dataclasses import dataclass
from functools import reduce

from auditlog.models import LogEntry
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from samverkan.core.audit import EXPORT, READ
from samverkan.organisations.access import WRITE_ROLES
from samverkan.organisations.models import Membership, Municipality, Organisation, User

CHANGE = "change"
KINDS = (CHANGE, READ, EXPORT)
CHANGES = (LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE)


@dataclass(frozen=True)
class LogReach:
    organisations: frozenset[int]  # entries by their members
    municipalities: frozenset[str]  # entries about these municipalities' objects (codes)

    def __bool__(self) -> bool:
        return bool(self.organisations)


def log_reach(user: User) -> LogReach:
    if not user.is_authenticated:
        return LogReach(frozenset(), frozenset())
    organisations: set[int] = set()
    municipality_ids: set[int] = set()
    for membership in Membership.objects.filter(user=user, role__in=WRITE_ROLES).select_related("organisation"):
        organisations.add(membership.organisation_id)
        if membership.organisation.kind == Organisation.Kind.MUNICIPALITY:
            if membership.municipality_id is not None:
                municipality_ids.add(membership.municipality_id)
            else:
                municipality_ids |= membership.organisation.covered_municipality_ids()
    codes = Municipality.objects.filter(id__in=municipality_ids).values_list("code", flat=True)
    return LogReach(frozenset(organisations), frozenset(codes))


def log_entries(
    *,
    reach: LogReach,
    kind: str = "",
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> QuerySet[LogEntry]:
    """The entries the reach covers, newest first; `kind` one of KINDS ("" every kind), dates local and inclusive."""
    if not reach:
        return LogEntry.objects.none()
    # The codes are a JSON list; '"2506"' inside its text is that code (the same on SQLite and PostgreSQL).
    about = [Q(additional_data__municipalities__icontains=f'"{code}"') for code in sorted(reach.municipalities)]
    members = Membership.objects.filter(organisation_id__in=reach.organisations).values("user_id")
    entries = LogEntry.objects.filter(reduce(operator.or_, about, Q(actor_id__in=members)))
    if kind == CHANGE:
        entries = entries.filter(action__in=CHANGES)
    elif kind in (READ, EXPORT):
        entries = entries.filter(action=LogEntry.Action.ACCESS, additional_data__kind=kind)
    zone = timezone.get_current_timezone()
    if start is not None:
        entries = entries.filter(timestamp__gte=datetime.datetime.combine(start, datetime.time.min, zone))
    if end is not None:
        next_day = end + datetime.timedelta(days=1)
        entries = entries.filter(timestamp__lt=datetime.datetime.combine(next_day, datetime.time.min, zone))
    actor_memberships = Membership.objects.select_related("organisation")
    return (
        entries.select_related("actor", "content_type")
        .prefetch_related(Prefetch("actor__memberships", queryset=actor_memberships))
        .order_by("-timestamp", "-id")
    )


def municipality_names(codes: set[str]) -> dict[str, str]:
    return dict(Municipality.objects.filter(code__in=codes).values_list("code", "name"))
