"""Benchmark: one municipality's lägesbild JSON against the honest bare SQL that gives the same answer.

    uv run python bench/lagesbild.py [--incidents 1000000] [--municipalities 50] [--responses 1000]
                                     [--repeat 15] [--keep FOLDER]

Generates a whole world (seeded, so every run is alike) into a fresh SQLite database in a temporary
folder (or the database DATABASE_URL names, which it empties first): incidents with categories and
H3 cells, bulk-inserted by raw SQL and their monthly aggregates then rebuilt, police events, Brå, Kolada,
indicators, residents and present population, dialogues, survey waves with answers (their tallies then
rebuilt), a recurring season and a conclusion. `--keep FOLDER` keeps the SQLite file there and reuses
it on the next run with the same arguments.

Then, in one run, it times side by side (A B A B …):

- the picture: `picture_for` + `for_audience(INTERNAL)` + `json.dumps(to_json())`;
- the bare side: the plain SQL a developer without our aggregates would write for the same facts, on the
  RAW tables (incidents, police events, survey answers …), with the same windows (the period, the period
  before, the three season years, the five trend years) and months in Europe/Stockholm time. SQLite has no
  time-zone function, so its months are range predicates on the local month bounds converted to UTC
  (exact); PostgreSQL uses AT TIME ZONE. The little arithmetic the facts need (sums over months, the
  survey's indices) is done in Python on the grouped rows.

Before timing, it asserts that the bare side's facts equal the picture's (category counts, month and
season counts, cell counts, police events by type, Brå, Kolada, indicators, population, dialogues, the
survey's items, shares and areas, the comparison), so the comparison is honest. It prints each section's
time on both sides, the totals and their ratio, and the number of queries one picture runs.

The bare side stops at the facts: the picture side also computes what no SQL gives (Gi* hotspots, the
ranking of problems, the rates) and serialises it all, and that is counted against it.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import math
import random
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import database_name, ms, setup, side_by_side  # noqa: E402

GOAL_RATIO = 1.5
GOAL_QUERIES = 20
SEED = 1
FIRST_DAY, LAST_DAY = datetime.date(2021, 1, 1), datetime.date(2025, 12, 31)  # incidents and police events
PERIOD = (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
AREA_SIZE = 5  # the municipality and the four others of its police area
RESIDENTS = 40_000  # the municipality's: below 50,000, so hotspots at resolution 9
TOWNS = 5
EVENTS_PER_INCIDENTS = 0.1  # police events for every incident
EVENT_TYPES = [
    *("Trafikolycka", "Trafikolycka, vilt", "Rattfylleri", "Trafikkontroll", "Narkotikabrott"),
    *("Fylleri/LOB", "Skadegörelse", "Stöld", "Brand", "Olovlig körning", "Misshandel", "Bråk"),
]
SUMMARY_SHARE, COUNTY_SHARE = 0.03, 0.05  # police events that count for no municipality
CRIME_CATEGORIES = {  # Brå's: name -> parent
    "Totalt antal brott": None,
    "Brott mot brottsbalken": "Totalt antal brott",
    "Brott mot person": "Brott mot brottsbalken",
    "Misshandel": "Brott mot person",
    "Stöldbrott": "Brott mot brottsbalken",
    "Inbrottsstöld": "Stöldbrott",
    "Skadegörelsebrott": "Brott mot brottsbalken",
    "Klotter": "Skadegörelsebrott",
    "Narkotikastrafflagen": "Totalt antal brott",
}
KPIS = ["N07540", "N07403", "U07417", "U07452", "N07546", "N07544", "N07402", "N02905", "N07609", "N31807"]
INDICATORS = ["Alkoholkonsumenter, årskurs 9", "Narkotikaerfarenhet, årskurs 9", "Rökare, årskurs 9", "Spel om pengar"]
STATISTICS_YEARS = range(2019, 2026)  # Brå, Kolada and indicators: two years before the trend years too
FOCUS_AREAS = [("Brottsförebyggande arbete", "BRÅ"), ("Alkohol, narkotika, doping, tobak och spel", "ANDT-S")]
AREAS = ["Centrum", "Norr", "Söder", "Öster", "Väster", "By 1", "By 2", "By 3"]
BLANK_SHARE = 0.03
OLD_WAVE_RESPONSES, NEIGHBOUR_WAVE_RESPONSES = 400, 300
PERIOD_WAVE = "Trygghetsmätning 2025"
PROBLEMS = [
    ("Klotter och skadegörelse i centrum", "BRÅ"),
    ("Langning av alkohol till unga", "ANDT-S"),
    ("Buskörning med moped", "BRÅ"),
    ("Dålig belysning på gångvägar", "BRÅ"),
]


# --- The world ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class World:
    municipality: Any  # Municipality
    neighbours: list  # the other municipalities of its police area, by name
    incidents: int
    police_events: int
    answers: int
    local_month_differs: int  # incidents whose UTC month is not their local month


def _local(day: datetime.date) -> datetime.datetime:
    from django.utils import timezone

    return datetime.datetime.combine(day, datetime.time.min, timezone.get_default_timezone())


def _stored(moment: datetime.datetime) -> Any:
    """A moment as the database column takes it from a raw insert (UTC text on SQLite)."""
    from django.db import connection

    return connection.ops.adapt_datetimefield_value(moment)


def _insert(table: str, columns: list[str], rows: list[tuple]) -> None:
    """Raw bulk insert: COPY on PostgreSQL, executemany elsewhere."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def _moments(rng: random.Random, count: int) -> list[datetime.datetime]:
    start, end = _local(FIRST_DAY), _local(LAST_DAY + datetime.timedelta(days=1))
    span = int((end - start).total_seconds())
    return [start + datetime.timedelta(seconds=rng.randrange(span)) for _ in range(count)]


