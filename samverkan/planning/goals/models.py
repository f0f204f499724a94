"""Goals per focus area, and the indicators that measure them against a baseline."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import Agreement
from samverkan.core.fields import GuardedCharField, GuardedTextField
from samverkan.organisations.models import FocusArea, Municipality
from samverkan.situation.models import Baseline


class Goal(models.Model):
    """Common (the whole agreement, municipality empty) or separate (one municipality)."""

    agreement = models.ForeignKey(Agreement, models.CASCADE, related_name="goals", verbose_name=_("agreement"))
    focus_area = models.ForeignKey(FocusArea, models.PROTECT, related_name="goals", verbose_name=_("focus area"))
    municipality = models.ForeignKey(
        Municipality,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("municipality"),
        help_text=_("Empty: a common goal of the whole agreement."),
    )
    title = GuardedCharField(_("goal"), max_length=300)
    description = GuardedTextField(_("description"), blank=True)

    class Meta:
        ordering = ["focus_area__order", "title"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("goal", args=[self.pk])

    @property
    def is_common(self) -> bool:
        return self.municipality_id is None


class Indicator(models.Model):
    """A series that measures a goal: where its values come from, its baseline and its target."""

    class Series(models.TextChoices):
        CRIME = "crime", _("Reported crimes (Brå), a category")
        POLICE_EVENTS = "police_events", _("Police events, a type")
        INCIDENTS = "incidents", _("Logged incidents, a category")
        SURVEY_INDEX = "survey_index", _("Safety survey: problem index")
        SURVEY_ITEM = "survey_item", _("Safety survey: one item's index")
        SURVEY_UNSAFE = "survey_unsafe", _("Safety survey: unsafe late in the evening (share)")
        SURVEY_VICTIMS = "survey_victims", _("Safety survey: victims of crime (share)")
        KOLADA = "kolada", _("Kolada key figure")
        INDICATOR = "indicator", _("Imported indicator")
        MANUAL = "manual", _("Entered by hand")

    class Direction(models.TextChoices):
        DOWN = "down", _("Lower is better")
        UP = "up", _("Higher is better")

    goal = models.ForeignKey(Goal, models.CASCADE, related_name="indicators", verbose_name=_("goal"))
    name = GuardedCharField(_("name"), max_length=200)
    series = models.CharField(_("series"), max_length=20, choices=Series.choices)
    key = models.CharField(
        _("which"),
        max_length=200,
        blank=True,
        help_text=_("The category, type, survey item key, KPI id or indicator key the series is read from."),
    )
    municipality = models.ForeignKey(
        Municipality,
        models.CASCADE,
        related_name="indicators",
        verbose_name=_("measured in"),
        help_text=_("A common goal's indicator is measured in each municipality separately."),
    )
    baseline = models.ForeignKey(
        Baseline,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("baseline"),
        help_text=_("The adopted situation picture the indicator starts from."),
    )
    baseline_value = models.FloatField(_("baseline value"), null=True, blank=True)
    target_value = models.FloatField(_("target"))
    direction = models.CharField(_("direction"), max_length=4, choices=Direction.choices)
    target_date = models.DateField(_("target date"))

    class Meta:
        ordering = ["goal", "name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(condition=~Q(series="manual") | Q(key=""), name="manual_series_has_no_key"),
        ]

    def __str__(self) -> str:
        return self.name


class ManualValue(models.Model):
    """A measurement entered by hand, for an indicator of the manual series."""

    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="manual_values")
    measured_on = models.DateField(_("measured on"))
    value = models.FloatField(_("value"))
    note = GuardedCharField(_("note"), max_length=300, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["indicator", "measured_on"]
        verbose_name = _("manual measurement")
        verbose_name_plural = _("manual measurements")
        constraints = [models.UniqueConstraint(fields=["indicator", "measured_on"], name="one_manual_value_a_day")]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.measured_on})"
