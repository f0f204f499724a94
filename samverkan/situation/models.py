"""The lägesbild's own records: recurring seasons, the coordinators' conclusions, adopted baselines, and the
municipality's own entries in the themes' mapping."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedCharField, GuardedTextField
from samverkan.organisations.models import Municipality, Organisation
from samverkan.situation.lib import themes

BASELINE_IMMUTABLE = _("An adopted situation picture cannot be changed; adopt a new version instead.")

MONTH = [MinValueValidator(1), MaxValueValidator(12)]
DAY = [MinValueValidator(1), MaxValueValidator(31)]


class RecurringEvent(models.Model):
    """A season or event that comes back every year and brings people: car testing, markets, holidays."""

    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="recurring_events", verbose_name=_("municipality")
    )
    name = GuardedCharField(_("name"), max_length=100)
    start_month = models.PositiveSmallIntegerField(_("start month"), validators=MONTH)
    start_day = models.PositiveSmallIntegerField(_("start day"), validators=DAY, default=1)
    end_month = models.PositiveSmallIntegerField(_("end month"), validators=MONTH)
    end_day = models.PositiveSmallIntegerField(_("end day"), validators=DAY, default=31)
    expected_visitors = models.PositiveIntegerField(_("expected extra population"), default=0)

    class Meta:
        ordering = ["municipality", "start_month", "start_day"]
        verbose_name = _("recurring event")
        verbose_name_plural = _("recurring events")

    def __str__(self) -> str:
        return self.name

    def months(self) -> list[int]:
        """The months the event touches, wrapping over the new year."""
        months, month = [self.start_month], self.start_month
        while month != self.end_month:
            month = month % 12 + 1
            months.append(month)
        return months


class Conclusion(models.Model):
    """The coordinators' analysis of one problem, or (problem empty) the overall summary, for a period."""

    municipality = models.ForeignKey(Municipality, models.CASCADE, related_name="conclusions")
    start = models.DateField()
    end = models.DateField()
    problem = GuardedCharField(_("problem"), max_length=200, blank=True)
    text = GuardedTextField(_("analysis"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "start", "end", "problem"], name="one_conclusion_each")
        ]

    def __str__(self) -> str:
        return self.problem or "—"


class Baseline(models.Model):
    """An adopted lägesbild: every fact and conclusion frozen as they were (the baslinje).

    For one municipality, or (police_area set) the joint picture of a police area.
    """

    municipality = models.ForeignKey(
        Municipality, models.PROTECT, null=True, blank=True, related_name="baselines", verbose_name=_("municipality")
    )
    police_area = models.ForeignKey(
        Organisation, models.PROTECT, null=True, blank=True, related_name="baselines", verbose_name=_("police area")
    )
    version = models.PositiveIntegerField(_("version"))
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    data = models.JSONField(_("figures"))  # the SituationPicture (or JointPicture) as JSON, see picture.py
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("adopted by")
    )
    adopted_at = models.DateTimeField(_("adopted at"), auto_now_add=True)

    class Meta:
        ordering = ["-adopted_at", "-id"]
        verbose_name = _("adopted situation picture")
        verbose_name_plural = _("adopted situation pictures")
        constraints = [
            models.CheckConstraint(
                condition=Q(municipality__isnull=False, police_area__isnull=True)
                | Q(municipality__isnull=True, police_area__isnull=False),
                name="baseline_of_a_municipality_or_a_police_area",
            ),
            models.UniqueConstraint(fields=["municipality", "version"], name="one_baseline_version_per_municipality"),
            models.UniqueConstraint(fields=["police_area", "version"], name="one_baseline_version_per_area"),
        ]

    def __str__(self) -> str:
        owner = self.municipality or self.police_area
        return f"{owner} v{self.version} ({self.start:%Y-%m-%d} – {self.end:%Y-%m-%d})"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValidationError(BASELINE_IMMUTABLE)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("baseline", args=[self.pk])

    def delete(self, *args, **kwargs):
        raise ValidationError(BASELINE_IMMUTABLE)


THEME_SOURCE_LABELS = {
    themes.INCIDENTS: _("Incident category"),
    themes.CRIME: _("Brå crime category"),
    themes.EVENTS: _("Police event type"),
    themes.KOLADA: _("Kolada KPI"),
    themes.INDICATORS: _("Indicator"),
    themes.SURVEY: _("Survey question"),
    themes.KEYWORDS: _("Word in dialogues"),
}


def theme_choices() -> list[tuple[str, str]]:
    """The themes (a callable, so a change of the default mapping needs no migration)."""
    return [(theme.key, theme.name) for theme in themes.THEMES]


def theme_source_choices() -> list[tuple[str, str]]:
    return [(source, str(THEME_SOURCE_LABELS[source])) for source in themes.MAPPED_SOURCES]


class ThemeEntry(models.Model):
    """A municipality's own change to a theme's mapping (situation.lib.themes): one more incident category,
    event type, KPI, word … that counts toward the theme in the municipality's picture, or (left_out) one of the
    product's entries that does not count there (a dialogue word that means something else locally)."""

    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="theme_entries", verbose_name=_("municipality")
    )
    theme = models.CharField(_("theme"), max_length=40, choices=theme_choices)
    source = models.CharField(_("source"), max_length=40, choices=theme_source_choices)
    entry = GuardedCharField(_("entry"), max_length=200)
    left_out = models.BooleanField(_("left out"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("added by")
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["municipality", "theme", "source", "entry"]
        verbose_name = _("theme entry")
        verbose_name_plural = _("theme entries")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "theme", "source", "entry"], name="one_theme_entry_each")
        ]

    def __str__(self) -> str:
        return f"{self.theme}: {self.entry}"
