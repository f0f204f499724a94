from __future__ import annotations

import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.sources.kolada.demo import demo_load
from samverkan.sources.kolada.kpis import KPIS
from samverkan.sources.kolada.models import Kpi, KpiValue
from samverkan.sources.models import ImportRun


def test_it_fills_2021_to_2025_for_both_municipalities_norrbotten_and_sweden(world):
    run = ImportRun.objects.create(source="demo", name="demo")
    demo_load(rng=random.Random(7), run=run)
    year = demo_calendar().year  # the demo's story of 2026, moved to the present
    assert set(Kpi.objects.values_list("id", flat=True)) == set(KPIS)
    violence = KpiValue.objects.filter(kpi_id="N07403")
    assert set(violence.values_list("region_code", flat=True)) == {"2506", "2505", "25", "00"}
    assert set(violence.values_list("year", flat=True)) == set(range(year(2021), year(2026)))
    assert violence.get(region_code="2506", year=year(2023)).municipality == world.arjeplog
    # The youth survey figures exist per region only, as in Kolada.
    assert set(KpiValue.objects.filter(kpi_id="U79232").values_list("region_code", flat=True)) == {"25", "00"}
    assert set(KpiValue.objects.values_list("run", flat=True)) == {run.pk}
    national = violence.get(region_code="00", year=year(2024)).value
    assert national is not None and 800 < national < 1300
