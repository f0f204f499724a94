"""Other indicator series per municipality and year: youth surveys (CAN), supervision figures …"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedCharField
from samverkan.organisations.models import Municipality


class Indicator(models.Model):
    key = models.SlugField(_("key"), max_length=100, unique=True)
    name = GuardedCharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, models.PROTECT, related_name="values", verbose_name=_("indicator"))
    region_code = models.CharField(
        _("region code"), max_length=4, help_text=_("Kommunkod (4 digits), county code (2 digits) or 00 for Sweden.")
    )
    municipality = models.ForeignKey(
        Municipality, models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("municipality")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.FloatField(_("value"), null=True, blank=True, help_text=_("Empty: no value for the year."))
    n = models.PositiveIntegerField(
        _("n"), null=True, blank=True, help_text=_("How many answered (or the base of a share), when known.")
    )
    source_note = GuardedCharField(_("source"), max_length=300, blank=True)
    run = models.ForeignKey("sources.ImportRun", models.PROTECT, related_name="+", verbose_name=_("import"))

    class Meta:
        ordering = ["indicator", "region_code", "year"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "region_code", "year"], name="one_indicator_value_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.region_code} {self.year}: {self.value}"
