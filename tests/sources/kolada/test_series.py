"""Kolada's series: the value for both sexes together per KPI, region and year, in one query."""

from __future__ import annotations

import pytest

from samverkan.sources.kolada.models import Kpi, KpiValue
from samverkan.sources.kolada.series import KpiFigure, kpi_series, kpi_years
from samverkan.sources.models import ImportRun

VIOLENCE, ASSISTANCE = "Anmälda våldsbrott, antal/100 000 inv", "Ekonomiskt bistånd, andel (%)"


@pytest.fixture
def values(db):
    run = ImportRun.objects.create(source="kolada", name="hand-made")
    violence = Kpi.objects.create(id="N07403", title=VIOLENCE)
    assistance = Kpi.objects.create(id="N31807", title=ASSISTANCE)
    for kpi, code, year, gender, value in [
        (violence, "2506", 2023, "T", 1231.2),
        (violence, "2506", 2023, "K", 1100.0),  # women only: never a figure
        (violence, "2506", 2024, "T", None),  # Kolada has no value
        (violence, "25", 2023, "T", 1046.4),
        (violence, "2506", 2021, "T", 999.0),  # outside the years asked for
        (assistance, "2506", 2023, "T", 2.4),
        (assistance, "2506", 2022, "M", 2.0),
        (assistance, "2505", 2023, "T", 3.0),  # a region not asked for
    ]:
        KpiValue.objects.create(kpi=kpi, region_code=code, year=year, gender=gender, value=value, run=run)


def test_it_gives_the_total_by_kpi_region_and_year(values, django_assert_num_queries):
    with django_assert_num_queries(1):
        figures = kpi_series(region_codes=["2506", "25"], years=[2023, 2024])
    assert figures == [
        KpiFigure("N07403", VIOLENCE, "25", 2023, 1046.4),
        KpiFigure("N07403", VIOLENCE, "2506", 2023, 1231.2),
        KpiFigure("N07403", VIOLENCE, "2506", 2024, None),
        KpiFigure("N31807", ASSISTANCE, "2506", 2023, 2.4),
    ]


def test_it_gives_only_the_kpis_asked_for(values):
    assert kpi_series(region_codes=["2506"], years=range(2020, 2030), kpis=["N31807"]) == [
        KpiFigure("N31807", ASSISTANCE, "2506", 2023, 2.4)
    ]


def test_it_lists_the_years_with_a_total(values):
    assert kpi_years(region_codes=["2506"]) == [2021, 2023, 2024]
    assert kpi_years(region_codes=["2505", "25"]) == [2023]
    assert kpi_years(region_codes=["2580"]) == []
