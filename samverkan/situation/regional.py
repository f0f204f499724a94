"""Regional jämförelse: the municipalities of a police region or polisområde side by side.

The figures are counted in the sources' series, for every municipality of the region at once: one grouped query
per source (incidents, police events, Brå, Kolada, the youth survey), never a picture per municipality. From them
each municipality gets a picture of its counts only (picture.SituationPicture, without surveys, dialogues, hotspots
and seasons), which passes the audience boundary (audience.for_audience) like any picture: its problems are ranked
there by the lägesbild's one rule (lib.ranking) on the evidence of those sources. Rates, intervals and trends are
worked out here from what the audience sees.

`regional_situation(organisation=…, period=…, user=None)` is the whole page's read (about a dozen queries however
many municipalities); bench/ times it.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace

from samverkan.core import clock
from samverkan.organisations.access import POLICE_KINDS, organisations_under, sees_internal_figures
from samverkan.organisations.models import Municipality, Organisation, PresentPopulation, ResidentCount, User
from samverkan.organisations.regions import COUNTRY
from samverkan.situation import picture as facts
from samverkan.situation.audience import (
    INTERNAL,
    PUBLIC,
    TOTAL_CRIME,
    Audience,
    ShownPicture,
    ShownProblem,
    for_audience,
    visible,
)
from samverkan.situation.lib.ranking import count_interval, trend
from samverkan.situation.selectors import (
    TREND_YEARS,
    Period,
    _mean,
    _residents,
    category_facts,
    event_facts,
    kept_under,
    version_keys_each,
)
from samverkan.situation.themes import theme_mappings
from samverkan.sources.bra.series import crime_series
from samverkan.sources.incidents.series import incident_series_by_municipality
from samverkan.sources.indicators.series import indicator_series
from samverkan.sources.kolada.series import kpi_series
from samverkan.sources.police_events.series import police_event_series_by_municipality

REGIONAL_KINDS = (Organisation.Kind.POLICE_REGION, Organisation.Kind.POLICE_DISTRICT)
TOP_PROBLEMS = 3  # each municipality's highest-ranked problems shown
PER = 1000  # rates per 1,000 residents (or present population)

# The orders of the table (the address's ?sort=): each key sorts its missing figures last.
NAME, RESIDENTS, RATE, PRESENT_RATE, TREND, EVENTS, CRIME = (
    "name",
    "residents",
    "rate",
    "present",
    "trend",
    "events",
    "crime",
)
ORDERS = (RATE, PRESENT_RATE, TREND, EVENTS, CRIME, RESIDENTS, NAME)


@dataclass(frozen=True)
class Area:
    """A lokalpolisområde a municipality lies in, whose joint picture the page links to."""

    pk: int
    name: str


@dataclass(frozen=True)
class Rate:
    """Events per 1,000, with the 90 % interval of the count's chance variation (Jeffreys) on the same scale."""

    value: float
    low: float
    high: float

    @classmethod
    def of(cls, count: int, population: float) -> Rate:
        low, high = count_interval(count)
        return cls(*(PER * n / population for n in (count, low, high)))


@dataclass(frozen=True)
class Change:
    """The period against the period before as a change in per cent, shrunk toward unchanged like the ranking's
    trends (lib.ranking.trend) with its 90 % interval; `steady` when the interval holds "unchanged"."""

    percent: float
    low: float
    high: float

    @property
    def steady(self) -> bool:
        return self.low <= 0 <= self.high

    @classmethod
    def of(cls, count: int, previous: int) -> Change:
        share = trend(count, previous)  # the period's share of both periods' events
        return cls(*(100 * (p / (1 - p) - 1) for p in (share.value, share.low, share.high)))


@dataclass(frozen=True)
class RegionalRow:
    code: str
    name: str
    takes_part: bool  # has an organisation in Samverkan, so logs incidents here
    residents: int | None
    residents_year: int | None
    present: float | None  # mean present population over the period's months, when every month is estimated
    incidents: int | str | None  # as the audience sees it ("<3"); None: a category of it is suppressed
    previous: int | str | None
    per_1000: Rate | None
    per_1000_present: Rate | None  # per 1,000 present, or per 1,000 residents without an estimate
    present_estimated: bool
    change: Change | None
    police_events: int
    events_per_1000: Rate | None
    crime_per_100k: float | None  # Brå's reported crimes, the latest year with a figure
    crime_year: int | None
    problems: tuple[ShownProblem, ...]
    areas: tuple[Area, ...]
    # The name its figures are kept under (selectors.version_keys_each) with what each request adds (whether it takes
    # part, its areas): the page keeps the row's HTML under it too ({% kept_each %}); "" renders it every time.
    key: str = ""


