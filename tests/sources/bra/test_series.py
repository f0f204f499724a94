"""Brå's series: whole-year figures only, per region, category and year, in one query."""

from __future__ import annotations

import pytest

from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
from samverkan.sources.bra.series import CrimeFigure, crime_series, crime_years
from samverkan.sources.models import ImportRun
from tests.sources.bra.helpers import DATABASFIL, NORRBOTTEN, import_bra

TOTAL, ASSAULT = "Totalt antal brott", "Misshandel"


@pytest.fixture
def statistics(db):
    run = ImportRun.objects.create(source="bra", name="hand-made")
    total = CrimeCategory.objects.create(name=TOTAL)
    assault = CrimeCategory.objects.create(name=ASSAULT, parent=total)
    for code, category, year, period, count, rate, preliminary in [
        ("2506", total, 2024, "helår", 341, "13268.50", False),
        ("2506", total, 2025, "helår", 298, "11595.30", True),
        ("2506", total, 2025, "jan-jun", 151, "5875.50", True),  # half a year: never a figure
        ("2506", assault, 2024, "helår", None, None, False),  # missing in Brå's statistics
        ("2506", assault, 2023, "helår", 20, "780.00", False),  # outside the years asked for
        ("25", total, 2024, "helår", 5000, "2000.00", False),
        ("2505", total, 2024, "helår", 300, "1000.00", False),  # a region not asked for
        ("2505", total, 2026, "jan-jun", 100, "400.00", True),
    ]:
        CrimeStatistic.objects.create(
            region_code=code,
            category=category,
            year=year,
            period=period,
            count=count,
            per_100k=rate,
            preliminary=preliminary,
            run=run,
        )


def test_it_gives_the_whole_year_figures_by_region_category_and_year(statistics, django_assert_num_queries):
    with django_assert_num_queries(1):
        figures = crime_series(region_codes=["2506", "25"], years=range(2024, 2026))
    assert figures == [
        CrimeFigure("25", TOTAL, 2024, 5000, 2000.0, False),
        CrimeFigure("2506", ASSAULT, 2024, None, None, False),
        CrimeFigure("2506", TOTAL, 2024, 341, 13268.5, False),
        CrimeFigure("2506", TOTAL, 2025, 298, 11595.3, True),
    ]


def test_it_gives_only_the_categories_asked_for(statistics):
    assert crime_series(region_codes=["2506"], years=[2023, 2024], categories=[ASSAULT]) == [
        CrimeFigure("2506", ASSAULT, 2023, 20, 780.0, False),
        CrimeFigure("2506", ASSAULT, 2024, None, None, False),
    ]
    assert crime_series(region_codes=["2506"], years=[2024], categories=[]) == []


def test_it_lists_the_years_with_whole_year_figures(statistics):
    assert crime_years(region_codes=["2506"]) == [2023, 2024, 2025]
    assert crime_years(region_codes=["2505"]) == [2024]
    assert crime_years(region_codes=["2580"]) == []


def test_it_reads_the_imported_files_the_same_way(world):
    import_bra(str(NORRBOTTEN))
    import_bra(str(DATABASFIL))
    assert crime_series(region_codes=["2506"], years=[2024, 2025]) == [
        CrimeFigure("2506", "Klotter", 2024, 9, 350.2, False),
        CrimeFigure("2506", ASSAULT, 2024, 24, 933.9, False),
        CrimeFigure("2506", TOTAL, 2024, 341, 13268.5, False),
        CrimeFigure("2506", TOTAL, 2025, 298, 11595.3, True),
    ]
