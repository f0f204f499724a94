"""Worlds made once per test worker and copied into each test that needs them (`demo` and `world` in
tests/conftest.py).

Making the demo (`samverkan demo --no-serve`: the 290 municipalities and the demo data) takes seconds, and the
cast of `world` about 130 queries through the services; copying their rows takes a fraction of that. `take()` runs
the real code in a transaction that is rolled back and keeps the rows it added, table by table; `restore()` inserts
them again with plain SQL (no signals, no audit: the rows are already what the code wrote, its audit log included)
and moves PostgreSQL's id sequences past them.

The demo's rows point at rows that were there before it (content types, the survey question bank). A live-server
test empties the database after itself, and Django makes those rows again with new ids, so the demo's snapshot is
kept per state of the rows before it and per day: `load_demo()` makes a new one when either changed. The cast points
at nothing that was there before it, so its snapshot is kept per day only (its dates follow today).
"""

from __future__ import annotations

import functools
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from samverkan.core import clock


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class Snapshot[T]:
    made: T  # what the code returned: the demo command's output, the cast's primary keys
    tables: tuple[Table, ...]


def _read(table: str) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
        columns = tuple(column[0] for column in cursor.description)
        return columns, list(cursor.fetchall())


@functools.cache
def _primary_key(table: str) -> str:
    with connection.cursor() as cursor:
        name = connection.introspection.get_primary_key_column(cursor, table)
    assert name is not None, f"{table} has no primary key: the snapshot could not tell its new rows"
    return name


def _rows_by_key() -> dict[str, dict[Any, str]]:
    """Every table's rows by primary key, each as its repr."""
    tables = {}
    for name in sorted(set(connection.introspection.table_names()) - NOT_KEPT):
        columns, rows = _read(name)
        key = columns.index(_primary_key(name))
        tables[name] = {row[key]: repr(row) for row in rows}
    return tables


def _fingerprint(tables: dict[str, dict[Any, str]]) -> str:
    return hashlib.sha256(
        repr(sorted((name, sorted(rows.values())) for name, rows in tables.items())).encode()
    ).hexdigest()


# The data versions' tokens (core.versions) change with every write, the world's and the demo's alike: a snapshot
# neither keeps nor compares them (each test starts with the pictures' cache empty, tests/conftest.py).
NOT_KEPT = frozenset({"versions_dataversion"})

_DEMOS: dict[str, Snapshot[str]] = {}
_CASTS: dict[str, Snapshot[Any]] = {}


def load_demo() -> str:
    """The demo in the current database, from the snapshot of a database like it (made on the first call)."""
    before = _rows_by_key()
    # The demo's dates follow today (core/demo_calendar.py), and some tests move the clock.
    fingerprint = f"{clock.today().isoformat()} {_fingerprint(before)}"
    if fingerprint not in _DEMOS:
        _DEMOS[fingerprint] = take(_run_demo, before)
    restore(_DEMOS[fingerprint])
    return _DEMOS[fingerprint].made


def load_cast[T](make: Callable[[], T]) -> T:
    """What `make` returned (primary keys, not model instances), its rows copied into the current database."""
    key = f"{make.__qualname__} {clock.today().isoformat()}"
    if key not in _CASTS:
        _CASTS[key] = take(make, _rows_by_key())
    restore(_CASTS[key])
    return _CASTS[key].made


def _run_demo() -> str:
    out = io.StringIO()
    call_command("demo", "--no-serve", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def take[T](make: Callable[[], T], before: dict[str, dict[Any, str]]) -> Snapshot[T]:
    """Run `make` in a transaction rolled back at the end; keep what it returned and the rows it added to `before`."""
    names = sorted(before)
    with transaction.atomic():
        made = make()
        tables = []
        for name in names:
            columns, rows = _read(name)
            key = columns.index(_primary_key(name))
            changed = [row[key] for row in rows if row[key] in before[name] and repr(row) != before[name][row[key]]]
            assert not changed, f"{make.__name__} changed rows that were there before it in {name}: {changed[:5]}"
            added = tuple(row for row in rows if row[key] not in before[name])
            if added:
                tables.append(Table(name, columns, added))
        transaction.set_rollback(True)
    return Snapshot(made=made, tables=tuple(tables))


def _adapted(value: Any) -> Any:
    if isinstance(value, dict | list) and connection.vendor == "postgresql":
        from psycopg.types.json import Jsonb

        return Jsonb(value)
    return value


def restore(snapshot: Snapshot[Any]) -> None:
    """Insert the snapshot's rows into the test's database (its foreign keys are checked at commit), and move the
    id sequences of their tables past them."""
    quote = connection.ops.quote_name
    names = {table.name for table in snapshot.tables}
    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.db_table in names]
    with transaction.atomic(), connection.cursor() as cursor:
        for table in snapshot.tables:
            columns = ", ".join(quote(column) for column in table.columns)
            if connection.vendor == "postgresql":  # COPY: the demo's 25,000 rows in a third of the INSERTs' time
                with cursor.cursor.copy(f"COPY {quote(table.name)} ({columns}) FROM STDIN") as copy:
                    for row in table.rows:
                        copy.write_row([_adapted(value) for value in row])
                continue
            marks = ", ".join(["%s"] * len(table.columns))
            cursor.executemany(f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})", table.rows)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