@dataclass(frozen=True)
class RegionalComparison:
    organisation: str
    kind: str
    audience: Audience
    start: datetime.date
    end: datetime.date
    rows: tuple[RegionalRow, ...]  # by name
    per_1000: Rate | None  # the incidents of the taking-part municipalities together
    events_per_1000: Rate | None

    @property
    def key(self) -> str:
        """The name its figures are kept under: its rows' together ("" when one of them has none)."""
        keys = [row.key for row in self.rows]
        return hashlib.sha256("|".join(keys).encode()).hexdigest() if keys and all(keys) else ""

    def ordered(self, order: str) -> list[RegionalRow]:
        """The rows in an order of ORDERS (an unknown one: by rate), the highest first, missing figures last."""
        if order == NAME:
            return list(self.rows)
        keys = {
            RESIDENTS: lambda r: r.residents,
            RATE: lambda r: r.per_1000.value if r.per_1000 else None,
            PRESENT_RATE: lambda r: r.per_1000_present.value if r.per_1000_present else None,
            TREND: lambda r: r.change.percent if r.change else None,
            EVENTS: lambda r: r.events_per_1000.value if r.events_per_1000 else None,
            CRIME: lambda r: r.crime_per_100k,
        }
        key = keys.get(order, keys[RATE])
        return sorted(self.rows, key=lambda r: (key(r) is None, -(key(r) or 0), r.name))


def _police_tree() -> tuple[dict[int, list[int]], dict[int, Organisation]]:
    """Every police organisation by id, and the ids under each (one query)."""
    organisations = {o.pk: o for o in Organisation.objects.filter(kind__in=POLICE_KINDS)}
    children: dict[int, list[int]] = {}
    for organisation in organisations.values():
        if organisation.parent_id is not None:
            children.setdefault(organisation.parent_id, []).append(organisation.pk)
    return children, organisations


def regional_municipalities(organisation: Organisation) -> tuple[list[Municipality], dict[int, tuple[Area, ...]]]:
    """The municipalities the region or polisområde covers (its own and those of every organisation under it), by
    name, and the lokalpolisområden under it each lies in: three queries."""
    children, police = _police_tree()
    ids = organisations_under(organisation.pk, children)
    links = Organisation.municipalities.through.objects.filter(organisation_id__in=ids).values_list(
        "organisation_id", "municipality_id"
    )
    areas: dict[int, list[Area]] = {}
    for organisation_id, municipality_id in links:
        found = areas.setdefault(municipality_id, [])
        unit = police[organisation_id]
        if unit.kind == Organisation.Kind.POLICE_AREA:
            found.append(Area(unit.pk, unit.name))
    # Without their boundaries: a region's weigh megabytes, and the comparison draws no map.
    municipalities = list(Municipality.objects.filter(pk__in=list(areas)).defer("boundary").order_by("name"))
    return municipalities, {pk: tuple(sorted(found, key=lambda a: a.name)) for pk, found in areas.items()}


def regions_above(organisation: Organisation) -> list[int]:
    """The ids of the polisområde and the police region a police organisation lies in (a query each)."""
    found, current = [], organisation.parent
    while current is not None:
        found.append(current.pk)
        current = current.parent
    return found


def regional_audience(user: User | None, municipalities: Iterable[Municipality]) -> Audience:
    """In full for a party to every municipality of the region (its police), else as the public sees each; with no
    user (the command line, the benchmark), in full."""
    if user is None:
        return INTERNAL
    return INTERNAL if all(sees_internal_figures(user, m) for m in municipalities) else PUBLIC


