"""The lägesbild: a municipality's situation picture for a period, built only from the sources' series.

`picture_for` gathers the exact facts (picture.SituationPicture) with about one query per source;
`situation_for_municipality` is that picture as an audience sees it (audience.for_audience). The page,
the PDF, the JSON export, adopted baselines, goals and reports all read these, so they cannot disagree.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from django.core.cache import caches
from django.db.models import Q, Subquery
from django.utils import timezone
from django.utils.translation import get_language

from samverkan.core import clock
from samverkan.core.hexagons import resolution_for
from samverkan.core.versions import services as versions
from samverkan.core.versions.models import SHARED
from samverkan.organisations.access import sees_internal_figures
from samverkan.organisations.models import Municipality, Organisation, PresentPopulation, ResidentCount, User
from samverkan.organisations.regions import COUNTRY
from samverkan.situation import picture as facts
from samverkan.situation.audience import (
    AUDIENCES,
    INTERNAL,
    PUBLIC,
    TOTAL_CRIME,
    Audience,
    JointShare,
    ShownJoint,
    ShownPicture,
    for_audience,
    joint_of_shares,
    joint_share,
)
from samverkan.situation.models import Baseline, Conclusion, RecurringEvent
from samverkan.situation.themes import theme_mapping
from samverkan.sources.bra.series import crime_series
from samverkan.sources.citizen_reports.series import report_counts
from samverkan.sources.dialogues.series import raised_problems
from samverkan.sources.incidents.series import IncidentSeries, incident_cells, incident_series
from samverkan.sources.indicators.series import indicator_series
from samverkan.sources.kolada.series import kpi_series
from samverkan.sources.police_events.series import PoliceEventSeries, police_event_series
from samverkan.sources.surveys.models import Wave
from samverkan.sources.surveys.series import WaveFigures, wave_figures

__all__ = ["AUDIENCES", "INTERNAL", "PUBLIC", "TOTAL_CRIME", "Audience", "Period"]

TREND_YEARS = 5  # yearly statistics are shown for the period's last year and the four before it
SEASON_YEARS = 3  # the årshjul sums the three years up to the period's end
DIALOGUE_WINDOW = datetime.timedelta(days=365)  # dialogues up to a year before the period's end count
PICTURES = "pictures"  # the cache alias (settings.CACHES) of the pictures and their PDFs


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @classmethod
    def last_full_year(cls, today: datetime.date) -> Period:
        return cls(datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31))

    def whole_months(self) -> bool:
        return self.start.day == 1 and (self.end + datetime.timedelta(days=1)).day == 1

    def previous(self) -> Period:
        """The period before, as long: as many whole months when the period is whole months (2024 before 2025)."""
        if self.whole_months():
            months = len(self.months())
            year, month = divmod(self.start.year * 12 + self.start.month - 1 - months, 12)
            return Period(datetime.date(year, month + 1, 1), self.start - datetime.timedelta(days=1))
        length = self.end - self.start + datetime.timedelta(days=1)
        return Period(self.start - length, self.start - datetime.timedelta(days=1))

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """Local midnight at the start, and at the day after the end."""
        tz = timezone.get_current_timezone()
        day_after = self.end + datetime.timedelta(days=1)
        return (
            datetime.datetime.combine(self.start, datetime.time.min, tz),
            datetime.datetime.combine(day_after, datetime.time.min, tz),
        )

    def months(self) -> list[tuple[int, int]]:
        months, (year, month) = [], (self.start.year, self.start.month)
        while (year, month) <= (self.end.year, self.end.month):
            months.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months


def _series(read, municipality: Municipality, periods: list[Period]) -> list:
    """A source's series for each period: one read of the whole span when every period is whole months
    (the series then cut it without a query), else one read each."""
    if all(p.whole_months() for p in periods):
        whole = read(municipality=municipality, start=min(p.start for p in periods), end=max(p.end for p in periods))
        return [whole.within(p.start, p.end) for p in periods]
    return [read(municipality=municipality, start=p.start, end=p.end) for p in periods]


def _residents(rows: list[tuple[int, int]], year: int) -> tuple[int | None, int | None]:
    """(residents, the year they are from): the year's figure, or the latest before it."""
    found = [(y, n) for y, n in rows if y <= year]
    return (found[-1][1], found[-1][0]) if found else (None, None)


def _mean(values: list[float | None]) -> float | None:
    """The mean, or None unless every value is known."""
    known = [value for value in values if value is not None]
    return sum(known) / len(known) if known and len(known) == len(values) else None


