"""Helpers for the survey tests: the test files, a fingerprint of the survey tables, waves to answer, recounts."""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command

from samverkan.sources.models import ImportRun
from samverkan.sources.surveys import services
from samverkan.sources.surveys.models import Answer, AnswerTally, Question, Response, Wave, WaveQuestion

DATA = Path(__file__).parent / "data"
TABLES = [ImportRun, Question, Wave, WaveQuestion, Response, Answer, AnswerTally]


def fingerprint() -> tuple[dict[str, int], str]:
    """Row counts and a checksum of every row of the survey tables (and the import runs)."""
    counts = {model.__name__: model._default_manager.count() for model in TABLES}
    rows = [list(model._default_manager.order_by("pk").values_list()) for model in TABLES]
    return counts, hashlib.sha256(repr(rows).encode()).hexdigest()


def import_survey(name: str, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_survey", str(DATA / name), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def answers_of(wave: Wave) -> list[tuple[int | None, str, dict[str, str]]]:
    """Every response of the wave as (number, delområde, {question key: answer key}); a web response has no number."""
    return [
        (response.number, response.delomrade, {a.question.key: a.value for a in response.answers.all()})
        for response in wave.responses.prefetch_related("answers__question").order_by("number")
    ]


def open_wave(municipality, *keys: str, name: str = "Enkät 2026", delomraden: str = "") -> Wave:
    questions = Question.objects.filter(key__in=keys) if keys else Question.objects.all()
    return services.wave_create(municipality=municipality, name=name, questions=questions, delomraden=delomraden)


def answer(wave: Wave, delomrade: str = "", free_text: str = "", **answers: str) -> Response:
    questions = Question.objects.in_bulk(list(answers), field_name="key")
    return services.response_submit(
        wave=wave,
        delomrade=delomrade,
        free_text=free_text,
        answers={questions[key]: value for key, value in answers.items()},
    )


def recount() -> Counter:
    """Every wave's tallies counted again in plain Python from its responses and their answers:
    (wave id, delområde, question id or None for the respondents, answer) → count."""
    counts: Counter = Counter()
    for response in Response.objects.prefetch_related("answers"):
        counts[(response.wave_id, response.delomrade, None, "")] += 1
        for stored in response.answers.all():
            counts[(response.wave_id, response.delomrade, stored.question_id, stored.value)] += 1
    return counts


def stored_tallies() -> Counter:
    """The tallies in the database, keyed as `recount` keys them."""
    rows = AnswerTally.objects.values_list("wave_id", "delomrade", "question_id", "value", "count")
    return Counter({(wave, area, question, value): count for wave, area, question, value, count in rows})


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    # The rate limit counts in the cache, which outlives a test.
    cache.clear()
