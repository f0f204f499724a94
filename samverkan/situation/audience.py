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

import datetime
from dataclasses import dataclass, field
from typing import Literal

from django.urls import reverse
from django.utils.translation import gettext as _

from samverkan.core.privacy import MIN_COUNT, MIN_RESPONDENTS, SUPPRESSED, share_visible
from samverkan.situation.lib.hotspots import hotspots
from samverkan.situation.lib.ranking import THEMES, Evidence, ProblemFacts, Theme, rank
from samverkan.situation.picture import JointPicture, KpiFact, NamedSeason, Region, SituationPicture, encode
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
    residents_year: int | None
    present_population_mean: float | None


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
    name: str
    focus_area: str
    score: float
    components: dict[str, float]
    evidence: tuple[Evidence, ...]


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
    return ShownPicture(
        schema=picture.schema,
        audience=audience,
        municipality=picture.municipality.code,
        name=picture.municipality.name,
        county=picture.county.name,
        start=picture.start,
        end=picture.end,
        generated_at=picture.generated_at,
        population=ShownPopulation(residents, year.residents_year if year else None, _round(picture.present_mean, 0)),
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
        key_figures=KeyFigures(
            picture.kolada,
            tuple(
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
            ),
        ),
        hotspot_resolution=picture.hotspot_resolution,
        hotspots=_hotspots(picture, audience),
        problems=_problems(picture, audience, survey),
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


def _themes_for(names: set[str], focus: dict[str, str]) -> list[Theme]:
    known = {theme.name: theme for theme in THEMES}
    themes = [known.get(name) or Theme(name, focus.get(name, "")) for name in sorted(names)]
    themes += [t for t in THEMES if t.survey_key and t.name not in names]
    return themes


def _problems(picture: SituationPicture, audience: Audience, survey: tuple[ShownWave, ...]) -> tuple[ShownProblem, ...]:
    """The ranking, computed from what the audience may see: a category with fewer than 3 incidents
    brings no incident evidence (and no trend from a previous period below 3) to a public ranking."""
    categories = {c.category: c for c in picture.categories}
    themes = _themes_for(set(categories), {c.category: c.focus_area for c in picture.categories})
    latest = survey[-1] if survey else None
    items = {item.key: item for item in latest.items} if latest else {}
    raised = list(picture.raised)
    participants = sum({p.dialogue_id: p.participants for p in raised}.values())
    incidents_url = reverse("incidents_week") + f"?kommun={picture.municipality.code}"
    facts: list[ProblemFacts] = []
    for theme in themes:
        fact = ProblemFacts(theme.name, theme.focus_area)
        category = categories.get(theme.name)
        if category and category.count and visible(category.count, audience):
            fact.focus_area = category.focus_area or theme.focus_area
            fact.count = category.count
            fact.previous = category.previous if visible(category.previous, audience) else None
            fact.mean_severity = category.severity_sum / category.count
            fact.evidence.append(Evidence("incidents", _("Incidents in the period"), category.count, incidents_url))
        item = items.get(theme.survey_key)
        if item is not None and item.index is not None and latest is not None:
            fact.survey_index = item.index
            fact.evidence.append(Evidence("survey", f"{latest.wave}: {item.text}", item.index, latest.url))
        matched = [p for p in raised if theme.matches(p.problem)]
        for problem in matched:
            fact.evidence.append(Evidence("dialogue", problem.problem, problem.prioritised_by, _dialogue_url(problem)))
        if matched and participants:
            fact.dialogue_share = min(sum(p.prioritised_by for p in matched) / participants, 1.0)
        raised = [p for p in raised if p not in matched]
        if fact.evidence:
            facts.append(fact)
    for problem in raised:  # raised in a dialogue, matching no theme: a problem of its own
        facts.append(
            ProblemFacts(
                problem.problem,
                problem.focus_area,
                dialogue_share=problem.prioritised_by / participants if participants else None,
                evidence=[Evidence("dialogue", problem.problem, problem.prioritised_by, _dialogue_url(problem))],
            )
        )
    return tuple(ShownProblem(p.name, p.focus_area, p.score, p.components, tuple(p.evidence)) for p in rank(facts))


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
class ShownJoint:
    schema: int
    audience: Audience
    police_area: str
    start: datetime.date
    end: datetime.date
    municipalities: tuple[JointMunicipality, ...]
    shared_problems: tuple[SharedProblem, ...]

    def to_json(self) -> dict:
        return encode(self)


def joint_for_audience(joint: JointPicture, audience: Audience) -> ShownJoint:
    shown = [for_audience(p, audience) for p in joint.pictures]
    tops: dict[str, list[str]] = {}
    for one in shown:
        for problem in one.problems[:SHARED_TOP]:
            tops.setdefault(problem.name, []).append(one.name)
    return ShownJoint(
        joint.schema,
        audience,
        joint.police_area,
        joint.start,
        joint.end,
        tuple(
            JointMunicipality(
                one.municipality,
                one.name,
                one.population.residents,
                one.incidents,
                tuple(c for c in one.crime_statistics if c.category == TOTAL_CRIME),
                one.survey[-1:],
                one.problems[:SHARED_TOP],
                one.police_events[:SHARED_TOP],
            )
            for one in shown
        ),
        tuple(SharedProblem(name, tuple(names)) for name, names in sorted(tops.items()) if len(names) > 1),
    )
