"""Demo indicators 2021–2026: CAN youth survey shares with n, and alcohol supervision figures.

Shares are drawn around levels of the right size for the Norrbotten version of CAN's
"Skolelevers drogvanor"; the class sizes follow the municipalities (Arjeplog's year groups are
small, so some shares rest on fewer than 10 answers). None of it is real survey data.
"""

from __future__ import annotations

import random

from django.utils.text import slugify

from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.models import Municipality
from samverkan.sources.indicators.models import Indicator, IndicatorValue
from samverkan.sources.models import ImportRun

YEARS = range(2021, 2027)
ARJEPLOG, ARVIDSJAUR, NORRBOTTEN = "2506", "2505", "25"
GRADE_9, UPPER_SECONDARY_2 = "årskurs 9", "gymnasiet år 2"

# Share (%) of pupils per stage, around which each year's answers are drawn.
SURVEY = {
    "Alkoholkonsumenter": {GRADE_9: 36, UPPER_SECONDARY_2: 66},
    "Intensivkonsumtion av alkohol": {GRADE_9: 12, UPPER_SECONDARY_2: 34},
    "Narkotikaerfarenhet": {GRADE_9: 5, UPPER_SECONDARY_2: 14},
    "Rökare": {GRADE_9: 9, UPPER_SECONDARY_2: 20},
    "Snusare": {GRADE_9: 13, UPPER_SECONDARY_2: 27},
    "Spel om pengar": {GRADE_9: 24, UPPER_SECONDARY_2: 33},
}
# How many answer per stage and year: (fewest, most).
ANSWERS = {
    ARJEPLOG: {GRADE_9: (18, 28), UPPER_SECONDARY_2: (6, 14)},
    ARVIDSJAUR: {GRADE_9: (48, 64), UPPER_SECONDARY_2: (34, 50)},
    NORRBOTTEN: {GRADE_9: (1_700, 1_950), UPPER_SECONDARY_2: (1_350, 1_600)},
}
SURVEY_SOURCE = "CAN Skolelevers drogvanor, Norrbottens version {year} (demo)"

VISITS = "Tillsynsbesök alkohol (antal)"
DEFICIENT = "Andel tillsynsbesök med brister (%)"
VISITS_PER_YEAR = {ARJEPLOG: (10, 16), ARVIDSJAUR: (12, 20)}
SUPERVISION_SOURCE = "Kommunens tillsynsregister, alkohol (demo)"


def _indicator(name: str) -> Indicator:
    return Indicator.objects.get_or_create(key=slugify(name), defaults={"name": name})[0]


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    municipalities = dict(Municipality.objects.filter(code__in=[ARJEPLOG, ARVIDSJAUR]).values_list("code", "id"))
    calendar = demo_calendar()  # the story's years, moved to the present
    values = []

    def add(indicator: Indicator, code: str, year: int, value: float, n: int | None, source: str) -> None:
        values.append(
            IndicatorValue(
                indicator=indicator,
                region_code=code,
                municipality_id=municipalities.get(code),
                year=calendar.year(year),
                value=value,
                n=n,
                source_note=source,
                run=run,
            )
        )

    for name, shares in SURVEY.items():
        for stage, share in shares.items():
            indicator = _indicator(f"{name}, {stage}")
            for code, answers in ANSWERS.items():
                for year in YEARS:
                    n = rng.randint(*answers[stage])
                    yes = min(n, round(n * share / 100 * rng.uniform(0.75, 1.25)))
                    add(
                        indicator,
                        code,
                        year,
                        round(100 * yes / n, 1),
                        n,
                        SURVEY_SOURCE.format(year=calendar.year(year)),
                    )

    visits, deficient = _indicator(VISITS), _indicator(DEFICIENT)
    for code, (fewest, most) in VISITS_PER_YEAR.items():
        for year in YEARS:
            count = rng.randint(fewest, most)
            add(visits, code, year, count, None, SUPERVISION_SOURCE)
            add(deficient, code, year, round(100 * rng.randint(0, count // 3) / count, 1), count, SUPERVISION_SOURCE)
    IndicatorValue.objects.bulk_create(values)
