"""Ranking the problems of a lägesbild from all the evidence, honest with small numbers. No Django here.

A problem is a theme of the agreement (lib.themes), or an incident category or a dialogue's problem that no
theme takes. Its score (0–100) is a weighted mean of the components it has evidence for, each 0–1:

  volume    0.25  how much happens: in each count source (incidents, police events, Brå), the problem's count
                  against the largest count of any problem in that source plus k, so a source's top problem
                  on 3 events weighs 3/8 and one on 60 weighs 60/65; the mean over its sources
  trend     0.15  the change against the period before (Brå: the year before), p = (now + k) / (now + before
                  + 2k): 0.5 unchanged, 2/3 doubled, 1/3 halved; the mean over its count sources
  level     0.20  against the county: for each statistic (a Brå category, a Kolada key figure, a youth-survey
                  share) the relative level θ = (observed + k) / (expected at the county's level + k), as
                  θ / (1 + θ), so 0.5 is the county's level; the mean over its statistics
  survey    0.15  the citizens' view: the trygghetsmätning's problem index / 6
  dialogue  0.15  the staff's and partners' view: the share of dialogue participants who prioritised it
  severity  0.10  the incidents' mean severity, (mean − 1) / 2

Small numbers (Poisson–gamma and beta–binomial shrinkage): every estimate is the posterior mean under a prior
worth PRIOR = 5 observations at the reference level – the county's level for a statistic, "unchanged" for a
trend, the mean over all problems for the survey, the dialogues and severity. An estimate resting on 1 event
stays close to its reference; one resting on 60 stands nearly as counted. So 1 fire never outranks 60 acts of
vandalism on its trend or its severity.

Uncertainty: each component has a 90 % credible interval from the same posterior (a count's volume from its
Jeffreys interval); the score's interval combines the components' as independent errors (the root of the sum
of their weighted squares). Two neighbouring problems cannot be told apart when the difference of their scores
lies within its own interval (their half-widths facing each other, combined the same way), and the page says so.

A component without evidence is left out and the weights of the others are scaled up, so a problem is scored
only on what is known of it. `rank` also says, for each source, where each problem would rank without it.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

WEIGHTS = {"volume": 0.25, "trend": 0.15, "level": 0.20, "survey": 0.15, "dialogue": 0.15, "severity": 0.10}
PRIOR = 5.0  # the prior's worth, in observations (events, answers, participants)
INTERVAL = 0.90
_LOW, _HIGH = (1 - INTERVAL) / 2, (1 + INTERVAL) / 2
CACHED = 4096  # estimates kept: ranking without each source asks for the same ones again

# The sources, in the order they are shown; the count sources give volume and trend.
INCIDENTS, POLICE_EVENTS, CRIME, KOLADA, INDICATORS, SURVEY, DIALOGUE = (
    "incidents",
    "police_events",
    "crime",
    "kolada",
    "indicators",
    "survey",
    "dialogue",
)
SOURCES = (INCIDENTS, POLICE_EVENTS, CRIME, KOLADA, INDICATORS, SURVEY, DIALOGUE)


@dataclass(frozen=True)
class Evidence:
    """One figure behind a problem, as shown beside it (labels and links are the caller's)."""

    source: str
    label: str
    value: float | int | str
    url: str = ""
    kind: str = "count"  # how the value is written (core.numbers)
    previous: int | str | None = None  # the period before, for a count
    per_1000: float | None = None  # per 1,000 residents
    per_1000_present: float | None = None  # per 1,000 present (residents and visitors)
    county: float | None = None  # the same figure for the county
    country: float | None = None  # … and the whole country


@dataclass(frozen=True)
class Counted:
    """A problem's events in one count source, in the period and in the period before (None: not known)."""

    source: str
    count: int
    previous: int | None = None


@dataclass(frozen=True)
class Level:
    """A statistic against the county's level: events observed against those expected at the county's rate
    (n None), or a share (0–1) of n answers against the county's share."""

    source: str
    key: str  # the statistic: a Brå category, a KPI id, an indicator key
    observed: float
    expected: float
    n: float | None = None


@dataclass
class ProblemFacts:
    name: str
    focus_area: str
    counted: list[Counted] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)
    severity: tuple[int, int] | None = None  # (sum of the incidents' severities 1–3, incidents)
    survey: tuple[float, int] | None = None  # (problem index 0–6, answers)
    dialogue: tuple[int, int] | None = None  # (participants who prioritised it, participants)
    evidence: list[Evidence] = field(default_factory=list)

    def sources(self) -> tuple[str, ...]:
        found = {c.source for c in self.counted} | {lv.source for lv in self.levels}
        found |= {SURVEY} if self.survey else set()
        found |= {DIALOGUE} if self.dialogue else set()
        found |= {e.source for e in self.evidence}
        return tuple(s for s in SOURCES if s in found)

    def without(self, source: str) -> ProblemFacts:
        """The facts as if the source did not exist."""
        return dataclasses.replace(
            self,
            counted=[c for c in self.counted if c.source != source],
            levels=[lv for lv in self.levels if lv.source != source],
            severity=None if source == INCIDENTS else self.severity,
            survey=None if source == SURVEY else self.survey,
            dialogue=None if source == DIALOGUE else self.dialogue,
            evidence=[e for e in self.evidence if e.source != source],
        )


