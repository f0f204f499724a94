"""Reading indicator values: series per indicator and the table a municipality's page shows."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.core.privacy import share_visible
from samverkan.organisations.models import Municipality
from samverkan.organisations.regions import COUNTRY, region_label
from samverkan.sources.indicators.models import Indicator, IndicatorValue


@dataclass(frozen=True)
class IndicatorPoint:
    region_code: str
    year: int
    value: float | None
    n: int | None
    source_note: str


def indicator_series(*, key: str, region_codes: list[str]) -> list[IndicatorPoint]:
    """The stored values of one indicator for these regions, by region and year."""
    rows = (
        IndicatorValue.objects.filter(indicator__key=key, region_code__in=region_codes)
        .order_by("region_code", "year")
        .values_list("region_code", "year", "value", "n", "source_note")
    )
    return [IndicatorPoint(*row) for row in rows]


@dataclass(frozen=True)
class IndicatorCell:
    point: IndicatorPoint
    shown: bool  # False: a share of fewer than 10, kept from anyone outside the municipality


@dataclass(frozen=True)
class IndicatorTableRow:
    indicator: Indicator
    area: str
    cells: list[IndicatorCell | None]  # one per year of the table; None: nothing stored
    sources: list[str]


@dataclass(frozen=True)
class IndicatorTable:
    municipality: Municipality
    years: list[int]
    rows: list[IndicatorTableRow]

    @property
    def has_hidden(self) -> bool:
        return any(cell and not cell.shown for row in self.rows for cell in row.cells)


def _cell(point: IndicatorPoint, *, owner: bool) -> IndicatorCell:
    # A value with an n is a share of n answers (or of n cases): the survey-share rule applies.
    hidden = point.value is not None and point.n is not None and not share_visible(point.n, owner=owner)
    return IndicatorCell(point, not hidden)


def indicator_table(*, municipality: Municipality, owner: bool) -> IndicatorTable:
    """Every indicator stored for the municipality, its county or Sweden: a row per area, a column per year.

    `owner`: the viewer belongs to the municipality's own organisation and sees its small shares.
    """
    codes = [municipality.code, municipality.county_code, COUNTRY]
    indicators = Indicator.objects.filter(values__region_code__in=codes).distinct().order_by("name")
    series = {indicator: indicator_series(key=indicator.key, region_codes=codes) for indicator in indicators}
    years = sorted({point.year for points in series.values() for point in points})
    labels = {code: region_label(code) for code in codes}
    rows = []
    for indicator, points in series.items():
        for code in codes:
            by_year = {point.year: point for point in points if point.region_code == code}
            if by_year:
                cells = [
                    _cell(by_year[year], owner=owner and code == municipality.code) if year in by_year else None
                    for year in years
                ]
                sources = sorted({point.source_note for point in by_year.values() if point.source_note})
                rows.append(IndicatorTableRow(indicator, labels[code], cells, sources))
    return IndicatorTable(municipality, years, rows)
