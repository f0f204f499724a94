"""Believable demo incidents for Arjeplog and Arvidsjaur, 2021 (moved with the demo calendar) to today:
Arjeplog's winter peak (car testing, Jan–Mar), summer litter, snowmobile and moped joyriding in season, and from
2025 more young people gathering in both towns."""

from __future__ import annotations

import datetime
import math
import random

from django.utils import timezone

from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.access import REPORT_ROLES
from samverkan.organisations.models import Membership, Municipality, NamedPlace, Organisation, User
from samverkan.sources.incidents.models import Incident, IncidentCategory
from samverkan.sources.incidents.services import incident_categories_for, reporter_organisation
from samverkan.sources.models import ImportRun

# Named places near each town centre (lat, lng).
PLACES = {
    "2506": [
        ("Torget, Arjeplog", 66.0515, 17.8878),
        ("Skolan, Arjeplog", 66.0536, 17.8810),
        ("Busstationen, Arjeplog", 66.0502, 17.8902),
        ("Hamnen, Arjeplog", 66.0478, 17.8860),
        ("Silvermuseet, Arjeplog", 66.0523, 17.8849),
        ("Idrottsplatsen, Arjeplog", 66.0560, 17.8950),
    ],
    "2505": [
        ("Torget, Arvidsjaur", 65.5920, 19.1800),
        ("Gymnasiet, Arvidsjaur", 65.5955, 19.1720),
        ("Arvidsjaur station", 65.5889, 19.1671),
        ("Badplatsen, Arvidsjaur", 65.5987, 19.1905),
        ("Lappstaden, Arvidsjaur", 65.5899, 19.1760),
        ("Sporthallen, Arvidsjaur", 65.5940, 19.1850),
    ],
}
PLACE_WEIGHTS = [5, 2, 3, 1, 1, 1]  # the square and the bus station see the most
WEEKLY_RATE = {"2506": 2.5, "2505": 4.0}
# Category name -> relative weight per month (January first).
SEASON = {
    "Skadegörelse": [1, 1, 1, 1, 1.2, 1.4, 1.5, 1.4, 1.1, 1, 1, 1.2],
    "Klotter": [0.6, 0.6, 0.8, 1, 1.2, 1.4, 1.4, 1.3, 1.1, 1, 0.8, 0.6],
    "Nedskräpning": [0.4, 0.4, 0.5, 0.8, 1.4, 1.8, 2.2, 1.8, 1, 0.6, 0.4, 0.5],
    "Otrygg plats": [1.2, 1.1, 1, 0.8, 0.6, 0.5, 0.5, 0.6, 0.9, 1.2, 1.4, 1.4],
    "Samling som stör ordningen": [0.8, 0.8, 1, 1, 1.4, 1.8, 1.6, 1.5, 1, 0.8, 0.8, 1.2],
    "Misstänkt narkotikahandel": [0.4, 0.4, 0.4, 0.4, 0.5, 0.5, 0.6, 0.6, 0.4, 0.4, 0.4, 0.4],
    "Berusade personer på allmän plats": [1.4, 1.4, 1.2, 0.8, 0.8, 1.4, 1.6, 1.2, 0.8, 0.8, 0.8, 1.4],
    "Hot/våld mot personal": [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3],
    "Buskörning (moped, A-traktor, snöskoter)": [2, 2.2, 2.4, 1.6, 1.2, 1.2, 1.2, 1, 1, 0.8, 1, 1.6],
    "Brand": [0.2, 0.2, 0.2, 0.3, 0.4, 0.4, 0.5, 0.4, 0.2, 0.2, 0.2, 0.3],
    "Inbrott": [0.4, 0.4, 0.4, 0.4, 0.4, 0.5, 0.7, 0.6, 0.4, 0.4, 0.4, 0.5],
}
# The story's cross-border problem: from 2025 young people gather in both towns, moving between them, so
# "Samling som stör ordningen" rises in both (the joint lägesbild marks it).
RISING, RISING_FROM, RISE = "Samling som stör ordningen", 2025, 2.5
DESCRIPTIONS = {
    "Skadegörelse": ["Krossad ruta i väntkuren", "Sönderslagen papperskorg", "Skadad belysningsstolpe"],
    "Klotter": ["Klotter på fasaden", "Taggar på elskåp", "Klotter i gångtunneln"],
    "Nedskräpning": ["Mycket skräp efter helgen", "Glasflaskor och burkar på gräsytan", "Nedskräpat vid grillplatsen"],
    "Otrygg plats": ["Mörkt och ödsligt, belysningen ur funktion", "Dålig sikt vid gångvägen"],
    "Samling som stör ordningen": ["Större grupp med hög musik sent på kvällen", "Samling med mopeder och oväsen"],
    "Misstänkt narkotikahandel": ["Misstänkt överlämning vid parkeringen", "Rapporterad misstänkt försäljning"],
    "Berusade personer på allmän plats": [
        "Berusade personer stör förbipasserande",
        "Ölburkar och berusade vid bänkarna",
    ],
    "Hot/våld mot personal": ["Personal utsatt för hotfullt bemötande vid entrén"],
    "Buskörning (moped, A-traktor, snöskoter)": [
        "Snöskotrar i hög fart genom centrum",
        "Mopeder som buskör på skolgården",
    ],
    "Brand": ["Anlagd brand i papperskorg", "Brand i container"],
    "Inbrott": ["Inbrott i förråd", "Uppbrutet förråd vid idrottsplatsen"],
}
# The demo's intervention (planning/effects/demo.py): lighting at the bathing place from September 2025 ends most
# of its autumn vandalism; at the upper secondary school, the comparison place, it goes on as before. Drawn with a
# generator of their own, so the other incidents stay as they were.
LIT_PLACE, COMPARISON_PLACE, LIT_FROM = "Badplatsen, Arvidsjaur", "Gymnasiet, Arvidsjaur", datetime.date(2025, 9, 1)
AUTUMN, AUTUMN_PER_MONTH, ONCE_LIT, AUTUMN_SEED = (9, 10, 11), 8.0, 0.25, 20250901  # a month at each place
# Arjeplog's population roughly doubles in the car-testing season: more happens.
SEASONAL_VOLUME = {"2506": [2.2, 2.4, 2.1, 1.1, 0.9, 1.1, 1.4, 1.1, 0.9, 0.9, 0.9, 1.3]}


