"""The one audience boundary: `for_audience(picture, audience)` is the only way a figure of a situation
picture reaches anyone (the page, the PDF, the JSON export, goals, reports).

INTERNAL is the municipality's own organisation and the police of its area (the parties to the
picture): every figure, exact. PUBLIC is everyone else (citizens, other municipalities): every figure
derived from fewer than 3 incidents is "<3" or absent (DOMAIN.md §4) – the count and its previous
period, its rates, its month and season values, its score, score components and evidence – because
the derived figures are computed from the suppressed facts, never from the exact ones. Survey figures
need 10 answers; hotspots are cells with at least 3 incidents (Gi* computed on those cells only), and
points never leave through here at all (the internal map fetches them from their own endpoint).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from django.urls import reverse
from django.utils.translation import gettext as _

from samverkan.core.privacy import MIN_COUNT, MIN_RESPONDENTS, SUPPRESSED, share_visible
from samverkan.organisations.regions import COUNTRY
from samverkan.situation.lib.hotspots import hotspots
from samverkan.situation.lib.ranking import (
    CRIME,
    DIALOGUE,
    INCIDENTS,
    INDICATORS,
    KOLADA,
    POLICE_EVENTS,
    SURVEY,
    Counted,
    Estimate,
    Evidence,
    Level,
    ProblemFacts,
    RankedProblem,
    pool,
    rank,
)
from samverkan.situation.lib.themes import THEMES, Theme
from samverkan.situation.picture import (
    CategoryFact,
    JointPicture,
    KpiFact,
    NamedSeason,
    RaisedFact,
    Region,
    SituationPicture,
    encode,
)
from samverkan.sources.citizen_reports.models import CitizenReport

Audience = Literal["internal", "public"]
INTERNAL: Audience = "internal"
PUBLIC: Audience = "public"
AUDIENCES: tuple[Audience, ...] = (INTERNAL, PUBLIC)
TOTAL_CRIME = "Totalt antal brott"
PEAK = 1.3  # a month is a peak with at least 30 % more incidents than the mean month
Count = int | str  # an exact count, or "<3"
CATEGORIES = frozenset(CitizenReport.Category.values)
Answers = int | str  # how many answered, or "<10"
FEW_ANSWERS = f"<{MIN_RESPONDENTS}"


@dataclass(frozen=True)
class ShownPopulation:
    residents: int | None
    residents_year: int | None  # the year of the residents figure: the period's year, or the latest before it
    present_population_mean: float | None
    present_from_residents: bool = False  # no estimate of its own: the present population is the residents

    def older_year(self, year: int) -> int | None:
        """The residents' year when it is older than `year` (the pages say "folkmängd 2020"), else None."""
        return self.residents_year if self.residents_year is not None and self.residents_year < year else None


@dataclass(frozen=True)
class ShownCategory:
    category: str
    focus_area: str
    count: Count
    previous: Count
    per_1000_residents: float | None
    per_1000_present: float | None


@dataclass(frozen=True)
class ShownMonth:
    month: str  # YYYY-MM
    count: Count
    present_population: int | None
    per_1000_present: float | None


@dataclass(frozen=True)
class ShownSeasonMonth:
    month: int
    incidents: float | str  # the mean month, or "<3" when fewer than 3 incidents fell in it over the years
    police_events: float
    present_population: int | None
    peak: bool


@dataclass(frozen=True)
class ShownSeasons:
    years: tuple[int, int]
    months: tuple[ShownSeasonMonth, ...]
    named_seasons: tuple[NamedSeason, ...]


@dataclass(frozen=True)
class ShownEvent:
    type: str
    count: int
    previous: int


@dataclass(frozen=True)
class ShownCrime:
    category: str
    year: int
    count: int | None
    per_1000_residents: float | None
    per_1000_present: float | None
    preliminary: bool
    residents_year: int | None = None  # the year of the residents the rate is per: the row's year or one before

    @property
    def older_residents_year(self) -> int | None:
        return self.residents_year if self.residents_year is not None and self.residents_year < self.year else None


@dataclass(frozen=True)
class ShownItem:
    key: str
    text: str
    index: float | None
    n: Answers


@dataclass(frozen=True)
class ShownArea:
    delomrade: str
    respondents: Answers
    problem_index: float | None


