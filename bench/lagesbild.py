"""Benchmark: the lägesbild of one municipality against the bare SQL aggregates it needs.

    uv run python bench/lagesbild.py [--incidents 1000000] [--municipalities 50] [--repeat 3]

Generates the incidents (seeded, so every run is alike) into a fresh SQLite database in a
temporary folder (or the database DATABASE_URL names, which it empties first), then times, in
the same run, building the lägesbild's JSON for one municipality and running the GROUP BY
queries it stands on, and prints both and their ratio. The ratio is the number to watch: it says
what the product adds on top of the database's own work, whatever the machine.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def setup(database_dir: str) -> None:
    os.environ.setdefault("SAMVERKAN_DATA_DIR", database_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    import django

    django.setup()


def generate(*, incidents: int, municipalities: int, seed: int = 1) -> list:
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from shapely.geometry import shape

    from samverkan.core.hexagons import cells_for
    from samverkan.organisations.models import Municipality, ResidentCount
    from samverkan.sources.incidents.models import Incident
    from samverkan.sources.incidents.services import incident_categories_for

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("load_municipalities", verbosity=0)
    chosen = list(Municipality.objects.order_by("code")[:municipalities])
    rng = random.Random(seed)
    tz = timezone.get_current_timezone()
    start = datetime.datetime(2021, 1, 1, tzinfo=tz)
    span = int((datetime.datetime(2026, 1, 1, tzinfo=tz) - start).total_seconds())
    columns = [
        "municipality_id",
        "category_id",
        "occurred_from",
        "lat",
        "lng",
        "severity",
        "description",
        "status",
        "reported_at",
        "h3_r7",
        "h3_r8",
        "h3_r9",
    ]
    table = Incident._meta.db_table
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    per_municipality = incidents // len(chosen)
    done = 0
    for municipality in chosen:
        ResidentCount.objects.create(municipality=municipality, year=2025, residents=10_000, source="bench")
        categories = [c.pk for c in incident_categories_for(municipality)]
        centre = shape(municipality.boundary).representative_point()
        towns = [(centre.y + rng.uniform(-0.05, 0.05), centre.x + rng.uniform(-0.05, 0.05)) for _ in range(5)]
        rows = []
        for _ in range(per_municipality):
            lat, lng = rng.choice(towns)
            lat, lng = lat + rng.gauss(0, 0.004), lng + rng.gauss(0, 0.008)
            cells = cells_for(lat, lng)
            when = start + datetime.timedelta(seconds=rng.randrange(span))
            rows.append(
                (
                    municipality.pk,
                    rng.choice(categories),
                    when,
                    lat,
                    lng,
                    rng.randint(1, 3),
                    "bench",
                    "ny",
                    when,
                    cells[7],
                    cells[8],
                    cells[9],
                )
            )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        done += per_municipality
        print(f"\rgenerated {done:,} of {per_municipality * len(chosen):,} incidents", end="", file=sys.stderr)
    print(file=sys.stderr)
    return chosen


def bare_aggregates(municipality, period) -> None:
    """The GROUP BY queries the lägesbild's incident figures stand on, as plain SQL."""
    from django.db import connection

    from samverkan.core.hexagons import resolution_for
    from samverkan.sources.incidents.models import Incident

    table = Incident._meta.db_table
    (start, end), (before, _start) = period.bounds(), period.previous().bounds()
    cell = f"h3_r{resolution_for(10_000)}"
    where = f"FROM {table} WHERE municipality_id = %s AND occurred_from >= %s AND occurred_from < %s"
    queries = [
        (f"SELECT category_id, COUNT(*), AVG(severity) {where} GROUP BY category_id", (start, end)),
        (f"SELECT category_id, COUNT(*), AVG(severity) {where} GROUP BY category_id", (before, start)),
        (f"SELECT {cell}, COUNT(*) {where} GROUP BY {cell}", (start, end)),
        (f"SELECT occurred_from {where} ORDER BY occurred_from LIMIT 0", (start, end)),
    ]
    month = "strftime('%%m', occurred_from)" if connection.vendor == "sqlite" else "EXTRACT(MONTH FROM occurred_from)"
    queries.append((f"SELECT {month} AS m, COUNT(*) {where} GROUP BY m", (start - datetime.timedelta(days=730), end)))
    queries.append((f"SELECT {month} AS m, COUNT(*) {where} GROUP BY m", (start, end)))
    with connection.cursor() as cursor:
        for query, (lo, hi) in queries:
            cursor.execute(query, (municipality.pk, lo, hi))
            cursor.fetchall()


def timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--municipalities", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup(folder)
        import json

        from samverkan.situation.selectors import INTERNAL, Period, situation_for_municipality

        chosen = generate(incidents=args.incidents, municipalities=args.municipalities)
        municipality = chosen[0]
        period = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))

        def picture() -> None:
            json.dumps(situation_for_municipality(municipality=municipality, period=period, audience=INTERNAL))

        picture()  # warm the caches both measurements share
        full = timed(picture, args.repeat)
        bare = timed(lambda: bare_aggregates(municipality, period), args.repeat)
        print(f"incidents: {args.incidents:,} in {len(chosen)} municipalities; lägesbild of {municipality.name}")
        print(f"lägesbild JSON:  {full * 1000:9.1f} ms (median of {args.repeat})")
        print(f"bare aggregates: {bare * 1000:9.1f} ms (median of {args.repeat})")
        print(f"ratio: {full / bare:.1f}")


if __name__ == "__main__":
    main()
