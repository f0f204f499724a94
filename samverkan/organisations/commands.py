"""What the management commands share: the organisation a command line names."""

from __future__ import annotations

from django.core.management.base import CommandError

from samverkan.organisations.models import Organisation


def police_area_named(name: str) -> Organisation:
    """The police area of the id, or the one whose name contains `name`; a CommandError unless exactly one."""
    areas = Organisation.objects.filter(kind=Organisation.Kind.POLICE_AREA)
    found = list(areas.filter(pk=int(name))) if name.isdigit() else list(areas.filter(name__icontains=name))
    if len(found) != 1:
        raise CommandError(f"{name!r} names {len(found)} police areas; give one exactly")
    return found[0]