@dataclass(frozen=True)
class ShownWave:
    wave_id: int
    wave: str
    opened_on: datetime.date
    respondents: Answers
    problem_index: float | None
    unsafe_evening_share: float | None
    victimisation_share: float | None
    items: tuple[ShownItem, ...]
    areas: tuple[ShownArea, ...]
    url: str


@dataclass(frozen=True)
class ShownIndicator:
    key: str
    name: str
    region: str
    year: int
    value: float | None
    n: Answers | None


@dataclass(frozen=True)
class KeyFigures:
    kolada: tuple[KpiFact, ...]  # public figures: shown as they are
    indicators: tuple[ShownIndicator, ...]


@dataclass(frozen=True)
class ShownCell:
    h3: str
    count: int
    z: float
    significant: bool
    kind: str


@dataclass(frozen=True)
class ShownProblem:
    """A ranked problem (lib.ranking.RankedProblem) as the audience may see it."""

    name: str
    focus_area: str
    score: float
    low: float  # the score's 90 % interval
    high: float
    components: dict[str, Estimate]
    evidence: tuple[Evidence, ...]
    sources: tuple[str, ...]
    tied: bool  # cannot be told apart from the problem ranked above
    without: tuple[tuple[str, int | None], ...]  # (source, the rank without it)


@dataclass(frozen=True)
class ShownComparisonCrime:
    region: str
    year: int
    per_1000_residents: float | None
    preliminary: bool


@dataclass(frozen=True)
class ShownComparisonSurvey:
    region: str
    wave: str
    respondents: Answers
    problem_index: float | None


@dataclass(frozen=True)
class Comparison:
    regions: tuple[Region, ...]
    crime_per_1000: tuple[ShownComparisonCrime, ...]
    survey: tuple[ShownComparisonSurvey, ...]


@dataclass(frozen=True)
class ShownCitizenReports:
    """Citizens' reports of one category: counts only, never a point or a text; below 3 the public reads "<3"."""

    category: str
    label: str
    count: Count
    accepted: Count


@dataclass(frozen=True)
class Conclusions:
    overall: str
    problems: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ShownPicture:
    """A situation picture as one audience may see it."""

    schema: int
    audience: Audience
    municipality: str
    name: str
    county: str
    start: datetime.date
    end: datetime.date
    generated_at: datetime.datetime
    population: ShownPopulation
    incidents: tuple[ShownCategory, ...]
    incidents_by_month: tuple[ShownMonth, ...]
    seasons: ShownSeasons
    police_events: tuple[ShownEvent, ...]
    crime_statistics: tuple[ShownCrime, ...]
    survey: tuple[ShownWave, ...]
    key_figures: KeyFigures
    hotspot_resolution: int
    hotspots: tuple[ShownCell, ...]
    problems: tuple[ShownProblem, ...]
    comparison: Comparison
    conclusions: Conclusions
    citizen_reports: tuple[ShownCitizenReports, ...] = ()

    @property
    def older_residents_year(self) -> int | None:
        """The residents' year when it is older than the period's: the pages add "folkmängd 2020" to the rates."""
        return self.population.older_year(self.end.year)

    def incidents_total(self) -> int | None:
        """Every incident of the period, or None when a suppressed category is part of it."""
        counts = [row.count for row in self.incidents]
        numbers = [count for count in counts if isinstance(count, int)]
        return sum(numbers) if len(numbers) == len(counts) else None

    def to_json(self) -> dict:
        return encode(self)


def visible(count: int, audience: Audience) -> bool:
    """May this count of incidents be shown to the audience exactly?"""
    return audience == INTERNAL or count == 0 or count >= MIN_COUNT


def _count(count: int, audience: Audience) -> Count:
    return count if visible(count, audience) else SUPPRESSED


def _order(count: int, name: str, audience: Audience) -> tuple[int, str]:
    """Largest first, as far as the audience may see: suppressed counts last, by name, so the order of the
    rows gives nothing away."""
    return (-count if visible(count, audience) else 0, name)


def _answers(n: int, audience: Audience) -> Answers:
    """How many answered, as the audience may see it: below 10 the public reads "<10"."""
    return n if share_visible(n, owner=audience == INTERNAL) or n == 0 else FEW_ANSWERS


