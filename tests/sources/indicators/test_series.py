"""The indicators' series: every stored value per indicator, region and year with its n, in one query."""

from __future__ import annotations

import pytest

from samverkan.sources.indicators.models import Indicator, IndicatorValue
from samverkan.sources.indicators.series import IndicatorFigure, indicator_series, indicator_years
from samverkan.sources.models import ImportRun

from .conftest import DATA, run

ALCOHOL, SMOKING = "Alkoholkonsumenter åk 9", "Rökare åk 9"


@pytest.fixture
def values(db):
    import_run = ImportRun.objects.create(source="indicators", name="hand-made")
    alcohol = Indicator.objects.create(key="alkohol-ak9", name=ALCOHOL)
    smoking = Indicator.objects.create(key="rokare-ak9", name=SMOKING)
    for indicator, code, year, value, n in [
        (alcohol, "2506", 2024, 38.5, 26),
        (alcohol, "2506", 2025, 34.8, None),
        (alcohol, "25", 2024, 36.1, 1874),
        (alcohol, "2506", 2019, 40.0, 30),  # outside the years asked for
        (smoking, "2506", 2025, None, None),  # no value for the year
        (smoking, "2505", 2025, 5.0, 20),  # a region not asked for
    ]:
        IndicatorValue.objects.create(
            indicator=indicator, region_code=code, year=year, value=value, n=n, run=import_run
        )


def test_it_gives_every_value_by_indicator_region_and_year(values, django_assert_num_queries):
    with django_assert_num_queries(1):
        figures = indicator_series(region_codes=["2506", "25"], years=[2024, 2025])
    assert figures == [
        IndicatorFigure("alkohol-ak9", ALCOHOL, "25", 2024, 36.1, 1874),
        IndicatorFigure("alkohol-ak9", ALCOHOL, "2506", 2024, 38.5, 26),
        IndicatorFigure("alkohol-ak9", ALCOHOL, "2506", 2025, 34.8, None),
        IndicatorFigure("rokare-ak9", SMOKING, "2506", 2025, None, None),
    ]


def test_it_gives_only_the_indicators_asked_for(values):
    assert indicator_series(region_codes=["2506", "2505"], years=[2025], keys=["rokare-ak9"]) == [
        IndicatorFigure("rokare-ak9", SMOKING, "2505", 2025, 5.0, 20),
        IndicatorFigure("rokare-ak9", SMOKING, "2506", 2025, None, None),
    ]


def test_it_lists_the_years_with_a_stored_value(values):
    assert indicator_years(region_codes=["2506"]) == [2019, 2024, 2025]
    assert indicator_years(region_codes=["25"]) == [2024]
    assert indicator_years(region_codes=["2580"]) == []


def test_it_keeps_the_source_of_imported_values(world):
    run(DATA / "can_arjeplog.csv")
    source, key, name = (
        "CAN Skolelevers drogvanor Norrbotten",
        "alkoholkonsumenter-arskurs-9",
        "Alkoholkonsumenter, årskurs 9",
    )
    assert indicator_series(region_codes=["2506", "25"], years=[2024, 2025], keys=[key]) == [
        IndicatorFigure(key, name, "25", 2024, 36.1, 1874, f"{source} 2024"),
        IndicatorFigure(key, name, "2506", 2024, 38.5, 26, f"{source} 2024"),
        IndicatorFigure(key, name, "2506", 2025, 34.8, 23, f"{source} 2025"),
    ]
