"""A small hand-made Arjeplog whose every figure the goal tests work out by hand.

Incidents: Brand 2023-05-01 (the log's first year); Klotter ×2 in 2024, ×3 in 2025 and ×1 this year
(not over: never counted). Police events: Rattfylleri ×2 in 2024 (the feed's first year) and ×1 in
2025, and a night summary (never counted). Brå, Skadegörelse: 40 in 2024 and 30 in 2025 (whole
years; a half-year figure never counts). Kolada N07403 (total): 1 200 in 2024, 1 100 in 2025.
Indicator alkoholkonsumenter-arskurs-9: 30.0 % of 20 in 2024, 25.0 % of 8 in 2025.
Survey "Trygghetsmätning 2022" (opened 2022-10-01): 10 answered; Klotter half "Mycket stort" (6),
half "Inget" (0) -> 3.0; 2 of 10 unsafe late in the evening -> 20 %; 1 of 10 victim -> 10 %.
Survey "Trygghetsmätning 2025" (opened 2025-10-01): 4 answered; Klotter all "Ganska litet" -> 2.0;
1 of 4 unsafe -> 25 %; none a victim -> 0 %. An open web survey never counts.
The baseline: Alice adopts the lägesbild of 2024, whose survey is the 2022 wave.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samverkan.organisations.models import FocusArea, Membership, Organisation, Role, User
from samverkan.planning.goals import services
from samverkan.planning.goals.models import Goal, Indicator
from samverkan.situation import services as situation_services
from samverkan.situation.models import Baseline
from samverkan.situation.selectors import Period, picture_for
from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
from samverkan.sources.indicators.models import Indicator as ImportedIndicator
from samverkan.sources.indicators.models import IndicatorValue
from samverkan.sources.kolada.models import Kpi, KpiValue
from samverkan.sources.models import ImportRun
from samverkan.sources.surveys import services as surveys
from samverkan.sources.surveys.models import Question, Wave
from tests.situation.conftest import event, log

YEAR_2024 = Period(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
TARGET_DATE = datetime.date(2026, 12, 31)
YOUNG_DRINKERS = "alkoholkonsumenter-arskurs-9"


def wave(world, name: str, opened_on: datetime.date, answers: list[dict[str, str]]) -> Wave:
    questions = Question.objects.in_bulk(["problem_klotter", "trygg_kvall", "utsatt_12man"], field_name="key")
    opened = surveys.wave_create(municipality=world.arjeplog, name=name, questions=questions.values())
    for answer in answers:
        surveys.response_submit(wave=opened, answers={questions[key]: value for key, value in answer.items()})
    Wave.objects.filter(pk=opened.pk).update(opened_on=opened_on, closed_on=opened_on + datetime.timedelta(days=30))
    return opened


def answers(klotter: list[str], unsafe: int, victims: int) -> list[dict[str, str]]:
    return [
        {
            "problem_klotter": value,
            "trygg_kvall": "ganska_otrygg" if i < unsafe else "mycket_trygg",
            "utsatt_12man": "ja" if i < victims else "nej",
        }
        for i, value in enumerate(klotter)
    ]


@pytest.fixture
def figures(world):
    log(world, "2023-05-01", "Brand")
    for day in ("2024-03-01", "2024-06-01", "2025-02-01", "2025-07-01", "2025-12-31"):
        log(world, day, "Klotter")
    log(world, f"{timezone.localdate().year}-01-01", "Klotter")
    run = ImportRun.objects.create(source="test", name="test")
    for number, day in enumerate(["2024-01-10", "2024-08-10", "2025-03-03"], start=1):
        event(world, run, number, day, "Rattfylleri")
    event(world, run, 10, "2025-03-04", "Sammanfattning natt", summary=True)
    damage = CrimeCategory.objects.create(name="Skadegörelse")
    for year, period, count in [(2024, "helår", 40), (2025, "helår", 30), (2025, "jan-jun", 12)]:
        CrimeStatistic.objects.create(
            region_code="2506",
            municipality=world.arjeplog,
            category=damage,
            year=year,
            period=period,
            count=count,
            preliminary=year == 2025,
            run=run,
        )
    Kpi.objects.create(id="N07403", title="Anmälda våldsbrott, antal/100 000 inv")
    for code, year, gender, value in [
        ("2506", 2024, "T", 1200),
        ("2506", 2025, "T", 1100),
        ("2506", 2025, "K", 999),
        ("2505", 2025, "T", 800),
    ]:
        KpiValue.objects.create(kpi_id="N07403", region_code=code, year=year, gender=gender, value=value, run=run)
    drinkers = ImportedIndicator.objects.create(key=YOUNG_DRINKERS, name="Alkoholkonsumenter, årskurs 9")
    for year, share, n in [(2024, 30.0, 20), (2025, 25.0, 8)]:
        IndicatorValue.objects.create(
            indicator=drinkers, region_code="2506", municipality=world.arjeplog, year=year, value=share, n=n, run=run
        )
    klotter_2022 = ["mycket_stort"] * 5 + ["inget"] * 5
    wave(world, "Trygghetsmätning 2022", datetime.date(2022, 10, 1), answers(klotter_2022, 2, 1))
    wave(world, "Trygghetsmätning 2025", datetime.date(2025, 10, 1), answers(["ganska_litet"] * 4, 1, 0))
    surveys.wave_create(
        municipality=world.arjeplog, name="Webbenkät", questions=Question.objects.filter(key="trygg_kvall")
    )
    return world


def partner(world) -> User:
    """Pia, of the rescue service in Arjeplog: reads Arjeplog's goals but is no party to its picture."""
    rescue = Organisation.objects.create(
        name="Räddningstjänsten Arjeplog",
        kind=Organisation.Kind.PARTNER,
        partner_kind=Organisation.PartnerKind.RESCUE,
    )
    rescue.municipalities.set([world.arjeplog])
    pia = User.objects.create_user(username="pia", password="password", first_name="Pia")
    Membership.objects.create(user=pia, organisation=rescue, role=Role.GROUP_MEMBER)
    return pia


def adopt(world, municipality=None) -> Baseline:
    municipality = municipality or world.arjeplog
    return situation_services.baseline_adopt(
        picture=picture_for(municipality=municipality, period=YEAR_2024), by=world.alice, municipality=municipality
    )


@pytest.fixture
def baseline(figures) -> Baseline:
    return adopt(figures)


def common_goal(world, title: str = "Minska klottret") -> Goal:
    return services.goal_create(
        agreement=world.part1,
        focus_area=FocusArea.objects.get(short_name="BRÅ"),
        municipality=None,
        title=title,
        description="",
    )


def separate_goal(world, title: str = "Tryggare Arjeplog") -> Goal:
    return services.goal_create(
        agreement=world.arjeplog_part2,
        focus_area=FocusArea.objects.get(short_name="Hälsa"),
        municipality=world.arjeplog,
        title=title,
        description="",
    )


def measure(
    goal: Goal,
    series: str,
    key: str = "",
    *,
    municipality=None,
    baseline: Baseline | None = None,
    baseline_value: float | None = None,
    target: float = 1.0,
    direction: str = Indicator.Direction.DOWN,
    name: str = "",
) -> Indicator:
    return services.indicator_create(
        goal=goal,
        municipality=municipality or goal.municipality or goal.agreement.municipalities.get(code="2506"),
        name=name or f"{series} {key}".strip(),
        series=series,
        key=key,
        target_value=target,
        direction=direction,
        target_date=TARGET_DATE,
        baseline=baseline,
        baseline_value=baseline_value,
    )