def _rate(count: int | None, population: float | None) -> float | None:
    if count is None or not population:
        return None
    return round(count / population * 1000, 2)


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def for_audience(picture: SituationPicture, audience: Audience) -> ShownPicture:
    """Every figure of the picture as the audience may see it (see the module's docstring)."""
    if audience not in AUDIENCES:
        raise ValueError(audience)
    year = picture.population[-1] if picture.population else None
    residents = year.residents if year else None
    survey = _survey(picture, audience)
    indicators = tuple(
        ShownIndicator(
            i.key,
            i.name,
            i.region,
            i.year,
            # A share of fewer than 10 answers stays with the parties.
            i.value if i.n is None or share_visible(i.n, owner=audience == INTERNAL) else None,
            None if i.n is None else _answers(i.n, audience),
        )
        for i in picture.indicators
    )
    return ShownPicture(
        schema=picture.schema,
        audience=audience,
        municipality=picture.municipality.code,
        name=picture.municipality.name,
        county=picture.county.name,
        start=picture.start,
        end=picture.end,
        generated_at=picture.generated_at,
        population=ShownPopulation(
            residents,
            year.residents_year if year else None,
            _round(picture.present_mean, 0),
            picture.present_from_residents,
        ),
        incidents=tuple(
            ShownCategory(
                c.category,
                c.focus_area,
                _count(c.count, audience),
                _count(c.previous, audience),
                _rate(c.count, residents) if visible(c.count, audience) else None,
                _rate(c.count, picture.present_mean) if visible(c.count, audience) else None,
            )
            for c in sorted(picture.categories, key=lambda c: _order(c.count, c.category, audience))
            if c.count
        ),
        incidents_by_month=tuple(
            ShownMonth(
                f"{m.year}-{m.month:02d}",
                _count(m.count, audience),
                round(m.present) if m.present else None,
                _rate(m.count, m.present) if visible(m.count, audience) else None,
            )
            for m in picture.months
        ),
        seasons=_seasons(picture, audience),
        police_events=tuple(
            ShownEvent(e.type, e.count, e.previous)
            for e in sorted(picture.police_events, key=lambda e: (-e.count, e.type))
            if e.count
        ),
        crime_statistics=_crime(picture),
        survey=survey,
        key_figures=KeyFigures(picture.kolada, indicators),
        hotspot_resolution=picture.hotspot_resolution,
        hotspots=_hotspots(picture, audience),
        problems=_problems(picture, audience, survey, indicators),
        comparison=_comparison(picture),
        conclusions=Conclusions(
            next((c.text for c in picture.conclusions if not c.problem), ""),
            {c.problem: c.text for c in picture.conclusions if c.problem},
        ),
        citizen_reports=tuple(
            ShownCitizenReports(
                r.category,
                str(CitizenReport.Category(r.category).label) if r.category in CATEGORIES else r.category,
                _count(r.count, audience),
                _count(r.accepted, audience),
            )
            for r in picture.citizen_reports
        ),
    )


def _seasons(picture: SituationPicture, audience: Audience) -> ShownSeasons:
    first, last = picture.season_years
    years = last - first + 1
    shown = {
        s.month: round(s.incidents / years, 2) if visible(s.incidents, audience) else SUPPRESSED
        for s in picture.seasons
    }
    exact = [v for v in shown.values() if isinstance(v, float | int)]
    mean = sum(exact) / 12
    return ShownSeasons(
        picture.season_years,
        tuple(
            ShownSeasonMonth(
                s.month,
                shown[s.month],
                round(s.police_events / years, 2),
                round(s.present) if s.present else None,
                isinstance(count := shown[s.month], float | int) and mean > 0 and count >= PEAK * mean,
            )
            for s in picture.seasons
        ),
        picture.named_seasons,
    )


def _crime(picture: SituationPicture) -> tuple[ShownCrime, ...]:
    years = {p.year: p for p in picture.population}
    rows = []
    for c in sorted(picture.crime, key=lambda c: (c.category, c.year)):
        population = years.get(c.year)
        rows.append(
            ShownCrime(
                c.category,
                c.year,
                c.count,
                _rate(c.count, population.residents if population else None),
                _rate(c.count, population.present if population else None),
                c.preliminary,
                population.residents_year if population else None,
            )
        )
    return tuple(rows)


