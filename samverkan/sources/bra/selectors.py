"""The page's table of Brå's crime statistics, built from the series (series.py)."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.organisations.models import Municipality
from samverkan.organisations.regions import COUNTRY
from samverkan.sources.bra.models import CrimeCategory
from samverkan.sources.bra.series import CrimeFigure, crime_series, crime_years
from samverkan.sources.bra.taxonomy import tree_order


def category_paths() -> dict[str, tuple[str, ...]]:
    """Every stored category's path from the root, in tree order."""
    parents = dict(CrimeCategory.objects.values_list("name", "parent__name"))
    return {path[-1]: path for path in tree_order(parents)}


@dataclass(frozen=True)
class CrimeTableRow:
    category: str
    depth: int  # how many of its ancestors the table shows above it
    figures: list[CrimeFigure | None]  # one per year of the table; None: not stored
    comparison: list[CrimeFigure | None]  # the latest year in the municipality, its county and the country


@dataclass(frozen=True)
class CrimeTable:
    municipality: Municipality
    years: list[int]
    rows: list[CrimeTableRow]

    @property
    def latest_year(self) -> int | None:
        return self.years[-1] if self.years else None


def crime_table_for(*, municipality: Municipality) -> CrimeTable:
    """A municipality's whole-year figures, categories x years, beside the county's and the country's rates."""
    years = crime_years(region_codes=[municipality.code])
    if not years:
        return CrimeTable(municipality, [], [])
    codes = [municipality.code, municipality.county_code, COUNTRY]
    figures = crime_series(region_codes=codes, years=years)
    by_key = {(f.region_code, f.category, f.year): f for f in figures}
    own = {f.category for f in figures if f.region_code == municipality.code}
    paths = {name: path for name, path in category_paths().items() if name in own}  # in tree order
    latest = years[-1]
    rows = [
        CrimeTableRow(
            category=name,
            depth=sum(1 for ancestor in path[:-1] if ancestor in paths),  # among the categories shown
            figures=[by_key.get((municipality.code, name, year)) for year in years],
            comparison=[by_key.get((code, name, latest)) for code in codes],
        )
        for name, path in paths.items()
    ]
    return CrimeTable(municipality, years, rows)
