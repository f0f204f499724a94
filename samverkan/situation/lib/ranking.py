"""Ranking the problems of a lägesbild by a transparent rule. No Django here.

A problem is an incident category or a theme raised in the survey or in dialogues. Its score
(0–100) is a weighted mean of the components it has evidence for, each scaled to 0–1:

  volume    0.30  incidents in the period / the most incidents of any problem
  trend     0.20  change against the period before, (now − before) / max(before, 1), when the
                  period before may be shown; clamped to −1…+1 and mapped to 0…1 (0.5 = unchanged)
  survey    0.20  the survey's problem index for the theme / 6
  dialogue  0.20  the share of dialogue participants who prioritised the theme
  severity  0.10  (mean severity of the incidents − 1) / 2

A component without evidence (no incidents, no survey item, no dialogue) is left out and the
weights of the others are scaled up, so a problem is scored only on what is known of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

WEIGHTS = {"volume": 0.30, "trend": 0.20, "survey": 0.20, "dialogue": 0.20, "severity": 0.10}


@dataclass(frozen=True)
class Theme:
    """A problem as the sources name it: an incident category, a survey item, dialogue keywords."""

    name: str
    focus_area: str
    survey_key: str = ""
    keywords: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        lowered = text.casefold()
        return any(keyword in lowered for keyword in self.keywords)


# The standard incident categories and survey items, matched to each other and to words used in dialogues.
THEMES = [
    Theme("Skadegörelse", "BRÅ", "problem_skadegorelse", ("skadegörelse", "vandalis")),
    Theme("Klotter", "BRÅ", "problem_klotter", ("klotter",)),
    Theme("Nedskräpning", "BRÅ", "problem_nedskrapning", ("skräp",)),
    Theme("Otrygg plats", "BRÅ", "problem_belysning", ("belysning", "otrygg")),
    Theme("Samling som stör ordningen", "BRÅ", "problem_ungdomar_stor", ("stör ordningen", "samling")),
    Theme("Misstänkt narkotikahandel", "ANDT-S", "problem_narkotikahandel", ("narkotika",)),
    Theme("Berusade personer på allmän plats", "ANDT-S", "problem_berusade", ("berusad", "alkohol", "langning")),
    Theme("Hot/våld mot personal", "BRÅ", "", ("hot", "våld")),
    Theme(
        "Buskörning (moped, A-traktor, snöskoter)",
        "BRÅ",
        "problem_buskorning",
        ("buskör", "snöskot", "moped", "a-traktor"),
    ),
    Theme("Brand", "BRÅ", "", ("brand",)),
    Theme("Inbrott", "BRÅ", "", ("inbrott",)),
    Theme("Fortkörning", "BRÅ", "problem_fortkorning", ("kör för fort", "fortkörning", "trafik")),
    Theme("Psykisk ohälsa", "Hälsa", "", ("psykisk", "ohälsa")),
]


@dataclass(frozen=True)
class Evidence:
    source: str  # "incidents", "survey" or "dialogue"
    label: str
    value: float | int | str
    url: str = ""


@dataclass
class ProblemFacts:
    name: str
    focus_area: str
    count: int | None = None  # incidents in the period
    previous: int | None = None  # incidents in the period before (None: not to be shown)
    mean_severity: float | None = None
    survey_index: float | None = None  # 0–6
    dialogue_share: float | None = None  # 0–1
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class RankedProblem:
    name: str
    focus_area: str
    score: float  # 0–100, one decimal
    components: dict[str, float]  # the 0–1 components it was scored on
    evidence: list[Evidence]


def components(facts: ProblemFacts, *, most_incidents: int) -> dict[str, float]:
    found: dict[str, float] = {}
    if facts.count is not None:
        found["volume"] = facts.count / most_incidents if most_incidents else 0.0
    if facts.count is not None and facts.previous is not None:
        change = max(-1.0, min(1.0, (facts.count - facts.previous) / max(facts.previous, 1)))
        found["trend"] = (change + 1) / 2
    if facts.mean_severity is not None:
        found["severity"] = (facts.mean_severity - 1) / 2
    if facts.survey_index is not None:
        found["survey"] = facts.survey_index / 6
    if facts.dialogue_share is not None:
        found["dialogue"] = facts.dialogue_share
    return found


def score(found: dict[str, float]) -> float:
    if not found:
        return 0.0
    weight = sum(WEIGHTS[name] for name in found)
    return round(100 * sum(WEIGHTS[name] * value for name, value in found.items()) / weight, 1)


def rank(problems: list[ProblemFacts]) -> list[RankedProblem]:
    """Every problem with its score and evidence, the highest score first."""
    most = max((p.count or 0 for p in problems), default=0)
    ranked = []
    for facts in problems:
        found = components(facts, most_incidents=most)
        ranked.append(
            RankedProblem(
                facts.name, facts.focus_area, score(found), {k: round(v, 3) for k, v in found.items()}, facts.evidence
            )
        )
    return sorted(ranked, key=lambda p: (-p.score, p.name))
