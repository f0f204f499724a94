"""Reading survey results."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from samverkan.core.privacy import share_visible, suppress_count
from samverkan.organisations.access import visible_municipalities
from samverkan.organisations.models import User
from samverkan.sources.surveys import bank
from samverkan.sources.surveys.indices import Share, item_index, problem_index, scores, share
from samverkan.sources.surveys.models import Answer, Question, Response, Wave


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


def survey_results(*, wave: Wave, delomrade: str | None = None) -> SurveyResults:
    """The wave's results, for the whole municipality or one delområde."""
    responses = Response.objects.filter(wave=wave)
    if delomrade is not None:
        responses = responses.filter(delomrade=delomrade)
    answers: dict[int, list[str]] = defaultdict(list)
    for question_id, value in Answer.objects.filter(response__in=responses).values_list("question_id", "value"):
        answers[question_id].append(value)
    items, shares = [], []
    for question in wave_questions(wave):
        values = answers[question.pk]
        if question.kind == bank.PROBLEM:
            items.append(ItemResult(question, item_index(values), len(scores(values))))
        else:
            shares.append(ShareResult(question, share(values, kind=question.kind)))
    return SurveyResults(
        respondents=responses.count(),
        items=items,
        overall=problem_index(item.index for item in items),
        shares=shares,
    )


@dataclass(frozen=True)
class Shown:
    """A result as it may be shown: `value` None when hidden, `n` possibly "<3"."""

    value: float | None
    n: int | str


def shown(value: float | None, n: int, *, owner: bool) -> Shown:
    """Full numbers to the owner; elsewhere a value only when at least 10 answered and n below 3 as "<3"."""
    return Shown(value if share_visible(n, owner=owner) else None, suppress_count(n, owner=owner))