@dataclass(frozen=True)
class Estimate:
    value: float
    low: float
    high: float


@dataclass(frozen=True)
class RankedProblem:
    name: str
    focus_area: str
    score: float  # 0–100, one decimal
    low: float  # the score's interval
    high: float
    components: dict[str, Estimate]  # the 0–1 components it was scored on
    evidence: tuple[Evidence, ...]
    sources: tuple[str, ...]  # the sources it rests on
    tied: bool = False  # cannot be told apart from the problem ranked above it
    without: tuple[tuple[str, int | None], ...] = ()  # (source, its rank without that source; None: unranked)


# The estimates. Each returns the posterior mean and its interval.


@functools.lru_cache(maxsize=CACHED)
def shrunk_share(successes: float, n: float, prior_mean: float, prior: float = PRIOR) -> Estimate:
    """A share of n, under a beta prior worth `prior` observations at `prior_mean`."""
    from scipy.special import betaincinv  # with the first ranking, not at start-up

    a = successes + prior * prior_mean
    b = n - successes + prior * (1 - prior_mean)
    return Estimate(a / (a + b), float(betaincinv(a, b, _LOW)), float(betaincinv(a, b, _HIGH)))


@functools.lru_cache(maxsize=CACHED)
def shrunk_ratio(observed: float, expected: float, prior: float = PRIOR) -> Estimate:
    """The relative level θ of observed against expected events, under a gamma prior worth `prior` events at
    θ = 1 (Poisson–gamma): posterior Gamma(observed + prior, expected + prior)."""
    from scipy.special import gammaincinv

    shape, rate = observed + prior, expected + prior
    return Estimate(shape / rate, float(gammaincinv(shape, _LOW)) / rate, float(gammaincinv(shape, _HIGH)) / rate)


def trend(count: int, previous: int) -> Estimate:
    """The period's share of the two periods' events, shrunk toward unchanged (0.5)."""
    return shrunk_share(count, count + previous, 0.5)


@functools.lru_cache(maxsize=CACHED)
def count_interval(count: int) -> tuple[float, float]:
    """The 90 % Jeffreys interval of a Poisson count: where its mean may lie, by chance alone."""
    from scipy.special import gammaincinv

    low = float(gammaincinv(count + 0.5, _LOW)) if count else 0.0
    return low, float(gammaincinv(count + 0.5, _HIGH))


@functools.lru_cache(maxsize=CACHED)
def volume(count: int, largest: int, prior: float = PRIOR) -> Estimate:
    """The count against the largest of its source, as if that had `prior` more events (so a source's top
    problem on 3 events is not as large as one on 60), with the count's Jeffreys interval; capped at 1."""
    if not largest:
        return Estimate(0.0, 0.0, 0.0)
    scale = largest + prior
    low, high = count_interval(count)
    return Estimate(count / scale, min(low / scale, 1.0), min(high / scale, 1.0))


