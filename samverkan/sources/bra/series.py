"""Brå's reported crimes read once: whole-year figures per region, category and year.

The rule, in one place: only whole-year ("helår") rows are figures; half-year and other periods Brå
publishes are kept for the record but never read as a year's figure. A count or rate Brå marks as
missing ("..") is None, never 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from samverkan.sources.bra.models import CrimeStatistic
from samverkan.sources.bra.parse import WHOLE_YEAR


@dataclass(frozen=True)
class CrimeFigure:
    region_code: str
    category: str
    year: int
    count: int | None  # None: missing in Brå's statistics ("..")
    per_100k: float | None
    preliminary: bool


def crime_series(
    *, region_codes: Iterable[str], years: Iterable[int], categories: Iterable[str] | None = None
) -> list[CrimeFigure]:
    """The whole-year figures of these regions and years (and categories), by region, category and year: one query."""
    rows = CrimeStatistic.objects.filter(region_code__in=list(region_codes), year__in=list(years), period=WHOLE_YEAR)
    if categories is not None:
        rows = rows.filter(category__name__in=list(categories))
    values = rows.order_by("region_code", "category__name", "year").values_list(
        "region_code", "category__name", "year", "count", "per_100k", "preliminary"
    )
    return [
        CrimeFigure(code, category, year, count, None if rate is None else float(rate), preliminary)
        for code, category, year, count, rate, preliminary in values
    ]


def crime_years(*, region_codes: Iterable[str]) -> list[int]:
    """The years with whole-year figures for any of these regions, oldest first."""
    rows = CrimeStatistic.objects.filter(region_code__in=list(region_codes), period=WHOLE_YEAR)
    return list(rows.order_by("year").values_list("year", flat=True).distinct())