def _wave(figure: WaveFigures) -> facts.WaveFact:
    unsafe, victims = figure.unsafe_evening_share, figure.victimisation_share
    return facts.WaveFact(
        wave_id=figure.wave,
        name=figure.name,
        opened_on=figure.opened_on,
        respondents=figure.respondents,
        problem_index=figure.problem_index,
        unsafe_evening_share=unsafe.value if unsafe else None,
        victimisation_share=victims.value if victims else None,
        items=tuple(facts.ItemFact(i.key, i.text_sv, i.index, i.n) for i in figure.items),
        areas=tuple(facts.AreaFact(a.delomrade, a.respondents, a.problem_index) for a in figure.areas),
    )


def _surveys(municipality: Municipality, others: list[Municipality], period: Period) -> tuple[list, dict]:
    """The municipality's waves opened in the period, oldest first (when there is none, the latest before its
    end), and the latest wave of each of the others by code: three queries in all."""
    waves = list(
        Wave.objects.filter(municipality__in=[municipality, *others], opened_on__lte=period.end)
        .select_related("municipality")
        .order_by("-opened_on", "-pk")
    )
    own = sorted(
        (w for w in waves if w.municipality_id == municipality.pk and w.opened_on >= period.start),
        key=lambda w: (w.opened_on, w.pk),
    )
    own = own or [w for w in waves if w.municipality_id == municipality.pk][:1]
    latest: dict[str, Wave] = {}
    for wave in waves:
        latest.setdefault(wave.municipality.code, wave)
    chosen = {w.pk: w for w in [*own, *latest.values()]}
    figures = {f.wave: f for f in wave_figures(waves=chosen.values())}
    return [figures[w.pk] for w in own], {code: figures[w.pk] for code, w in latest.items()}


def _neighbours(municipality: Municipality) -> list[Municipality]:
    """The other municipalities of the police areas the municipality belongs to."""
    return list(
        Municipality.objects.filter(
            Q(organisations__municipalities=municipality) & Q(organisations__kind="police_area")
        )
        .exclude(pk=municipality.pk)
        .distinct()
        .order_by("name")
    )


def data_versions(municipality_ids: Collection[int]) -> str:
    """The data versions a picture of the municipalities reads (core.versions), in one query: theirs, the shared
    data's, and their neighbours' survey waves (which each picture compares)."""
    neighbours = Municipality.objects.filter(
        Q(organisations__municipalities__in=municipality_ids) & Q(organisations__kind="police_area")
    ).values("pk")
    return versions.tokens(Q(scope__in=municipality_ids) | Q(kind=versions.SURVEY, scope__in=Subquery(neighbours)))


def version_key(kind: str, *key: object, municipality_ids: Collection[int]) -> str:
    """The name in the pictures' cache of what is shown of the municipalities' data: it names the kind, what the
    caller passes (the place, the period, the audience …) and the data versions (one query), so every write that
    can change what is shown gives a new name."""
    return _name(kind, key, data_versions(municipality_ids))


def kept[T](kind: str, *key: object, municipality_ids: Collection[int], build: Callable[[], T]) -> T:
    """What `build` gives, kept in the pictures' cache until the municipalities' data changes (version_key): a
    repeated request costs the one query of data_versions."""
    return _keep(version_key(kind, *key, municipality_ids=municipality_ids), build)


def kept_each[T](
    kind: str,
    *key: object,
    municipality_ids: Sequence[int],
    build: Callable[[list[int]], dict[int, T]],
    neighbours: bool = False,
) -> dict[int, T]:
    """As `kept`, one value per municipality, each kept until its own data or the shared data changes: one query of
    the versions and one read of the cache, and `build` is given only the municipalities whose data changed (to
    build together). With `neighbours`, for what reads a municipality's picture (picture_for), which compares its
    neighbours' survey waves: each is kept until those change too (what data_versions names for it), at one query
    more."""
    return kept_under(version_keys_each(kind, *key, municipality_ids=municipality_ids, neighbours=neighbours), build)


def version_keys_each(
    kind: str, *key: object, municipality_ids: Sequence[int], neighbours: bool = False
) -> dict[int, str]:
    """The name in the pictures' cache of what is shown of each municipality (kept_each), by its id."""
    tokens = _tokens_each(municipality_ids, neighbours=neighbours)
    return {pk: _name(kind, (*key, pk), tokens[pk]) for pk in municipality_ids}


