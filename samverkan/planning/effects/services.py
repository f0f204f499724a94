"""Setting and removing an activity's intervention (its area, start and comparison place)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db import transaction

from samverkan.organisations.lib.areas import Area, Circle, area_to_json
from samverkan.organisations.models import NamedPlace, User
from samverkan.planning.actions.models import Activity
from samverkan.planning.effects.models import Intervention


@transaction.atomic
def intervention_set(
    *,
    activity: Activity,
    area: Area,
    place: NamedPlace | None,
    comparison: Area,
    comparison_name: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
    categories: Sequence[str],
    by: User | None,
) -> Intervention:
    """Give the activity its area and comparison place (or change them)."""
    intervention = Intervention.objects.filter(activity=activity).first() or Intervention(
        activity=activity, created_by=by
    )
    intervention.area = area_to_json(area)
    intervention.place = place if isinstance(area, Circle) else None
    intervention.radius_m = max(1, round(area.radius_m)) if isinstance(area, Circle) else None
    intervention.comparison = area_to_json(comparison)
    intervention.comparison_name = comparison_name.strip()
    intervention.starts_on = starts_on
    intervention.ends_on = ends_on
    intervention.categories = list(categories)
    intervention.full_clean()
    intervention.save()
    return intervention


@transaction.atomic
def intervention_remove(*, activity: Activity, by: User | None) -> None:
    """The activity no longer has an area (its effect is no longer estimated)."""
    Intervention.objects.filter(activity=activity).delete()
