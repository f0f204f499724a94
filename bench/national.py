"""Benchmark: the pictures at national scale (290 municipalities, millions of incidents) against the bare SQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samverkan_national \\
        uv run python bench/national.py [--incidents 10000000] [--seed 1] [--repeat 15] [--plans bench/plans]

The world is `samverkan generate --municipalities 290 --years 5 --incidents N --seed S` (samverkan/generate.py):
made here when the database has no incidents, reused as it is when it has (say how it was made with the same
arguments). It times side by side, in one process (A B A B …, bench/harness.py):

Each side of the product empties the pictures' cache first (situation.selectors.kept), so the picture is built.

- one municipality's picture (`picture_for` + `for_audience(INTERNAL)` + `json.dumps(to_json())`) for the last
  full year, for the biggest municipality (the most incidents) and for the median one, against the honest bare
  SQL of bench/lagesbild.py on the raw tables (`Bare.answer()`), after asserting they give the same facts
  (`lagesbild.verify`);
- a local police area's joint picture (`joint_picture_for` + `joint_for_audience(INTERNAL)` + JSON), for the area
  with the most incidents, against the bare SQL of each of its municipalities in turn;
- a police region's comparison (`situation.regional.regional_situation`, the page's whole read), for the region
  with the most incidents, against the plain SQL for its facts (class RegionBare), after asserting that each
  municipality's incidents, those of the period before and its police events are the same.

The goals: a municipality's picture p50 ≤ 300 ms, a police area's ≤ 1 s, a region's comparison ≤ 2 s. With
--plans it writes `EXPLAIN (ANALYZE, BUFFERS)` of the slowest queries (PostgreSQL) to FOLDER/<what>.txt.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import database_name, ms, setup, side_by_side  # noqa: E402

GOALS_MS = {"municipality": 300, "police area": 1_000, "region": 2_000}
SLOWEST = 5  # queries of a picture whose plans are kept


def _world(args: argparse.Namespace) -> None:
    from django.core.management import call_command

    from samverkan.sources.incidents.models import Incident

    call_command("migrate", interactive=False, verbosity=0)
    if Incident.objects.exists():
        print(f"world: reused ({Incident.objects.count():,} incidents)", file=sys.stderr)
        return
    began = time.perf_counter()
    out = io.StringIO()
    call_command(
        "generate",
        municipalities=290,
        years=5,
        incidents=args.incidents,
        seed=args.seed,
        stdout=out,
        stderr=sys.stderr,
    )
    print(f"world generated in {time.perf_counter() - began:.0f} s: {out.getvalue().strip()}", file=sys.stderr)


def _plans(label: str, run, folder: Path | None) -> list[str]:
    """Run once capturing the queries; EXPLAIN (ANALYZE, BUFFERS) the slowest into folder/label.txt."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        run()
    queries = sorted(captured.captured_queries, key=lambda q: float(q["time"]), reverse=True)
    summary = [f"{len(queries)} queries, the slowest {float(q['time']) * 1000:.1f} ms" for q in queries[:1]]
    if folder is None or connection.vendor != "postgresql":
        return summary
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"# {label}: the {SLOWEST} slowest of its {len(queries)} queries, EXPLAIN (ANALYZE, BUFFERS)", ""]
    with connection.cursor() as cursor:
        for number, query in enumerate(queries[:SLOWEST], start=1):
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
            lines += [
                f"## {number}. {float(query['time']) * 1000:.1f} ms when captured",
                "",
                query["sql"],
                "",
                plan,
                "",
            ]
    (folder / f"{label}.txt").write_text("\n".join(lines))
    return summary


