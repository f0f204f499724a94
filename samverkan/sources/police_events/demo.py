"""Demo police events 2021–2026 for Arjeplog and Arvidsjaur, shaped like the real feed.

Rates are invented but of the real feed's kind: traffic dominates, and Arjeplog's traffic and
alcohol events rise in January–March, when winter car testing doubles the population. Every
month also has county-wide events of Norrbottens län and a night summary, which count for no
municipality. The events have no address on polisen.se, and ids far above the real ones.
"""

from __future__ import annotations

import datetime
import math
import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.models import Municipality
from samverkan.sources.models import ImportRun
from samverkan.sources.police_events.local_time import SWEDEN, local_month
from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.police_events.parse import type_display, type_key

ARVIDSJAUR, ARJEPLOG, NORRBOTTEN = "2505", "2506", "25"
FIRST_ID = 900_000_000
FIRST_DAY, LAST_DAY = datetime.date(2021, 1, 1), datetime.date(2026, 10, 31)
MONTHS = [
    *("januari", "februari", "mars", "april", "maj", "juni"),
    *("juli", "augusti", "september", "oktober", "november", "december"),
]
CENTRES = {ARJEPLOG: (66.051505, 17.890054), ARVIDSJAUR: (65.592077, 19.180283), NORRBOTTEN: (66.830922, 20.399197)}
PLACES = {
    ARJEPLOG: ["riksväg 95", "centrala Arjeplog", "Slagnäs", "Laisvall", "Jäckvik", "Mellanström", "Kraja"],
    ARVIDSJAUR: ["E45", "riksväg 94", "centrala Arvidsjaur", "Glommersträsk", "Moskosel", "Abborrträsk"],
}
CAR_TESTING = {"Trafikkontroll", "Rattfylleri", "Trafikolycka", "Olovlig körning", "Fylleri/LOB"}
WINTER_FACTOR = 2.5
# type: (events a year in Arjeplog, in Arvidsjaur, summary with {place})
TYPES = {
    "Trafikolycka, vilt": (6, 9, "Viltolycka med ren, {place}, inga personskador."),
    "Rattfylleri": (5, 8, "{place}, bilist stoppad misstänkt för rattfylleri."),
    "Trafikkontroll": (10, 8, "Resultat efter trafikkontroll, {place}."),
    "Narkotikabrott": (2, 4, "Misstänkt narkotikabrott, {place}."),
    "Fylleri/LOB": (2, 4, "Berusad person omhändertagen, {place}."),
    "Skadegörelse": (2, 4, "Skadegörelse på kommunal fastighet, {place}."),
    "Stöld": (2, 4, "Stöld från fordon, {place}."),
    "Brand": (1, 2, "Larm om brand i byggnad, {place}."),
    "Olovlig körning": (2, 3, "Förare utan körkort stoppad, {place}."),
    "Ofog barn/ungdom": (1, 3, "Ungdomar stör ordningen, {place}."),
    "Trafikolycka": (4, 5, "Singelolycka, {place}."),
    "Fjällräddning": (2, 1, "Skoteråkare behöver hjälp på fjället."),
}
COUNTY_EVENTS = [
    ("Trafikkontroll", "Norrbotten, ett urval av polisens arbete i trafiken."),
    ("Trafikolycka, vilt", "Viltolyckor anmälda till polisens ledningscentral."),
]
NIGHT_SUMMARIES = [
    ("Sammanfattning natt", "Ett urval av nattens polisverksamhet 22.00–07.00."),
    ("Sammanfattning kväll och natt", "Ett urval av kvällens och nattens polisverksamhet."),
]


def _poisson(rng: random.Random, mean: float) -> int:
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _months(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=31)).replace(day=1)
    return months


def _event(rng: random.Random, month: datetime.date, raw_type: str, place: str, summary: str, code: str) -> dict:
    days = ((month + datetime.timedelta(days=31)).replace(day=1) - month).days
    happened = datetime.datetime.combine(
        month.replace(day=rng.randint(1, days)), datetime.time(rng.randint(0, 23), rng.randint(0, 59)), SWEDEN
    )
    key = type_key(raw_type)
    published = happened + datetime.timedelta(minutes=rng.randint(10, 180), seconds=rng.randint(0, 59))
    year, month_number = local_month(published)
    return {
        "occurred_at": published,
        "year": year,
        "month": month_number,
        "name": f"{happened.day:02d} {MONTHS[happened.month - 1]} {happened:%H.%M}, {raw_type}, {place}",
        "summary": summary,
        "type": type_display(key),
        "type_key": key,
        "location_name": place,
        "region_code": code,
        "gps_lat": CENTRES[code][0],
        "gps_lng": CENTRES[code][1],
        "is_summary": key.startswith("sammanfattning"),
    }


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=[ARJEPLOG, ARVIDSJAUR])}
    events = []
    calendar = demo_calendar()  # the story's months, moved to the present; whole months before this one
    last = min(calendar.day(LAST_DAY), calendar.today.replace(day=1) - datetime.timedelta(days=1))
    for month in _months(calendar.day(FIRST_DAY), last):
        for code, municipality in sorted(municipalities.items()):
            for raw_type, (arjeplog_rate, arvidsjaur_rate, summary) in TYPES.items():
                mean = (arjeplog_rate if code == ARJEPLOG else arvidsjaur_rate) / 12
                if code == ARJEPLOG and month.month <= 3 and raw_type in CAR_TESTING:
                    mean *= WINTER_FACTOR
                for _ in range(_poisson(rng, mean)):
                    text = summary.format(place=rng.choice(PLACES[code]))
                    event = _event(rng, month, raw_type, municipality.name, text[:1].upper() + text[1:], code)
                    events.append(event | {"municipality": municipality})
        for raw_type, summary in COUNTY_EVENTS + [rng.choice(NIGHT_SUMMARIES)]:
            events.append(_event(rng, month, raw_type, "Norrbottens län", summary, NORRBOTTEN))
    events.sort(key=lambda event: event["occurred_at"])
    PoliceEvent.objects.bulk_create(
        PoliceEvent(event_id=FIRST_ID + number, run=run, **event) for number, event in enumerate(events)
    )
