"""Kolada key figures read once: the value for both sexes together per KPI, region and year.

The rule, in one place: only the gender total ("T") is a figure; Kolada's values for women and men
are kept but not read. A value Kolada does not have is None.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from samverkan.sources.kolada.models import KpiValue


@dataclass(frozen=True)
class KpiFigure:
    kpi: str  # Kolada's id, e.g. "N07403"
    title: str
    region_code: str
    year: int
    value: float | None  # None: Kolada has no value


def _totals(region_codes: Iterable[str]):
    return KpiValue.objects.filter(region_code__in=list(region_codes), gender=KpiValue.Gender.TOTAL)


def kpi_series(
    *, region_codes: Iterable[str], years: Iterable[int], kpis: Iterable[str] | None = None
) -> list[KpiFigure]:
    """The values of these regions and years (and KPIs), by KPI, region and year: one query."""
    rows = _totals(region_codes).filter(year__in=list(years))
    if kpis is not None:
        rows = rows.filter(kpi_id__in=list(kpis))
    values = rows.order_by("kpi_id", "region_code", "year").values_list(
        "kpi_id", "kpi__title", "region_code", "year", "value"
    )
    return [KpiFigure(*row) for row in values]


def kpi_years(*, region_codes: Iterable[str]) -> list[int]:
    """The years with a value for any of these regions, oldest first."""
    return list(_totals(region_codes).order_by("year").values_list("year", flat=True).distinct())
