"""A whole country of synthetic data, for load and speed tests: `samverkan generate`.

    samverkan generate --municipalities 290 --years 5 --incidents 10000000 --seed 1

Deterministic: the same seed, arguments and day give the same rows (one numpy Generator, drawn in a fixed
order). On the municipalities `load_municipalities` brings, it writes:

- residents for the years generated that have none (the latest known count carried forward, or, for a
  municipality without any, a size drawn from a log-normal close to Sweden's spread);
- a police region and areas: the real police regions by county, and local police areas of up to four
  neighbouring municipalities (by code) of a county; each municipality's own organisation, one coordinator
  `<kod>.samordnare` and one reporter `<kod>.rapportor`, all with the password given (one hash for all);
- incidents: spread over the municipalities as a multinomial on their residents, more per resident in
  bigger ones; in every category's seasons, on evenings and weekends more; in hotspots round the town
  centre (the boundary's representative point), the named places and a few other points, all inside the
  municipality's boundary; with their H3 cells, and the monthly aggregates recounted as an import does;
- Brå's whole-year figures for every municipality, its county and the country (the counties and the
  country as sums of the municipalities), the last year preliminary;
- survey waves every three years with every question of the bank, their tallies rebuilt;
- police events shaped like polisen.se's feed: events per municipality, county-wide events and summaries.

It fills a database without incidents; the demo (samverkan/demo.py) is another world. Nothing imports this
module but its command.
"""

from __future__ import annotations

import datetime
import io
import math
import time
from dataclasses import dataclass
from decimal import Decimal
from itertools import batched

import h3
import numpy as np
import shapely
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection, transaction
from shapely.geometry import shape

from samverkan.core import clock
from samverkan.core.progress import Output, progress
from samverkan.core.versions import services as versions
from samverkan.organisations.counties import COUNTIES
from samverkan.organisations.models import Membership, Municipality, NamedPlace, Organisation, ResidentCount, Role, User
from samverkan.organisations.regions import COUNTRY
from samverkan.sources.bra import taxonomy as t
from samverkan.sources.bra.demo import SHARES  # the demo's shares of Brå's categories, parents first
from samverkan.sources.bra.parse import WHOLE_YEAR, CrimeRow
from samverkan.sources.bra.services import crime_statistics_save
from samverkan.sources.incidents.aggregates import aggregates_refresh
from samverkan.sources.incidents.demo import DESCRIPTIONS, SEASON
from samverkan.sources.incidents.models import CELL_RESOLUTIONS, Incident, IncidentCellMonth, IncidentMonth
from samverkan.sources.incidents.months import Bucket
from samverkan.sources.incidents.services import incident_categories_for
from samverkan.sources.models import ImportRun
from samverkan.sources.police_events.local_time import SWEDEN
from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.police_events.parse import type_display, type_key
from samverkan.sources.surveys import bank, tallies
from samverkan.sources.surveys.demo import BLANK_SHARE, WEIGHTS  # the demo's answers of the other kinds
from samverkan.sources.surveys.models import Answer, Question, Response, Wave, WaveQuestion