def regional_pictures(*, municipalities: list[Municipality], period: Period) -> list[facts.SituationPicture]:
    """Each municipality's picture of its counts for the period (see the module's docstring), in the order given:
    about ten queries for them all."""
    ids = [m.pk for m in municipalities]
    before = period.previous()
    years = list(range(period.end.year - TREND_YEARS + 1, period.end.year + 1))
    residents: dict[int, list[tuple[int, int]]] = {pk: [] for pk in ids}
    rows = ResidentCount.objects.filter(municipality_id__in=ids, year__lte=period.end.year).order_by("year")
    for pk, year, n in rows.values_list("municipality_id", "year", "residents"):
        residents[pk].append((year, n))
    present: dict[int, dict[tuple[int, int], float]] = {pk: {} for pk in ids}
    first_year = min(years[0], period.start.year)
    months = PresentPopulation.objects.filter(municipality_id__in=ids, year__gte=first_year, year__lte=period.end.year)
    for pk, year, month, r, v in months.values_list("municipality_id", "year", "month", "residents", "visitors"):
        present[pk][year, month] = float(r + v)
    incidents = _two_periods(incident_series_by_municipality, ids, period, before)
    events = _two_periods(police_event_series_by_municipality, ids, period, before)
    codes = sorted({m.code for m in municipalities} | {m.county_code for m in municipalities} | {COUNTRY})
    crime = crime_series(region_codes=codes, years=years)
    kolada = kpi_series(region_codes=codes, years=years)
    indicators = indicator_series(region_codes=codes, years=years)
    themes = theme_mappings(ids)
    now = clock.now()
    pictures = []
    for m in municipalities:
        regions = (m.code, m.county_code, COUNTRY)
        own_present = present[m.pk]
        population = tuple(
            facts.YearPopulation(
                year, *_residents(residents[m.pk], year), _mean([own_present.get((year, n)) for n in range(1, 13)])
            )
            for year in years
        )
        pictures.append(
            facts.SituationPicture(
                schema=facts.SCHEMA_VERSION,
                municipality=facts.Region(m.code, m.name),
                county=facts.Region(m.county_code, m.county_name),
                start=period.start,
                end=period.end,
                generated_at=now,
                population=population,
                present_mean=_mean([own_present.get(month) for month in period.months()]),
                categories=category_facts(*incidents[m.pk]),
                months=(),
                season_years=(period.end.year, period.end.year),
                seasons=(),
                named_seasons=(),
                police_events=event_facts(*events[m.pk]),
                crime=tuple(
                    facts.CrimeFact(c.category, c.year, c.count, c.preliminary)
                    for c in crime
                    if c.region_code == m.code
                ),
                survey=(),
                kolada=tuple(
                    facts.KpiFact(k.kpi, k.title, k.region_code, k.year, k.value)
                    for k in kolada
                    if k.region_code in regions
                ),
                indicators=tuple(
                    facts.IndicatorFact(i.key, i.name, i.region_code, i.year, i.value, i.n)
                    for i in indicators
                    if i.region_code in regions
                ),
                hotspot_resolution=0,
                cells=(),
                raised=(),
                comparison_regions=(facts.Region(m.code, m.name),),
                comparison_crime=tuple(
                    facts.ComparisonCrime(c.region_code, c.year, c.per_100k, c.preliminary)
                    for c in crime
                    if c.category == TOTAL_CRIME and c.region_code == m.code
                ),
                comparison_survey=(),
                conclusions=(),
                themes=themes[m.pk],
                regional_crime=tuple(
                    facts.RegionalCrime(c.category, c.region_code, c.year, c.count, c.per_100k)
                    for c in crime
                    if c.region_code in regions[1:]
                ),
            )
        )
    return pictures


def _two_periods(read, ids: list[int], period: Period, before: Period) -> dict[int, tuple]:
    """A source's series by municipality for the period and the period before: one read of both when they are whole
    months (cut without a query), else one each."""
    if period.whole_months() and before.whole_months():
        whole = read(municipality_ids=ids, start=before.start, end=period.end)
        return {pk: (s.within(period.start, period.end), s.within(before.start, before.end)) for pk, s in whole.items()}
    now = read(municipality_ids=ids, start=period.start, end=period.end)
    earlier = read(municipality_ids=ids, start=before.start, end=before.end)
    return {pk: (now[pk], earlier[pk]) for pk in ids}


def _total(counts: list[tuple[int, int]], audience: Audience) -> tuple[int | str | None, int | str | None]:
    """The incidents of the period and of the period before (counts: per category) as the audience sees them: a
    total is shown when none of its categories is suppressed (ShownPicture.incidents_total's rule), "<3" when it is
    itself below 3."""

    def shown(values: list[int]) -> int | str | None:
        if not all(visible(n, audience) for n in values):
            return None
        total = sum(values)
        return total if visible(total, audience) else "<3"

    return shown([n for n, _ in counts if n]), shown([p for _, p in counts if p])


