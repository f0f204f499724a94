"""An intervention: an activity done at a place from a date, with a comparison place, so its effect can be
estimated (a difference in differences of the incidents' monthly counts, lib/did.py).

The areas are stored as JSON (samverkan.organisations.lib.areas: area_to_json / area_from_json): a circle
(a point or a named place with a radius) or a polygon.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedCharField
from samverkan.organisations.models import NamedPlace
from samverkan.planning.actions.models import Activity

INTERVENTION_ENDS_BEFORE_START = _("The intervention cannot end before it starts.")


class Intervention(models.Model):
    """Where and from when an activity acts, and the place it is compared with."""

    activity = models.OneToOneField(Activity, models.CASCADE, related_name="intervention", verbose_name=_("activity"))
    area = models.JSONField(_("area"), help_text=_("A circle or a polygon (organisations.lib.areas)."))
    place = models.ForeignKey(
        NamedPlace, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("named place")
    )
    radius_m = models.PositiveIntegerField(_("radius (m)"), null=True, blank=True, validators=[MinValueValidator(1)])
    comparison = models.JSONField(_("comparison area"))
    comparison_name = GuardedCharField(_("comparison place"), max_length=100)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True, help_text=_("Empty when it goes on."))
    categories = models.JSONField(
        _("incident categories"), default=list, blank=True, help_text=_("Empty for every category.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("set by")
    )
    created_at = models.DateTimeField(_("set at"), auto_now_add=True)

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="intervention_ends_after_start",
                violation_error_message=INTERVENTION_ENDS_BEFORE_START,
            )
        ]

    def __str__(self) -> str:
        return str(self.activity)
