"""A small hand-made Arjeplog for 2025, every figure of which the tests work out by hand.

Residents 2025: 2 000. Present population 2025: 4 000 in January–March (car testing), 2 000 the
other months, so the year's mean is (3 × 4 000 + 9 × 2 000) / 12 = 2 500.
Incidents 2025: Klotter ×4 (two in January, one in February, one in July), Brand ×1 (March);
2024: Klotter ×1. Brå 2025: Totalt antal brott 50. Police events 2025: Trafikolycka ×3 (and one
summary, never counted); 2024: Trafikolycka ×1. Survey 2025: 12 respondents (8 in Centrum, 4 in
Slagnäs): Klotter half "Mycket stort problem" (6), half "Inget problem alls" (0) -> index 3.0;
3 of 12 "Ganska otrygg" -> 0.25; 2 "Ja", 8 "Nej", 2 "Vet ej" -> 0.2.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samverkan.organisations.models import PresentPopulation, ResidentCount
from samverkan.situation.selectors import Period
from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
from samverkan.sources.incidents.services import IncidentReport, incident_report
from samverkan.sources.models import ImportRun
from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.surveys import services as surveys
from samverkan.sources.surveys.models import Question, Wave

YEAR = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


def log(world, day: str, category: str):
    when = datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time(12), timezone.get_current_timezone()
    )
    report = IncidentReport(
        occurred_from=when, occurred_to=None, lat=66.5, lng=17.5, category=category, severity=2, description="Test"
    )
    return incident_report(report=report, by=world.alice, allowed=[world.arjeplog])


def event(world, run, number: int, day: str, kind: str = "Trafikolycka", summary: bool = False):
    when = datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(8), datetime.UTC)
    return PoliceEvent.objects.create(
        event_id=number,
        occurred_at=when,
        name=f"{day}, {kind}, Arjeplog",
        type=kind,
        type_key=kind.lower(),
        location_name="Arjeplog",
        region_code="2506",
        municipality=world.arjeplog,
        is_summary=summary,
        run=run,
    )


@pytest.fixture
def picture(world):
    arjeplog = world.arjeplog
    ResidentCount.objects.create(municipality=arjeplog, year=2025, residents=2000, source="test")
    for month in range(1, 13):
        visitors = 2000 if month <= 3 else 0
        PresentPopulation.objects.create(
            municipality=arjeplog, year=2025, month=month, residents=2000, visitors=visitors, source="test"
        )
    for day in ("2025-01-10", "2025-01-20", "2025-02-05", "2025-07-01"):
        log(world, day, "Klotter")
    log(world, "2025-03-15", "Brand")
    log(world, "2024-06-01", "Klotter")
    run = ImportRun.objects.create(source="test", name="test")
    total = CrimeCategory.objects.create(name="Totalt antal brott")
    CrimeStatistic.objects.create(
        region_code="2506",
        municipality=arjeplog,
        category=total,
        year=2025,
        period="helår",
        count=50,
        per_100k=2500,
        preliminary=False,
        run=run,
    )
    for number, day in enumerate(["2025-02-01", "2025-05-01", "2025-09-01"], start=1):
        event(world, run, number, day)
    event(world, run, 10, "2025-09-02", "Sammanfattning natt", summary=True)
    event(world, run, 11, "2024-09-01")
    questions = Question.objects.in_bulk(["problem_klotter", "trygg_kvall", "utsatt_12man"], field_name="key")
    wave = surveys.wave_create(
        municipality=arjeplog, name="Trygghetsmätning 2025", questions=questions.values(), delomraden="Centrum\nSlagnäs"
    )
    Wave.objects.filter(pk=wave.pk).update(opened_on=datetime.date(2025, 10, 1))
    klotter = ["mycket_stort"] * 6 + ["inget"] * 6
    safety = ["ganska_otrygg"] * 3 + ["mycket_trygg"] * 9
    victims = ["ja"] * 2 + ["nej"] * 8 + ["vet_ej"] * 2
    for i in range(12):
        surveys.response_submit(
            wave=wave,
            delomrade="Centrum" if i < 8 else "Slagnäs",
            answers={
                questions["problem_klotter"]: klotter[i],
                questions["trygg_kvall"]: safety[i],
                questions["utsatt_12man"]: victims[i],
            },
        )
    return world
