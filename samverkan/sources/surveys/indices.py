"""Survey results from tallies: answer key → how many gave it (None or "" for a blank). No Django here.

A tally is what the database keeps per wave × delområde × question (models.AnswerTally); a plain list
of answers becomes one with collections.Counter. The formulas are written once, here.

Problem index (DOMAIN.md §3, our rule): Mycket stort problem 6, Ganska stort 4, Ganska litet 2,
Inget problem alls 0; "Vet ej" and blanks are left out; an item's index is the mean score of its
answers, the overall index the mean of the item indices. Bands: low < 1.5 ≤ medium < 3.0 ≤ high.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import fmean
from typing import Literal

from samverkan.sources.surveys.bank import ANSWERS, PROBLEM, SAFETY, VICTIMISATION

type Tally = Mapping[str, int] | Mapping[str | None, int]  # a Counter of answers may count blanks as None
type Band = Literal["low", "medium", "high"]  # of an index

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


def scored(tally: Tally) -> int:
    """How many answers have a problem score: "Vet ej", blanks and anything else left out."""
    return sum(count for answer, count in tally.items() if answer in PROBLEM_SCORES)


def item_index(tally: Tally) -> float | None:
    """The mean score of the scored answers; None when there is none."""
    n = scored(tally)
    if not n:
        return None
    return sum(PROBLEM_SCORES[answer] * count for answer, count in tally.items() if answer in PROBLEM_SCORES) / n


def problem_index(item_indices: Iterable[float | None]) -> float | None:
    """The overall index: the mean of the items that have an index."""
    indices = [index for index in item_indices if index is not None]
    return fmean(indices) if indices else None


def band(index: float) -> Band:
    if index >= HIGH_FROM:
        return "high"
    return "medium" if index >= MEDIUM_FROM else "low"


def share(tally: Tally, *, kind: str) -> Share | None:
    """The share of the kind's counted options among its answers that are not excluded."""
    valid = {option.key: option.counted for option in ANSWERS[kind] if not option.excluded}
    n = sum(count for answer, count in tally.items() if answer in valid)
    counted = sum(count for answer, count in tally.items() if answer in valid and valid[answer])
    return Share(counted, n) if n else None


def unsafe_evening_share(tally: Tally) -> Share | None:
    """Ganska otrygg, Mycket otrygg or Går inte ut på grund av otrygghet, among all but Vet ej."""
    return share(tally, kind=SAFETY)


def victimisation_share(tally: Tally) -> Share | None:
    """Ja among Ja and Nej."""
    return share(tally, kind=VICTIMISATION)