class RegionBare:
    """The plain SQL on the raw tables for the facts of a region's comparison: each municipality's incidents by
    category and police events by type in the period and the period before (one scan each), Brå, Kolada and
    indicators of its regions, residents and present population."""

    def __init__(self, municipalities: list, period) -> None:
        from bench.lagesbild import Bare

        self.ids = [m.pk for m in municipalities]
        self.codes = sorted({m.code for m in municipalities} | {m.county_code for m in municipalities} | {"00"})
        self.bare = Bare(municipalities[0], period.start, period.end)  # its windows and table names
        self.years = self.bare.years

    def _in(self, values: list) -> str:
        return ", ".join(["%s"] * len(values))

    def answer(self) -> dict[str, dict]:
        b = self.bare
        inside = "SUM(CASE WHEN {column} >= %s AND {column} < %s THEN 1 ELSE 0 END)"
        incidents = b.rows(
            f"SELECT municipality_id, category_id, {inside.format(column='occurred_from')},"
            f" {inside.format(column='occurred_from')} FROM {{incident}}"
            f" WHERE municipality_id IN ({self._in(self.ids)}) AND occurred_from >= %s AND occurred_from < %s"
            " GROUP BY municipality_id, category_id",
            [*b.period.bounds(), *b.before.bounds(), *self.ids, b.before.bounds()[0], b.period.bounds()[1]],
        )
        events = b.rows(
            f"SELECT municipality_id, type_key, {inside.format(column='occurred_at')},"
            f" {inside.format(column='occurred_at')} FROM {{event}}"
            f" WHERE municipality_id IN ({self._in(self.ids)}) AND is_summary = %s"
            " AND occurred_at >= %s AND occurred_at < %s GROUP BY municipality_id, type_key",
            [*b.period.bounds(), *b.before.bounds(), *self.ids, False, b.before.bounds()[0], b.period.bounds()[1]],
        )
        crime = b.rows(
            "SELECT s.region_code, c.name, s.year, s.count, s.per_100k FROM {crime} s"
            " JOIN {crime_category} c ON c.id = s.category_id"
            f" WHERE s.region_code IN ({self._in(self.codes)}) AND s.year >= %s AND s.year <= %s",
            [*self.codes, self.years[0], self.years[-1]],
        )
        residents = b.rows(
            "SELECT municipality_id, year, residents FROM {residents}"
            f" WHERE municipality_id IN ({self._in(self.ids)}) AND year <= %s",
            [*self.ids, self.years[-1]],
        )
        present = b.rows(
            "SELECT municipality_id, year, month, residents + visitors FROM {present}"
            f" WHERE municipality_id IN ({self._in(self.ids)}) AND year >= %s AND year <= %s",
            [*self.ids, self.years[0], self.years[-1]],
        )
        kolada = b.rows(
            f"SELECT kpi_id, region_code, year, value FROM {{kpi_value}} WHERE region_code IN ({self._in(self.codes)})"
            " AND year >= %s AND year <= %s",
            [*self.codes, self.years[0], self.years[-1]],
        )
        indicators = b.rows(
            "SELECT indicator_id, region_code, year, value FROM {indicator_value}"
            f" WHERE region_code IN ({self._in(self.codes)}) AND year >= %s AND year <= %s",
            [*self.codes, self.years[0], self.years[-1]],
        )
        totals: dict[int, list[int]] = {pk: [0, 0, 0] for pk in self.ids}
        for pk, _category, now, before in incidents:
            totals[pk][0] += now
            totals[pk][1] += before
        for pk, _type, now, _before in events:
            totals[pk][2] += now
        return {
            "totals": totals,
            "other": {"crime": crime, "residents": residents, "present": present, "kolada": kolada, "ind": indicators},
        }


def _verify_region(comparison, municipalities: list, bare: dict) -> int:
    """Each municipality's incidents (period, before) and police events are the bare SQL's."""
    by_code = {row.code: row for row in comparison.rows}
    for m in municipalities:
        row, (now, before, events) = by_code[m.code], bare["totals"][m.pk]
        assert (row.incidents, row.previous, row.police_events) == (now, before, events), f"{m.name} differs"
    return len(municipalities)


