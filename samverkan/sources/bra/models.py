"""Brå's reported crimes (anmälda brott) per category, region and period."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CrimeCategory(models.Model):
    """A category of Brå's tree, e.g. "Misshandel" under "3-7 kap. Brott mot person"."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("crime category")
        verbose_name_plural = _("crime categories")

    def __str__(self) -> str:
        return self.name


class CrimeStatistic(models.Model):
    """Reported crimes of one category in one region and period: a municipality, a county or the country."""

    region_code = models.CharField(_("region code"), max_length=4)
    municipality = models.ForeignKey(
        "organisations.Municipality",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="crime_statistics",
        verbose_name=_("municipality"),
    )
    category = models.ForeignKey(
        CrimeCategory, models.PROTECT, related_name="statistics", verbose_name=_("crime category")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    period = models.CharField(_("period"), max_length=40, help_text=_('"helår" for the whole year.'))
    count = models.PositiveIntegerField(_("reported crimes"), null=True, blank=True, help_text=_("Empty: missing."))
    per_100k = models.DecimalField(_("per 100 000 residents"), max_digits=12, decimal_places=2, null=True, blank=True)
    preliminary = models.BooleanField(_("preliminary"), default=False)
    run = models.ForeignKey("sources.ImportRun", models.PROTECT, related_name="+")

    class Meta:
        ordering = ["region_code", "category", "year", "period"]
        verbose_name = _("reported crimes")
        verbose_name_plural = _("reported crimes")
        constraints = [
            models.UniqueConstraint(
                fields=["region_code", "category", "year", "period"], name="one_crime_statistic_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region_code} {self.category} {self.year} {self.period}: {self.count}"
