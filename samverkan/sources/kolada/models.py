"""Kolada key figures: one value per KPI, region, year and gender."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.organisations.models import Municipality


class Kpi(models.Model):
    id = models.CharField(_("KPI id"), max_length=20, primary_key=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self) -> str:
        return f"{self.id} {self.title}"


class KpiValue(models.Model):
    class Gender(models.TextChoices):
        TOTAL = "T", _("Total")
        WOMEN = "K", _("Women")
        MEN = "M", _("Men")

    kpi = models.ForeignKey(Kpi, models.PROTECT, related_name="values", verbose_name=_("key figure"))
    region_code = models.CharField(
        _("region code"), max_length=4, help_text=_("Kommunkod (4 digits), county code (2 digits) or 00 for Sweden.")
    )
    municipality = models.ForeignKey(
        Municipality, models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("municipality")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    value = models.FloatField(_("value"), null=True, blank=True, help_text=_("Empty: Kolada has no value."))
    status = models.CharField(_("status"), max_length=40, blank=True)
    run = models.ForeignKey("sources.ImportRun", models.PROTECT, related_name="+", verbose_name=_("import"))

    class Meta:
        ordering = ["kpi", "region_code", "year", "gender"]
        verbose_name = _("key figure value")
        verbose_name_plural = _("key figure values")
        constraints = [
            models.UniqueConstraint(
                fields=["kpi", "region_code", "year", "gender"], name="one_kpi_value_per_region_year_gender"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kpi_id} {self.region_code} {self.year} {self.gender}: {self.value}"