PASSWORD = "samverkan-generate"
RESIDENTS_SOURCE = "samverkan generate: syntetiskt antal invånare"
CARRIED_SOURCE = "samverkan generate: senast kända antal, framskrivet"
GROWTH = 0.005  # a year, when a known count is carried forward
# Municipalities without a known count: log-normal, median and spread close to Sweden's 290.
MEDIAN_RESIDENTS, RESIDENTS_SIGMA, FEWEST, MOST = 16_000, 0.95, 2_400, 1_000_000
URBAN_POWER = 1.15  # incidents ∝ residents^power: bigger municipalities report more per resident
# The police regions by county (län code).
POLICE_REGIONS = {
    "Nord": ("22", "23", "24", "25"),
    "Mitt": ("03", "19", "21"),
    "Stockholm": ("01", "09"),
    "Öst": ("04", "05", "06"),
    "Väst": ("13", "14"),
    "Syd": ("07", "08", "10", "12"),
    "Bergslagen": ("17", "18", "20"),
}
AREA_SIZE = 4  # municipalities of a county per local police area
HOURS = np.array([2, 1.5, 1, 0.7, 0.5, 0.6, 1, 1.6, 2.2, 2.4, 2.5, 2.6, 2.8, 3, 3.2, 3.6, 4, 4.4, 4.8, 5, 5, 4.6, 4, 3])
WEEKDAYS = np.array([0.9, 0.9, 0.95, 1.0, 1.3, 1.45, 1.05])  # Monday first
SEVERITIES, SEVERITY_WEIGHTS = np.array([1, 2, 3]), np.array([0.6, 0.3, 0.1])
# Rural municipalities see more reckless driving, the towns more drugs and drunkenness: a factor per category
# at the two ends of the scale of size (log10 residents 3.5 … 5.5), interpolated between.
RURAL_URBAN = {
    "Buskörning (moped, A-traktor, snöskoter)": (2.0, 0.5),
    "Misstänkt narkotikahandel": (0.4, 1.8),
    "Berusade personer på allmän plats": (0.7, 1.4),
    "Klotter": (0.5, 1.6),
}
CENTRE_SIGMA_M = 450.0  # how far round a hotspot its incidents spread (one standard deviation)
BACKGROUND = 0.12  # the share anywhere in the municipality
METRES_PER_DEGREE = 111_320.0
BRA_PER_100K = 13_000  # reported crimes a year per 100,000 residents, the country's level
WAVE_EVERY = 3  # years between survey waves
DELOMRADEN = ["Centrum", "Norr", "Söder", "Landsbygden"]
DELOMRADE_WEIGHTS = np.array([0.45, 0.2, 0.2, 0.15])
FIRST_EVENT_ID = 700_000_000
EVENTS_PER_RESIDENT = 0.006  # police events a year per resident, about the feed's national volume
COUNTY_SHARE = 0.05  # of the events: county-wide, counted for no municipality
EVENT_TYPES = {  # type -> weight in the feed
    "Trafikolycka": 14,
    "Trafikolycka, vilt": 8,
    "Trafikkontroll": 6,
    "Rattfylleri": 7,
    "Stöld": 8,
    "Misshandel": 8,
    "Bråk": 5,
    "Skadegörelse": 5,
    "Narkotikabrott": 5,
    "Brand": 6,
    "Fylleri/LOB": 5,
    "Olaga hot": 4,
    "Inbrott": 5,
    "Olovlig körning": 3,
    "Ofog barn/ungdom": 2,
    "Rån": 1,
    "Mord/dråp, försök": 0.3,
}
MONTH_NAMES = [
    *("januari", "februari", "mars", "april", "maj", "juni"),
    *("juli", "augusti", "september", "oktober", "november", "december"),
]
BATCH = 5_000


@dataclass(frozen=True)
class Generated:
    municipalities: int
    incidents: int
    police_events: int
    crime_statistics: int
    waves: int
    answers: int
    users: int
    first_day: datetime.date
    last_day: datetime.date
    seconds: tuple[tuple[str, float], ...]  # by phase


@dataclass
class _Place:
    """One municipality as the generator sees it."""

    municipality: Municipality
    residents: int
    geometry: shapely.Geometry
    centre: tuple[float, float]  # lng, lat inside the boundary
    reporter: User | None = None
    organisation: Organisation | None = None


def genitive(name: str) -> str:
    """'Arjeplog' -> 'Arjeplogs', 'Västerås' -> 'Västerås', 'Sigtuna' -> 'Sigtuna'."""
    return name if name[-1] in "sxzaeiouyåäö" else f"{name}s"


