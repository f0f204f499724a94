from __future__ import annotations

import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.sources.indicators.demo import demo_load
from samverkan.sources.indicators.models import Indicator, IndicatorValue
from samverkan.sources.models import ImportRun


def test_it_fills_survey_shares_with_n_and_supervision_figures_for_2021_to_2026(world):
    run = ImportRun.objects.create(source="demo", name="demo")
    demo_load(rng=random.Random(7), run=run)
    year = demo_calendar().year  # the demo's story of 2026, moved to the present
    keys = set(Indicator.objects.values_list("key", flat=True))
    for name in ("alkoholkonsumenter", "intensivkonsumtion-av-alkohol", "narkotikaerfarenhet", "rokare", "snusare"):
        assert {f"{name}-arskurs-9", f"{name}-gymnasiet-ar-2"} <= keys
    assert {"spel-om-pengar-arskurs-9", "tillsynsbesok-alkohol-antal", "andel-tillsynsbesok-med-brister"} <= keys
    snus = IndicatorValue.objects.filter(indicator__key="snusare-arskurs-9")
    assert set(snus.values_list("region_code", flat=True)) == {"2506", "2505", "25"}
    assert set(snus.values_list("year", flat=True)) == set(range(year(2021), year(2027)))
    assert all(value.value is not None and 0 <= value.value <= 100 for value in snus)
    assert all(value.n is not None and value.n > 0 for value in snus)
    assert snus.get(region_code="2506", year=year(2022)).municipality == world.arjeplog
    # Arjeplog's upper-secondary year group is small: some shares rest on fewer than 10 answers.
    assert IndicatorValue.objects.filter(
        indicator__key__endswith="gymnasiet-ar-2", region_code="2506", n__lt=10
    ).exists()
    visits = IndicatorValue.objects.filter(indicator__key="tillsynsbesok-alkohol-antal")
    assert set(visits.values_list("n", flat=True)) == {None}
    assert set(IndicatorValue.objects.values_list("run", flat=True)) == {run.pk}
