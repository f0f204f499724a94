"""Reads of the collaboration groups that their pages and services share."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from samverkan.organisations.models import CollaborationGroup, GroupMember, Organisation


def member_organisations(group: CollaborationGroup) -> QuerySet[Organisation]:
    """The organisations a member may come from: those working in one of the group's municipalities, and the
    police region above a police area that does."""
    municipalities = group.municipalities.all()
    ids = Organisation.objects.filter(
        Q(municipalities__in=municipalities) | Q(children__municipalities__in=municipalities)
    ).values("id")
    return Organisation.objects.filter(id__in=ids).order_by("name")


def group_members(group: CollaborationGroup) -> QuerySet[GroupMember]:
    """The members, chair first, with their organisations."""
    return group.members.select_related("organisation")