def level(fact: Level) -> Estimate:
    """θ / (1 + θ) of the statistic's shrunk relative level: 0.5 is the county's level."""
    if fact.n is None:
        ratio = shrunk_ratio(fact.observed, fact.expected)
    else:
        share = shrunk_share(fact.observed * fact.n, fact.n, fact.expected)
        scale = fact.expected or 1.0
        ratio = Estimate(share.value / scale, share.low / scale, share.high / scale)
    return Estimate(*(r / (1 + r) for r in (ratio.value, ratio.low, ratio.high)))


def _mean(estimates: list[Estimate]) -> Estimate | None:
    if not estimates:
        return None
    n = len(estimates)
    return Estimate(
        sum(e.value for e in estimates) / n, sum(e.low for e in estimates) / n, sum(e.high for e in estimates) / n
    )


@dataclass(frozen=True)
class References:
    """What every problem of one ranking is set against."""

    largest: dict[str, int]  # per count source
    severity: float  # the mean over all incidents, as 0–1
    survey: float  # the mean item, as 0–1
    dialogue: float  # the mean share

    @classmethod
    def of(cls, problems: Iterable[ProblemFacts]) -> References:
        problems = list(problems)
        largest: dict[str, int] = {}
        for counted in (c for p in problems for c in p.counted):
            largest[counted.source] = max(largest.get(counted.source, 0), counted.count)
        severities = [p.severity for p in problems if p.severity and p.severity[1]]
        incidents = sum(n for _, n in severities)
        surveys = [p.survey[0] / 6 for p in problems if p.survey]
        dialogues = [p.dialogue[0] / p.dialogue[1] for p in problems if p.dialogue and p.dialogue[1]]
        return cls(
            largest,
            (sum(s for s, _ in severities) - incidents) / (2 * incidents) if incidents else 0.0,
            sum(surveys) / len(surveys) if surveys else 0.5,
            sum(dialogues) / len(dialogues) if dialogues else 0.0,
        )


def _bounded(value: float) -> float:
    """A reference strictly inside 0…1, as a beta prior needs."""
    return min(max(value, 0.01), 0.99)


def components(facts: ProblemFacts, references: References) -> dict[str, Estimate]:
    found: dict[str, Estimate] = {}
    volumes = [volume(c.count, references.largest.get(c.source, 0)) for c in facts.counted]
    trends = [trend(c.count, c.previous) for c in facts.counted if c.previous is not None]
    for name, estimate in (("volume", _mean(volumes)), ("trend", _mean(trends))):
        if estimate is not None:
            found[name] = estimate
    if (levels := _mean([level(lv) for lv in facts.levels])) is not None:
        found["level"] = levels
    if facts.survey:
        index, n = facts.survey
        found["survey"] = shrunk_share(index / 6 * n, n, _bounded(references.survey))
    if facts.dialogue and facts.dialogue[1]:
        found["dialogue"] = shrunk_share(*facts.dialogue, _bounded(references.dialogue))
    if facts.severity and facts.severity[1]:
        total, n = facts.severity
        found["severity"] = shrunk_share((total - n) / 2, n, _bounded(references.severity))
    return found


def score(found: dict[str, Estimate]) -> Estimate:
    """The weighted mean, 0–100, and its interval: the components' distances to their interval's ends
    combined as independent errors (the root of the sum of their weighted squares)."""
    if not found:
        return Estimate(0.0, 0.0, 0.0)
    weight = sum(WEIGHTS[name] for name in found)
    value = sum(WEIGHTS[name] * e.value for name, e in found.items()) / weight
    below = math.sqrt(sum((WEIGHTS[name] * (e.value - e.low)) ** 2 for name, e in found.items())) / weight
    above = math.sqrt(sum((WEIGHTS[name] * (e.high - e.value)) ** 2 for name, e in found.items())) / weight
    return Estimate(round(100 * value, 1), round(100 * (value - below), 1), round(100 * (value + above), 1))