def _empty_database() -> None:
    from django.core.management import call_command

    from samverkan.sources.surveys import bank
    from samverkan.sources.surveys.models import Question

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("load_municipalities", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
    for order, question in enumerate(bank.QUESTIONS, start=1):  # the flush emptied the bank the migration seeded
        Question.objects.create(
            key=question.key, kind=question.kind, text_sv=question.sv, text_en=question.en, order=order
        )


def _incidents(rng: random.Random, chosen: list, per_municipality: int) -> int:
    """Raw-SQL incidents around five towns per municipality; returns how many fall in another UTC month."""
    from shapely.geometry import shape

    from samverkan.core.hexagons import cells_for
    from samverkan.sources.incidents.models import Incident
    from samverkan.sources.incidents.services import incident_categories_for

    columns = ["municipality_id", "category_id", "occurred_from", "lat", "lng", "severity", "description"]
    columns += ["status", "reported_at", "h3_r7", "h3_r8", "h3_r9"]
    differs = 0
    for number, municipality in enumerate(chosen, start=1):
        categories = [c.pk for c in incident_categories_for(municipality)]
        weights = [rng.uniform(0.2, 3) for _ in categories]  # some categories are common, others rare
        centre = shape(municipality.boundary).representative_point()
        towns = [(centre.y + rng.uniform(-0.05, 0.05), centre.x + rng.uniform(-0.05, 0.05)) for _ in range(TOWNS)]
        rows = []
        for when, category in zip(
            _moments(rng, per_municipality), rng.choices(categories, weights, k=per_municipality), strict=True
        ):
            lat, lng = rng.choice(towns)
            lat, lng = lat + rng.gauss(0, 0.004), lng + rng.gauss(0, 0.008)
            cells = cells_for(lat, lng)
            utc = when.astimezone(datetime.UTC)
            differs += (utc.year, utc.month) != (when.year, when.month)
            stored = _stored(when)
            row = (municipality.pk, category, stored, lat, lng, rng.randint(1, 3), "bench", "ny", stored)
            rows.append((*row, cells[7], cells[8], cells[9]))
        _insert(Incident._meta.db_table, columns, rows)
        print(f"\rincidents: {number} of {len(chosen)} municipalities", end="", file=sys.stderr)
    print(file=sys.stderr)
    return differs


def _police_events(rng: random.Random, chosen: list, per_municipality: int, run) -> int:
    from samverkan.sources.police_events.local_time import local_month
    from samverkan.sources.police_events.models import PoliceEvent
    from samverkan.sources.police_events.parse import type_key

    columns = ["event_id", "occurred_at", "year", "month", "name", "summary", "url", "type", "type_key"]
    columns += ["location_name", "region_code", "municipality_id", "is_summary", "run_id"]
    rows, event_id = [], 1
    weights = [rng.uniform(0.3, 3) for _ in EVENT_TYPES]
    for municipality in chosen:
        for when in _moments(rng, per_municipality):
            draw = rng.random()
            if draw < SUMMARY_SHARE:
                kind, place, summary = "Sammanfattning natt", municipality, True
            else:
                kind, summary = rng.choices(EVENT_TYPES, weights)[0], False
                place = None if draw < SUMMARY_SHARE + COUNTY_SHARE else municipality
            year, month = local_month(when)
            code = place.code if place else municipality.county_code
            name = f"{when:%d %B %H.%M}, {kind}, {municipality.name}"
            row = (event_id, _stored(when), year, month, name, "", "", kind, type_key(kind), municipality.name, code)
            rows.append((*row, place.pk if place else None, summary, run.pk))
            event_id += 1
    _insert(PoliceEvent._meta.db_table, columns, rows)
    return len(rows)


def _statistics(rng: random.Random, chosen: list, run) -> None:
    """Brå, Kolada and the other indicators for every municipality, its county and the country."""
    from samverkan.organisations.regions import COUNTRY
    from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
    from samverkan.sources.bra.parse import WHOLE_YEAR
    from samverkan.sources.indicators.models import Indicator, IndicatorValue
    from samverkan.sources.kolada.models import Kpi, KpiValue

    regions = {m.code: m.pk for m in chosen} | {m.county_code: None for m in chosen} | {COUNTRY: None}
    categories: dict[str, CrimeCategory] = {}
    for name, parent in CRIME_CATEGORIES.items():
        categories[name] = CrimeCategory.objects.create(name=name, parent=categories.get(parent) if parent else None)
    crime = []
    for code, municipality_id in regions.items():
        for category in categories.values():
            for year in STATISTICS_YEARS:
                for period in (WHOLE_YEAR, "januari–juni"):  # half-year figures are kept, never read as a year's
                    count = None if rng.random() < 0.03 else rng.randint(10, 5000)
                    crime.append(
                        CrimeStatistic(
                            region_code=code,
                            municipality_id=municipality_id,
                            category=category,
                            year=year,
                            period=period,
                            count=count,
                            per_100k=None if count is None else round(rng.uniform(100, 15000), 2),
                            preliminary=year == STATISTICS_YEARS[-1],
                            run=run,
                        )
                    )
    CrimeStatistic.objects.bulk_create(crime, batch_size=1000)
    kpis = [Kpi.objects.create(id=kpi, title=f"Nyckeltal {kpi}") for kpi in KPIS]
    KpiValue.objects.bulk_create(
        (
            KpiValue(
                kpi=kpi,
                region_code=code,
                municipality_id=municipality_id,
                year=year,
                gender=gender,
                value=None if rng.random() < 0.05 else round(rng.uniform(1, 1000), 1),
                run=run,
            )
            for kpi in kpis
            for code, municipality_id in regions.items()
            for year in STATISTICS_YEARS
            for gender in ("T", "K", "M")
        ),
        batch_size=1000,
    )
    indicators = [Indicator.objects.create(key=f"indikator-{n}", name=name) for n, name in enumerate(INDICATORS)]
    IndicatorValue.objects.bulk_create(
        (
            IndicatorValue(
                indicator=indicator,
                region_code=code,
                municipality_id=municipality_id,
                year=year,
                value=round(rng.uniform(0, 60), 1),
                n=rng.choice([None, rng.randint(5, 400)]),
                source_note="bench",
                run=run,
            )
            for indicator in indicators
            for code, municipality_id in regions.items()
            for year in STATISTICS_YEARS
        ),
        batch_size=1000,
    )


def _dialogues(rng: random.Random, area: list) -> None:
    from samverkan.organisations.models import FocusArea
    from samverkan.sources.dialogues.models import Dialogue, RaisedProblem

    focus = {f.short_name: f for f in FocusArea.objects.all()}
    for municipality in area:
        # Three within the year up to the period's end, one before it (left out).
        for held_on in ("2024-06-12", "2025-03-11", "2025-05-20", "2025-09-30"):
            dialogue = Dialogue.objects.create(
                municipality=municipality,
                kind="medborgardialog",
                held_on=datetime.date.fromisoformat(held_on),  # a date: the audit log writes its __str__
                format="workshop",
                groups="Föräldrar, ungdomsrådet",
                participants=rng.randint(8, 40),
            )
            for problem, short in rng.sample(PROBLEMS, 3):
                RaisedProblem.objects.create(
                    dialogue=dialogue, problem=problem, focus_area=focus[short], prioritised_by=rng.randint(1, 8)
                )


def _wave(rng: random.Random, municipality, name: str, opened_on: datetime.date, responses: int, run) -> int:
    """A wave with every question of the bank and its responses, answers inserted by raw SQL; the answers."""
    from samverkan.sources.surveys import bank
    from samverkan.sources.surveys.models import Answer, Question, Response, Wave, WaveQuestion

    wave = Wave.objects.create(
        name=name,
        municipality=municipality,
        opened_on=opened_on,
        closed_on=opened_on + datetime.timedelta(days=40),
        source=Wave.Source.IMPORT,
        run=run,
        delomraden="\n".join(AREAS),
    )
    questions = list(Question.objects.all())
    WaveQuestion.objects.bulk_create(WaveQuestion(wave=wave, question=q, order=n) for n, q in enumerate(questions, 1))
    weights = [rng.uniform(1, 10) for _ in AREAS]
    areas = [*AREAS, ""]  # a few give no delområde
    _insert(
        Response._meta.db_table,
        ["wave_id", "delomrade", "free_text", "number", "run_id"],
        [(wave.pk, rng.choices(areas, [*weights, 1])[0], "", n, run.pk) for n in range(1, responses + 1)],
    )
    ids = list(Response.objects.filter(wave=wave).values_list("pk", flat=True))
    options = {q.pk: [o.key for o in bank.ANSWERS[q.kind]] for q in questions}
    leaning = {q: [rng.uniform(0.2, 3) for _ in keys] for q, keys in options.items()}
    rows = [
        (response, question, rng.choices(keys, leaning[question])[0])
        for response in ids
        for question, keys in options.items()
        if rng.random() >= BLANK_SHARE
    ]
    _insert(Answer._meta.db_table, ["response_id", "question_id", "value"], rows)
    return len(rows)


def generate(*, incidents: int, municipalities: int, responses: int) -> World:
    from django.db import connection

    from samverkan.organisations.models import FocusArea, Municipality, Organisation, PresentPopulation, ResidentCount
    from samverkan.situation.models import Conclusion, RecurringEvent
    from samverkan.sources.incidents import aggregates
    from samverkan.sources.models import ImportRun
    from samverkan.sources.surveys import tallies

    rng = random.Random(SEED)
    _empty_database()
    for order, (name, short) in enumerate(FOCUS_AREAS):
        FocusArea.objects.create(name=name, short_name=short, order=order)
    chosen = list(Municipality.objects.order_by("code")[:municipalities])
    municipality, area = chosen[0], chosen[:AREA_SIZE]
    police_area = Organisation.objects.create(name="Lokalpolisområde Bench", kind=Organisation.Kind.POLICE_AREA)
    police_area.municipalities.set(area)
    own = Organisation.objects.create(name=f"{municipality.name} kommun", kind=Organisation.Kind.MUNICIPALITY)
    own.municipalities.set([municipality])
    for m in chosen:
        size = RESIDENTS if m == municipality else rng.randint(3_000, 120_000)
        for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
            ResidentCount.objects.create(municipality=m, year=year, residents=size + year % 7, source="bench")
    PresentPopulation.objects.bulk_create(
        PresentPopulation(
            municipality=m, year=year, month=month, residents=RESIDENTS, visitors=rng.randint(0, 9000), source="bench"
        )
        for m in area
        for year in range(FIRST_DAY.year, LAST_DAY.year + 1)
        for month in range(1, 13)
        if (m, year, month) != (area[1], 2025, 7)  # one month unknown: that year has no mean
    )

    began = time.perf_counter()
    per_municipality = incidents // len(chosen)
    differs = _incidents(rng, chosen, per_municipality)
    print(f"incidents inserted in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    began = time.perf_counter()
    aggregates.rebuild()
    print(f"incident aggregates rebuilt in {time.perf_counter() - began:.0f} s", file=sys.stderr)

    run = ImportRun.objects.create(source="bench", name="bench")
    events = _police_events(rng, chosen, max(1, round(per_municipality * EVENTS_PER_INCIDENTS)), run)
    _statistics(rng, chosen, run)
    _dialogues(rng, area)
    answers = _wave(rng, municipality, "Trygghetsmätning 2023", datetime.date(2023, 10, 2), OLD_WAVE_RESPONSES, run)
    answers += _wave(rng, municipality, PERIOD_WAVE, datetime.date(2025, 10, 6), responses, run)
    for neighbour in area[2:]:  # the first neighbour has no wave: no comparison figure
        answers += _wave(
            rng, neighbour, "Trygghetsmätning 2024", datetime.date(2024, 10, 7), NEIGHBOUR_WAVE_RESPONSES, run
        )
    tallies.rebuild()
    RecurringEvent.objects.create(
        municipality=municipality, name="Biltestsäsong", start_month=1, end_month=3, expected_visitors=3000
    )
    start, end = PERIOD
    Conclusion.objects.create(municipality=municipality, start=start, end=end, text="Klotter ökar i centrum.")
    if connection.vendor == "postgresql":  # settled, as autovacuum leaves the tables after a load this size
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return World(
        municipality,
        sorted(area[1:], key=lambda m: m.name),
        per_municipality * len(chosen),
        events,
        answers,
        differs,
    )


def reuse(*, incidents: int, municipalities: int, responses: int) -> World | None:
    """The world a kept database already holds, when it was made with these arguments."""
    from django.db import connection

    from samverkan.organisations.models import Organisation
    from samverkan.situation.models import Conclusion
    from samverkan.sources.incidents.models import Incident
    from samverkan.sources.police_events.models import PoliceEvent
    from samverkan.sources.surveys.models import Answer, Response

    if "situation_conclusion" not in connection.introspection.table_names():
        return None
    police_area = Organisation.objects.filter(name="Lokalpolisområde Bench").first()
    if police_area is None or not Conclusion.objects.exists():  # the conclusion is written last
        return None
    if Incident.objects.values("municipality").distinct().count() != municipalities:
        return None
    if Incident.objects.count() != incidents // municipalities * municipalities:
        return None
    if Response.objects.filter(wave__name=PERIOD_WAVE).count() != responses:
        return None
    area = list(police_area.municipalities.order_by("code"))
    return World(
        area[0],
        sorted(area[1:], key=lambda m: m.name),
        Incident.objects.count(),
        PoliceEvent.objects.count(),
        Answer.objects.count(),
        -1,
    )


# --- The bare side --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    start: datetime.date
    end: datetime.date  # inclusive

    def bounds(self) -> tuple[Any, Any]:
        """Local midnight at the start and after the end, as query parameters (UTC text on SQLite)."""
        return _stored(_local(self.start)), _stored(_local(self.end + datetime.timedelta(days=1)))


def _months(start: datetime.date, end: datetime.date) -> list[tuple[int, int]]:
    first, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    return [(n // 12, n % 12 + 1) for n in range(first, last + 1)]


def _months_before(start: datetime.date, months: int) -> datetime.date:
    """The first day of the month `months` months before start's (the period before a year is the year before)."""
    year, month = divmod(start.year * 12 + start.month - 1 - months, 12)
    return datetime.date(year, month + 1, 1)


def _month_case(starts: list, first: int, last: int) -> tuple[str, list]:
    """SQL for the index of the local month a row's moment falls in, among months first..last-1 whose UTC
    starts are given: range predicates halving the months, so about log2(months) comparisons a row."""
    if last - first == 1:
        return str(first), []
    middle = (first + last) // 2
    below, below_params = _month_case(starts, first, middle)
    above, above_params = _month_case(starts, middle, last)
    sql = f"CASE WHEN i.occurred_from < %s THEN {below} ELSE {above} END"
    return sql, [starts[middle], *below_params, *above_params]


class Bare:
    """The plain SQL, on the raw tables, for the facts of one municipality's lägesbild for a period."""

    def __init__(self, municipality, start: datetime.date, end: datetime.date) -> None:
        from django.db import connection

        from samverkan.organisations.models import Municipality, Organisation, PresentPopulation, ResidentCount

        self.connection = connection
        self.m = municipality
        self.period = Window(start, end)
        self.before = Window(_months_before(start, len(_months(start, end))), start - datetime.timedelta(days=1))
        self.season = Window(datetime.date(end.year - 2, 1, 1), datetime.date(end.year, 12, 31))
        self.years = list(range(end.year - 4, end.year + 1))
        self.dialogues = Window(end - datetime.timedelta(days=365), end)
        self.cover = Window(min(self.before.start, self.season.start), max(self.period.end, self.season.end))
        self.t = {
            "municipality": Municipality._meta.db_table,
            "organisation": Organisation._meta.db_table,
            "organisation_municipalities": Organisation.municipalities.through._meta.db_table,
            "residents": ResidentCount._meta.db_table,
            "present": PresentPopulation._meta.db_table,
        }
        self._tables()

    def _tables(self) -> None:
        from samverkan.organisations.models import FocusArea
        from samverkan.situation.models import Conclusion, RecurringEvent
        from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
        from samverkan.sources.citizen_reports.models import CitizenReport
        from samverkan.sources.dialogues.models import Dialogue, RaisedProblem
        from samverkan.sources.incidents.models import Incident, IncidentCategory
        from samverkan.sources.indicators.models import Indicator, IndicatorValue
        from samverkan.sources.kolada.models import Kpi, KpiValue
        from samverkan.sources.police_events.models import PoliceEvent
        from samverkan.sources.surveys.models import Answer, Question, Response, Wave, WaveQuestion

        for name, model in {
            "focus": FocusArea,
            "incident": Incident,
            "category": IncidentCategory,
            "event": PoliceEvent,
            "crime": CrimeStatistic,
            "crime_category": CrimeCategory,
            "kpi": Kpi,
            "kpi_value": KpiValue,
            "indicator": Indicator,
            "indicator_value": IndicatorValue,
            "dialogue": Dialogue,
            "raised": RaisedProblem,
            "citizen_report": CitizenReport,
            "wave": Wave,
            "wave_question": WaveQuestion,
            "question": Question,
            "response": Response,
            "answer": Answer,
            "recurring": RecurringEvent,
            "conclusion": Conclusion,
        }.items():
            self.t[name] = model._meta.db_table

    def rows(self, sql: str, params: list) -> list[tuple]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql.format(**self.t), params)
            return cursor.fetchall()

    # Each section returns its facts as plain Python values.

    def population(self) -> dict[str, Any]:
        residents = self.rows(
            "SELECT year, residents FROM {residents} WHERE municipality_id = %s AND year <= %s ORDER BY year",
            [self.m.pk, self.period.end.year],
        )
        first = min(self.years[0], self.season.start.year, self.period.start.year)
        present = self.rows(
            "SELECT year, month, residents + visitors FROM {present}"
            " WHERE municipality_id = %s AND year >= %s AND year <= %s",
            [self.m.pk, first, self.period.end.year],
        )
        present_by_month = {(y, m): float(n) for y, m, n in present}
        if not present_by_month:  # no estimate of its own: its residents are who is present (selectors.picture_for)
            for year in range(first, self.period.end.year + 1):
                known = [n for y, n in residents if y <= year]
                if known:
                    present_by_month.update({(year, month): float(known[-1]) for month in range(1, 13)})
        years = {}
        for year in self.years:
            known = [(y, n) for y, n in residents if y <= year]
            months = [present_by_month.get((year, m)) for m in range(1, 13)]
            mean = sum(months) / 12 if None not in months else None  # type: ignore[arg-type]
            years[year] = (known[-1][1] if known else None, mean)
        return {"years": years, "present": present_by_month}

    def incidents(self) -> dict[str, Any]:
        """Categories (period, period before, severity), months of the period and season sums: one scan of the
        incidents grouped by category and local month, and the municipality's category names."""
        months = _months(self.cover.start, self.cover.end)
        if self.connection.vendor == "postgresql":
            bucket = "date_trunc('month', i.occurred_from AT TIME ZONE 'Europe/Stockholm')"
            bucket_params: list = []
        else:
            starts = [Window(datetime.date(y, m, 1), datetime.date(y, m, 1)).bounds()[0] for y, m in months]
            bucket, bucket_params = _month_case(starts, 0, len(months))
        inside = "CASE WHEN i.occurred_from >= %s AND i.occurred_from < %s THEN {} ELSE 0 END"
        rows = self.rows(
            f"SELECT i.category_id, {bucket} AS bucket,"
            f" SUM({inside.format(1)}), SUM({inside.format('i.severity')}),"
            f" SUM({inside.format(1)}), SUM({inside.format(1)})"
            " FROM {incident} i"
            " WHERE i.municipality_id = %s AND i.occurred_from >= %s AND i.occurred_from < %s"
            " GROUP BY i.category_id, bucket",
            [
                *bucket_params,
                *self.period.bounds(),
                *self.period.bounds(),
                *self.before.bounds(),
                *self.season.bounds(),
                self.m.pk,
                *self.cover.bounds(),
            ],
        )
        names = {
            pk: (name, focus or "")
            for pk, name, focus in self.rows(
                "SELECT c.id, c.name, f.short_name FROM {category} c LEFT JOIN {focus} f ON f.id = c.focus_area_id"
                " WHERE c.municipality_id = %s",
                [self.m.pk],
            )
        }
        categories: dict[str, list] = {}
        by_month: Counter = Counter()
        seasons: Counter = Counter()
        for category_id, bucket_value, now, severity, before, season in rows:
            month = (bucket_value.year, bucket_value.month) if self.connection.vendor == "postgresql" else None
            month = month or months[bucket_value]
            name, focus = names[category_id]
            category = categories.setdefault(name, [focus, 0, 0, 0])
            category[1] += now
            category[2] += before
            category[3] += severity
            by_month[month] += now
            seasons[month[1]] += season
        return {
            "categories": {name: tuple(c) for name, c in categories.items() if c[1] or c[2]},
            "months": {month: by_month[month] for month in _months(self.period.start, self.period.end)},
            "seasons": {month: seasons[month] for month in range(1, 13)},
        }

    def cells(self, residents: int | None) -> dict[str, int]:
        from samverkan.core.hexagons import resolution_for

        column = f"h3_r{resolution_for(residents or 0)}"
        rows = self.rows(
            f"SELECT {column}, COUNT(*) FROM {{incident}}"
            " WHERE municipality_id = %s AND occurred_from >= %s AND occurred_from < %s"
            f" GROUP BY {column}",
            [self.m.pk, *self.period.bounds()],
        )
        return dict(rows)

    def police_events(self) -> dict[str, Any]:
        """Per type: the period and the period before; per calendar month: the season years. One scan."""
        inside = "CASE WHEN occurred_at >= %s AND occurred_at < %s THEN 1 ELSE 0 END"
        rows = self.rows(
            f"SELECT type_key, month, SUM({inside}), SUM({inside}), SUM({inside}) FROM {{event}}"
            " WHERE municipality_id = %s AND is_summary = %s AND occurred_at >= %s AND occurred_at < %s"
            " GROUP BY type_key, year, month",
            [
                *self.period.bounds(),
                *self.before.bounds(),
                *self.season.bounds(),
                self.m.pk,
                False,
                *self.cover.bounds(),
            ],
        )
        types: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        seasons: Counter = Counter()
        for key, month, now, before, season in rows:
            types[key][0] += now
            types[key][1] += before
            seasons[month] += season
        return {
            "types": {key: tuple(c) for key, c in types.items() if any(c)},
            "seasons": {m: seasons[m] for m in range(1, 13)},
        }

    def neighbours(self) -> list[tuple[int, str, str]]:
        return self.rows(
            "SELECT DISTINCT m.id, m.code, m.name FROM {municipality} m"
            " JOIN {organisation_municipalities} om ON om.municipality_id = m.id"
            " JOIN {organisation} o ON o.id = om.organisation_id"
            " WHERE o.kind = %s AND m.id <> %s AND o.id IN"
            " (SELECT organisation_id FROM {organisation_municipalities} WHERE municipality_id = %s)"
            " ORDER BY m.name",
            ["police_area", self.m.pk, self.m.pk],
        )

    def crime(self, neighbours: list) -> set[tuple]:
        from samverkan.organisations.regions import COUNTRY
        from samverkan.sources.bra.parse import WHOLE_YEAR

        codes = [self.m.code, *(code for _id, code, _name in neighbours), self.m.county_code, COUNTRY]
        rows = self.rows(
            "SELECT s.region_code, c.name, s.year, s.count, s.per_100k, s.preliminary FROM {crime} s"
            " JOIN {crime_category} c ON c.id = s.category_id"
            f" WHERE s.region_code IN ({', '.join(['%s'] * len(codes))}) AND s.year >= %s AND s.year <= %s"
            " AND s.period = %s",
            [*codes, self.years[0], self.years[-1], WHOLE_YEAR],
        )
        return {(r, c, y, n, None if p is None else float(p), bool(pre)) for r, c, y, n, p, pre in rows}

    def _codes(self) -> list[str]:
        from samverkan.organisations.regions import COUNTRY

        return [self.m.code, self.m.county_code, COUNTRY]

    def kolada(self) -> set[tuple]:
        rows = self.rows(
            "SELECT v.kpi_id, k.title, v.region_code, v.year, v.value FROM {kpi_value} v"
            " JOIN {kpi} k ON k.id = v.kpi_id"
            " WHERE v.region_code IN (%s, %s, %s) AND v.gender = %s AND v.year >= %s AND v.year <= %s",
            [*self._codes(), "T", self.years[0], self.years[-1]],
        )
        return set(rows)

    def indicators(self) -> set[tuple]:
        rows = self.rows(
            "SELECT i.key, i.name, v.region_code, v.year, v.value, v.n FROM {indicator_value} v"
            " JOIN {indicator} i ON i.id = v.indicator_id"
            " WHERE v.region_code IN (%s, %s, %s) AND v.year >= %s AND v.year <= %s",
            [*self._codes(), self.years[0], self.years[-1]],
        )
        return set(rows)

    def raised(self) -> list[tuple]:
        return self.rows(
            "SELECT p.problem, f.short_name, p.prioritised_by, d.id, d.participants FROM {raised} p"
            " JOIN {dialogue} d ON d.id = p.dialogue_id LEFT JOIN {focus} f ON f.id = p.focus_area_id"
            " WHERE d.municipality_id = %s AND d.held_on >= %s AND d.held_on <= %s"
            " ORDER BY d.held_on, d.id, p.prioritised_by DESC, p.problem",
            [self.m.pk, self.dialogues.start, self.dialogues.end],
        )

    def citizen_reports(self) -> list[tuple]:
        """Citizens' reports received in the period per category, and of them accepted."""
        return self.rows(
            "SELECT category, COUNT(*), SUM(CASE WHEN decision = 'godkand' THEN 1 ELSE 0 END) FROM {citizen_report}"
            " WHERE municipality_id = %s AND received_at >= %s AND received_at < %s GROUP BY category",
            [self.m.pk, *self.period.bounds()],
        )

    def survey(self, neighbours: list) -> dict[str, Any]:
        """The period's waves (or the latest before its end) with every item, share and delområde, and the
        latest wave of each municipality of the police area, all counted from the raw answers."""
        ids = [self.m.pk, *(i for i, _code, _name in neighbours)]
        codes = {self.m.pk: self.m.code} | {i: code for i, code, _name in neighbours}
        waves = self.rows(
            "SELECT id, municipality_id, name, opened_on FROM {wave}"
            f" WHERE municipality_id IN ({', '.join(['%s'] * len(ids))}) AND opened_on <= %s"
            " ORDER BY opened_on, id",
            [*ids, self.period.end],
        )
        own = [w for w in waves if w[1] == self.m.pk]
        shown = [w for w in own if w[3] >= self.period.start] or own[-1:]
        latest = {w[1]: w for w in waves}  # by date, so the last one of each municipality stays
        wanted = sorted({w[0] for w in shown} | {w[0] for w in latest.values()})
        if not wanted:
            return {"waves": [], "comparison": []}
        marks = ", ".join(["%s"] * len(wanted))
        questions: dict[int, list[tuple]] = defaultdict(list)
        for wave_id, *question in self.rows(
            "SELECT wq.wave_id, q.id, q.key, q.kind FROM {wave_question} wq"
            " JOIN {question} q ON q.id = wq.question_id"
            f' WHERE wq.wave_id IN ({marks}) ORDER BY wq.wave_id, wq."order"',
            wanted,
        ):
            questions[wave_id].append(tuple(question))
        answers: dict[int, dict[str, dict[int, Counter]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(Counter))
        )
        for wave_id, area, question_id, value, n in self.rows(
            "SELECT r.wave_id, r.delomrade, a.question_id, a.value, COUNT(*) FROM {answer} a"
            " JOIN {response} r ON r.id = a.response_id"
            f" WHERE r.wave_id IN ({marks}) GROUP BY r.wave_id, r.delomrade, a.question_id, a.value",
            wanted,
        ):
            answers[wave_id][area][question_id][value] += n
        respondents: dict[int, Counter] = defaultdict(Counter)
        for wave_id, area, n in self.rows(
            f"SELECT wave_id, delomrade, COUNT(*) FROM {{response}} WHERE wave_id IN ({marks})"
            " GROUP BY wave_id, delomrade",
            wanted,
        ):
            respondents[wave_id][area] += n
        figures = {w: _wave_figures(questions[w], answers[w], respondents[w]) for w in wanted}
        return {
            "waves": [(name, opened_on, figures[wave_id]) for wave_id, _m, name, opened_on in shown],
            "comparison": sorted(
                (codes[m], name, figures[wave_id]["respondents"], figures[wave_id]["problem_index"])
                for m, (wave_id, _m, name, _opened) in latest.items()
            ),
        }

    def other(self) -> dict[str, Any]:
        recurring = self.rows(
            "SELECT name, start_month, end_month, expected_visitors FROM {recurring} WHERE municipality_id = %s",
            [self.m.pk],
        )
        conclusions = self.rows(
            'SELECT problem, text FROM {conclusion} WHERE municipality_id = %s AND start = %s AND "end" = %s',
            [self.m.pk, self.period.start, self.period.end],
        )
        return {"recurring": recurring, "conclusions": conclusions}

    def answer(self) -> dict[str, Any]:
        """Every fact, section by section (the neighbours and the residents feed later sections)."""
        population = self.population()
        neighbours = self.neighbours()
        return {
            "population": population,
            "incidents": self.incidents(),
            "cells": self.cells(population["years"][self.years[-1]][0]),
            "police_events": self.police_events(),
            "neighbours": neighbours,
            "crime": self.crime(neighbours),
            "kolada": self.kolada(),
            "indicators": self.indicators(),
            "raised": self.raised(),
            "citizen_reports": self.citizen_reports(),
            "survey": self.survey(neighbours),
            "other": self.other(),
        }


def _scores() -> tuple[dict[str, int], dict[str, dict[str, bool]]]:
    """The bank's data: problem scores, and per kind which answers are valid and which are counted."""
    from samverkan.sources.surveys import bank

    scores = {o.key: o.score for o in bank.ANSWERS[bank.PROBLEM] if o.score is not None}
    valid = {kind: {o.key: o.counted for o in options if not o.excluded} for kind, options in bank.ANSWERS.items()}
    return scores, valid


def _wave_figures(questions: list[tuple], areas: dict[str, dict[int, Counter]], respondents: Counter) -> dict:
    from samverkan.sources.surveys import bank

    scores, valid = _scores()

    def column(tallies: dict[int, Counter]) -> tuple[dict[str, tuple], float | None, dict[str, float | None]]:
        items, shares = {}, {}
        for question_id, key, kind in questions:
            tally = tallies.get(question_id, Counter())
            if kind == bank.PROBLEM:
                n = sum(c for answer, c in tally.items() if answer in scores)
                total = sum(scores[answer] * c for answer, c in tally.items() if answer in scores)
                items[key] = (total / n if n else None, n)
            else:
                n = sum(c for answer, c in tally.items() if answer in valid[kind])
                counted = sum(c for answer, c in tally.items() if valid[kind].get(answer))
                shares[key] = counted / n if n else None
        indices = [index for index, _n in items.values() if index is not None]
        return items, (sum(indices) / len(indices) if indices else None), shares

    whole: dict[int, Counter] = defaultdict(Counter)
    for tallies in areas.values():
        for question_id, tally in tallies.items():
            whole[question_id].update(tally)
    items, overall, shares = column(whole)
    return {
        "respondents": sum(respondents.values()),
        "items": items,
        "problem_index": overall,
        "unsafe_evening_share": shares.get("trygg_kvall"),
        "victimisation_share": shares.get("utsatt_12man"),
        "areas": {area: (n, column(areas.get(area, {}))[1]) for area, n in sorted(respondents.items()) if area and n},
    }


# --- The two sides compared -----------------------------------------------------------------------


def _close(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b, abs_tol=1e-9))


def verify(picture, bare: dict[str, Any]) -> list[str]:
    """Assert that the bare side's facts are the picture's; returns what was checked."""
    categories = {c.category: (c.focus_area, c.count, c.previous, c.severity_sum) for c in picture.categories}
    assert categories == bare["incidents"]["categories"], "incident categories differ"
    assert {(m.year, m.month): m.count for m in picture.months} == bare["incidents"]["months"], "months differ"
    assert {s.month: s.incidents for s in picture.seasons} == bare["incidents"]["seasons"], "season incidents differ"
    assert {c.h3: c.count for c in picture.cells} == bare["cells"], "cells differ"
    assert {e.type_key: (e.count, e.previous) for e in picture.police_events} == bare["police_events"]["types"]
    assert {s.month: s.police_events for s in picture.seasons} == bare["police_events"]["seasons"]
    population = bare["population"]
    for year in picture.population:
        residents, present = population["years"][year.year]
        assert (year.residents, year.present) == (residents, present), f"population {year.year} differs"
    assert [(m.year, m.month, m.present) for m in picture.months] == [
        (y, m, population["present"].get((y, m))) for (y, m) in bare["incidents"]["months"]
    ], "present population differs"
    regions = {r.code for r in picture.comparison_regions}
    assert {code for _id, code, _name in bare["neighbours"]} | {picture.municipality.code} <= regions
    own = {(c, y, n, p) for r, c, y, n, _rate, p in bare["crime"] if r == picture.municipality.code}
    assert {(c.category, c.year, c.count, c.preliminary) for c in picture.crime} == own, "Brå differs"
    totals = {(r, y, rate, p) for r, c, y, _n, rate, p in bare["crime"] if c == "Totalt antal brott"}
    assert {(c.region, c.year, c.per_100k, c.preliminary) for c in picture.comparison_crime} == totals
    assert {(k.kpi, k.title, k.region, k.year, k.value) for k in picture.kolada} == bare["kolada"], "Kolada differs"
    indicators = {(i.key, i.name, i.region, i.year, i.value, i.n) for i in picture.indicators}
    assert indicators == bare["indicators"], "indicators differ"
    raised = [(r.problem, r.focus_area, r.prioritised_by, r.dialogue_id, r.participants) for r in picture.raised]
    assert raised == [(p, f or "", n, d, k) for p, f, n, d, k in bare["raised"]], "dialogues differ"
    reports = {(r.category, r.count, r.accepted) for r in picture.citizen_reports}
    assert reports == {(c, n, int(a)) for c, n, a in bare["citizen_reports"]}, "citizen reports differ"
    waves = bare["survey"]["waves"]
    assert [(w.name, w.opened_on) for w in picture.survey] == [(name, opened) for name, opened, _f in waves]
    for wave, (_name, _opened, figures) in zip(picture.survey, waves, strict=True):
        assert wave.respondents == figures["respondents"], "respondents differ"
        assert _close(wave.problem_index, figures["problem_index"]), "problem index differs"
        assert _close(wave.unsafe_evening_share, figures["unsafe_evening_share"]), "unsafe share differs"
        assert _close(wave.victimisation_share, figures["victimisation_share"]), "victimisation share differs"
        assert {i.key for i in wave.items} == set(figures["items"])
        for item in wave.items:
            index, n = figures["items"][item.key]
            assert item.n == n and _close(item.index, index), f"survey item {item.key} differs"
        assert {a.delomrade for a in wave.areas} == set(figures["areas"])
        for area in wave.areas:
            n, index = figures["areas"][area.delomrade]
            assert area.respondents == n and _close(area.problem_index, index), f"area {area.delomrade} differs"
    comparison = sorted((s.region, s.wave, s.respondents, s.problem_index) for s in picture.comparison_survey)
    assert len(comparison) == len(bare["survey"]["comparison"])
    for ours, theirs in zip(comparison, bare["survey"]["comparison"], strict=True):
        assert ours[:3] == theirs[:3] and _close(ours[3], theirs[3]), "survey comparison differs"
    other = bare["other"]
    assert [(s.name, s.expected_visitors) for s in picture.named_seasons] == [(r[0], r[3]) for r in other["recurring"]]
    assert sorted((c.problem, c.text) for c in picture.conclusions) == sorted(other["conclusions"])
    return [
        f"{len(categories)} categories (period, period before, severity)",
        f"{len(picture.months)} months and 12 season months (incidents and police events)",
        f"{len(picture.cells)} H3 cells at resolution {picture.hotspot_resolution}",
        f"{len(picture.police_events)} police event types",
        f"{len(picture.crime)} Brå, {len(picture.comparison_crime)} comparison, {len(picture.kolada)} Kolada,"
        f" {len(picture.indicators)} indicator figures",
        f"{len(picture.population)} population years, {len(picture.raised)} raised problems",
        f"{len(picture.survey)} survey wave(s): respondents, {sum(len(w.items) for w in picture.survey)} item"
        f" indices, shares, {sum(len(w.areas) for w in picture.survey)} delområden;"
        f" {len(comparison)} comparison waves",
    ]


@dataclass(frozen=True)
class Section:
    name: str
    picture: Callable[[], object]
    bare: Callable[[], object] | None


def sections(world: World, period, bare: Bare, picture_facts) -> list[Section]:
    """The picture's reads as picture_for makes them, and the bare SQL for the same facts."""
    from samverkan.organisations.models import PresentPopulation, ResidentCount
    from samverkan.situation import selectors
    from samverkan.situation.audience import INTERNAL, for_audience
    from samverkan.situation.models import Conclusion, RecurringEvent
    from samverkan.sources.bra.series import crime_series
    from samverkan.sources.dialogues.series import raised_problems
    from samverkan.sources.incidents.series import incident_cells, incident_series
    from samverkan.sources.indicators.series import indicator_series
    from samverkan.sources.kolada.series import kpi_series
    from samverkan.sources.police_events.series import police_event_series

    m = world.municipality
    first_season = period.end.year - selectors.SEASON_YEARS + 1
    season = selectors.Period(datetime.date(first_season, 1, 1), datetime.date(period.end.year, 12, 31))
    windows = [period, period.previous(), season]
    codes = [m.code, m.county_code, "00"]
    regions = [r.code for r in picture_facts.comparison_regions]
    neighbours = bare.neighbours()
    residents = bare.population()["years"][bare.years[-1]][0]
    shown = for_audience(picture_facts, INTERNAL)

    def population() -> None:
        list(ResidentCount.objects.filter(municipality=m, year__lte=period.end.year).values_list("year", "residents"))
        list(PresentPopulation.objects.filter(municipality=m, year__gte=bare.years[0]).values_list("year", "month"))

    def incidents() -> None:
        selectors._series(incident_series, m, windows)

    def events() -> None:
        selectors._series(police_event_series, m, windows)

    def survey() -> None:
        selectors._surveys(m, world.neighbours, period)

    def other() -> None:
        list(RecurringEvent.objects.filter(municipality=m))
        list(Conclusion.objects.filter(municipality=m, start=period.start, end=period.end))

    return [
        Section("population (residents, present)", population, bare.population),
        Section("incidents: categories, months, seasons", incidents, bare.incidents),
        Section(
            "incidents: H3 cells",
            lambda: incident_cells(
                municipality=m, start=period.start, end=period.end, resolution=picture_facts.hotspot_resolution
            ),
            lambda: bare.cells(residents),
        ),
        Section("police events", events, bare.police_events),
        Section("police area (neighbours)", lambda: selectors._neighbours(m), bare.neighbours),
        Section("Brå", lambda: crime_series(region_codes=regions, years=bare.years), lambda: bare.crime(neighbours)),
        Section("Kolada", lambda: kpi_series(region_codes=codes, years=bare.years), bare.kolada),
        Section("indicators", lambda: indicator_series(region_codes=codes, years=bare.years), bare.indicators),
        Section(
            "dialogues",
            lambda: raised_problems(municipality=m, start=bare.dialogues.start, end=bare.dialogues.end),
            bare.raised,
        ),
        Section("survey (waves, comparison)", survey, lambda: bare.survey(neighbours)),
        Section("seasons, conclusions", other, bare.other),
        Section("for_audience(INTERNAL) (Gi*, ranking)", lambda: for_audience(picture_facts, INTERNAL), None),
        Section("json.dumps(to_json())", lambda: json.dumps(shown.to_json()), None),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--municipalities", type=int, default=50)
    parser.add_argument("--responses", type=int, default=1_000, help="of the period's survey wave")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--keep", help="keep the SQLite database in this folder and reuse it")
    args = parser.parse_args()
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        run(args, args.keep)
    else:
        with tempfile.TemporaryDirectory() as folder:
            run(args, folder)


def run(args: argparse.Namespace, folder: str) -> None:
    setup(folder)
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from samverkan.situation.audience import INTERNAL, for_audience
    from samverkan.situation.selectors import PICTURES, Period, picture_for

    world = None
    if args.keep:
        world = reuse(incidents=args.incidents, municipalities=args.municipalities, responses=args.responses)
    if world is None:
        began = time.perf_counter()
        world = generate(incidents=args.incidents, municipalities=args.municipalities, responses=args.responses)
        print(f"world generated in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    municipality = world.municipality
    period = Period(*PERIOD)
    bare = Bare(municipality, period.start, period.end)

    def picture_json() -> str:
        caches[PICTURES].clear()  # the picture built, not the one kept from the round before (timed below)
        return json.dumps(for_audience(picture_for(municipality=municipality, period=period), INTERNAL).to_json())

    def kept_picture() -> object:
        return picture_for(municipality=municipality, period=period)

    facts = picture_for(municipality=municipality, period=period)
    checked = verify(facts, bare.answer())
    with CaptureQueriesContext(connection) as queries:
        picture_json()
    whole = side_by_side([picture_json, bare.answer], args.repeat, warmup=2)
    kept_picture()
    with CaptureQueriesContext(connection) as kept_queries:
        kept_picture()
    (kept,) = side_by_side([kept_picture], args.repeat)
    parts = sections(world, period, bare, facts)
    section_times = [side_by_side([s.picture, s.bare or (lambda: None)], args.repeat) for s in parts]

    print(f"database: {database_name()}")
    print(
        f"world: {world.incidents:,} incidents in {args.municipalities} municipalities"
        + (f" ({world.local_month_differs:,} in another month in UTC)" if world.local_month_differs >= 0 else "")
        + f", {world.police_events:,} police events, {world.answers:,} survey answers"
    )
    print(f"lägesbild of {municipality.name} ({municipality.code}), {period.start} – {period.end}")
    print("the bare side's facts equal the picture's:")
    for line in checked:
        print(f"  {line}")
    verdict = "met" if len(queries) <= GOAL_QUERIES else "NOT met"
    print(f"queries per picture: {len(queries)} (goal ≤ {GOAL_QUERIES}: {verdict})")
    print()
    print(f"{'section':<42} {'picture ms':>10} {'bare ms':>9}   (median of {args.repeat}, side by side)")
    for section, (ours, theirs) in zip(parts, section_times, strict=True):
        print(f"{section.name:<42} {ms(ours.median):>10} {ms(theirs.median) if section.bare else '       –':>9}")
    sum_ours = sum(t[0].median for t in section_times)
    sum_theirs = sum(t[1].median for t, s in zip(section_times, parts, strict=True) if s.bare)
    print(f"{'sum of sections':<42} {ms(sum_ours):>10} {ms(sum_theirs):>9}")
    print()
    ours, theirs = whole
    print(f"{'':<42} {'min ms':>10} {'median ms':>9}")
    print(f"{'picture JSON (picture_for+for_audience+json)':<42} {ms(ours.min):>10} {ms(ours.median):>9}")
    print(f"{'honest bare SQL (same facts, raw tables)':<42} {ms(theirs.min):>10} {ms(theirs.median):>9}")
    ratio = ours.median / theirs.median
    verdict = "met" if ratio <= GOAL_RATIO else "NOT met"
    print(f"ratio picture / bare (medians): {ratio:.2f} (goal ≤ {GOAL_RATIO}: {verdict})")
    pairs = statistics.median(a / b for a, b in zip(ours.runs, theirs.runs, strict=True))
    print(f"ratio round by round (median of {args.repeat}): {pairs:.2f}")
    print(
        f"kept picture (asked again, its data unchanged): {ms(kept.median)} ms median, "
        f"{len(kept_queries)} query (the data versions)"
    )


if __name__ == "__main__":
    main()
