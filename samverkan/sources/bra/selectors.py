"""Reading Brå's crime statistics, for the page and the lägesbild."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from samverkan.organisations.models import Municipality
from samverkan.organisations.regions import COUNTRY
from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
from samverkan.sources.bra.parse import WHOLE_YEAR
from samverkan.sources.bra.taxonomy import tree_order


@dataclass(frozen=True)
class CrimeFigure:
    category: str
    path: tuple[str, ...]  # from "Totalt antal brott" down to the category
    year: int
    period: str
    count: int | None  # None: missing in Brå's statistics ("..")
    per_100k: Decimal | None
    preliminary: bool


def category_paths() -> dict[str, tuple[str, ...]]:
    """Every stored category's path from the root, in tree order."""
    parents = dict(CrimeCategory.objects.values_list("name", "parent__name"))
    return {path[-1]: path for path in tree_order(parents)}


def crime_statistics_for(*, region_code: str, years: Iterable[int] | None = None) -> list[CrimeFigure]:
    """A region's figures in category tree order, then by year and period."""
    statistics = CrimeStatistic.objects.filter(region_code=region_code).select_related("category")
    if years is not None:
        statistics = statistics.filter(year__in=list(years))
    paths = category_paths()
    order = {name: position for position, name in enumerate(paths)}
    figures = [
        CrimeFigure(
            category=s.category.name,
            path=paths[s.category.name],
            year=s.year,
            period=s.period,
            count=s.count,
            per_100k=s.per_100k,
            preliminary=s.preliminary,
        )
        for s in statistics
    ]
    return sorted(figures, key=lambda f: (order[f.category], f.year, f.period))


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
    own = [f for f in crime_statistics_for(region_code=municipality.code) if f.period == WHOLE_YEAR]
    years = sorted({f.year for f in own})
    if not years:
        return CrimeTable(municipality, [], [])
    by_key = {(f.category, f.year): f for f in own}
    others = [
        {f.category: f for f in crime_statistics_for(region_code=code, years=[years[-1]]) if f.period == WHOLE_YEAR}
        for code in (municipality.county_code, COUNTRY)
    ]
    paths = {f.category: f.path for f in own}  # in tree order
    rows = [
        CrimeTableRow(
            category=name,
            depth=sum(1 for ancestor in path[:-1] if ancestor in paths),  # among the categories shown
            figures=[by_key.get((name, year)) for year in years],
            comparison=[by_key.get((name, years[-1]))] + [other.get(name) for other in others],
        )
        for name, path in paths.items()
    ]
    return CrimeTable(municipality, years, rows)
