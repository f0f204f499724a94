"""Survey results from plain lists of answer keys (None or "" for a blank). No Django here.

Problem index (DOMAIN.md §3, our rule): Mycket stort problem 6, Ganska stort 4, Ganska litet 2,
Inget problem alls 0; "Vet ej" and blanks are left out; an item's index is the mean score of its
answers, the overall index the mean of the item indices. Bands: low < 1.5 ≤ medium < 3.0 ≤ high.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean

from samverkan.sources.surveys.bank import ANSWERS, PROBLEM, SAFETY, VICTIMISATION

PROBLEM_SCORES = {option.key: option.score for option in ANSWERS[PROBLEM] if option.score is not None}
MEDIUM_FROM = 1.5
HIGH_FROM = 3.0


@dataclass(frozen=True)
class Share:
    count: int  # answers in the share
    n: int  # answers the share is taken of

    @property
    def value(self) -> float:
        return self.count / self.n


def scores(answers: Iterable[str | None]) -> list[int]:
    """The problem scores among the answers: "Vet ej", blanks and anything else left out."""
    return [PROBLEM_SCORES[answer] for answer in answers if answer in PROBLEM_SCORES]


def item_index(answers: Iterable[str | None]) -> float | None:
    scored = scores(answers)
    return fmean(scored) if scored else None


def problem_index(item_indices: Iterable[float | None]) -> float | None:
    """The overall index: the mean of the items that have an index."""
    indices = [index for index in item_indices if index is not None]
    return fmean(indices) if indices else None


def band(index: float) -> str:
    if index >= HIGH_FROM:
        return "high"
    return "medium" if index >= MEDIUM_FROM else "low"


def share(answers: Iterable[str | None], *, kind: str) -> Share | None:
    """The share of the kind's counted options among its answers that are not excluded."""
    valid = {option.key: option.counted for option in ANSWERS[kind] if not option.excluded}
    counted = [valid[answer] for answer in answers if answer in valid]
    return Share(sum(counted), len(counted)) if counted else None


def unsafe_evening_share(answers: Iterable[str | None]) -> Share | None:
    """Ganska otrygg, Mycket otrygg or Går inte ut på grund av otrygghet, among all but Vet ej."""
    return share(answers, kind=SAFETY)


def victimisation_share(answers: Iterable[str | None]) -> Share | None:
    """Ja among Ja and Nej."""
    return share(answers, kind=VICTIMISATION)
