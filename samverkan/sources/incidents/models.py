"""The EST incident log: places and situations, never persons.

Every write of an incident keeps the monthly aggregates (IncidentMonth, IncidentCellMonth) right:
Incident.save() and delete(), and the queryset's bulk_create(), update() and delete(), hand the
municipality-months they touched to aggregates.py, which recounts them from the raw rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Max, Min, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samverkan.core.fields import GuardedCharField, GuardedTextField
from samverkan.core.hexagons import cells_for
from samverkan.organisations.models import FocusArea, Municipality, NamedPlace, Organisation
from samverkan.sources.incidents.months import Bucket, bucket_of, local_month, months_between

# The fields a monthly aggregate depends on; a write that changes none of them leaves them alone.
COUNTED_FIELDS = frozenset(
    {"municipality", "municipality_id", "category", "category_id", "occurred_from", "severity", "lat", "lng"}
)
# What an incident contributes to the aggregates; its first two name the municipality and the moment.
COUNTED_STATE = ("municipality_id", "occurred_from", "category_id", "severity", "h3_r8", "h3_r9")
CHUNK = 500  # ids per query, well below every database's limit of parameters
CELL_RESOLUTIONS = (8, 9)  # the resolutions counted per cell and month (samverkan.core.hexagons.resolution_for)


def _touched(buckets: Iterable[Bucket]) -> None:
    # Imported here: aggregates.py imports this module.
    from samverkan.sources.incidents.aggregates import aggregates_touched

    aggregates_touched(buckets)


class IncidentCategory(models.Model):
    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="incident_categories", verbose_name=_("municipality")
    )
    name = GuardedCharField(_("name"), max_length=100)
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


class IncidentQuerySet[M: Incident](models.QuerySet[M]):
    """Writes that pass by Incident.save() and delete() keep the monthly aggregates right too."""

    def buckets(self) -> set[Bucket]:
        """The municipality-months from each municipality's first to its last incident in the queryset."""
        spans = self.order_by().values_list("municipality_id").annotate(Min("occurred_from"), Max("occurred_from"))
        return {
            Bucket(municipality_id, *month)
            for municipality_id, first, last in spans
            for month in months_between(local_month(first), local_month(last))
        }

    def bulk_create(self, objs: Iterable[M], *args: Any, **kwargs: Any) -> list[M]:
        with transaction.atomic(using=self.db):
            created = super().bulk_create(objs, *args, **kwargs)
            _touched({incident.bucket() for incident in created})
        return created

    def update(self, **kwargs) -> int:
        if COUNTED_FIELDS.isdisjoint(kwargs):
            return super().update(**kwargs)
        with transaction.atomic(using=self.db):
            ids = list(self.values_list("pk", flat=True))
            before = self.buckets()
            updated = super().update(**kwargs)
            chunks = (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK))
            after = set().union(*(Incident.objects.filter(pk__in=chunk).buckets() for chunk in chunks))
            _touched(before | after)
        return updated

    def delete(self) -> tuple[int, dict[str, int]]:
        with transaction.atomic(using=self.db):
            before = self.buckets()
            deleted = super().delete()
            _touched(before)
        return deleted


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
    description = GuardedTextField(_("description"))
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
    # Unique per municipality (a constraint below); NULL, not "", for an incident of no import, which is not unique.
    import_key = models.CharField(max_length=64, null=True, blank=True, editable=False)  # noqa: DJ001
    run = models.ForeignKey("sources.ImportRun", models.PROTECT, null=True, blank=True, related_name="+")

    objects = IncidentQuerySet.as_manager()

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
            models.UniqueConstraint(fields=["municipality", "import_key"], name="incident_import_key_per_municipality"),
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
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "h3_r7", "h3_r8", "h3_r9"}
            if COUNTED_FIELDS.isdisjoint(update_fields):
                super().save(*args, **kwargs)
                return
        stored = self._stored_counted()
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)
            if stored != self._counted():
                _touched({self.bucket()} | ({bucket_of(*stored[:2])} if stored else set()))
        if update_fields is None:
            self._stored = self._counted()
        else:  # fields left out may differ from the database: read it the next time
            self.__dict__.pop("_stored", None)

    def get_absolute_url(self) -> str:
        return reverse("incident", args=[self.pk])

    def delete(self, *args, **kwargs) -> tuple[int, dict[str, int]]:
        stored = self._stored_counted()
        with transaction.atomic(using=kwargs.get("using")):
            deleted = super().delete(*args, **kwargs)
            if stored:
                _touched({bucket_of(*stored[:2])})
        return deleted

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs) -> Incident:
        incident = super().from_db(db, field_names, values, **kwargs)
        if set(COUNTED_STATE) <= set(field_names):
            incident._stored = incident._counted()
        return incident

    def refresh_from_db(self, *args, **kwargs) -> None:
        super().refresh_from_db(*args, **kwargs)
        self.__dict__.pop("_stored", None)

    def locate_cells(self) -> None:
        """Set the H3 cells from the point; bulk_create callers call it themselves."""
        for resolution, cell in cells_for(self.lat, self.lng).items():
            setattr(self, f"h3_r{resolution}", cell)

    def next_statuses(self) -> list[Incident.Status]:
        return self.TRANSITIONS[self.Status(self.status)]

    def bucket(self) -> Bucket:
        """The municipality-month the incident is counted in."""
        return bucket_of(self.municipality_id, self.occurred_from)

    def _counted(self) -> tuple:
        return tuple(getattr(self, name) for name in COUNTED_STATE)

    def _stored_counted(self) -> tuple | None:
        """What the aggregates counted of this incident: as loaded, or as stored now, or None when new."""
        if hasattr(self, "_stored"):
            return self._stored
        if self.pk is None:
            return None
        return Incident._base_manager.filter(pk=self.pk).values_list(*COUNTED_STATE).first()


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
    text = GuardedTextField(_("note"), blank=True)
    status_from = models.CharField(max_length=10, choices=Incident.Status.choices, blank=True)
    status_to = models.CharField(max_length=10, choices=Incident.Status.choices, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("handling note")
        verbose_name_plural = _("handling notes")

    def __str__(self) -> str:
        return self.text[:60]


class IncidentMonth(models.Model):
    """How many incidents of a category began in a local month of a municipality (aggregates.py keeps it)."""

    municipality = models.ForeignKey(Municipality, models.CASCADE, related_name="+", verbose_name=_("municipality"))
    category = models.ForeignKey(IncidentCategory, models.CASCADE, related_name="+", verbose_name=_("category"))
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"))
    count = models.PositiveIntegerField(_("count"))
    severity_sum = models.PositiveIntegerField(_("sum of severities"))

    class Meta:
        verbose_name = _("incidents of a month")
        verbose_name_plural = _("incidents per month")
        constraints = [
            # Its index serves the reads too: one municipality, a range of months.
            models.UniqueConstraint(
                fields=["municipality", "year", "month", "category"], name="one_incident_month_per_category"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02} {self.category_id}: {self.count}"


class IncidentCellMonth(models.Model):
    """How many incidents began in an H3 cell in a local month of a municipality (aggregates.py keeps it)."""

    municipality = models.ForeignKey(Municipality, models.CASCADE, related_name="+", verbose_name=_("municipality"))
    resolution = models.PositiveSmallIntegerField(_("resolution"), choices=[(r, str(r)) for r in CELL_RESOLUTIONS])
    cell = models.CharField(_("cell"), max_length=16)
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"))
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        verbose_name = _("incidents of a cell and month")
        verbose_name_plural = _("incidents per cell and month")
        constraints = [
            # Its index serves the reads too: one municipality and resolution, a range of months.
            models.UniqueConstraint(
                fields=["municipality", "resolution", "year", "month", "cell"], name="one_incident_cell_month"
            ),
            models.CheckConstraint(condition=Q(resolution__in=CELL_RESOLUTIONS), name="incident_cell_resolution"),
        ]

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02} {self.cell}: {self.count}"