def kept_under[T](names: dict[int, str], build: Callable[[list[int]], dict[int, T]]) -> dict[int, T]:
    """What `build` gives for each id, kept under its name (version_keys_each): one read of the cache, and `build`
    is given only the ids whose name is not there."""
    cache = caches[PICTURES]
    found = cache.get_many(list(names.values()))
    result = {pk: found[name] for pk, name in names.items() if name in found}
    missing = [pk for pk in names if pk not in result]
    if missing:
        built = build(missing)
        cache.set_many({names[pk]: built[pk] for pk in missing})
        result |= {pk: built[pk] for pk in missing}
    return result


def _tokens_each(municipality_ids: Sequence[int], *, neighbours: bool) -> dict[int, tuple[tuple[int, str, str], ...]]:
    """Each municipality's data versions, by its id: its own and the shared data's, and with `neighbours` the survey
    waves' of the other municipalities of its police areas (data_versions' for it alone). One query of the versions,
    and one of the police areas with `neighbours`."""
    around: dict[int, set[int]] = {pk: set() for pk in municipality_ids}
    if neighbours:
        areas: dict[int, set[int]] = {}
        links = Organisation.municipalities.through.objects.filter(
            organisation__kind=Organisation.Kind.POLICE_AREA, organisation__municipalities__in=municipality_ids
        )
        for area, pk in links.values_list("organisation_id", "municipality_id").distinct():
            areas.setdefault(area, set()).add(pk)
        for members in areas.values():
            for pk in members & around.keys():
                around[pk] |= members
    surveyed = set().union(*around.values())
    found = versions.tokens_by_kind(Q(scope__in=municipality_ids) | Q(kind=versions.SURVEY, scope__in=surveyed))
    return {
        pk: tuple(
            (scope, kind, token)
            for (scope, kind), token in found.items()
            if scope in (SHARED, pk) or (kind == versions.SURVEY and scope in around[pk])
        )
        for pk in municipality_ids
    }


def _name(kind: str, key: tuple[object, ...], tokens: object) -> str:
    """A name in the pictures' cache: the kind, the key, the language, the schema and the data versions' tokens."""
    parts = [kind, facts.SCHEMA_VERSION, get_language() or "", *key, tokens]
    return f"{kind}:{hashlib.sha256(repr(parts).encode()).hexdigest()[:40]}"


def _keep[T](name: str, build: Callable[[], T]) -> T:
    cache = caches[PICTURES]
    found = cache.get(name)
    if found is None:
        found = build()
        cache.set(name, found)
    return found


def category_facts(now: IncidentSeries, earlier: IncidentSeries) -> tuple[facts.CategoryFact, ...]:
    """Each incident category of the period and the period before, by name."""
    now_totals, earlier_totals = now.by_category(), earlier.by_category()
    return tuple(
        facts.CategoryFact(
            name,
            (now_totals.get(name) or earlier_totals[name]).focus_area,
            now_totals[name].count if name in now_totals else 0,
            earlier_totals[name].count if name in earlier_totals else 0,
            sum(c.severity_sum for c in now.counts if c.category == name),
        )
        for name in sorted(set(now_totals) | set(earlier_totals))
    )


def event_facts(now: PoliceEventSeries, before: PoliceEventSeries) -> tuple[facts.EventFact, ...]:
    """Each police event type of the period and the period before, by type key."""
    types_now, types_before = now.by_type(), before.by_type()
    return tuple(
        facts.EventFact(
            key,
            (types_now.get(key) or types_before[key]).type,
            types_now[key].count if key in types_now else 0,
            types_before[key].count if key in types_before else 0,
        )
        for key in sorted(set(types_now) | set(types_before))
    )


def picture_for(*, municipality: Municipality, period: Period) -> facts.SituationPicture:
    """Every fact of the municipality's lägesbild for the period, exact (for the parties only: see audience);
    built once per data version (kept)."""
    return kept(
        "picture",
        municipality.pk,
        period.start,
        period.end,
        municipality_ids=[municipality.pk],
        build=lambda: _picture(municipality=municipality, period=period),
    )