def run(args: argparse.Namespace) -> None:
    from django.core.cache import caches
    from django.db.models import Count

    from bench.lagesbild import verify
    from samverkan.core import clock
    from samverkan.organisations.models import Municipality, Organisation
    from samverkan.situation.audience import INTERNAL, for_audience, joint_for_audience
    from samverkan.situation.selectors import PICTURES, Period, joint_municipalities, joint_picture_for, picture_for
    from samverkan.sources.incidents.models import Incident
    from samverkan.sources.police_events.models import PoliceEvent
    from samverkan.sources.surveys.models import Answer

    _world(args)
    from bench.lagesbild import Bare

    period = Period.last_full_year(clock.today())
    counted = list(
        Incident.objects.order_by()
        .values_list("municipality_id")
        .annotate(n=Count("id"))
        .order_by("-n", "municipality_id")
    )
    sizes = dict(counted)
    biggest = Municipality.objects.get(pk=counted[0][0])
    median = Municipality.objects.get(pk=counted[len(counted) // 2][0])
    areas = list(Organisation.objects.filter(kind=Organisation.Kind.POLICE_AREA))
    area = max(areas, key=lambda a: (sum(sizes.get(m.pk, 0) for m in joint_municipalities(a)), -a.pk))
    members = joint_municipalities(area)

    print(f"database: {database_name()}")
    print(
        f"world: {Incident.objects.count():,} incidents in {sum(1 for _ in counted)}"
        f" municipalities, {PoliceEvent.objects.count():,} police events, {Answer.objects.count():,} survey answers"
    )
    print(f"period: {period.start} – {period.end}")
    folder = Path(args.plans) if args.plans else None
    results = []

    for label, municipality in [("biggest", biggest), ("median", median)]:
        bare = Bare(municipality, period.start, period.end)

        def picture(municipality=municipality) -> str:
            caches[PICTURES].clear()  # the picture built, not the one kept from the round before
            return json.dumps(for_audience(picture_for(municipality=municipality, period=period), INTERNAL).to_json())

        checked = verify(picture_for(municipality=municipality, period=period), bare.answer())
        plans = _plans(f"municipality_{label}", picture, folder)
        ours, theirs = side_by_side([picture, bare.answer], args.repeat, warmup=2)
        name = f"{municipality.name} ({sizes[municipality.pk]:,} incidents)"
        results.append(("municipality", f"{label}: {name}", ours, theirs, f"{len(checked)} checks; {plans[0]}"))

    bares = [Bare(m, period.start, period.end) for m in members]
    for m, bare in zip(members, bares, strict=True):
        verify(picture_for(municipality=m, period=period), bare.answer())

    def joint() -> str:
        caches[PICTURES].clear()
        return json.dumps(joint_for_audience(joint_picture_for(police_area=area, period=period), INTERNAL).to_json())

    def joint_bare() -> list:
        return [bare.answer() for bare in bares]

    plans = _plans("police_area", joint, folder)
    ours, theirs = side_by_side([joint, joint_bare], args.repeat, warmup=1)
    total = sum(sizes.get(m.pk, 0) for m in members)
    results.append(
        ("police area", f"{area.name}: {len(members)} municipalities, {total:,} incidents", ours, theirs, plans[0])
    )

    regions = list(Organisation.objects.filter(kind=Organisation.Kind.POLICE_REGION))
    if regions:
        from samverkan.situation.regional import regional_municipalities, regional_situation

        region = max(regions, key=lambda r: (sum(sizes.get(m.pk, 0) for m in regional_municipalities(r)[0]), -r.pk))
        in_region = regional_municipalities(region)[0]
        region_bare = RegionBare(in_region, period)
        checked_rows = _verify_region(
            regional_situation(organisation=region, period=period, user=None), in_region, region_bare.answer()
        )

        def comparison() -> object:
            caches[PICTURES].clear()
            return regional_situation(organisation=region, period=period, user=None)

        plans = _plans("region", comparison, folder)
        ours, theirs = side_by_side([comparison, region_bare.answer], args.repeat, warmup=1)
        total = sum(sizes.get(m.pk, 0) for m in in_region)
        what = f"{region.name}: {len(in_region)} municipalities, {total:,} incidents"
        results.append(("region", what, ours, theirs, f"{checked_rows} rows checked; {plans[0]}"))

    print()
    print(f"{'what':<70} {'p50 ms':>8} {'bare p50':>9} {'ratio':>6}  goal")
    for kind, what, ours, theirs, note in results:
        goal = GOALS_MS[kind]
        verdict = "met" if ours.median * 1000 <= goal else "NOT met"
        print(
            f"{(kind + ', ' + what)[:70]:<70} {ms(ours.median):>8} {ms(theirs.median):>9} "
            f"{ours.median / theirs.median:>6.2f}  ≤ {goal} ms: {verdict}"
        )
        print(
            f"    min {ms(ours.min).strip()} / {ms(theirs.min).strip()} ms; round by round ratio "
            f"{statistics.median(a / b for a, b in zip(ours.runs, theirs.runs, strict=True)):.2f}; {note}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=10_000_000, help="when the world is generated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--plans", help="write EXPLAIN (ANALYZE, BUFFERS) of the slowest queries here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup(folder)
        run(args)


if __name__ == "__main__":
    main()