def _scored(problems: list[ProblemFacts]) -> list[tuple[ProblemFacts, dict[str, Estimate], Estimate]]:
    references = References.of(problems)
    scored = []
    for facts in problems:
        found = components(facts, references)
        if found:
            scored.append((facts, found, score(found)))
    return sorted(scored, key=lambda one: (-one[2].value, one[0].name))


def rank(problems: list[ProblemFacts]) -> list[RankedProblem]:
    """Every problem with evidence, its score, interval and evidence, the highest score first."""
    scored = _scored(problems)
    present = [s for s in SOURCES if any(s in facts.sources() for facts, _, _ in scored)]
    places = {
        source: {
            facts.name: place for place, (facts, _, _) in enumerate(_scored([p.without(source) for p in problems]), 1)
        }
        for source in present
    }
    ranked: list[RankedProblem] = []
    for facts, found, total in scored:
        above = ranked[-1] if ranked else None
        sources = facts.sources()
        ranked.append(
            RankedProblem(
                facts.name,
                facts.focus_area,
                total.value,
                total.low,
                total.high,
                {name: Estimate(*(round(v, 3) for v in (e.value, e.low, e.high))) for name, e in found.items()},
                tuple(facts.evidence),
                sources,
                tied=above is not None and _indistinct(above, total),
                without=tuple((s, places[s].get(facts.name)) for s in present if s in sources),
            )
        )
    return ranked


def _indistinct(above: RankedProblem, below: Estimate) -> bool:
    """Whether the difference between two neighbouring scores lies within its own 90 % interval: the
    half-widths facing each other combined as independent errors."""
    return above.score - below.value <= math.hypot(above.score - above.low, below.high - below.value)


def pool(parts: list[list[ProblemFacts]]) -> list[ProblemFacts]:
    """Several municipalities' facts as one area's: counts, expected events, answers and participants added up,
    shares and indices weighted by their answers; the evidence of each kept."""
    pooled: dict[str, ProblemFacts] = {}
    for facts in (f for part in parts for f in part):
        into = pooled.setdefault(facts.name, ProblemFacts(facts.name, facts.focus_area))
        into.evidence.extend(facts.evidence)
        into.focus_area = into.focus_area or facts.focus_area
        into.counted = _add_counts(into.counted, facts.counted)
        into.levels = _add_levels(into.levels, facts.levels)
        into.severity = _add(into.severity, facts.severity)
        into.dialogue = _add(into.dialogue, facts.dialogue)
        if facts.survey:
            index, n = into.survey or (0.0, 0)
            into.survey = ((index * n + facts.survey[0] * facts.survey[1]) / (n + facts.survey[1]), n + facts.survey[1])
    return list(pooled.values())


def _add(one: tuple[int, int] | None, other: tuple[int, int] | None) -> tuple[int, int] | None:
    if one is None or other is None:
        return one or other
    return (one[0] + other[0], one[1] + other[1])


def _add_counts(into: list[Counted], more: list[Counted]) -> list[Counted]:
    by_source = {c.source: c for c in into}
    for c in more:
        old = by_source.get(c.source)
        if old is None:
            by_source[c.source] = c
        else:
            previous = None if old.previous is None or c.previous is None else old.previous + c.previous
            by_source[c.source] = Counted(c.source, old.count + c.count, previous)
    return list(by_source.values())


def _add_levels(into: list[Level], more: list[Level]) -> list[Level]:
    """The same statistic added up: events with their expected events, shares weighted by their answers."""
    by_key = {(lv.source, lv.key): lv for lv in into}
    for lv in more:
        old = by_key.get((lv.source, lv.key))
        if old is None:
            by_key[lv.source, lv.key] = lv
        elif lv.n is None or old.n is None:
            by_key[lv.source, lv.key] = Level(lv.source, lv.key, old.observed + lv.observed, old.expected + lv.expected)
        else:
            n = old.n + lv.n
            observed = (old.observed * old.n + lv.observed * lv.n) / n
            by_key[lv.source, lv.key] = Level(
                lv.source, lv.key, observed, (old.expected * old.n + lv.expected * lv.n) / n, n
            )
    return list(by_key.values())
