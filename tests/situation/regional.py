"""Polisregion Nord for the regional comparison: the shared cast's region (tests/conftest.py) with four
municipalities, and its figures for last year worked out by hand.

    Polisregion Nord (Rut, police contact)
      LPO Piteå älvdal (Bob): Arjeplog, Arvidsjaur
      Polisområde Malmfälten (Dora, police contact)
        LPO Gällivare: Jokkmokk, Gällivare
    Luleå (Dave's) lies outside it.

Last year (Y) and the year before (Y-1):
    Arjeplog    2 000 residents; present population 4 000 in January–March, 2 000 after: mean 2 500.
                Incidents Y: Klotter ×4, Brand ×1 (5); Y-1: Klotter ×1.  Brå Y: 2 500 reported crimes per 100 000.
    Arvidsjaur  6 000 residents, no present estimate.  Incidents Y: Klotter ×6; Y-1: Klotter ×6.
    Jokkmokk    5 000 residents, no present estimate.  Incidents Y: Klotter ×12; Y-1: Klotter ×2.
    Gällivare  17 000 residents; not in Samverkan (no organisation of its own, so no incident log).
                Police events Y: Trafikolycka ×3.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from samverkan.core import clock
from samverkan.organisations.models import Organisation, PresentPopulation, ResidentCount, Role, User
from samverkan.situation.selectors import Period
from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
from samverkan.sources.incidents.services import IncidentReport, incident_report
from samverkan.sources.models import ImportRun
from samverkan.sources.police_events.models import PoliceEvent
from tests.conftest import World, _municipality, _organisation, _user, box

RESIDENTS = {"2506": 2000, "2505": 6000, "2510": 5000, "2523": 17000}
INCIDENTS = {"2506": 5, "2505": 6, "2510": 12}  # last year
PREVIOUS = {"2506": 1, "2505": 6, "2510": 2}  # the year before
PRESENT_ARJEPLOG = 2500  # (3 × 4 000 + 9 × 2 000) / 12
JOKKMOKK_BOX = box(18.0, 66.0, 19.5, 67.0)
GALLIVARE_BOX = box(19.5, 66.6, 21.0, 67.6)
POINTS = {"2506": (66.5, 17.5), "2505": (65.5, 18.7), "2510": (66.5, 18.7)}


@dataclass
class Region:
    region: Organisation
    district: Organisation
    rut: User  # police contact of the region
    dora: User  # police contact of the polisområde
    period: Period


def _log(user: User, municipality, day: datetime.date, category: str) -> None:
    when = datetime.datetime.combine(day, datetime.time(12), timezone.get_current_timezone())
    lat, lng = POINTS[municipality.code]
    report = IncidentReport(
        occurred_from=when, occurred_to=None, lat=lat, lng=lng, category=category, severity=2, description="Test"
    )
    incident_report(report=report, by=user, allowed=[municipality])


def build_region(world: World) -> Region:
    year = clock.today().year - 1
    region = world.lpo.parent
    assert region is not None
    K = Organisation.Kind
    jokkmokk = _municipality("2510", "Jokkmokk", JOKKMOKK_BOX)
    gallivare = _municipality("2523", "Gällivare", GALLIVARE_BOX)
    district = _organisation("Polisområde Malmfälten", K.POLICE_DISTRICT, parent=region)
    _organisation("LPO Gällivare", K.POLICE_AREA, jokkmokk, gallivare, parent=district)
    jokkmokk_org = _organisation("Jokkmokks kommun", K.MUNICIPALITY, jokkmokk)
    jonna = _user("jonna", jokkmokk_org, Role.COORDINATOR)
    rut = _user("rut", region, Role.POLICE_CONTACT)
    dora = _user("dora", district, Role.POLICE_CONTACT)
    places = {"2506": world.arjeplog, "2505": world.arvidsjaur, "2510": jokkmokk, "2523": gallivare}
    for code, residents in RESIDENTS.items():
        ResidentCount.objects.create(municipality=places[code], year=year, residents=residents, source="test")
    for month in range(1, 13):
        PresentPopulation.objects.create(
            municipality=world.arjeplog,
            year=year,
            month=month,
            residents=2000,
            visitors=2000 if month <= 3 else 0,
            source="test",
        )
    loggers = {"2506": world.alice, "2505": world.charlie, "2510": jonna}
    for code, count in INCIDENTS.items():
        for i in range(count):
            category = "Brand" if code == "2506" and i == 4 else "Klotter"
            _log(loggers[code], places[code], datetime.date(year, 1 + i % 12, 10), category)
    for code, count in PREVIOUS.items():
        for i in range(count):
            _log(loggers[code], places[code], datetime.date(year - 1, 1 + i % 12, 10), "Klotter")
    run = ImportRun.objects.create(source="test", name="test")
    CrimeStatistic.objects.create(
        region_code="2506",
        municipality=world.arjeplog,
        category=CrimeCategory.objects.create(name="Totalt antal brott"),
        year=year,
        period="helår",
        count=50,
        per_100k=2500,
        preliminary=False,
        run=run,
    )
    for i in range(3):
        when = datetime.datetime(year, 5, 1 + i, 8, tzinfo=datetime.UTC)
        PoliceEvent.objects.create(
            event_id=9000 + i,
            occurred_at=when,
            name=f"{when:%d %B}, Trafikolycka, Gällivare",
            type="Trafikolycka",
            type_key="trafikolycka",
            location_name="Gällivare",
            region_code="2523",
            municipality=gallivare,
            is_summary=False,
            run=run,
        )
    period = Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    return Region(region, district, rut, dora, period)