def _survey(picture: SituationPicture, audience: Audience) -> tuple[ShownWave, ...]:
    owner = audience == INTERNAL
    waves = []
    for w in sorted(picture.survey, key=lambda w: (w.opened_on, w.wave_id)):
        whole = share_visible(w.respondents, owner=owner)
        waves.append(
            ShownWave(
                w.wave_id,
                w.name,
                w.opened_on,
                _answers(w.respondents, audience),
                _round(w.problem_index, 2) if whole else None,
                _round(w.unsafe_evening_share, 4) if whole else None,
                _round(w.victimisation_share, 4) if whole else None,
                tuple(
                    ShownItem(
                        i.key,
                        i.text,
                        _round(i.index, 2) if share_visible(i.n, owner=owner) else None,
                        _answers(i.n, audience),
                    )
                    for i in w.items
                ),
                tuple(
                    ShownArea(
                        a.delomrade,
                        _answers(a.respondents, audience),
                        _round(a.problem_index, 2) if share_visible(a.respondents, owner=owner) else None,
                    )
                    for a in w.areas
                ),
                reverse("survey_results", args=[w.wave_id]) if w.wave_id else "",
            )
        )
    return tuple(waves)


def _hotspots(picture: SituationPicture, audience: Audience) -> tuple[ShownCell, ...]:
    counts = {c.h3: c.count for c in picture.cells if audience == INTERNAL or c.count >= MIN_COUNT}
    return tuple(
        ShownCell(s.cell, s.count, round(s.z, 3), s.significant, s.kind) for s in hotspots(counts) if s.count > 0
    )


def _problems(
    picture: SituationPicture, audience: Audience, survey: tuple[ShownWave, ...], indicators: tuple[ShownIndicator, ...]
) -> tuple[ShownProblem, ...]:
    return tuple(_shown(p) for p in rank(_problem_facts(picture, audience, survey, indicators)))


def _shown(problem: RankedProblem) -> ShownProblem:
    return ShownProblem(
        problem.name,
        problem.focus_area,
        problem.score,
        problem.low,
        problem.high,
        problem.components,
        problem.evidence,
        problem.sources,
        problem.tied,
        problem.without,
    )


def _problem_facts(
    picture: SituationPicture, audience: Audience, survey: tuple[ShownWave, ...], indicators: tuple[ShownIndicator, ...]
) -> list[ProblemFacts]:
    """What the audience may see of each theme, in every source (lib.ranking ranks them): a category with fewer
    than 3 incidents brings no incident evidence (and no trend from a period before below 3) to a public
    ranking, and a survey or youth-survey share of fewer than 10 answers none at all. Incident categories and
    dialogue problems no theme takes are problems of their own."""
    evidence = _Evidence(picture, audience, survey, indicators)
    facts = [fact for theme in picture.themes or THEMES if (fact := evidence.of(theme)).evidence]
    taken = {name for theme in picture.themes or THEMES for name in theme.incident_categories}
    for category in picture.categories:
        if category.category not in taken and (fact := evidence.of_category(category)).evidence:
            facts.append(fact)
    facts += [evidence.of_raised(problem) for problem in evidence.unmatched]
    return facts


