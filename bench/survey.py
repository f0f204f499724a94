"""Benchmark: survey results of one large wave, from the tallies, against the plain SQL that gives the same answer.

    uv run python bench/survey.py [--responses 100000] [--repeat 5]

Generates one wave (seeded, every question of the bank, ten delområden, about 3 % blanks) into a
fresh SQLite database in a temporary folder (or the database DATABASE_URL names, which it empties
first) by bulk insert, builds its tallies with tallies.rebuild, then times in the same run:
`wave_results` (the whole municipality and every delområde) and `survey_results` (the whole
municipality) against the bare GROUP BY over the answer rows (question, answer, count per
delområde, and respondents per delområde) that the results stand on. The goal is ≤ 300 ms for
survey results of a 100,000-response wave; the ratio says what the tallies save.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

AREAS = [("Centrum", 40), ("Norr", 10), ("Söder", 10), ("Öster", 8), ("Väster", 8)]
AREAS += [(f"By {n}", 4) for n in range(1, 6)]
BLANK_SHARE = 0.03
GOAL_MS = 300
CHUNK = 10_000  # responses whose answers are inserted at once


def setup(database_dir: str) -> None:
    os.environ.setdefault("SAMVERKAN_DATA_DIR", database_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    import django

    django.setup()


def generate(*, responses: int, seed: int = 1):
    import datetime

    from django.core.management import call_command
    from django.db import connection, transaction

    from samverkan.organisations.models import Municipality
    from samverkan.sources.models import ImportRun
    from samverkan.sources.surveys import bank
    from samverkan.sources.surveys.models import Answer, Question, Response, Wave, WaveQuestion

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    for order, question in enumerate(bank.QUESTIONS, start=1):  # the flush emptied the bank the migration seeded
        Question.objects.create(
            key=question.key, kind=question.kind, text_sv=question.sv, text_en=question.en, order=order
        )
    municipality = Municipality.objects.create(
        code="2506", name="Arjeplog", county_code="25", county_name="Norrbottens län", boundary={}
    )
    run = ImportRun.objects.create(source="survey", name="bench")
    wave = Wave.objects.create(
        name="Trygghetsmätning 2025",
        municipality=municipality,
        opened_on=datetime.date(2025, 10, 6),
        closed_on=datetime.date(2025, 11, 16),
        source=Wave.Source.IMPORT,
        run=run,
        delomraden="\n".join(name for name, _weight in AREAS),
    )
    questions = list(Question.objects.all())
    WaveQuestion.objects.bulk_create(WaveQuestion(wave=wave, question=q, order=n) for n, q in enumerate(questions, 1))
    rng = random.Random(seed)
    names, weights = [name for name, _w in AREAS], [w for _n, w in AREAS]
    response_table, answer_table = Response._meta.db_table, Answer._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {response_table} (wave_id, delomrade, free_text, number, run_id) VALUES (%s, %s, '', %s, %s)",
            [(wave.pk, rng.choices(names, weights)[0], number, run.pk) for number in range(1, responses + 1)],
        )
        ids = list(Response.objects.filter(wave=wave).order_by("pk").values_list("pk", flat=True))
        options = {q.pk: [o.key for o in bank.ANSWERS[q.kind]] for q in questions}
        answers = 0
        for start in range(0, len(ids), CHUNK):
            rows = [
                (response, question, rng.choice(options[question]))
                for response in ids[start : start + CHUNK]
                for question in options
                if rng.random() >= BLANK_SHARE
            ]
            sql = f"INSERT INTO {answer_table} (response_id, question_id, value) VALUES (%s, %s, %s)"
            cursor.executemany(sql, rows)
            answers += len(rows)
    return wave, answers


def bare_group_by(wave, *, per_area: bool) -> list:
    """The plain SQL the results stand on: answers and respondents counted per (delområde,) question, answer."""
    from django.db import connection

    from samverkan.sources.surveys.models import Answer, Response

    answers, responses = Answer._meta.db_table, Response._meta.db_table
    area = "r.delomrade, " if per_area else ""
    queries = [
        f"SELECT {area}a.question_id, a.value, COUNT(*) FROM {answers} a JOIN {responses} r ON a.response_id = r.id "
        f"WHERE r.wave_id = %s GROUP BY {area}a.question_id, a.value",
        f"SELECT {area}COUNT(*) FROM {responses} r WHERE r.wave_id = %s"
        + (" GROUP BY r.delomrade" if per_area else ""),
    ]
    result = []
    with connection.cursor() as cursor:
        for query in queries:
            cursor.execute(query, [wave.pk])
            result.append(cursor.fetchall())
    return result


def timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup(folder)
        from django.db import connection

        from samverkan.sources.surveys import tallies
        from samverkan.sources.surveys.selectors import survey_results, wave_results

        began = time.perf_counter()
        wave, answers = generate(responses=args.responses)
        generated = time.perf_counter() - began
        began = time.perf_counter()
        written = tallies.rebuild(wave=wave)["survey tallies"]
        rebuilt = time.perf_counter() - began

        # The same answer both ways: the tallies hold exactly what the GROUP BY counts.
        by_sql, respondents = bare_group_by(wave, per_area=True)
        results = wave_results(wave=wave)
        expected = Counter({(area, question, value): n for area, question, value, n in by_sql})
        from samverkan.sources.surveys.models import AnswerTally

        stored = AnswerTally.objects.filter(wave=wave, question__isnull=False)
        assert Counter({(t.delomrade, t.question_id, t.value): t.count for t in stored}) == expected
        assert {area: n for area, n in respondents} == {a: r.respondents for a, r in results.areas.items()}

        whole = timed(lambda: wave_results(wave=wave), args.repeat)
        single = timed(lambda: survey_results(wave=wave), args.repeat)
        bare_areas = timed(lambda: bare_group_by(wave, per_area=True), args.repeat)
        bare_whole = timed(lambda: bare_group_by(wave, per_area=False), args.repeat)
        print(f"database: {connection.vendor}; one wave of {args.responses:,} responses, {answers:,} answers")
        print(f"generated in {generated:.1f} s; tallies rebuilt in {rebuilt * 1000:.0f} ms ({written} rows)")
        print(
            f"wave_results (whole + {len(results.areas)} delområden): {whole * 1000:8.1f} ms (median of {args.repeat})"
        )
        print(f"bare GROUP BY per delområde:                {bare_areas * 1000:8.1f} ms")
        print(f"survey_results (whole municipality):        {single * 1000:8.1f} ms")
        print(f"bare GROUP BY, whole municipality:          {bare_whole * 1000:8.1f} ms")
        print(f"ratio wave_results / bare: {whole / bare_areas:.3f}; survey_results / bare: {single / bare_whole:.3f}")
        slowest = max(whole, single) * 1000
        print(f"goal ≤ {GOAL_MS} ms: {'met' if slowest <= GOAL_MS else 'NOT met'} ({slowest:.1f} ms)")


if __name__ == "__main__":
    main()