def _poisson(rng: random.Random, mean: float) -> int:
    threshold, count, product = math.exp(-mean), 0, rng.random()
    while product > threshold:
        count += 1
        product *= rng.random()
    return count


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    tz = timezone.get_current_timezone()
    calendar = demo_calendar()
    today = calendar.today
    for code, places in PLACES.items():
        municipality = Municipality.objects.get(code=code)
        # The bundled named places (load_municipalities) are there already; a database without them gets these.
        named = [
            NamedPlace.objects.get_or_create(municipality=municipality, name=n, defaults={"lat": la, "lng": lo})[0]
            for n, la, lo in places
        ]
        categories = {c.name: c for c in incident_categories_for(municipality)}
        reporters = [
            m.user
            for m in Membership.objects.filter(role__in=REPORT_ROLES).select_related("user", "organisation")
            if municipality.id in m.organisation.covered_municipality_ids()
        ]
        organisations = {r.pk: reporter_organisation(r, municipality) for r in reporters}
        incidents = []
        first = datetime.date(calendar.year(2021), 1, 4)
        week = first - datetime.timedelta(days=first.weekday())  # a Monday
        while week < today:
            month = week.month - 1
            volume = WEEKLY_RATE[code] * SEASONAL_VOLUME.get(code, [1] * 12)[month]
            for _ in range(_poisson(rng, volume)):
                rise = {RISING: RISE} if week.year >= calendar.year(RISING_FROM) else {}
                weights = [w[month] * rise.get(name, 1) for name, w in SEASON.items()]
                name = rng.choices(list(SEASON), weights=weights)[0]
                place = rng.choices(named, weights=PLACE_WEIGHTS)[0]
                when = datetime.datetime.combine(
                    week + datetime.timedelta(days=rng.randrange(7)), datetime.time(rng.choice(range(8, 24))), tz
                )
                if when.date() >= today:
                    continue
                age = (today - when.date()).days
                status = "avslutad" if age > 60 else rng.choice(["ny", "bedomd", "atgardad"] if age > 7 else ["ny"])
                reporter = rng.choice(reporters)
                incidents.append(
                    Incident(
                        municipality=municipality,
                        category=categories[name],
                        occurred_from=when,
                        lat=round(place.lat + rng.uniform(-0.002, 0.002), 6),
                        lng=round(place.lng + rng.uniform(-0.004, 0.004), 6),
                        place=place,
                        severity=rng.choices([1, 2, 3], weights=[6, 3, 1])[0],
                        description=rng.choice(DESCRIPTIONS[name]),
                        status=status,
                        reported_by=reporter,
                        reporter_organisation=organisations[reporter.pk],
                        run=run,
                    )
                )
            week += datetime.timedelta(weeks=1)
        if code == "2505":
            incidents += _autumn_vandalism(named, categories, reporters, organisations, run)
        for incident in incidents:
            incident.locate_cells()
        Incident.objects.bulk_create(incidents, batch_size=500)


def _autumn_vandalism(
    named: list[NamedPlace],
    categories: dict[str, IncidentCategory],
    reporters: list[User],
    organisations: dict[int, Organisation | None],
    run: ImportRun,
) -> list[Incident]:
    """Vandalism on autumn evenings at the bathing place and at the school, until the lighting comes; a little
    along the path 220 m north of the bathing place, as before once it is lit (no displacement)."""
    rng, tz, calendar = random.Random(AUTUMN_SEED), timezone.get_current_timezone(), demo_calendar()
    places = [place for place in named if place.name in (LIT_PLACE, COMPARISON_PLACE)]
    spots = [(place, 0.0, AUTUMN_PER_MONTH) for place in places]
    spots += [(place, 0.002, AUTUMN_PER_MONTH / 2) for place in places if place.name == LIT_PLACE]
    incidents = []
    for year in range(calendar.year(2021), calendar.today.year + 1):
        for month in AUTUMN:
            for place, north, per_month in spots:
                lit = place.name == LIT_PLACE and not north and datetime.date(year, month, 1) >= calendar.day(LIT_FROM)
                mean = per_month * (ONCE_LIT if lit else 1)
                for _ in range(_poisson(rng, mean)):
                    day = datetime.date(year, month, rng.randrange(1, 29))
                    if day >= calendar.today:
                        continue
                    reporter = rng.choice(reporters)
                    incidents.append(
                        Incident(
                            municipality=place.municipality,
                            category=categories["Skadegörelse"],
                            occurred_from=datetime.datetime.combine(day, datetime.time(rng.randrange(18, 24)), tz),
                            lat=round(place.lat + north + rng.uniform(-0.0006, 0.0006), 6),
                            lng=round(place.lng + rng.uniform(-0.0012, 0.0012), 6),
                            place=place,
                            severity=rng.choice([1, 2]),
                            description=rng.choice(DESCRIPTIONS["Skadegörelse"]),
                            status="avslutad" if (calendar.today - day).days > 60 else "ny",
                            reported_by=reporter,
                            reporter_organisation=organisations[reporter.pk],
                            run=run,
                        )
                    )
    return incidents