class _Evidence:
    """The figures of one picture that count for a problem, as the audience sees them, with labels and links."""

    def __init__(
        self,
        picture: SituationPicture,
        audience: Audience,
        survey: tuple[ShownWave, ...],
        indicators: tuple[ShownIndicator, ...],
    ) -> None:
        self.picture, self.audience = picture, audience
        self.code = picture.municipality.code
        self.residents = picture.residents
        self.categories = {c.category: c for c in picture.categories}
        self.latest = survey[-1] if survey else None
        self.items = {item.key: item for item in self.latest.items} if self.latest else {}
        self.participants = sum({p.dialogue_id: p.participants for p in picture.raised}.values())
        self.unmatched = list(picture.raised)
        self.indicators = indicators
        known = [c for c in picture.crime if c.count is not None]
        self.crime_year = max((c.year for c in known), default=None)
        self.population = {p.year: p for p in picture.population}
        self.regional = {(c.category, c.region, c.year): c for c in picture.regional_crime}
        self.kpi_year = {
            kpi: max(k.year for k in picture.kolada if k.kpi == kpi and k.region == self.code and k.value is not None)
            for kpi in {k.kpi for k in picture.kolada if k.region == self.code and k.value is not None}
        }
        self.kpis = {(k.kpi, k.region, k.year): k for k in picture.kolada}

    def of(self, theme: Theme) -> ProblemFacts:
        fact = ProblemFacts(theme.name, theme.focus_area)
        self._incidents(fact, [self.categories[n] for n in theme.incident_categories if n in self.categories])
        self._events(fact, theme)
        self._crime(fact, theme)
        self._kolada(fact, theme)
        self._indicators(fact, theme)
        self._survey(fact, theme)
        matched = [p for p in self.unmatched if theme.matches_words(p.problem)]
        self.unmatched = [p for p in self.unmatched if p not in matched]
        self._dialogue(fact, matched)
        return fact

    def of_category(self, category: CategoryFact) -> ProblemFacts:
        fact = ProblemFacts(category.category, category.focus_area)
        self._incidents(fact, [category])
        return fact

    def of_raised(self, problem: RaisedFact) -> ProblemFacts:
        fact = ProblemFacts(problem.problem, problem.focus_area)
        self._dialogue(fact, [problem])
        return fact

    def _incidents(self, fact: ProblemFacts, categories: list[CategoryFact]) -> None:
        shown = [c for c in categories if c.count and visible(c.count, self.audience)]
        if not shown:
            return
        count = sum(c.count for c in shown)
        previous = sum(c.previous for c in shown) if all(visible(c.previous, self.audience) for c in shown) else None
        fact.counted.append(Counted(INCIDENTS, count, previous))
        fact.severity = (sum(c.severity_sum for c in shown), count)
        url = reverse("incidents_week") + f"?kommun={self.code}"
        for c in shown:
            fact.evidence.append(
                Evidence(
                    INCIDENTS,
                    _("Incidents: %(category)s") % {"category": c.category},
                    c.count,
                    url,
                    previous=_count(c.previous, self.audience),
                    per_1000=_rate(c.count, self.residents),
                    per_1000_present=_rate(c.count, self.picture.present_mean),
                )
            )

    def _events(self, fact: ProblemFacts, theme: Theme) -> None:
        events = [e for e in self.picture.police_events if e.type_key in theme.event_types and (e.count or e.previous)]
        if not events:
            return
        fact.counted.append(Counted(POLICE_EVENTS, sum(e.count for e in events), sum(e.previous for e in events)))
        url = reverse("police_events_list") + f"?kommun={self.code}"
        for e in events:
            fact.evidence.append(
                Evidence(
                    POLICE_EVENTS,
                    _("Police events: %(type)s") % {"type": e.type},
                    e.count,
                    url,
                    previous=e.previous,
                    per_1000=_rate(e.count, self.residents),
                    per_1000_present=_rate(e.count, self.picture.present_mean),
                )
            )

    def _crime(self, fact: ProblemFacts, theme: Theme) -> None:
        """Brå's reported crimes of the latest year: the theme's largest category counts (a category holds those
        under it, so they are never added up), against the year before; each category against the county."""
        year = self.crime_year
        if year is None:
            return
        residents = self.population[year].residents if year in self.population else None
        counts = {
            c.category: c.count
            for c in self.picture.crime
            if c.year == year and c.category in theme.crime_categories and c.count is not None
        }
        if not counts:
            return
        largest = max(counts, key=lambda name: (counts[name], name))
        previous = self.picture.crime_count(largest, year - 1)
        fact.counted.append(Counted(CRIME, counts[largest], previous))
        url = reverse("bra_list")
        for category, count in sorted(counts.items()):
            county = self.regional.get((category, self.picture.county.code, year))
            country = self.regional.get((category, COUNTRY, year))
            if county and county.per_100k and residents:
                fact.levels.append(Level(CRIME, category, count, county.per_100k * residents / 100_000))
            fact.evidence.append(
                Evidence(
                    CRIME,
                    _("Reported crimes %(year)s: %(category)s") % {"year": year, "category": category},
                    count,
                    url,
                    previous=self.picture.crime_count(category, year - 1),
                    per_1000=_rate(count, residents),
                    county=_round(county.per_100k / 100, 2) if county and county.per_100k is not None else None,
                    country=_round(country.per_100k / 100, 2) if country and country.per_100k is not None else None,
                )
            )

    def _kolada(self, fact: ProblemFacts, theme: Theme) -> None:
        """The theme's Kolada key figures of their latest year, against the county's: a rate per residents (or a
        share of all residents) counts as events against those expected at the county's level; another share,
        whose number of answers Kolada does not give, is shown but not scored."""
        for kpi in theme.kpis:
            year = self.kpi_year.get(kpi)
            if year is None:
                continue
            own = self.kpis[kpi, self.code, year]
            county = self.kpis.get((kpi, self.picture.county.code, year))
            country = self.kpis.get((kpi, COUNTRY, year))
            per = _per_residents(own.title)
            if per and own.value is not None and county and county.value and self.residents:
                events = own.value * self.residents / per
                fact.levels.append(Level(KOLADA, kpi, events, county.value * self.residents / per))
            fact.evidence.append(
                Evidence(
                    KOLADA,
                    f"{own.title} ({year})",
                    own.value if own.value is not None else "–",
                    reverse("kolada_list"),
                    kind="decimal",
                    county=county.value if county else None,
                    country=country.value if country else None,
                )
            )

    def _indicators(self, fact: ProblemFacts, theme: Theme) -> None:
        """The youth survey's shares (per cent) of their latest year with at least the answers the audience may
        see, against the county's share of the same year."""
        own = [i for i in self.indicators if i.region == self.code and theme.matches_indicator(i.key)]
        latest: dict[str, ShownIndicator] = {}
        for i in sorted(own, key=lambda i: i.year):
            if i.value is not None:
                latest[i.key] = i
        others = {(i.key, i.region, i.year): i for i in self.indicators}
        for key, i in sorted(latest.items()):
            county = others.get((key, self.picture.county.code, i.year))
            country = others.get((key, COUNTRY, i.year))
            assert i.value is not None
            if isinstance(i.n, int) and county and county.value:
                fact.levels.append(Level(INDICATORS, key, i.value / 100, county.value / 100, i.n))
            fact.evidence.append(
                Evidence(
                    INDICATORS,
                    f"{i.name} ({i.year})",
                    i.value,
                    reverse("indicators_list"),
                    kind="percent",
                    county=county.value if county else None,
                    country=country.value if country else None,
                )
            )

    def _survey(self, fact: ProblemFacts, theme: Theme) -> None:
        latest = self.latest
        items = [self.items[k] for k in theme.survey_items if k in self.items]
        items = [i for i in items if i.index is not None and isinstance(i.n, int) and i.n]
        if latest is None or not items:
            return
        answers = sum(int(i.n) for i in items)
        fact.survey = (sum((i.index or 0.0) * int(i.n) for i in items) / answers, answers)
        for item in items:
            fact.evidence.append(
                Evidence(SURVEY, f"{latest.wave}: {item.text}", item.index or 0.0, latest.url, kind="mean")
            )

    def _dialogue(self, fact: ProblemFacts, matched: list[RaisedFact]) -> None:
        for problem in matched:
            label = _("Dialogue: %(problem)s, participants who prioritised it") % {"problem": problem.problem}
            fact.evidence.append(Evidence(DIALOGUE, label, problem.prioritised_by, _dialogue_url(problem)))
        if matched and self.participants:
            fact.dialogue = (min(sum(p.prioritised_by for p in matched), self.participants), self.participants)


