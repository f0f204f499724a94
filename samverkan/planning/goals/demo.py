"""Demo goals for Arjeplog and Arvidsjaur, measured against the lägesbild of 2024 that each adopted.

Common goals of the part 1 agreement in its three focus areas, each measured in both
municipalities, and separate goals in each municipality's part 2. Every indicator reads one of
the demo's series; the targets (for the end of the agreement, 2026-12-31) are set from the
baseline, as a coordinator would: a quarter fewer incidents, a fifth fewer young drinkers, and so on.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from samverkan.agreements.models import Agreement
from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.models import FocusArea, Municipality, User
from samverkan.planning.goals import services
from samverkan.planning.goals.measurements import baseline_figure
from samverkan.planning.goals.models import Goal, Indicator
from samverkan.situation import services as situation_services
from samverkan.situation.models import Baseline
from samverkan.situation.selectors import Period, picture_for
from samverkan.sources.models import ImportRun

ARVIDSJAUR, ARJEPLOG = "2505", "2506"
COORDINATORS = {ARJEPLOG: "arjeplog.samordnare", ARVIDSJAUR: "arvidsjaur.samordnare"}
BASELINE_PERIOD = Period(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
TARGET_DATE = datetime.date(2026, 12, 31)
S, DOWN, UP = Indicator.Series, Indicator.Direction.DOWN, Indicator.Direction.UP
BUSKORNING = "Buskörning (moped, A-traktor, snöskoter)"
YOUNG_DRINKERS = "alkoholkonsumenter-arskurs-9"  # samverkan/sources/indicators/demo.py
VIOLENCE = "N07403"  # Kolada: anmälda våldsbrott per 100 000 invånare (samverkan/sources/kolada/demo.py)


@dataclass(frozen=True)
class Measure:
    name: str
    series: str
    key: str = ""
    change: float = 0.8  # the target as a share of the baseline (direction down) …
    step: float = 0.0  # … or the baseline less this step
    digits: int = 0
    direction: str = DOWN
    only_in: str = ""  # measured in this municipality only (a common goal: in each of them)


# focus area, title, description, municipality (None: common), its indicators
GOALS = [
    (
        "BRÅ",
        "Minska buskörningen",
        "Buskörning med moped, A-traktor och snöskoter i tätorterna och byarna ska minska i båda kommunerna.",
        None,
        [
            Measure("Loggade händelser: buskörning", S.INCIDENTS, BUSKORNING, change=0.75),
            Measure(
                "Buskörning som problem, trygghetsmätningen (0–6)",
                S.SURVEY_ITEM,
                "problem_buskorning",
                step=0.5,
                digits=1,
                only_in=ARJEPLOG,
            ),
        ],
    ),
    (
        "ANDT-S",
        "Minska ungas alkoholkonsumtion",
        "Färre elever i årskurs 9 ska dricka alkohol (CAN:s drogvaneundersökning, Norrbottens version).",
        None,
        [Measure("Alkoholkonsumenter, årskurs 9 (%)", S.INDICATOR, YOUNG_DRINKERS, digits=1)],
    ),
    (
        "Hälsa",
        "Öka tryggheten",
        "Fler ska känna sig trygga i sitt bostadsområde, också sent på kvällen.",
        None,
        [
            Measure("Otrygga ute ensamma sent på kvällen (%)", S.SURVEY_UNSAFE, change=0.75, digits=1),
            Measure("Problemindex, trygghetsmätningen (0–6)", S.SURVEY_INDEX, step=0.3, digits=2),
        ],
    ),
    (
        "BRÅ",
        "Färre våldsbrott i Arjeplog",
        "Anmälda våldsbrott per invånare ska minska, också under biltestsäsongen.",
        ARJEPLOG,
        [Measure("Anmälda våldsbrott per 100 000 invånare (Kolada)", S.KOLADA, VIOLENCE, change=0.9)],
    ),
    (
        "ANDT-S",
        "Färre rattfylleriärenden i Arjeplog",
        "Polis och kommun samverkar kring trafiken under biltestsäsongen och vid evenemang.",
        ARJEPLOG,
        [Measure("Polisens händelser: rattfylleri", S.POLICE_EVENTS, "Rattfylleri")],
    ),
    (
        "Hälsa",
        "Fler områden med grannsamverkan i Arjeplog",
        "Grannsamverkan startas i fler byar; minst 70 % av hushållen i ett område ska delta.",
        ARJEPLOG,
        [Measure("Områden med grannsamverkan (antal)", S.MANUAL, direction=UP)],
    ),
    (
        "BRÅ",
        "Minska skadegörelsen i Arvidsjaur",
        "Mindre skadegörelse på kommunala fastigheter, vid resecentrum och i centrum.",
        ARVIDSJAUR,
        [
            Measure("Anmälda skadegörelsebrott (Brå)", S.CRIME, "Skadegörelse", change=0.85),
            Measure("Loggade händelser: skadegörelse", S.INCIDENTS, "Skadegörelse"),
        ],
    ),
    (
        "Hälsa",
        "Färre utsatta för brott i Arvidsjaur",
        "Andelen som utsatts för brott det senaste året ska minska.",
        ARVIDSJAUR,
        [Measure("Utsatta för brott senaste 12 månaderna (%)", S.SURVEY_VICTIMS, digits=1)],
    ),
]
# Arjeplog's neighbourhood watch areas: counted by hand before the lägesbild and twice since.
WATCH_AREAS_AT_BASELINE = 3
WATCH_AREAS_TARGET = 8
WATCH_AREAS = [(datetime.date(2025, 9, 30), 4, "Slagnäs och Laisvall startade"), (datetime.date(2026, 9, 30), 6, "")]


def _adopt(municipality: Municipality, period: Period) -> Baseline:
    return situation_services.baseline_adopt(
        picture=picture_for(municipality=municipality, period=period),
        by=User.objects.get(username=COORDINATORS[municipality.code]),
        municipality=municipality,
    )


def _target(measure: Measure, baseline: float) -> float:
    target = baseline - measure.step if measure.step else baseline * measure.change
    return round(target, measure.digits)


def _measure(
    goal: Goal, measure: Measure, municipality: Municipality, baseline: Baseline, target_date: datetime.date
) -> Indicator:
    if measure.series == S.MANUAL:
        value = float(WATCH_AREAS_AT_BASELINE)
        target = float(WATCH_AREAS_TARGET)
    else:
        figure, _n = baseline_figure(baseline=baseline, series=measure.series, key=measure.key)
        assert figure is not None, f"the demo's lägesbild has a figure for every measure ({measure.name})"
        value, target = figure, _target(measure, figure)
    return services.indicator_create(
        goal=goal,
        municipality=municipality,
        name=measure.name,
        series=measure.series,
        key=measure.key,
        target_value=target,
        direction=measure.direction,
        target_date=target_date,
        baseline=baseline,
        baseline_value=value if measure.series == S.MANUAL else None,
    )


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=[ARJEPLOG, ARVIDSJAUR])}
    calendar = demo_calendar()  # the story's dates, moved to the present
    period = Period(calendar.day(BASELINE_PERIOD.start), calendar.day(BASELINE_PERIOD.end))
    baselines = {code: _adopt(municipality, period) for code, municipality in sorted(municipalities.items())}
    part1 = Agreement.objects.get(part=Agreement.Part.STRATEGIC, municipalities=municipalities[ARJEPLOG])
    focus_areas = {area.short_name: area for area in FocusArea.objects.all()}
    for short_name, title, description, code, measures in GOALS:
        municipality = municipalities[code] if code else None
        agreement = (
            part1
            if municipality is None
            else Agreement.objects.get(part=Agreement.Part.LOCAL, municipalities=municipality)
        )
        goal = services.goal_create(
            agreement=agreement,
            focus_area=focus_areas[short_name],
            municipality=municipality,
            title=title,
            description=description,
        )
        places = [municipality] if municipality else [municipalities[ARJEPLOG], municipalities[ARVIDSJAUR]]
        for measure in measures:
            for place in places:
                if measure.only_in and place.code != measure.only_in:
                    continue
                indicator = _measure(goal, measure, place, baselines[place.code], calendar.day(TARGET_DATE))
                if measure.series == S.MANUAL:
                    for measured_on, value, note in WATCH_AREAS:
                        if not calendar.happened(calendar.day(measured_on)):
                            continue
                        services.manual_value_save(
                            indicator=indicator,
                            measured_on=calendar.day(measured_on),
                            value=value,
                            note=note,
                            by=User.objects.get(username=COORDINATORS[place.code]),
                        )
