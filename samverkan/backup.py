"""Backup and restore of the whole database, verified, for SQLite and PostgreSQL.

SQLite: the online backup API copies the live database page by page (safe while the server runs);
a restore builds the new database in a temporary file beside the old one and then replaces it, so a
failure never leaves a half-written database. Stop the server before a restore: its open
connections would keep writing to the replaced file.

PostgreSQL: pg_dump in the custom format, and pg_restore --clean --if-exists in one transaction.
The connection parameters come from settings.DATABASES; the password goes to the tools through
PGPASSWORD, never on a command line or in the output.

Every file is verified by reading it whole: SQLite runs `PRAGMA integrity_check` on it, PostgreSQL
lists its contents and reads every table's data back. Both count the rows per table of the file.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

from samverkan.core.progress import Output, progress

if TYPE_CHECKING:
    from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteDatabaseWrapper

NOT_VERIFIED = "{file}: not a usable backup: {reason}"
NOT_EMPTY = (
    "the database already holds {users} user(s); restoring would replace everything in it. Give --force to replace it."
)
UNSUPPORTED = "backup and restore support SQLite and PostgreSQL, not {vendor}"
TOOL_FAILED = "{tool} failed: {reason}"
COUNTS_DIFFER = "after the restore, table {table} holds {found} rows, the backup {expected}"
USERS_TABLE = "organisations_user"
SQLITE_PAGES_PER_STEP = 256


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the person at the terminal."""


@dataclass(frozen=True)
class TableCount:
    table: str
    rows: int


def backup_database(file: Path, *, alias: str = "default", out: Output | None = None) -> list[TableCount]:
    """Write a verified backup of the database to file (replaced only once the new copy is verified)."""
    connection = connections[alias]
    temporary = _temporary_beside(file)
    try:
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            with closing(sqlite3.connect(temporary)) as destination:
                _sqlite_copy(connection.connection, destination, label="backup", out=out)
        elif connection.vendor == "postgresql":
            _pg_dump(connection, temporary, out=out)
        else:
            raise BackupError(UNSUPPORTED.format(vendor=connection.vendor))
        counts = verify_backup(temporary, vendor=connection.vendor, out=out, name=file)
        os.replace(temporary, file)
    finally:
        temporary.unlink(missing_ok=True)
    return counts


def verify_backup(file: Path, *, vendor: str, out: Output | None = None, name: Path | None = None) -> list[TableCount]:
    """The rows per table of a backup file, read whole; BackupError if it is not a usable backup."""
    shown = name or file
    if not file.is_file():
        raise BackupError(NOT_VERIFIED.format(file=shown, reason="no such file"))
    if vendor == "sqlite":
        return _sqlite_verify(file, shown)
    if vendor == "postgresql":
        return _pg_verify(file, shown, out=out)
    raise BackupError(UNSUPPORTED.format(vendor=vendor))


def restore_database(file: Path, *, force: bool, alias: str = "default", out: Output | None = None) -> list[TableCount]:
    """Replace the database with a verified backup; refuses a database with users unless force."""
    connection = connections[alias]
    expected = verify_backup(file, vendor=connection.vendor, out=out)
    users = _user_count(connection)
    if users and not force:
        raise BackupError(NOT_EMPTY.format(users=users))
    if connection.vendor == "sqlite":
        _sqlite_restore(file, cast("SQLiteDatabaseWrapper", connection), out=out)
    else:
        _pg_restore(file, connection, tables=len(expected), out=out)
    found = table_counts(connection)
    by_table = {count.table: count.rows for count in found}
    for count in expected:
        if by_table.get(count.table) != count.rows:
            raise BackupError(
                COUNTS_DIFFER.format(table=count.table, found=by_table.get(count.table), expected=count.rows)
            )
    return expected


def table_counts(connection: BaseDatabaseWrapper) -> list[TableCount]:
    """The rows per table of the live database."""
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = []
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
            counts.append(TableCount(table, cursor.fetchone()[0]))
    return counts


def _user_count(connection: BaseDatabaseWrapper) -> int:
    with connection.cursor() as cursor:
        if USERS_TABLE not in connection.introspection.table_names(cursor):
            return 0
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(USERS_TABLE)}")
        return cursor.fetchone()[0]


def _temporary_beside(file: Path) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".partial", dir=file.parent)
    os.close(handle)
    return Path(name)


# SQLite


def _sqlite_copy(
    source: sqlite3.Connection, destination: sqlite3.Connection, *, label: str, out: Output | None
) -> None:
    """Copy one SQLite database into another with the backup API, a few pages per step."""
    total = source.execute("PRAGMA page_count").fetchone()[0]
    ticks = progress(range(total), total=total, label=label, out=out)
    copied = 0

    def advance(status: int, remaining: int, pages: int) -> None:
        nonlocal copied
        while copied < min(pages - remaining, total):
            next(ticks, None)
            copied += 1

    source.backup(destination, pages=SQLITE_PAGES_PER_STEP, progress=advance)
    for _ in ticks:
        pass


def _sqlite_read_only(file: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)


