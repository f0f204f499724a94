"""Believable Brå figures for the demo: 2021–2025 (2025 preliminary) for Arjeplog, Arvidsjaur,
Norrbottens län and the whole country."""

from __future__ import annotations

import random
from decimal import Decimal

from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.regions import COUNTRY, region_label
from samverkan.sources.bra import taxonomy as t
from samverkan.sources.bra.parse import WHOLE_YEAR, CrimeRow
from samverkan.sources.bra.services import crime_statistics_save
from samverkan.sources.models import ImportRun

YEARS = range(2021, 2026)
PRELIMINARY_YEAR = 2025
# Region -> (residents, how its crime level compares with the country's).
REGIONS = {"2506": (2_570, 0.95), "2505": (5_990, 0.85), "25": (250_000, 0.9), COUNTRY: (10_550_000, 1.0)}
TOTAL_PER_100K = 14_000
# Child -> (parent, share of the parent's count).
SHARES = {
    t.PENAL_CODE: (t.ROOT, 0.82),
    t.SPECIAL_LAWS: (t.ROOT, 0.18),
    t.PERSON: (t.PENAL_CODE, 0.24),
    "Misshandel": (t.PERSON, 0.33),
    "Olaga hot": (t.PERSON, 0.24),
    "Ofredande": (t.PERSON, 0.26),
    t.THEFT: (t.PENAL_CODE, 0.40),
    "Inbrottsstöld": (t.THEFT, 0.11),
    "Stöld ur eller från motorfordon": (t.THEFT, 0.10),
    t.DAMAGE: (t.PENAL_CODE, 0.15),
    "Skadegörelse": (t.DAMAGE, 0.58),
    "Klotter": (t.DAMAGE, 0.30),
    "Narkotikastrafflagen": (t.SPECIAL_LAWS, 0.40),
    "Trafikbrottslagen": (t.SPECIAL_LAWS, 0.36),
}
# Suppressed in Brå's statistics: shown as "..".
MISSING_FIGURES = {
    ("2506", "Klotter", 2021),
    ("2505", "Stöld ur eller från motorfordon", 2022),
    ("2506", "Olaga hot", 2023),
}


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    calendar = demo_calendar()  # the story's years, moved to the present
    rows = []
    for code, (residents, level) in REGIONS.items():
        for year in YEARS:
            counts = {t.ROOT: round(residents * TOTAL_PER_100K / 100_000 * level * rng.uniform(0.85, 1.15))}
            left = dict(counts)  # what a category's children may still take: together never more than it
            for category, (parent, share) in SHARES.items():  # parents come before their children
                count = min(round(counts[parent] * share * rng.uniform(0.85, 1.15)), left[parent])
                left[parent] -= count
                counts[category] = left[category] = count
            for category, count in counts.items():
                missing = (code, category, year) in MISSING_FIGURES
                rate = Decimal(count * 100_000 / residents).quantize(Decimal("0.1"))
                rows.append(
                    CrimeRow(
                        line=0,
                        category=category,
                        region=region_label(code),
                        region_code=code,
                        year=calendar.year(year),
                        period=WHOLE_YEAR,
                        count=None if missing else count,
                        per_100k=None if missing else rate,
                        preliminary=year == PRELIMINARY_YEAR,
                    )
                )
    parents = {category: parent for category, (parent, _share) in SHARES.items()} | {t.ROOT: None}
    crime_statistics_save(rows=rows, parents=parents, run=run)
