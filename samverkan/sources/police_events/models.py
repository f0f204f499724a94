"""Events from Polisen's public feed (polisen.se/api/events), kept beyond the feed's latest 500."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.sources.police_events.local_time import local_month
from samverkan.sources.police_events.parse import MAX_LOCATION, MAX_NAME, MAX_TYPE, MAX_URL, type_key


class PoliceEvent(models.Model):
    event_id = models.PositiveBigIntegerField(_("event id"), unique=True, help_text=_("Polisen's id of the event."))
    occurred_at = models.DateTimeField(
        _("date"), help_text=_("When polisen.se published the event; its name begins with the time it happened.")
    )
    # The Swedish month of `occurred_at`, kept so the database counts by plain columns (series.py).
    year = models.PositiveSmallIntegerField(_("year"), help_text=_("Of the date, in Swedish time."))
    month = models.PositiveSmallIntegerField(_("month"), help_text=_("Of the date, in Swedish time."))
    name = models.CharField(_("name"), max_length=MAX_NAME)
    summary = models.TextField(_("summary"), blank=True)
    url = models.URLField(_("address on polisen.se"), max_length=MAX_URL, blank=True)
    type = models.CharField(_("type"), max_length=MAX_TYPE)
    type_key = models.CharField(_("type key"), max_length=MAX_TYPE, db_index=True)
    location_name = models.CharField(_("place in the feed"), max_length=MAX_LOCATION, blank=True)
    region_code = models.CharField(
        _("region code"),
        max_length=4,
        blank=True,
        help_text=_("Kommunkod or county code of the place; empty when the feed names an unknown place."),
    )
    municipality = models.ForeignKey(
        "organisations.Municipality",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="police_events",
        verbose_name=_("municipality"),
        help_text=_("Empty for county-wide events and unknown places: they count for no municipality."),
    )
    gps_lat = models.FloatField(_("latitude of the area's centre"), null=True, blank=True)
    gps_lng = models.FloatField(_("longitude of the area's centre"), null=True, blank=True)
    is_summary = models.BooleanField(
        _("summary of many events"), default=False, help_text=_("“Sammanfattning …” events are never counted.")
    )
    run = models.ForeignKey("sources.ImportRun", models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-occurred_at", "-event_id"]
        verbose_name = _("police event")
        verbose_name_plural = _("police events")
        indexes = [models.Index(fields=["municipality", "occurred_at"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        """Keep the Swedish month and the type key in step (bulk writes set them themselves)."""
        self.year, self.month = local_month(self.occurred_at)
        self.type_key = type_key(self.type_key or self.type)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "occurred_at" in update_fields:
            kwargs["update_fields"] = {*update_fields, "year", "month"}
        super().save(*args, **kwargs)


class FeedFetch(models.Model):
    """When a feed address was last requested: polisen.se allows one request a minute."""

    url = models.URLField(_("address"), max_length=MAX_URL, unique=True)
    at = models.DateTimeField(_("last requested at"))

    class Meta:
        verbose_name = _("feed request")
        verbose_name_plural = _("feed requests")

    def __str__(self) -> str:
        return f"{self.url} ({self.at:%Y-%m-%d %H:%M:%S})"
