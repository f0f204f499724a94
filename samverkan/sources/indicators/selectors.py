"""The page's table of indicator values, built from the series (series.py)."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.core.privacy import share_visible
from samverkan.organisations.models import Municipality
from samverkan.organisations.regions import COUNTRY, region_label
from samverkan.sources.indicators.series import IndicatorFigure, indicator_series, indicator_years


@dataclass(frozen=True)
class IndicatorCell:
    point: IndicatorFigure
    shown: bool  # False: a share of fewer than 10, kept from anyone outside the municipality


@dataclass(frozen=True)
class IndicatorTableRow:
    key: str
    name: str
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


def _cell(point: IndicatorFigure, *, owner: bool) -> IndicatorCell:
    # A value with an n is a share of n answers (or of n cases): the survey-share rule applies.
    hidden = point.value is not None and point.n is not None and not share_visible(point.n, owner=owner)
    return IndicatorCell(point, not hidden)


def indicator_table(*, municipality: Municipality, owner: bool) -> IndicatorTable:
    """Every indicator stored for the municipality, its county or Sweden: a row per area, a column per year.

    `owner`: the viewer belongs to the municipality's own organisation and sees its small shares.
    """
    codes = [municipality.code, municipality.county_code, COUNTRY]
    years = indicator_years(region_codes=codes)
    figures = indicator_series(region_codes=codes, years=years)
    by_key = {(f.key, f.region_code, f.year): f for f in figures}
    indicators = sorted({(f.name, f.key) for f in figures})
    labels = {code: region_label(code) for code in codes}
    rows = []
    for name, key in indicators:
        for code in codes:
            points = [by_key.get((key, code, year)) for year in years]
            if any(points):
                cells = [_cell(point, owner=owner and code == municipality.code) if point else None for point in points]
                sources = sorted({point.source_note for point in points if point and point.source_note})
                rows.append(IndicatorTableRow(key, name, labels[code], cells, sources))
    return IndicatorTable(municipality, years, rows)