def _days(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def _year_ago(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def generate(
    *,
    municipalities: int,
    years: int,
    incidents: int,
    seed: int,
    password: str = PASSWORD,
    respondents: int = 100,
    out: Output | None = None,
) -> Generated:
    """Fill the database with a synthetic country; see the module's text."""
    if Incident.objects.exists():
        raise ValueError("the database already has incidents: generate fills a database without any")
    if Municipality.objects.count() < municipalities:
        call_command("load_municipalities", stdout=io.StringIO(), stderr=io.StringIO())
    every = list(Municipality.objects.order_by("code"))
    if municipalities > len(every) or municipalities < 1:
        raise ValueError(f"--municipalities must be 1 … {len(every)}")
    rng = np.random.default_rng(seed)
    chosen = (
        every
        if municipalities == len(every)
        else [every[i] for i in sorted(rng.choice(len(every), municipalities, replace=False))]
    )
    today = clock.today()
    last_day = today - datetime.timedelta(days=1)
    first_day = _year_ago(today, years)
    calendar_years = list(range(first_day.year, last_day.year + 1))

    seconds: list[tuple[str, float]] = []
    began = time.perf_counter()

    def lap(phase: str) -> None:
        nonlocal began
        seconds.append((phase, round(time.perf_counter() - began, 1)))
        began = time.perf_counter()

    with transaction.atomic():
        places = _population(rng, chosen, calendar_years, out)
        users = _organisations(places, password)
    lap("residents and organisations")
    with transaction.atomic():
        count, buckets = _incidents(rng, places, incidents, first_day, last_day, out)
        lap("incidents")
        _aggregates(buckets, out)
    lap("their aggregates")
    with transaction.atomic():
        crime = _crime(rng, places, [y for y in calendar_years if y < today.year])
    lap("Brå")
    with transaction.atomic():
        waves, answers = _surveys(rng, places, calendar_years, respondents, out)
    lap("survey waves")
    with transaction.atomic():
        events = _police_events(rng, places, first_day, last_day, out)
    lap("police events")
    # The bulk writes send no signals: the pictures kept of these municipalities (and the shared Brå) are stale.
    ids = [place.municipality.id for place in places]
    versions.bump(ids)
    versions.bump(ids, versions.SURVEY)
    versions.bump_shared()
    if connection.vendor == "postgresql":  # the planner's statistics of the tables just filled
        with connection.cursor() as cursor:
            for model in (Incident, IncidentMonth, IncidentCellMonth, PoliceEvent, Answer, Response):
                cursor.execute(f"ANALYZE {model._meta.db_table}")
        lap("ANALYZE")
    return Generated(len(places), count, events, crime, waves, answers, users, first_day, last_day, tuple(seconds))


# --- Residents and organisations -----------------------------------------------------------------


def _population(
    rng: np.random.Generator, chosen: list[Municipality], years: list[int], out: Output | None
) -> list[_Place]:
    known: dict[int, dict[int, int]] = {}
    for municipality_id, year, residents in ResidentCount.objects.filter(municipality__in=chosen).values_list(
        "municipality_id", "year", "residents"
    ):
        known.setdefault(municipality_id, {})[year] = residents
    drawn = np.clip(rng.lognormal(math.log(MEDIAN_RESIDENTS), RESIDENTS_SIGMA, len(chosen)), FEWEST, MOST)
    counts = []
    places = []
    for municipality, fallback in progress(
        zip(chosen, drawn, strict=True), total=len(chosen), label="municipalities", out=out
    ):
        counts_of = known.get(municipality.id, {})
        # The years generated, and those between the last known count and them: no year without residents.
        latest = max((y for y in counts_of if y < years[0]), default=years[0])
        for year in range(latest + 1 if counts_of else years[0], years[-1] + 1):
            if year in counts_of:
                continue
            before = [y for y in counts_of if y < year]
            if before:
                base = max(before)
                residents, source = round(counts_of[base] * (1 + GROWTH) ** (year - base)), CARRIED_SOURCE
            elif counts_of:
                base = min(counts_of)
                residents, source = round(counts_of[base] / (1 + GROWTH) ** (base - year)), CARRIED_SOURCE
            else:
                residents, source = round(float(fallback) * (1 + GROWTH) ** (year - years[-1])), RESIDENTS_SOURCE
            counts.append(ResidentCount(municipality=municipality, year=year, residents=residents, source=source))
            counts_of[year] = residents
        geometry = shape(municipality.boundary)
        shapely.prepare(geometry)
        point = geometry.representative_point()
        places.append(_Place(municipality, counts_of[years[-1]], geometry, (point.x, point.y)))
    ResidentCount.objects.bulk_create(counts, batch_size=BATCH)
    return places


def _organisations(places: list[_Place], password: str) -> int:
    """Police regions and areas where load_municipalities brought none, each municipality's organisation, a
    coordinator and a reporter."""
    region_of = {county: region for region, counties in POLICE_REGIONS.items() for county in counties}
    by_county: dict[str, list[Municipality]] = {}
    for municipality in Municipality.objects.order_by("code"):
        by_county.setdefault(municipality.county_code, []).append(municipality)
    known = set(
        Organisation.municipalities.through.objects.filter(
            organisation__kind=Organisation.Kind.POLICE_AREA
        ).values_list("municipality_id", flat=True)
    )
    chosen_ids = {place.municipality.id for place in places} - known
    regions: dict[str, Organisation] = {}
    for county, members in sorted(by_county.items()):
        for number, group in enumerate(batched(members, AREA_SIZE), start=1):
            covered = [m for m in group if m.id in chosen_ids]
            if not covered:
                continue
            region_name = region_of.get(county, COUNTIES.get(county, county))
            if region_name not in regions:
                regions[region_name] = Organisation.objects.get_or_create(
                    name=f"Polisregion {region_name}", defaults={"kind": Organisation.Kind.POLICE_REGION}
                )[0]
            names = ", ".join(m.name for m in covered)
            area, _created = Organisation.objects.get_or_create(
                name=f"Lokalpolisområde {COUNTIES.get(county, county)} {number} ({names})",
                defaults={"kind": Organisation.Kind.POLICE_AREA, "parent": regions[region_name]},
            )
            area.municipalities.add(*covered)
    hashed = make_password(password)  # one hash for every generated user: hashing 580 times would take minutes
    users = []
    memberships = []
    for place in places:
        municipality = place.municipality
        organisation, _created = Organisation.objects.get_or_create(
            name=f"{genitive(municipality.name)} kommun", defaults={"kind": Organisation.Kind.MUNICIPALITY}
        )
        organisation.municipalities.add(municipality)
        place.organisation = organisation
        for suffix, title, role in [
            ("samordnare", "Trygghetssamordnare", Role.COORDINATOR),
            ("rapportor", "Fastighetsskötare", Role.REPORTER),
        ]:
            user = User(
                username=f"{municipality.code}.{suffix}",
                first_name=municipality.name,
                last_name=title,
                title=title,
                email=f"{municipality.code}.{suffix}@example.se",
                password=hashed,
            )
            users.append(user)
            memberships.append((user, organisation, role))
            if role == Role.REPORTER:
                place.reporter = user
    User.objects.bulk_create(users, batch_size=BATCH)
    Membership.objects.bulk_create(
        [Membership(user=user, organisation=organisation, role=role) for user, organisation, role in memberships],
        batch_size=BATCH,
    )
    return len(users)


# --- Incidents ------------------------------------------------------------------------------------


def _utc_table(days: list[datetime.date]) -> np.ndarray:
    """Seconds since the epoch (UTC) of each local day's every hour: [day, hour]."""
    table = np.empty((len(days), 24), dtype=np.int64)
    for d, day in enumerate(days):
        for hour in range(24):
            table[d, hour] = int(datetime.datetime.combine(day, datetime.time(hour), SWEDEN).timestamp())
    return table


def _urbanity(residents: int) -> float:
    return min(max((math.log10(max(residents, 1)) - 3.5) / 2, 0.0), 1.0)


def _points_inside(
    rng: np.random.Generator, place: _Place, lng: np.ndarray, lat: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Round to 6 decimals; the points outside the boundary (a hotspot by the coast or the border) go anywhere in it."""
    lng, lat = np.round(lng, 6), np.round(lat, 6)
    outside = np.flatnonzero(~shapely.contains_xy(place.geometry, lng, lat))
    lng[outside], lat[outside] = _uniform_inside(rng, place, len(outside))
    return lng, lat


def _uniform_inside(rng: np.random.Generator, place: _Place, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Points spread evenly over the municipality (rejection within its bounding box)."""
    west, south, east, north = place.geometry.bounds
    lng, lat = np.empty(0), np.empty(0)
    while len(lng) < count:
        want = max(2 * (count - len(lng)), 64)
        x, y = np.round(rng.uniform(west, east, want), 6), np.round(rng.uniform(south, north, want), 6)
        inside = shapely.contains_xy(place.geometry, x, y)
        lng, lat = np.concatenate([lng, x[inside]]), np.concatenate([lat, y[inside]])
    return lng[:count], lat[:count]


def _incidents(
    rng: np.random.Generator,
    places: list[_Place],
    total: int,
    first_day: datetime.date,
    last_day: datetime.date,
    out: Output | None,
) -> tuple[int, set[Bucket]]:
    run = ImportRun.objects.create(source="incidents", name=f"samverkan generate: {total} incidents", created=total)
    days = _days(first_day, last_day)
    utc = _utc_table(days)
    months = np.array([day.month - 1 for day in days])
    weekdays = np.array([day.weekday() for day in days])
    growth = np.linspace(0.9, 1.1, len(days))  # a slow rise over the years
    names = list(SEASON)
    season = np.array([SEASON[name] for name in names])  # [category, month]
    day_weights = season[:, months] * WEEKDAYS[weekdays] * growth  # [category, day]
    day_p = day_weights / day_weights.sum(axis=1, keepdims=True)
    hour_p = HOURS / HOURS.sum()
    category_base = season.mean(axis=1)
    residents = np.array([place.residents for place in places], dtype=float)
    weights = residents**URBAN_POWER
    per_municipality = rng.multinomial(total, weights / weights.sum())
    midnight = int(
        datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time(), SWEDEN).timestamp()
    )
    named: dict[int, list[NamedPlace]] = {}
    for spot in NamedPlace.objects.filter(municipality__in=[p.municipality for p in places]).order_by("id"):
        named.setdefault(spot.municipality_id, []).append(spot)
    buckets: set[Bucket] = set()
    writer = _IncidentWriter()
    for place, count in progress(
        zip(places, per_municipality, strict=True), total=len(places), label="incidents", out=out
    ):
        municipality = place.municipality
        categories = {c.name: c.id for c in incident_categories_for(municipality)}
        if count == 0:
            continue
        u = _urbanity(place.residents)
        shares = category_base * np.array(
            [
                RURAL_URBAN.get(name, (1.0, 1.0))[0] * (1 - u) + RURAL_URBAN.get(name, (1.0, 1.0))[1] * u
                for name in names
            ]
        )
        per_category = rng.multinomial(count, shares / shares.sum())
        category = np.repeat(np.arange(len(names)), per_category)
        day = np.concatenate([rng.choice(len(days), size=n, p=day_p[c]) for c, n in enumerate(per_category)])
        hour = rng.choice(24, size=count, p=hour_p)
        moment = utc[day, hour] + rng.integers(0, 3600, size=count)
        order = np.argsort(moment, kind="stable")
        category, moment = category[order], moment[order]
        # Hotspots: the centre, the named places and a few more points, the first ones the busiest.
        spots = [place.centre] + [(p.lng, p.lat) for p in named.get(municipality.id, [])]
        spot_places: list[NamedPlace | None] = [None] + named.get(municipality.id, [])
        extra = 2 + int(np.clip(np.log2(place.residents / 5_000), 0, 10))
        x, y = _uniform_inside(rng, place, extra)
        spots += list(zip(x.tolist(), y.tolist(), strict=True))
        spot_places += [None] * extra
        spot_weights = 1 / np.arange(1, len(spots) + 1)
        spot = rng.choice(len(spots), size=count, p=spot_weights / spot_weights.sum())
        centres = np.array(spots)
        sigma_lat = CENTRE_SIGMA_M / METRES_PER_DEGREE
        sigma_lng = sigma_lat / math.cos(math.radians(place.centre[1]))
        lng = centres[spot, 0] + rng.normal(0, sigma_lng, count)
        lat = centres[spot, 1] + rng.normal(0, sigma_lat, count)
        background = rng.random(count) < BACKGROUND
        anywhere = _uniform_inside(rng, place, int(background.sum()))
        lng[background], lat[background] = anywhere
        spot[background] = 0
        spot_is_place = np.array([p is not None for p in spot_places])[spot] & ~background

        lng, lat = _points_inside(rng, place, lng, lat)
        severity = rng.choice(SEVERITIES, size=count, p=SEVERITY_WEIGHTS)
        description_pick = rng.random(count)
        delay = rng.integers(600, 48 * 3600, size=count)
        status_pick = rng.random(count)
        category_ids = [categories[name] for name in names]
        descriptions = [DESCRIPTIONS[name] for name in names]
        place_ids = [p.id if p is not None else None for p in spot_places]
        rows = []
        for i in range(count):
            c = int(category[i])
            at = int(moment[i])
            age_days = (midnight - at) // 86_400
            if age_days > 60:
                status = "avslutad"
            elif age_days > 7:
                status = ("ny", "bedomd", "atgardad")[int(status_pick[i] * 3)]
            else:
                status = "ny"
            la, lo = float(lat[i]), float(lng[i])
            options = descriptions[c]
            rows.append(
                (
                    municipality.id,
                    category_ids[c],
                    at,
                    la,
                    lo,
                    place_ids[int(spot[i])] if spot_is_place[i] else None,
                    int(severity[i]),
                    options[int(description_pick[i] * len(options))],
                    status,
                    place.reporter.pk if place.reporter else None,
                    place.organisation.pk if place.organisation else None,
                    min(at + int(delay[i]), midnight),
                    h3.latlng_to_cell(la, lo, 7),
                    h3.latlng_to_cell(la, lo, 8),
                    h3.latlng_to_cell(la, lo, 9),
                    run.pk,
                )
            )
        writer.write(rows)
        local = [day.year * 12 + day.month - 1 for day in days]
        for month_number in sorted({local[d] for d in day.tolist()}):
            buckets.add(Bucket(municipality.id, month_number // 12, month_number % 12 + 1))
    return int(per_municipality.sum()), buckets


def _aggregates(buckets: set[Bucket], out: Output | None) -> None:
    """Recount the municipality-months written, a month at a time, as an import does at its end; on PostgreSQL,
    into the empty aggregates, by one INSERT … SELECT per table grouping the incidents by their Stockholm month
    (the same rows aggregates.rebuild writes, in a fraction of the time)."""
    if connection.vendor == "postgresql":
        local = "occurred_from AT TIME ZONE 'Europe/Stockholm'"
        year, month = f"EXTRACT(YEAR FROM {local})::int", f"EXTRACT(MONTH FROM {local})::int"
        incidents = Incident._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {IncidentMonth._meta.db_table}"
                " (municipality_id, category_id, year, month, count, severity_sum)"
                f" SELECT municipality_id, category_id, {year}, {month}, COUNT(*), SUM(severity) FROM {incidents}"
                " GROUP BY 1, 2, 3, 4"
            )
            for resolution in CELL_RESOLUTIONS:
                cursor.execute(
                    f"INSERT INTO {IncidentCellMonth._meta.db_table}"
                    " (municipality_id, resolution, cell, year, month, count)"
                    f" SELECT municipality_id, %s, h3_r{resolution}, {year}, {month}, COUNT(*) FROM {incidents}"
                    " GROUP BY 1, 2, 3, 4, 5",
                    [resolution],
                )
        versions.bump(sorted({bucket.municipality_id for bucket in buckets}))
        return
    by_month: dict[tuple[int, int], list[Bucket]] = {}
    for bucket in sorted(buckets):
        by_month.setdefault((bucket.year, bucket.month), []).append(bucket)
    for month_buckets in progress(list(by_month.values()), total=len(by_month), label="incident months", out=out):
        aggregates_refresh(month_buckets)


class _IncidentWriter:
    """Incident rows into the table: COPY on PostgreSQL, executemany elsewhere; moments as UTC seconds."""

    COLUMNS = [
        "municipality_id",
        "category_id",
        "occurred_from",
        "lat",
        "lng",
        "place_id",
        "severity",
        "description",
        "status",
        "reported_by_id",
        "reporter_organisation_id",
        "reported_at",
        "h3_r7",
        "h3_r8",
        "h3_r9",
        "run_id",
    ]

    def __init__(self) -> None:
        self.table = Incident._meta.db_table
        self.postgres = connection.vendor == "postgresql"

    def write(self, rows: list[tuple]) -> None:
        moments = (2, 11)
        columns = ", ".join(connection.ops.quote_name(c) for c in self.COLUMNS)
        if self.postgres:
            with connection.cursor() as cursor:
                raw = cursor.cursor
                with raw.copy(f"COPY {self.table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        values = list(row)
                        for i in moments:
                            values[i] = datetime.datetime.fromtimestamp(values[i], datetime.UTC)
                        copy.write_row(values)
            return
        adapt = connection.ops.adapt_datetimefield_value
        marks = ", ".join(["%s"] * len(self.COLUMNS))
        with connection.cursor() as cursor:
            for chunk in batched(rows, BATCH):
                converted = []
                for row in chunk:
                    values = list(row)
                    for i in moments:
                        values[i] = adapt(datetime.datetime.fromtimestamp(values[i], datetime.UTC))
                    converted.append(values)
                cursor.executemany(f"INSERT INTO {self.table} ({columns}) VALUES ({marks})", converted)


# --- Brå --------------------------------------------------------------------------------------------


def _crime(rng: np.random.Generator, places: list[_Place], years: list[int]) -> int:
    if not years:
        return 0
    run = ImportRun.objects.create(source="bra", name="samverkan generate: Brå")
    regions: dict[str, tuple[str, dict[int, dict[str, int]], int]] = {}  # code -> name, year -> counts, residents
    totals: dict[str, dict[int, dict[str, int]]] = {}
    residents_of: dict[str, int] = {}
    names = {COUNTRY: "Hela landet"}
    for place in places:
        municipality = place.municipality
        level = 0.6 + 0.8 * _urbanity(place.residents)
        by_year = {}
        for year in years:
            counts = {t.ROOT: int(rng.poisson(place.residents * BRA_PER_100K / 100_000 * level))}
            left = dict(counts)
            for category, (parent, share) in SHARES.items():
                count = min(int(round(counts[parent] * share * rng.uniform(0.85, 1.15))), left[parent])
                left[parent] -= count
                counts[category] = left[category] = count
            by_year[year] = counts
        regions[municipality.code] = (municipality.name, by_year, place.residents)
        for code in (municipality.county_code, COUNTRY):
            names.setdefault(code, COUNTIES.get(code, municipality.county_name))
            residents_of[code] = residents_of.get(code, 0) + place.residents
            sums = totals.setdefault(code, {})
            for year, counts in by_year.items():
                for category, count in counts.items():
                    sums.setdefault(year, {})[category] = sums.get(year, {}).get(category, 0) + count
    for code, sums in totals.items():
        regions[code] = (names[code], sums, residents_of[code])
    rows = [
        CrimeRow(
            line=0,
            category=category,
            region=name,
            region_code=code,
            year=year,
            period=WHOLE_YEAR,
            count=count,
            per_100k=Decimal(count * 100_000 / residents).quantize(Decimal("0.1")),
            preliminary=year == years[-1],
        )
        for code, (name, by_year, residents) in regions.items()
        for year, counts in by_year.items()
        for category, count in counts.items()
    ]
    parents = {category: parent for category, (parent, _share) in SHARES.items()} | {t.ROOT: None}
    crime_statistics_save(rows=rows, parents=parents, run=run)
    return len(rows)


# --- Surveys ----------------------------------------------------------------------------------------


def _surveys(
    rng: np.random.Generator, places: list[_Place], years: list[int], respondents: int, out: Output | None
) -> tuple[int, int]:
    wave_years = [year for year in years[-1 - 1 :: -WAVE_EVERY]][::-1] if len(years) > 1 else []
    if not wave_years or respondents <= 0:
        return 0, 0
    run = ImportRun.objects.create(source="survey", name="samverkan generate: trygghetsmätningar")
    questions = list(Question.objects.order_by("order", "id"))
    waves = answers_written = 0
    for place in progress(places, total=len(places), label="survey waves", out=out):
        levels = np.clip(rng.beta(2, 4, len(questions)) + 0.15 * _urbanity(place.residents), 0, 1)
        for year in wave_years:
            opened = datetime.date(year, 10, 1)
            wave = Wave.objects.create(
                name=f"Trygghetsmätning {year}",
                municipality=place.municipality,
                opened_on=opened,
                closed_on=opened + datetime.timedelta(days=42),
                source=Wave.Source.IMPORT,
                run=run,
                delomraden="\n".join(DELOMRADEN),
            )
            WaveQuestion.objects.bulk_create(
                WaveQuestion(wave=wave, question=question, order=order) for order, question in enumerate(questions, 1)
            )
            size = int(respondents + rng.integers(-respondents // 10, respondents // 10 + 1))
            areas = rng.choice(len(DELOMRADEN), size=size, p=DELOMRADE_WEIGHTS)
            responses = Response.objects.bulk_create(
                [
                    Response(wave=wave, number=number, delomrade=DELOMRADEN[int(area)], run=run)
                    for number, area in enumerate(areas.tolist(), start=1)
                ],
                batch_size=BATCH,
            )
            answers = []
            for q, question in enumerate(questions):
                options = [option.key for option in bank.ANSWERS[question.kind]]
                if question.kind == bank.PROBLEM:
                    level = float(levels[q] + rng.uniform(-0.05, 0.05))
                    level = min(max(level, 0.0), 1.0)
                    weights = [0.01 + 0.44 * level, 0.05 + 0.30 * level, 0.30 - 0.15 * level, 0.64 - 0.59 * level]
                    p = np.array([w * 0.92 for w in weights] + [0.08])
                else:
                    p = np.array(WEIGHTS[question.kind], dtype=float)
                picks = rng.choice(len(options), size=size, p=p / p.sum())
                blank = rng.random(size) < BLANK_SHARE
                answers += [
                    Answer(response=response, question=question, value=options[int(pick)])
                    for response, pick, empty in zip(responses, picks.tolist(), blank.tolist(), strict=True)
                    if not empty
                ]
            Answer.objects.bulk_create(answers, batch_size=BATCH)
            tallies.rebuild(wave=wave)
            waves += 1
            answers_written += len(answers)
    return waves, answers_written


# --- Police events ------------------------------------------------------------------------------------


def _police_events(
    rng: np.random.Generator,
    places: list[_Place],
    first_day: datetime.date,
    last_day: datetime.date,
    out: Output | None,
) -> int:
    run = ImportRun.objects.create(source="police_events", name="samverkan generate: polisens händelser")
    days = _days(first_day, last_day)
    utc = _utc_table(days)
    types = list(EVENT_TYPES)
    type_p = np.array(list(EVENT_TYPES.values()))
    type_p = type_p / type_p.sum()
    hour_p = HOURS / HOURS.sum()
    years = len(days) / 365.25
    events: list[tuple[int, dict]] = []

    def event(at: int, raw_type: str, place_name: str, code: str, centre: tuple[float, float], summary: str) -> dict:
        happened = datetime.datetime.fromtimestamp(at, SWEDEN)
        published = datetime.datetime.fromtimestamp(at + 600 + (at % 10_000), datetime.UTC)
        local = published.astimezone(SWEDEN)
        key = type_key(raw_type)
        return {
            "occurred_at": published,
            "year": local.year,
            "month": local.month,
            "name": f"{happened.day:02d} {MONTH_NAMES[happened.month - 1]} {happened:%H.%M}, {raw_type}, {place_name}",
            "summary": summary,
            "type": type_display(key),
            "type_key": key,
            "location_name": place_name,
            "region_code": code,
            "gps_lat": centre[1],
            "gps_lng": centre[0],
            "is_summary": key.startswith("sammanfattning"),
        }

    def moments(count: int) -> np.ndarray:
        day = rng.integers(0, len(days), size=count)
        hour = rng.choice(24, size=count, p=hour_p)
        return utc[day, hour] + rng.integers(0, 3600, size=count)

    counties: dict[str, tuple[str, tuple[float, float]]] = {}
    for place in progress(places, total=len(places), label="police events", out=out):
        municipality = place.municipality
        counties.setdefault(municipality.county_code, (municipality.county_name, place.centre))
        count = int(rng.poisson(place.residents * EVENTS_PER_RESIDENT * years))
        kinds = rng.choice(len(types), size=count, p=type_p)
        for at, kind in zip(moments(count).tolist(), kinds.tolist(), strict=True):
            raw_type = types[kind]
            summary = f"{raw_type} i {municipality.name}."
            fields = event(at, raw_type, municipality.name, municipality.code, place.centre, summary)
            events.append((at, fields | {"municipality": municipality}))
    for code, (name, centre) in sorted(counties.items()):
        county_count = int(rng.poisson(len(events) * COUNTY_SHARE / max(len(counties), 1)))
        kinds = rng.choice(len(types), size=county_count, p=type_p)
        for at, kind in zip(moments(county_count).tolist(), kinds.tolist(), strict=True):
            events.append((at, event(at, types[kind], name, code, centre, f"{types[kind]}, {name}.")))
        for d in range(len(days)):  # a summary of the night, every night
            at = int(utc[d, 7])
            events.append((at, event(at, "Sammanfattning natt", name, code, centre, "Ett urval av nattens händelser.")))
    events.sort(key=lambda item: item[0])
    PoliceEvent.objects.bulk_create(
        (
            PoliceEvent(event_id=FIRST_EVENT_ID + number, run=run, **fields)
            for number, (_at, fields) in enumerate(events)
        ),
        batch_size=BATCH,
    )
    return len(events)
