"""Benchmark: the goals page and the annual report with a 500-response survey wave against a 100,000-response one.

    uv run python bench/followup.py [--small 500] [--big 100000] [--repeat 7]

Loads the demo world (`samverkan.demo`, as `samverkan demo` does) into a fresh SQLite database in a
temporary folder (or the database DATABASE_URL names, which it empties first) and adds to Arjeplog one
closed survey wave of 2025, every question of the bank, with its responses and answers bulk-inserted by
raw SQL and its tallies then rebuilt (`tallies.rebuild`). The demo's survey goals (problem index, items,
shares) then measure that wave as their latest value for 2025.

It times, as Arjeplog's coordinator:

- `/mal/`, the goals list page, through the Django test client;
- the annual report's data, `samverkan.followup.reports.selectors.annual_report`, for Arjeplog and 2025;

first with the small wave alone in the database, then with both waves generated: the two in turn
(A B A B …), the wave not measured moved to a municipality outside the demo, so that the database is
the same on both sides and only the wave the goals read changes. The goal: the big wave within 2× of the
small one.
"""

from __future__ import annotations

import argparse
import datetime
import io
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import Timing, ms, setup, side_by_side  # noqa: E402

GOAL_RATIO = 2.0
SEED = 1
ARJEPLOG, PARKING = "2506", "0114"  # the wave not measured waits in a municipality outside the demo
COORDINATOR = "arjeplog.samordnare"
YEAR = 2025
OPENED_ON, CLOSED_ON = datetime.date(2025, 11, 24), datetime.date(2025, 12, 15)
AREAS = [("Centrum", 6), ("Slagnäs", 2), ("Laisvall", 2)]
BLANK_SHARE = 0.03
CHUNK = 10_000  # responses whose answers are inserted at once


def load_demo() -> None:
    from django.core.management import call_command

    from samverkan.demo import demo_load

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("load_municipalities", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
    _seed_questions()
    demo_load()


def _seed_questions() -> None:
    """The question bank the migration seeds (a flush empties it)."""
    from samverkan.sources.surveys import bank
    from samverkan.sources.surveys.models import Question

    for order, question in enumerate(bank.QUESTIONS, start=1):
        Question.objects.get_or_create(
            key=question.key,
            defaults={"kind": question.kind, "text_sv": question.sv, "text_en": question.en, "order": order},
        )


def add_wave(*, name: str, responses: int, rng: random.Random):
    """A closed 2025 wave in Arjeplog with every question, answers by raw SQL, then its tallies rebuilt."""
    from django.db import connection, transaction

    from samverkan.organisations.models import Municipality
    from samverkan.sources.models import ImportRun
    from samverkan.sources.surveys import bank, tallies
    from samverkan.sources.surveys.models import Answer, Question, Response, Wave, WaveQuestion

    run = ImportRun.objects.create(source="survey", name=f"bench: {name}")
    wave = Wave.objects.create(
        name=name,
        municipality=Municipality.objects.get(code=ARJEPLOG),
        opened_on=OPENED_ON,
        closed_on=CLOSED_ON,
        source=Wave.Source.IMPORT,
        run=run,
        delomraden="\n".join(area for area, _weight in AREAS),
    )
    questions = list(Question.objects.all())
    WaveQuestion.objects.bulk_create(WaveQuestion(wave=wave, question=q, order=n) for n, q in enumerate(questions, 1))
    names, weights = [a for a, _w in AREAS], [w for _a, w in AREAS]
    options = {q.pk: [o.key for o in bank.ANSWERS[q.kind]] for q in questions}
    leaning = {q: [rng.uniform(0.3, 3) for _ in keys] for q, keys in options.items()}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {Response._meta.db_table} (wave_id, delomrade, free_text, number, run_id)"
            " VALUES (%s, %s, '', %s, %s)",
            [(wave.pk, rng.choices(names, weights)[0], number, run.pk) for number in range(1, responses + 1)],
        )
        ids = list(Response.objects.filter(wave=wave).order_by("pk").values_list("pk", flat=True))
        answers = 0
        for start in range(0, len(ids), CHUNK):
            rows = [
                (response, question, rng.choices(keys, leaning[question])[0])
                for response in ids[start : start + CHUNK]
                for question, keys in options.items()
                if rng.random() >= BLANK_SHARE
            ]
            cursor.executemany(
                f"INSERT INTO {Answer._meta.db_table} (response_id, question_id, value) VALUES (%s, %s, %s)", rows
            )
            answers += len(rows)
    tallies.rebuild(wave=wave)
    if connection.vendor == "postgresql":  # settled, as autovacuum leaves a table after a load this size
        with connection.cursor() as cursor:
            for model in (Response, Answer):
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    return wave, answers


