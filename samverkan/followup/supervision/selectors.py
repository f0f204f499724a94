from __future__ import annotations

from django.db.models import QuerySet

from samverkan.followup.supervision.models import SupervisedObject, Visit
from samverkan.organisations.access import scope_for
from samverkan.organisations.models import Municipality, User


def visible_visits(user: User) -> QuerySet[Visit]:
    return Visit.objects.filter(object__municipality_id__in=scope_for(user).read_municipalities).select_related(
        "object", "object__municipality", "recorded_by"
    )


def objects_of(municipality: Municipality) -> QuerySet[SupervisedObject]:
    return SupervisedObject.objects.filter(municipality=municipality)
