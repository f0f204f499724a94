"""Other indicators read once: the value per indicator, region and year, with the n it rests on.

A value with an n is a share of n answers (or cases): whoever shows it applies the survey-share rule
(samverkan.core.privacy.share_visible); the series itself keeps every stored value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from samverkan.sources.indicators.models import IndicatorValue


@dataclass(frozen=True)
class IndicatorFigure:
    key: str
    name: str
    region_code: str
    year: int
    value: float | None  # None: no value for the year
    n: int | None  # how many answered (or the base of a share), when known
    source_note: str = ""


def indicator_series(
    *, region_codes: Iterable[str], years: Iterable[int], keys: Iterable[str] | None = None
) -> list[IndicatorFigure]:
    """The values of these regions and years (and indicators), by indicator key, region and year: one query."""
    rows = IndicatorValue.objects.filter(region_code__in=list(region_codes), year__in=list(years))
    if keys is not None:
        rows = rows.filter(indicator__key__in=list(keys))
    values = rows.order_by("indicator__key", "region_code", "year").values_list(
        "indicator__key", "indicator__name", "region_code", "year", "value", "n", "source_note"
    )
    return [IndicatorFigure(*row) for row in values]


def indicator_years(*, region_codes: Iterable[str]) -> list[int]:
    """The years with a stored value for any of these regions, oldest first."""
    rows = IndicatorValue.objects.filter(region_code__in=list(region_codes))
    return list(rows.order_by("year").values_list("year", flat=True).distinct())