def _picture(*, municipality: Municipality, period: Period) -> facts.SituationPicture:
    before = period.previous()
    years = list(range(period.end.year - TREND_YEARS + 1, period.end.year + 1))
    first_season = period.end.year - SEASON_YEARS + 1
    season = Period(datetime.date(first_season, 1, 1), datetime.date(period.end.year, 12, 31))

    resident_rows = list(
        ResidentCount.objects.filter(municipality=municipality, year__lte=period.end.year)
        .order_by("year")
        .values_list("year", "residents")
    )
    first_year = min(years[0], first_season, period.start.year)
    present = {
        (y, m): float(r + v)
        for y, m, r, v in PresentPopulation.objects.filter(
            municipality=municipality, year__gte=first_year, year__lte=period.end.year
        ).values_list("year", "month", "residents", "visitors")
    }
    # A municipality without an estimate of its own: its residents are who is present (the pages say so).
    present_from_residents = False
    if not present:
        present = {
            (y, m): float(residents)
            for y in range(first_year, period.end.year + 1)
            if (residents := _residents(resident_rows, y)[0]) is not None
            for m in range(1, 13)
        }
        present_from_residents = bool(present)
    population = tuple(
        facts.YearPopulation(
            year, *_residents(resident_rows, year), _mean([present.get((year, m)) for m in range(1, 13)])
        )
        for year in years
    )

    now, earlier, over_seasons = _series(incident_series, municipality, [period, before, season])
    categories = category_facts(now, earlier)
    by_month = now.by_month()

    events_now, events_before, events_seasons = _series(police_event_series, municipality, [period, before, season])

    def month_sums(counts) -> dict[int, int]:
        sums = dict.fromkeys(range(1, 13), 0)
        for (_year, month), count in counts.items():
            sums[month] += count
        return sums

    incident_months, event_months = month_sums(over_seasons.by_month()), month_sums(events_seasons.by_month())

    neighbours = _neighbours(municipality)
    regions = [facts.Region(m.code, m.name) for m in sorted([municipality, *neighbours], key=lambda m: m.name)]
    regions += [facts.Region(municipality.county_code, municipality.county_name), facts.Region(COUNTRY, "Hela landet")]
    crime = crime_series(region_codes=[r.code for r in regions], years=years)
    codes = [municipality.code, municipality.county_code, COUNTRY]
    resolution = resolution_for(population[-1].residents or 0)
    # The surveys' part is kept by the survey waves' versions alone (theirs and the neighbours', and the shared
    # data: the question bank, the municipalities): an incident logged builds the picture again, not its surveys.
    surveyed = [municipality.pk, *(n.pk for n in neighbours)]
    own_waves, latest_waves = _keep(
        _name(
            "surveys",
            (tuple(surveyed), period.start, period.end),
            versions.tokens(Q(kind=versions.SURVEY, scope__in=surveyed)),
        ),
        lambda: _surveys(municipality, neighbours, period),
    )
    return facts.SituationPicture(
        schema=facts.SCHEMA_VERSION,
        municipality=facts.Region(municipality.code, municipality.name),
        county=facts.Region(municipality.county_code, municipality.county_name),
        start=period.start,
        end=period.end,
        generated_at=clock.now(),
        population=population,
        present_mean=_mean([present.get(month) for month in period.months()]),
        categories=categories,
        months=tuple(
            facts.MonthFact(year, month, by_month.get((year, month), 0), present.get((year, month)))
            for year, month in period.months()
        ),
        season_years=(first_season, period.end.year),
        seasons=tuple(
            facts.SeasonFact(
                month,
                incident_months[month],
                event_months[month],
                _mean(
                    [present.get((y, month)) for y in range(first_season, period.end.year + 1) if (y, month) in present]
                )
                if any((y, month) in present for y in range(first_season, period.end.year + 1))
                else None,
            )
            for month in range(1, 13)
        ),
        named_seasons=tuple(
            facts.NamedSeason(e.name, tuple(e.months()), e.expected_visitors)
            for e in RecurringEvent.objects.filter(municipality=municipality)
        ),
        police_events=event_facts(events_now, events_before),
        crime=tuple(
            facts.CrimeFact(c.category, c.year, c.count, c.preliminary)
            for c in crime
            if c.region_code == municipality.code
        ),
        survey=tuple(_wave(w) for w in own_waves),
        kolada=tuple(
            facts.KpiFact(k.kpi, k.title, k.region_code, k.year, k.value)
            for k in kpi_series(region_codes=codes, years=years)
        ),
        indicators=tuple(
            facts.IndicatorFact(i.key, i.name, i.region_code, i.year, i.value, i.n)
            for i in indicator_series(region_codes=codes, years=years)
        ),
        hotspot_resolution=resolution,
        cells=tuple(
            facts.CellFact(cell, count)
            for cell, count in sorted(
                incident_cells(
                    municipality=municipality, start=period.start, end=period.end, resolution=resolution
                ).items()
            )
        ),
        raised=tuple(
            facts.RaisedFact(r.problem, r.focus_area, r.prioritised_by, r.dialogue_id, r.participants)
            for r in raised_problems(municipality=municipality, start=period.end - DIALOGUE_WINDOW, end=period.end)
        ),
        comparison_regions=tuple(regions),
        comparison_crime=tuple(
            facts.ComparisonCrime(c.region_code, c.year, c.per_100k, c.preliminary)
            for c in crime
            if c.category == TOTAL_CRIME
        ),
        comparison_survey=tuple(
            facts.ComparisonSurvey(code, w.name, w.respondents, w.problem_index)
            for code, w in sorted(latest_waves.items())
        ),
        conclusions=tuple(
            facts.Conclusion(c.problem, c.text)
            for c in Conclusion.objects.filter(municipality=municipality, start=period.start, end=period.end).order_by(
                "problem"
            )
        ),
        citizen_reports=tuple(
            facts.CitizenReportFact(r.category, r.count, r.accepted)
            for r in report_counts(municipality=municipality, start=period.start, end=period.end)
        ),
        themes=theme_mapping(municipality),
        regional_crime=tuple(
            facts.RegionalCrime(c.category, c.region_code, c.year, c.count, c.per_100k)
            for c in crime
            if c.region_code in (municipality.county_code, COUNTRY)
        ),
        present_from_residents=present_from_residents,
    )


