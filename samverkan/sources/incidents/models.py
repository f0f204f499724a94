"""The EST incident log: places and situations, never persons."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samverkan.agreements.models import FocusArea
from samverkan.core.hexagons import cells_for
from samverkan.core.privacy import validate_no_personnummer
from samverkan.organisations.models import Municipality, Organisation


class IncidentCategory(models.Model):
    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="incident_categories", verbose_name=_("municipality")
    )
    name = models.CharField(_("name"), max_length=100)
    focus_area = models.ForeignKey(
        FocusArea, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("focus area")
    )
    active = models.BooleanField(_("in use"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["municipality", "order", "name"]
        verbose_name = _("incident category")
        verbose_name_plural = _("incident categories")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="one_category_name_per_municipality")
        ]

    def __str__(self) -> str:
        return self.name


class NamedPlace(models.Model):
    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="named_places", verbose_name=_("municipality")
    )
    name = models.CharField(_("name"), max_length=100)
    lat = models.FloatField(_("latitude"))
    lng = models.FloatField(_("longitude"))

    class Meta:
        ordering = ["municipality", "name"]
        verbose_name = _("named place")
        verbose_name_plural = _("named places")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="one_place_name_per_municipality")]

    def __str__(self) -> str:
        return self.name


class Incident(models.Model):
    class Status(models.TextChoices):
        NEW = "ny", _("New")
        ASSESSED = "bedomd", _("Assessed")
        ACTED_ON = "atgardad", _("Acted on")
        CLOSED = "avslutad", _("Closed")

    # ny -> bedömd -> åtgärdad / avslutad (and a new report that needs nothing can be closed at once)
    TRANSITIONS = {
        Status.NEW: [Status.ASSESSED, Status.CLOSED],
        Status.ASSESSED: [Status.ACTED_ON, Status.CLOSED],
        Status.ACTED_ON: [Status.CLOSED],
        Status.CLOSED: [],
    }

    municipality = models.ForeignKey(
        Municipality, models.PROTECT, related_name="incidents", verbose_name=_("municipality")
    )
    category = models.ForeignKey(IncidentCategory, models.PROTECT, related_name="incidents", verbose_name=_("category"))
    occurred_from = models.DateTimeField(_("when"))
    occurred_to = models.DateTimeField(_("until"), null=True, blank=True)
    lat = models.FloatField(_("latitude"))
    lng = models.FloatField(_("longitude"))
    place = models.ForeignKey(
        NamedPlace, models.SET_NULL, null=True, blank=True, related_name="incidents", verbose_name=_("place")
    )
    severity = models.PositiveSmallIntegerField(
        _("severity"), validators=[MinValueValidator(1), MaxValueValidator(3)], help_text=_("1 low – 3 high")
    )
    description = models.TextField(_("description"), validators=[validate_no_personnummer])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("reporter")
    )
    reporter_organisation = models.ForeignKey(
        Organisation, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("reporting organisation")
    )
    reported_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    # The H3 cells of the point at resolutions 7, 8 and 9 (samverkan.core.hexagons), for counting per cell.
    h3_r7 = models.CharField(max_length=16, editable=False, default="")
    h3_r8 = models.CharField(max_length=16, editable=False, default="")
    h3_r9 = models.CharField(max_length=16, editable=False, default="")
    import_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    run = models.ForeignKey("sources.ImportRun", models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-occurred_from", "-id"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        constraints = [
            models.CheckConstraint(condition=Q(severity__gte=1, severity__lte=3), name="incident_severity_1_3"),
            models.CheckConstraint(
                condition=Q(occurred_to__isnull=True) | Q(occurred_to__gte=F("occurred_from")),
                name="incident_span_forward",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "occurred_from"]),
            models.Index(fields=["municipality", "h3_r8"]),
            models.Index(fields=["municipality", "h3_r9"]),
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.occurred_from:%Y-%m-%d}"

    def save(self, *args, **kwargs) -> None:
        self.locate_cells()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "h3_r7", "h3_r8", "h3_r9"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("incident", args=[self.pk])

    def locate_cells(self) -> None:
        """Set the H3 cells from the point; bulk_create callers call it themselves."""
        for resolution, cell in cells_for(self.lat, self.lng).items():
            setattr(self, f"h3_r{resolution}", cell)

    def next_statuses(self) -> list[Incident.Status]:
        return self.TRANSITIONS[self.Status(self.status)]


class IncidentNote(models.Model):
    """A handling note, with the status change it made, if any."""

    incident = models.ForeignKey(Incident, models.CASCADE, related_name="notes")
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=pgettext_lazy("changed by", "by"),
    )
    organisation = models.ForeignKey(Organisation, models.PROTECT, null=True, related_name="+")
    text = models.TextField(_("note"), blank=True, validators=[validate_no_personnummer])
    status_from = models.CharField(max_length=10, choices=Incident.Status.choices, blank=True)
    status_to = models.CharField(max_length=10, choices=Incident.Status.choices, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("handling note")
        verbose_name_plural = _("handling notes")

    def __str__(self) -> str:
        return self.text[:60]
