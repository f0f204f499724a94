from __future__ import annotations

import random
from decimal import Decimal

from samverkan.core.demo_calendar import demo_calendar
from samverkan.sources.bra.demo import demo_load
from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
from samverkan.sources.models import ImportRun


def load(world) -> ImportRun:
    run = ImportRun.objects.create(source="bra", name="demo")
    demo_load(rng=random.Random(7), run=run)
    return run


def test_it_fills_five_years_for_both_municipalities_the_county_and_the_country(world):
    run = load(world)
    year = demo_calendar().year  # the demo's story of 2026, moved to the present
    for code in ("2506", "2505", "25", "00"):
        years = set(CrimeStatistic.objects.filter(region_code=code).values_list("year", flat=True))
        assert years == {year(2021), year(2022), year(2023), year(2024), year(2025)}
    assert set(CrimeStatistic.objects.values_list("run", flat=True)) == {run.id}
    assert CrimeCategory.objects.count() >= 12
    assert set(CrimeStatistic.objects.filter(preliminary=True).values_list("year", flat=True)) == {year(2025)}


def test_it_gives_arjeplog_believable_totals_and_rates(world):
    load(world)
    totals = CrimeStatistic.objects.filter(region_code="2506", category__name="Totalt antal brott")
    for total in totals:
        assert total.count is not None and total.per_100k is not None
        assert 250 <= total.count <= 400
        assert abs(total.per_100k - Decimal(total.count * 100_000 / 2570)) < 1
    arvidsjaur = CrimeStatistic.objects.get(
        region_code="2505", category__name="Misshandel", year=demo_calendar().year(2024)
    )
    assert arvidsjaur.count is not None and arvidsjaur.per_100k is not None
    assert abs(arvidsjaur.per_100k - Decimal(arvidsjaur.count * 100_000 / 5990)) < 1


def test_it_keeps_children_within_their_parent(world):
    load(world)
    for statistic in CrimeStatistic.objects.exclude(count=None):
        assert statistic.count is not None
        children = CrimeStatistic.objects.filter(
            region_code=statistic.region_code, year=statistic.year, category__parent=statistic.category
        )
        assert sum(child.count or 0 for child in children) <= statistic.count


def test_it_has_a_few_missing_values(world):
    load(world)
    missing = CrimeStatistic.objects.filter(count=None)
    assert 1 <= missing.count() <= 5
    assert set(missing.values_list("per_100k", flat=True)) == {None}
