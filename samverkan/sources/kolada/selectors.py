"""Reading Kolada key figures: series per KPI and the table a municipality's page shows."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.organisations.models import Municipality
from samverkan.organisations.regions import COUNTRY, region_label
from samverkan.sources.kolada.models import Kpi, KpiValue


@dataclass(frozen=True)
class KpiPoint:
    region_code: str
    year: int
    value: float | None
    status: str


def kpi_series(*, kpi_id: str, region_codes: list[str], gender: str = "T") -> list[KpiPoint]:
    """The stored values of one KPI for these regions, by region and year (None: Kolada has no value)."""
    rows = (
        KpiValue.objects.filter(kpi_id=kpi_id, region_code__in=region_codes, gender=gender)
        .order_by("region_code", "year")
        .values_list("region_code", "year", "value", "status")
    )
    return [KpiPoint(*row) for row in rows]


@dataclass(frozen=True)
class KpiRow:
    kpi: Kpi
    area: str
    cells: list[KpiPoint | None]  # one per year of the table; None: nothing stored


@dataclass(frozen=True)
class KpiTable:
    municipality: Municipality
    years: list[int]
    rows: list[KpiRow]


def kpi_table(*, municipality: Municipality) -> KpiTable:
    """Every KPI stored for the municipality, its county or Sweden: a row per area, a column per year."""
    codes = [municipality.code, municipality.county_code, COUNTRY]
    kpis = Kpi.objects.filter(values__region_code__in=codes, values__gender="T").distinct().order_by("title")
    series = {kpi: kpi_series(kpi_id=kpi.id, region_codes=codes) for kpi in kpis}
    years = sorted({point.year for points in series.values() for point in points})
    labels = {code: region_label(code) for code in codes}
    rows = []
    for kpi, points in series.items():
        for code in codes:
            by_year = {point.year: point for point in points if point.region_code == code}
            if by_year:
                rows.append(KpiRow(kpi, labels[code], [by_year.get(year) for year in years]))
    return KpiTable(municipality, years, rows)