def _sqlite_verify(file: Path, shown: Path) -> list[TableCount]:
    try:
        with closing(_sqlite_read_only(file)) as copy:
            problems = [row[0] for row in copy.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise BackupError(NOT_VERIFIED.format(file=shown, reason="; ".join(problems[:3])))
            tables = [
                row[0]
                for row in copy.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            if "django_migrations" not in tables:
                raise BackupError(NOT_VERIFIED.format(file=shown, reason="it holds no Samverkan database"))
            return [
                TableCount(table, copy.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]) for table in tables
            ]
    except sqlite3.DatabaseError as error:
        raise BackupError(NOT_VERIFIED.format(file=shown, reason=error)) from error


def _sqlite_restore(file: Path, connection: SQLiteDatabaseWrapper, *, out: Output | None) -> None:
    connection.ensure_connection()
    if connection.is_in_memory_db():
        # Nothing on disk to replace (the test database): the backup API writes it in one transaction.
        with closing(_sqlite_read_only(file)) as source:
            _sqlite_copy(source, connection.connection, label="restore", out=out)
        return
    target = Path(connection.settings_dict["NAME"])
    temporary = _temporary_beside(target)
    try:
        with closing(_sqlite_read_only(file)) as source, closing(sqlite3.connect(temporary)) as destination:
            _sqlite_copy(source, destination, label="restore", out=out)
        _sqlite_verify(temporary, file)
        connection.close()
        # Fold the old write-ahead log into the old file and drop it: a stale log would be replayed
        # into the restored database.
        with closing(sqlite3.connect(target)) as old:
            old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copymode(target, temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


# PostgreSQL


def _pg_connection_arguments(connection: BaseDatabaseWrapper) -> tuple[list[str], dict[str, str]]:
    settings = connection.settings_dict
    arguments = [f"--dbname={settings['NAME']}"]
    if settings.get("HOST"):
        arguments.append(f"--host={settings['HOST']}")
    if settings.get("PORT"):
        arguments.append(f"--port={settings['PORT']}")
    if settings.get("USER"):
        arguments.append(f"--username={settings['USER']}")
    environment = {**os.environ, "LC_MESSAGES": "C", "LC_ALL": "C"}
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = settings["PASSWORD"]
    return arguments, environment


def _run_tool(
    command: list[str], *, environment: dict[str, str], marker: str, total: int, label: str, out: Output | None
) -> None:
    """Run pg_dump or pg_restore --verbose, advancing the progress on each table it reports."""
    lines: list[str] = []
    try:
        process = subprocess.Popen(
            command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
    except FileNotFoundError as error:
        raise BackupError(TOOL_FAILED.format(tool=command[0], reason="not installed")) from error

    def tables() -> Iterator[str]:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            if marker in line:
                yield line

    with process:
        for _ in progress(tables(), total=max(total, 1), label=label, out=out):
            pass
    if process.returncode != 0:
        raise BackupError(TOOL_FAILED.format(tool=command[0], reason=_tool_errors(lines, process.returncode)))


def _tool_errors(lines: list[str], returncode: int | None) -> str:
    errors = [line.strip() for line in lines if "error" in line.lower() or "fatal" in line.lower()]
    return " ".join(errors[-3:]) or f"exit status {returncode}"


def _pg_dump(connection: BaseDatabaseWrapper, target: Path, *, out: Output | None) -> None:
    arguments, environment = _pg_connection_arguments(connection)
    with connection.cursor() as cursor:
        total = len(connection.introspection.table_names(cursor))
    _run_tool(
        ["pg_dump", "--format=custom", "--verbose", f"--file={target}", *arguments],
        environment=environment,
        marker="dumping contents of table",
        total=total,
        label="backup",
        out=out,
    )


def _pg_verify(file: Path, shown: Path, *, out: Output | None) -> list[TableCount]:
    environment = {**os.environ, "LC_MESSAGES": "C", "LC_ALL": "C"}
    try:
        listing = subprocess.run(
            ["pg_restore", "--list", str(file)], env=environment, capture_output=True, text=True, check=False
        )
    except FileNotFoundError as error:
        raise BackupError(TOOL_FAILED.format(tool="pg_restore", reason="not installed")) from error
    if listing.returncode != 0:
        raise BackupError(
            NOT_VERIFIED.format(file=shown, reason=_tool_errors(listing.stderr.splitlines(), listing.returncode))
        )
    total = sum(" TABLE DATA " in line for line in listing.stdout.splitlines())
    if total == 0:
        raise BackupError(NOT_VERIFIED.format(file=shown, reason="it holds no tables"))
    # Reading the data back as SQL reads every block of the file: a truncated file fails here.
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            ["pg_restore", "--data-only", "--file=-", str(file)],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        with process:
            counts = list(progress(_copy_counts(process.stdout), total=total, label="verify", out=out))
        if process.returncode != 0:
            errors.seek(0)
            reason = _tool_errors(errors.read().decode(errors="replace").splitlines(), process.returncode)
            raise BackupError(NOT_VERIFIED.format(file=shown, reason=reason))
    return sorted(counts, key=lambda count: count.table)


def _copy_counts(lines) -> Iterator[TableCount]:
    """Rows per table of a SQL script: one line per row between `COPY table ... FROM stdin;` and `\\.`."""
    table, rows = None, 0
    for line in lines:
        if table is None:
            if line.startswith("COPY ") and line.rstrip().endswith("FROM stdin;"):
                table, rows = line[5:].split(" ", 1)[0].removeprefix("public.").strip('"'), 0
        elif line.rstrip("\n") == "\\.":
            yield TableCount(table, rows)
            table = None
        else:
            rows += 1


def _pg_restore(file: Path, connection: BaseDatabaseWrapper, *, tables: int, out: Output | None) -> None:
    arguments, environment = _pg_connection_arguments(connection)
    connection.close()
    _run_tool(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--verbose",
            *arguments,
            str(file),
        ],
        environment=environment,
        marker="processing data for table",
        total=tables,
        label="restore",
        out=out,
    )
