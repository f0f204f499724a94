"""The page's table of Kolada key figures, built from the series (series.py)."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.organisations.models import Municipality
from samverkan.organisations.regions import COUNTRY, region_label
from samverkan.sources.kolada.series import KpiFigure, kpi_series, kpi_years


@dataclass(frozen=True)
class KpiRow:
    kpi: str
    title: str
    area: str
    cells: list[KpiFigure | None]  # one per year of the table; None: nothing stored


@dataclass(frozen=True)
class KpiTable:
    municipality: Municipality
    years: list[int]
    rows: list[KpiRow]


def kpi_table(*, municipality: Municipality) -> KpiTable:
    """Every KPI stored for the municipality, its county or Sweden: a row per area, a column per year."""
    codes = [municipality.code, municipality.county_code, COUNTRY]
    years = kpi_years(region_codes=codes)
    by_key = {(f.kpi, f.region_code, f.year): f for f in kpi_series(region_codes=codes, years=years)}
    kpis = sorted({(f.title, f.kpi) for f in by_key.values()})
    labels = {code: region_label(code) for code in codes}
    rows = []
    for title, kpi in kpis:
        for code in codes:
            cells = [by_key.get((kpi, code, year)) for year in years]
            if any(cells):
                rows.append(KpiRow(kpi, title, labels[code], cells))
    return KpiTable(municipality, years, rows)