def measured(wave) -> None:
    """Make the wave Arjeplog's and park every other bench wave outside the demo."""
    from samverkan.organisations.models import Municipality
    from samverkan.sources.surveys.models import Wave

    codes = dict(Municipality.objects.filter(code__in=[ARJEPLOG, PARKING]).values_list("code", "pk"))
    Wave.objects.filter(run__name__startswith="bench: ").exclude(pk=wave.pk).update(municipality_id=codes[PARKING])
    Wave.objects.filter(pk=wave.pk).update(municipality_id=codes[ARJEPLOG])


def readers():
    """The two readers timed: the goals page and the annual report's data, as the coordinator."""
    from django.test import Client

    from samverkan.followup.reports.selectors import annual_report, place_for_municipality
    from samverkan.organisations.models import User

    user = User.objects.get(username=COORDINATOR)
    client = Client()
    client.force_login(user)

    def goals_page() -> None:
        response = client.get("/mal/")
        assert response.status_code == 200, response.status_code

    def report() -> None:
        annual_report(place_for_municipality(user, ARJEPLOG), YEAR, user=user)

    return goals_page, report


def survey_figures() -> list[str]:
    """What the goals page shows of the survey goals (to see that the wave measured is the one read)."""
    from samverkan.planning.goals.measurements import SURVEY_SERIES, measurements
    from samverkan.planning.goals.models import Indicator

    lines = []
    for indicator in Indicator.objects.filter(series__in=SURVEY_SERIES, municipality__code=ARJEPLOG):
        latest = measurements(indicator)[-1]
        lines.append(f"{indicator.name}: {latest.value:.2f} ({latest.label}, n={latest.n})")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=500, help="responses of the small wave")
    parser.add_argument("--big", type=int, default=100_000, help="responses of the big wave")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup(folder)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext, setup_test_environment

        setup_test_environment()  # the test client's host is allowed, as in the tests
        rng = random.Random(SEED)
        began = time.perf_counter()
        load_demo()
        small, small_answers = add_wave(name=f"Trygghetsmätning hösten {YEAR} (liten)", responses=args.small, rng=rng)
        print(f"demo world and the small wave loaded in {time.perf_counter() - began:.0f} s", file=sys.stderr)
        goals_page, report = readers()
        alone = side_by_side([goals_page, report], args.repeat)
        small_figures = survey_figures()
        with CaptureQueriesContext(connection) as page_queries:
            goals_page()
        with CaptureQueriesContext(connection) as report_queries:
            report()
        counts = len(page_queries), len(report_queries)  # now: the next request empties the log

        began = time.perf_counter()
        big, big_answers = add_wave(name=f"Trygghetsmätning hösten {YEAR} (stor)", responses=args.big, rng=rng)
        print(f"the big wave generated in {time.perf_counter() - began:.0f} s", file=sys.stderr)
        measured(big)
        big_figures = survey_figures()

        def on(wave, reader):
            def run() -> None:
                measured(wave)
                reader()

            return run

        page_small, page_big, report_small, report_big = side_by_side(
            [on(small, goals_page), on(big, goals_page), on(small, report), on(big, report)], args.repeat
        )
        switch = side_by_side([lambda: measured(small)], args.repeat)[0]

        print(f"database: {connection.vendor}; the demo world, Arjeplog's coordinator, the annual report {YEAR}")
        print(f"small wave: {args.small:,} responses, {small_answers:,} answers; the survey goals read:")
        for line in small_figures:
            print(f"  {line}")
        print(f"big wave: {args.big:,} responses, {big_answers:,} answers; the survey goals read:")
        for line in big_figures:
            print(f"  {line}")
        print(f"queries: /mal/ {counts[0]}, annual report {counts[1]} (small wave)")
        print()
        print(f"{'':<34} {'min ms':>9} {'median ms':>10}   (of {args.repeat})")
        rows: list[tuple[str, Timing]] = [
            ("/mal/, small wave alone", alone[0]),
            ("/mal/, small wave", page_small),
            ("/mal/, big wave", page_big),
            ("annual report, small wave alone", alone[1]),
            ("annual report, small wave", report_small),
            ("annual report, big wave", report_big),
            ("(moving the waves, in each above)", switch),
        ]
        for label, timing in rows:
            print(f"{label:<34} {ms(timing.min):>9} {ms(timing.median):>10}")
        print()
        for label, big_side, small_side, first in (
            ("/mal/", page_big, page_small, alone[0]),
            ("annual report", report_big, report_small, alone[1]),
        ):
            ratio = big_side.median / small_side.median
            verdict = "met" if ratio <= GOAL_RATIO else "NOT met"
            print(
                f"{label}: big / small {ratio:.2f} side by side, {big_side.median / first.median:.2f} against the"
                f" small wave alone (goal ≤ {GOAL_RATIO:.0f}: {verdict})"
            )


if __name__ == "__main__":
    main()