def audience_for(user: User, municipality: Municipality) -> Audience:
    """The parties to the picture (the municipality's organisation, the police of its area) see it in full."""
    return INTERNAL if sees_internal_figures(user, municipality) else PUBLIC


def baseline_picture(baseline: Baseline) -> facts.SituationPicture:
    """The facts an adopted lägesbild of a municipality froze."""
    return facts.from_json(baseline.data)


def situation_for_municipality(*, municipality: Municipality, period: Period, audience: Audience) -> ShownPicture:
    """The municipality's lägesbild for the period as the audience may see it."""
    return for_audience(picture_for(municipality=municipality, period=period), audience)


def joint_municipalities(police_area) -> list[Municipality]:
    """The municipalities of the police area that take part in Samverkan (have an organisation here)."""
    return list(
        Municipality.objects.filter(organisations=police_area)
        .filter(organisations__kind="municipality")
        .distinct()
        .order_by("name")
    )


def joint_picture_for(*, police_area, period: Period) -> facts.JointPicture:
    """The pictures of every municipality of the police area that takes part, exact; built once per data version."""
    municipalities = joint_municipalities(police_area)
    return kept(
        "joint",
        police_area.pk,
        period.start,
        period.end,
        municipality_ids=[m.pk for m in municipalities],
        build=lambda: facts.JointPicture(
            schema=facts.SCHEMA_VERSION,
            police_area=police_area.name,
            start=period.start,
            end=period.end,
            pictures=tuple(picture_for(municipality=m, period=period) for m in municipalities),
        ),
    )


def joint_audience(user: User | None, police_area) -> Audience:
    """In full for a party to every municipality of the picture (the police of the area), else as the public
    sees each of them; with no user (the command line), in full."""
    if user is None:
        return INTERNAL
    parties = all(sees_internal_figures(user, m) for m in joint_municipalities(police_area))
    return INTERNAL if parties else PUBLIC


def joint_situation(*, police_area, period: Period, audience: Audience) -> ShownJoint:
    """The municipalities side by side, with the problems they share; as the audience sees them, kept likewise
    (keyed by the audience: the same for every user it is). Each municipality's share is kept on its own, by its
    picture's data versions (kept_each with the neighbours' survey waves): after a write in one municipality only
    its picture and share are built again, and the area's ranking of the shares pooled."""
    return kept_joint_situation(police_area=police_area, period=period, audience=audience)[0]


def kept_joint_situation(*, police_area, period: Period, audience: Audience) -> tuple[ShownJoint, str]:
    """joint_situation, and the name it is kept under, which names the page's HTML of it too (one query of the
    versions for both)."""
    municipalities = joint_municipalities(police_area)
    ids = [m.pk for m in municipalities]

    def build_shares(missing: list[int]) -> dict[int, JointShare]:
        return {
            m.pk: joint_share(picture_for(municipality=m, period=period), audience)
            for m in municipalities
            if m.pk in missing
        }

    def build() -> ShownJoint:
        each = kept_each(
            "joint_share", period.start, period.end, audience, municipality_ids=ids, build=build_shares, neighbours=True
        )
        return joint_of_shares(
            schema=facts.SCHEMA_VERSION,
            audience=audience,
            police_area=police_area.name,
            start=period.start,
            end=period.end,
            shares=[each[pk] for pk in ids],
        )

    name = version_key("joint_shown", police_area.pk, period.start, period.end, audience, municipality_ids=ids)
    return _keep(name, build), name