def _row(
    picture: facts.SituationPicture, shown: ShownPicture, takes_part: bool, areas: tuple[Area, ...]
) -> RegionalRow:
    """One municipality's row from its picture as the audience sees it (the per-category counts checked with
    audience.visible)."""
    residents = shown.population.residents
    present = shown.population.present_population_mean
    count, previous = _total([(c.count, c.previous) for c in picture.categories], shown.audience)
    if not takes_part:  # no incident log here: no incident figures, rather than a zero
        count = previous = None
    exact = count if isinstance(count, int) else None
    denominator = present or residents
    before = previous if isinstance(previous, int) else None
    events = sum(e.count for e in shown.police_events)
    crime = [c for c in shown.comparison.crime_per_1000 if c.per_1000_residents is not None]
    latest = max(crime, key=lambda c: c.year) if crime else None
    return RegionalRow(
        code=shown.municipality,
        name=shown.name,
        takes_part=takes_part,
        residents=residents,
        residents_year=shown.population.residents_year,
        present=present,
        incidents=count,
        previous=previous,
        per_1000=Rate.of(exact, residents) if exact is not None and residents else None,
        per_1000_present=Rate.of(exact, denominator) if exact is not None and denominator else None,
        present_estimated=bool(present),
        change=Change.of(exact, before) if exact is not None and before is not None else None,
        police_events=events,
        events_per_1000=Rate.of(events, residents) if residents else None,
        crime_per_100k=round(latest.per_1000_residents * 100) if latest and latest.per_1000_residents else None,
        crime_year=latest.year if latest else None,
        problems=shown.problems[:TOP_PROBLEMS],
        areas=areas,
    )


def _taking_part(ids: list[int]) -> set[int]:
    """The municipalities with an organisation of their own in Samverkan: those that log incidents here."""
    links = Organisation.municipalities.through.objects.filter(
        municipality_id__in=ids, organisation__kind=Organisation.Kind.MUNICIPALITY
    )
    return set(links.values_list("municipality_id", flat=True))


def regional_situation(*, organisation: Organisation, period: Period, user: User | None) -> RegionalComparison:
    """The municipalities of a police region or polisområde side by side for the period, as the user may see them
    (regional_audience): about a dozen queries, however many municipalities."""
    municipalities, areas = regional_municipalities(organisation)
    audience = regional_audience(user, municipalities)
    ids = [m.pk for m in municipalities]

    def build(missing: list[int]) -> dict[int, tuple[RegionalRow, RegionalRow]]:
        chosen = [m for m in municipalities if m.pk in set(missing)]
        pictures = regional_pictures(municipalities=chosen, period=period)
        rows = {}
        for m, picture in zip(chosen, pictures, strict=True):
            shown = for_audience(picture, audience)
            rows[m.pk] = (_row(picture, shown, True, ()), _row(picture, shown, False, ()))
        return rows

    # Each municipality's row as the audience sees it (whether it logs incidents here or not: the organisations say
    # which, per request), kept until its own data changes (as selectors.kept_each, keyed by the audience: the same
    # for every user it is): an incident logged builds that municipality's row again, not the whole region's. Each
    # row carries its name, under which the page keeps its HTML too.
    names = version_keys_each("regional_row", period.start, period.end, audience, municipality_ids=ids)
    each = kept_under(names, build)
    taking_part = _taking_part(ids)
    rows = []
    for m in municipalities:
        part, around = m.pk in taking_part, areas.get(m.pk, ())
        key = f"{names[m.pk]}:{int(part)}:{','.join(str(a.pk) for a in around)}"
        rows.append(replace(each[m.pk][0 if part else 1], areas=around, key=key))
    counted = [r for r in rows if isinstance(r.incidents, int) and r.residents]
    residents = sum(r.residents or 0 for r in counted)
    all_residents = sum(r.residents or 0 for r in rows)
    events = sum(r.police_events for r in rows if r.residents)
    return RegionalComparison(
        organisation=organisation.name,
        kind=organisation.kind,
        audience=audience,
        start=period.start,
        end=period.end,
        rows=tuple(rows),
        per_1000=Rate.of(sum(int(r.incidents or 0) for r in counted), residents) if residents else None,
        events_per_1000=Rate.of(events, all_residents) if all_residents else None,
    )
