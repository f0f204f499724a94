"""An import plans outside any transaction and writes in one short one; its preview writes nothing.

On SQLite every transaction begins IMMEDIATE, taking the database's write lock: an import that
compared 6,000 rows inside its transaction, even for a preview, kept every other writer out for
its whole length ("database is locked" for an incident logged meanwhile).
"""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samverkan.organisations.models import Municipality
from samverkan.sources.importing import Importer, run_import
from samverkan.sources.incidents.models import Incident, IncidentCategory, IncidentMonth
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import ImportFailed, Source
from samverkan.sources.registry import IMPORTERS
from samverkan.sources.surveys.importer import SurveyImporter

SOURCES = Path(__file__).parent
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "SAVEPOINT", "BEGIN")
HEADER = "id,occurred_from,kommunkod,lat,lng,category,severity,status,description\n"


def incidents_file(count: int, *, first: int = 1, description: str = "Klotter på elskåp") -> bytes:
    """`count` incidents in Arjeplog, all in January 2026 (one month of aggregates whatever the count)."""
    rows = [
        f"est-{number},2026-01-{1 + number % 28:02d} 12:00,2506,66.{number % 90 + 5:02d},17.5,Klotter,1,ny,"
        f"{description}\n"
        for number in range(first, first + count)
    ]
    return (HEADER + "".join(rows)).encode()


def writes(queries: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in queries.captured_queries if query["sql"].lstrip().upper().startswith(WRITES)]


def sample(key: str) -> tuple[Importer, Source]:
    """A real file of each source, with the importer that reads it."""
    files = {
        "bra": SOURCES / "bra/data/anmalda_brott_norrbotten.txt",
        "kolada": SOURCES / "kolada/data/kolada_arjeplog.json",
        "indicators": SOURCES / "indicators/data/can_arjeplog.csv",
        "police_events": SOURCES / "police_events/data/archive-excerpt.json.gz",
        "survey": SOURCES / "surveys/data/trygghet-2025-utf8.csv",
    }
    if key == "incidents":
        return IMPORTERS[key], Source("est.csv", incidents_file(30))
    importer = SurveyImporter(wave="2025") if key == "survey" else IMPORTERS[key]
    return importer, Source(files[key].name, files[key].read_bytes())


@pytest.mark.parametrize("key", ["incidents", "bra", "kolada", "indicators", "police_events", "survey"])
def test_it_previews_every_source_without_a_write_or_a_transaction(world, key):
    importer, source = sample(key)
    with CaptureQueriesContext(connection) as first:
        preview = run_import(importer, source, dry_run=True)
    assert preview.created > 0
    assert writes(first) == []
    assert ImportRun.objects.count() == 0

    imported = run_import(importer, source)
    assert (imported.created, imported.updated, imported.skipped) == (preview.created, 0, preview.skipped)
    with CaptureQueriesContext(connection) as again:
        repeated = run_import(importer, source, dry_run=True)
    assert writes(again) == []
    assert (repeated.created, repeated.updated, repeated.skipped) == (0, 0, preview.created + preview.skipped)


def test_it_previews_the_updates_of_incidents_without_a_write(world):
    run_import(IMPORTERS["incidents"], Source("est.csv", incidents_file(40)))
    stored = list(Incident.objects.order_by("pk").values_list("import_key", "description"))
    changed = Source("est.csv", incidents_file(40, description="Klotter på elskåpet vid skolan"))

    with CaptureQueriesContext(connection) as queries:
        outcome = run_import(IMPORTERS["incidents"], changed, dry_run=True)

    assert (outcome.created, outcome.updated, outcome.skipped) == (0, 40, 0)
    assert writes(queries) == []
    assert list(Incident.objects.order_by("pk").values_list("import_key", "description")) == stored
    assert ImportRun.objects.count() == 1