def _per_residents(title: str) -> int | None:
    """How many residents a Kolada key figure's value is given per, from its title: 100,000 or 1,000, and 100 for a
    share of all residents; None for another share."""
    lowered = title.casefold()
    if "/100 000 inv" in lowered:
        return 100_000
    if "/1000 inv" in lowered:
        return 1000
    if "andel (%) av bef" in lowered:
        return 100
    return None


def _dialogue_url(problem) -> str:
    return reverse("dialogue", args=[problem.dialogue_id])


def _comparison(picture: SituationPicture) -> Comparison:
    return Comparison(
        picture.comparison_regions,
        tuple(
            ShownComparisonCrime(
                c.region, c.year, _round(c.per_100k / 100, 2) if c.per_100k is not None else None, c.preliminary
            )
            for c in picture.comparison_crime
        ),
        # Other municipalities' survey figures: shown as anyone outside them would see them.
        tuple(
            ShownComparisonSurvey(
                s.region,
                s.wave,
                _answers(s.respondents, PUBLIC),
                _round(s.problem_index, 2) if share_visible(s.respondents, owner=False) else None,
            )
            for s in picture.comparison_survey
        ),
    )


SHARED_TOP = 5  # a problem is shared when it is among the top five of two or more municipalities


@dataclass(frozen=True)
class JointMunicipality:
    municipality: str
    name: str
    residents: int | None
    incidents: tuple[ShownCategory, ...]
    crime_statistics: tuple[ShownCrime, ...]  # the total, per year
    survey: tuple[ShownWave, ...]  # the latest wave
    problems: tuple[ShownProblem, ...]
    police_events: tuple[ShownEvent, ...]


