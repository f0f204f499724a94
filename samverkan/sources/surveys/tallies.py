"""Keeping the survey's tallies (models.AnswerTally) equal to its answer rows.

Every write of responses keeps them, in the same transaction: a web answer adds to them
(`tallies_add`), an import recounts the waves it changed (`rebuild`), and deleting a wave deletes
its tallies with it. `rebuild()` without a wave recounts every wave (`samverkan rebuild_aggregates`).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.db.models import Count, F, Q

from samverkan.core.progress import Output
from samverkan.sources.surveys.models import Answer, AnswerTally, Question, Response, Wave

BATCH_SIZE = 2000


@transaction.atomic
def rebuild(*, wave: Wave | None = None, out: Output | None = None) -> dict[str, int]:
    """Recount the tallies of one wave (or of every wave) from the answer rows; the tally rows written.

    `out` is unused: it is the interface of every source's rebuild in `samverkan rebuild_aggregates`.
    """
    responses = Response.objects.all() if wave is None else Response.objects.filter(wave=wave)
    answers = Answer.objects.all() if wave is None else Answer.objects.filter(response__wave=wave)
    per_answer = (
        answers.order_by()
        .values_list("response__wave_id", "response__delomrade", "question_id", "value")
        .annotate(n=Count("id"))
    )
    per_area = responses.order_by().values_list("wave_id", "delomrade").annotate(n=Count("id"))
    tallies = [
        AnswerTally(wave_id=wave_id, delomrade=delomrade, question_id=question_id, value=value, count=n)
        for wave_id, delomrade, question_id, value, n in per_answer
    ]
    tallies += [
        AnswerTally(wave_id=wave_id, delomrade=delomrade, question=None, value="", count=n)
        for wave_id, delomrade, n in per_area
    ]
    (AnswerTally.objects.all() if wave is None else AnswerTally.objects.filter(wave=wave)).delete()
    AnswerTally.objects.bulk_create(tallies, batch_size=BATCH_SIZE)
    return {"survey tallies": len(tallies)}


@transaction.atomic
def tallies_add(*, response: Response, answers: Mapping[Question, str]) -> None:
    """Count one new response and its answers.

    The wave's row is locked first (on PostgreSQL), so two answers arriving together cannot both
    create the same tally row.
    """
    list(Wave.objects.select_for_update().filter(pk=response.wave_id).values_list("pk"))
    keys = [(None, ""), *((question.pk, value) for question, value in answers.items())]
    rows = AnswerTally.objects.filter(wave_id=response.wave_id, delomrade=response.delomrade)
    matching = rows.filter(Q.create([Q(question_id=question, value=value) for question, value in keys], Q.OR))
    existing = set(matching.values_list("question_id", "value"))
    matching.update(count=F("count") + 1)
    AnswerTally.objects.bulk_create(
        AnswerTally(wave_id=response.wave_id, delomrade=response.delomrade, question_id=question, value=value, count=1)
        for question, value in keys
        if (question, value) not in existing
    )