def test_it_writes_any_number_of_incidents_with_the_same_few_statements(world):
    run_import(IMPORTERS["incidents"], Source("first.csv", incidents_file(1)))  # Arjeplog's categories exist now
    counted = {}
    for count, first in ((20, 100), (400, 1000)):
        with CaptureQueriesContext(connection) as queries:
            outcome = run_import(IMPORTERS["incidents"], Source("est.csv", incidents_file(count, first=first)))
        assert outcome.created == count
        counted[count] = len(writes(queries))
    assert counted[20] == counted[400] <= 12
    with CaptureQueriesContext(connection) as queries:
        outcome = run_import(
            IMPORTERS["incidents"], Source("est.csv", incidents_file(400, first=1000, description="Ny"))
        )
    assert outcome.updated == 400
    assert len(writes(queries)) <= 12
    # The monthly aggregates follow the rows written in bulk.
    january = IncidentMonth.objects.get(municipality=world.arjeplog, year=2026, month=1)
    assert january.count == Incident.objects.filter(municipality=world.arjeplog).count() == 421


@pytest.mark.django_db(transaction=True)
def test_it_lets_another_connection_write_while_it_plans(world):
    """A second SQLite connection writes an incident while the import compares its rows; with the old
    transaction around the comparison, that write failed as locked."""
    if connection.vendor != "sqlite":
        pytest.skip("the write lock of a whole database is SQLite's")
    category = IncidentCategory.objects.create(municipality=world.arjeplog, name="Klotter")
    other = Incident.objects.create(
        municipality=world.arjeplog,
        category=category,
        occurred_from=timezone.make_aware(datetime.datetime(2026, 3, 1, 12)),
        lat=66.5,
        lng=17.5,
        severity=1,
        description="Loggad under importen",
    )
    name = connection.settings_dict["NAME"]
    second = sqlite3.connect(name, uri=name.startswith("file:"), timeout=0, isolation_level=None)

    def write_meanwhile() -> str:
        try:
            second.execute(
                f"UPDATE {Incident._meta.db_table} SET severity = severity + 1 WHERE id = ?",  # noqa: S608
                [other.pk],
            )
        except sqlite3.OperationalError as error:
            return str(error)
        return "written"

    with transaction.atomic():  # the probe sees a write lock where there is one
        Municipality.objects.filter(pk=world.arjeplog.pk).update(name="Arjeplog")
        assert "locked" in write_meanwhile()

    results: list[tuple[str, bool]] = []
    reading_incidents = f'FROM "{Incident._meta.db_table}"'

    def during_the_plan(execute, sql, params, many, context):
        if sql.lstrip().startswith("SELECT") and reading_incidents in sql and not results:
            results.append((write_meanwhile(), connection.in_atomic_block))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(during_the_plan):
        outcome = run_import(IMPORTERS["incidents"], Source("est.csv", incidents_file(1000)), by=world.alice)
    second.close()

    assert outcome.created == 1000
    assert results == [("written", False)]
    other.refresh_from_db()
    assert other.severity == 2  # written during the plan; the probe's try inside the transaction was refused


@pytest.mark.django_db(transaction=True)
def test_it_fails_clearly_when_another_connection_deleted_a_row_between_plan_and_apply(world, in_english):
    if connection.vendor != "sqlite":
        pytest.skip("a second connection of the test database is SQLite's here")
    importer = IMPORTERS["incidents"]
    run_import(importer, Source("est.csv", incidents_file(3)))
    name = connection.settings_dict["NAME"]
    second = sqlite3.connect(name, uri=name.startswith("file:"), timeout=0, isolation_level=None)
    deleted: list[bool] = []

    def before_the_write(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("BEGIN") and not deleted:  # the plan is made, apply begins
            second.execute(f"DELETE FROM {Incident._meta.db_table} WHERE import_key = 'id:est-2'")  # noqa: S608
            deleted.append(True)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(before_the_write), pytest.raises(ImportFailed) as failed:
        run_import(importer, Source("est.csv", incidents_file(3, description="Ändrad")))
    second.close()

    assert [str(problem) for problem in failed.value.problems] == [
        "est.csv: file: the stored data changed while the file was being imported, so nothing was imported: "
        "import it again"
    ]
    assert sorted(Incident.objects.values_list("import_key", "description")) == [
        ("id:est-1", "Klotter på elskåp"),
        ("id:est-3", "Klotter på elskåp"),
    ]
    assert ImportRun.objects.count() == 1
