"""Demo Kolada values 2021–2025 for the documented key figures: Arjeplog, Arvidsjaur, Norrbotten, Sweden.

The levels are rounded guesses of the right size for small inland municipalities, the county
and the country, varied from year to year; they are not Kolada's figures.
"""

from __future__ import annotations

import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.models import Municipality
from samverkan.sources.kolada.kpis import kpi_defaults
from samverkan.sources.kolada.models import Kpi, KpiValue
from samverkan.sources.models import ImportRun

YEARS = range(2021, 2026)
ARJEPLOG, ARVIDSJAUR, NORRBOTTEN, SWEDEN = "2506", "2505", "25", "00"

# Level per region: Arjeplog, Arvidsjaur, Norrbotten, Sweden (None: Kolada reports it per region only).
LEVELS = {
    "N07540": (9_800, 8_900, 10_400, 13_900),
    "N07403": (1_150, 980, 1_050, 1_020),
    "U07417": (19.0, 17.5, 24.0, 38.0),
    "U07452": (9.5, 10.5, 12.0, 15.5),
    "N07546": (40, 55, 70, 120),
    "N07544": (620, 540, 780, 880),
    "N07402": (12, 10, 14, 15),
    "N02905": (9.0, 8.0, 11.0, 13.0),
    "N07609": (14.0, 15.0, 19.0, 27.0),
    "U79231": (None, None, 38.0, 36.0),
    "U79232": (None, None, 4.5, 5.5),
    "U79235": (None, None, 10.0, 12.5),
    "N31807": (2.4, 3.1, 3.4, 4.0),
    "N31816": (0.6, 0.8, 1.0, 1.3),
}


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    municipalities = dict(Municipality.objects.filter(code__in=[ARJEPLOG, ARVIDSJAUR]).values_list("code", "id"))
    calendar = demo_calendar()  # the story's years, moved to the present
    values = []
    for kpi_id, levels in LEVELS.items():
        Kpi.objects.get_or_create(id=kpi_id, defaults=kpi_defaults(kpi_id))
        for code, level in zip((ARJEPLOG, ARVIDSJAUR, NORRBOTTEN, SWEDEN), levels, strict=True):
            if level is None:
                continue
            # Small places swing more from year to year than the county and the country.
            spread = 0.12 if code in municipalities else 0.03
            for year in YEARS:
                value = level * rng.uniform(1 - spread, 1 + spread)
                values.append(
                    KpiValue(
                        kpi_id=kpi_id,
                        region_code=code,
                        municipality_id=municipalities.get(code),
                        year=calendar.year(year),
                        gender="T",
                        value=round(value, 1),
                        run=run,
                    )
                )
    KpiValue.objects.bulk_create(values)
