"""Reading survey results: from the tallies (models.AnswerTally), never from the answer rows.

`survey_results` gives one column (the whole municipality or one delområde), `wave_results` every
column of a wave at once. Other layers read dated figures per wave from series.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from samverkan.core.privacy import share_visible, suppress_count
from samverkan.organisations.access import visible_municipalities
from samverkan.organisations.models import User
from samverkan.sources.surveys import bank
from samverkan.sources.surveys.indices import Share, item_index, problem_index, scored, share
from samverkan.sources.surveys.models import AnswerTally, Question, Wave


@dataclass(frozen=True)
class ItemResult:
    question: Question
    index: float | None
    n: int


@dataclass(frozen=True)
class ShareResult:
    question: Question
    share: Share | None


@dataclass(frozen=True)
class SurveyResults:
    respondents: int
    items: list[ItemResult]  # the problem items
    overall: float | None  # the mean of the item indices
    shares: list[ShareResult]  # every other question: safety, victimisation, worry, police view

    def share_for(self, key: str) -> Share | None:
        return next((result.share for result in self.shares if result.question.key == key), None)


def waves_for_user(user: User) -> QuerySet[Wave]:
    return Wave.objects.filter(municipality__in=visible_municipalities(user))


def wave_questions(wave: Wave) -> list[Question]:
    return [wave_question.question for wave_question in wave.wave_questions.select_related("question")]


@dataclass(frozen=True)
class WaveResults:
    whole: SurveyResults  # every respondent, with or without a delområde
    areas: dict[str, SurveyResults]  # per delområde that has respondents, by name


type Tallies = dict[int, Counter[str]]  # question id → answer → count


def _results(questions: list[Question], respondents: int, tallies: Tallies) -> SurveyResults:
    items, shares = [], []
    for question in questions:
        tally = tallies.get(question.pk, Counter())
        if question.kind == bank.PROBLEM:
            items.append(ItemResult(question, item_index(tally), scored(tally)))
        else:
            shares.append(ShareResult(question, share(tally, kind=question.kind)))
    return SurveyResults(
        respondents=respondents,
        items=items,
        overall=problem_index(item.index for item in items),
        shares=shares,
    )


def tally_rows(waves: list[int], *, delomrade: str | None = None) -> QuerySet:
    """The tallies of the waves as (wave id, delområde, question id or None for respondents, value, count)."""
    rows = AnswerTally.objects.filter(wave_id__in=waves)
    if delomrade is not None:
        rows = rows.filter(delomrade=delomrade)
    return rows.values_list("wave_id", "delomrade", "question_id", "value", "count")


def results_from_tallies(questions: list[Question], rows: Iterable[tuple[str, int | None, str, int]]) -> WaveResults:
    """A wave's results from its questions and its tally rows (delområde, question id, value, count)."""
    respondents: Counter[str] = Counter()
    per_area: dict[str, Tallies] = defaultdict(lambda: defaultdict(Counter))
    whole: Tallies = defaultdict(Counter)
    for delomrade, question_id, value, count in rows:
        if question_id is None:
            respondents[delomrade] += count
        else:
            per_area[delomrade][question_id][value] += count
            whole[question_id][value] += count
    areas = {
        area: _results(questions, respondents[area], per_area[area])
        for area in sorted(respondents)
        if area and respondents[area]
    }
    return WaveResults(whole=_results(questions, respondents.total(), whole), areas=areas)


def wave_results(*, wave: Wave) -> WaveResults:
    """The wave's results for the whole municipality and each delområde, from its tallies (two queries)."""
    rows = (row[1:] for row in tally_rows([wave.pk]))
    return results_from_tallies(wave_questions(wave), rows)


def survey_results(*, wave: Wave, delomrade: str | None = None) -> SurveyResults:
    """The wave's results, for the whole municipality or one delområde ("" for those who gave none)."""
    rows = (row[1:] for row in tally_rows([wave.pk], delomrade=delomrade))
    return results_from_tallies(wave_questions(wave), rows).whole


@dataclass(frozen=True)
class Shown:
    """A result as it may be shown: `value` None when hidden, `n` possibly "<3"."""

    value: float | None
    n: int | str


def shown(value: float | None, n: int, *, owner: bool) -> Shown:
    """Full numbers to the owner; elsewhere a value only when at least 10 answered and n below 3 as "<3"."""
    return Shown(value if share_visible(n, owner=owner) else None, suppress_count(n, owner=owner))
