"""Every change to the collaboration groups and their members (the audit log records each, as every write)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samverkan.organisations.access import edits_groups_of
from samverkan.organisations.models import CollaborationGroup, GroupMember, Municipality, Organisation, User
from samverkan.organisations.selectors import member_organisations

MUNICIPALITIES_OUTSIDE = _(
    "Choose your own municipality, or, for a shared group of the police area, several of its municipalities."
)
ORGANISATION_OUTSIDE = _("The member's organisation must work in one of the group's municipalities.")
ATTENDED = _("%(name)s attended %(count)s of the group's meetings, which the minutes keep: they stay in the group.")


def group_create(
    *, name: str, purpose: str, reports_to: str, municipalities: Iterable[Municipality], by: User
) -> CollaborationGroup:
    chosen = list(municipalities)
    if not edits_groups_of(by, {m.id for m in chosen}):
        raise ValidationError({"municipalities": [ValidationError(MUNICIPALITIES_OUTSIDE, code="outside")]})
    group = CollaborationGroup(name=name.strip(), purpose=purpose.strip(), reports_to=reports_to.strip())
    group.full_clean()
    with transaction.atomic():
        group.save()
        group.municipalities.set(chosen)
    return group


def group_update(*, group: CollaborationGroup, name: str, purpose: str, reports_to: str, by: User) -> None:
    """Rename the group, or change its purpose and whom it reports to."""
    group.name, group.purpose, group.reports_to = name.strip(), purpose.strip(), reports_to.strip()
    group.full_clean()
    group.save(update_fields=["name", "purpose", "reports_to"])


def group_member_add(
    *, group: CollaborationGroup, name: str, organisation: Organisation, role: str, by: User
) -> GroupMember:
    if not member_organisations(group).filter(id=organisation.id).exists():
        raise ValidationError({"organisation": [ValidationError(ORGANISATION_OUTSIDE, code="outside")]})
    member = GroupMember(group=group, name=name.strip(), organisation=organisation, role=role)
    member.full_clean()
    member.save()
    return member


def group_member_remove(*, member: GroupMember, by: User) -> None:
    """Remove a member who attended none of the group's meetings; one who did stays, as the minutes name them."""
    attended = member.meetings.count()
    if attended:
        raise ValidationError(ATTENDED, code="attended", params={"name": member.name, "count": attended})
    member.delete()