@dataclass(frozen=True)
class SharedProblem:
    name: str
    municipalities: tuple[str, ...]


@dataclass(frozen=True)
class AreaProblem:
    """A problem ranked across the police area on the evidence of its municipalities together, with the
    municipalities where it clearly rises: where its trend's interval lies wholly above unchanged."""

    problem: ShownProblem
    rising_in: tuple[str, ...]

    @property
    def crosses_borders(self) -> bool:
        """Rising in more than one municipality: a problem to meet together (the agreement names young people
        moving across the municipalities' borders)."""
        return len(self.rising_in) > 1


@dataclass(frozen=True)
class ShownJoint:
    schema: int
    audience: Audience
    police_area: str
    start: datetime.date
    end: datetime.date
    municipalities: tuple[JointMunicipality, ...]
    shared_problems: tuple[SharedProblem, ...]
    problems: tuple[AreaProblem, ...] = ()

    def to_json(self) -> dict:
        return encode(self)


def rises(problem: ShownProblem) -> bool:
    trend = problem.components.get("trend")
    return trend is not None and trend.low > 0.5


@dataclass(frozen=True)
class JointShare:
    """What one municipality brings to the joint picture as the audience sees it: its column of the page, the names
    of the problems rising in it, and the facts of its problems for the area's ranking (their evidence labelled with
    its name). Each is kept on its own (selectors.joint_situation): a write in one municipality builds its share
    again, not the others'."""

    municipality: JointMunicipality
    rising: tuple[str, ...]
    facts: tuple[ProblemFacts, ...]


def joint_share(picture: SituationPicture, audience: Audience) -> JointShare:
    one = for_audience(picture, audience)
    return JointShare(
        JointMunicipality(
            one.municipality,
            one.name,
            one.population.residents,
            one.incidents,
            tuple(c for c in one.crime_statistics if c.category == TOTAL_CRIME),
            one.survey[-1:],
            one.problems[:SHARED_TOP],
            one.police_events[:SHARED_TOP],
        ),
        tuple(problem.name for problem in one.problems if rises(problem)),
        tuple(
            dataclasses.replace(
                fact, evidence=[dataclasses.replace(e, label=f"{one.name}: {e.label}") for e in fact.evidence]
            )
            for fact in _problem_facts(picture, audience, one.survey, one.key_figures.indicators)
        ),
    )


def joint_of_shares(
    *,
    schema: int,
    audience: Audience,
    police_area: str,
    start: datetime.date,
    end: datetime.date,
    shares: Sequence[JointShare],
) -> ShownJoint:
    """The joint picture of the municipalities' shares, in their order: the problems they share, and the area's
    ranking of their facts pooled."""
    tops: dict[str, list[str]] = {}
    rising: dict[str, list[str]] = {}
    for share in shares:
        name = share.municipality.name
        for problem in share.municipality.problems:
            tops.setdefault(problem.name, []).append(name)
        for problem_name in share.rising:
            rising.setdefault(problem_name, []).append(name)
    return ShownJoint(
        schema,
        audience,
        police_area,
        start,
        end,
        tuple(share.municipality for share in shares),
        tuple(SharedProblem(name, tuple(names)) for name, names in sorted(tops.items()) if len(names) > 1),
        tuple(
            AreaProblem(_shown(p), tuple(rising.get(p.name, ())))
            for p in rank(pool([list(share.facts) for share in shares]))
        ),
    )


def joint_for_audience(joint: JointPicture, audience: Audience) -> ShownJoint:
    return joint_of_shares(
        schema=joint.schema,
        audience=audience,
        police_area=joint.police_area,
        start=joint.start,
        end=joint.end,
        shares=[joint_share(picture, audience) for picture in joint.pictures],
    )
