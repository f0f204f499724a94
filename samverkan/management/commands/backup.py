"""`samverkan backup FILE`: a verified copy of the whole database (SQLite or PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, OutputWrapper

from samverkan.backup import BackupError, TableCount, backup_database


class Terminal:
    """The command's output without Django's line ending, for the progress counter that rewrites one line."""

    def __init__(self, wrapper: OutputWrapper) -> None:
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, ending="")

    def flush(self) -> None:
        self.wrapper.flush()

    def isatty(self) -> bool:
        return self.wrapper.isatty()


def write_counts(command: BaseCommand, counts: list[TableCount]) -> None:
    width = max((len(count.table) for count in counts), default=0)
    for count in counts:
        command.stdout.write(f"  {count.table:<{width}} {count.rows:>9}")
    command.stdout.write(f"  {len(counts)} tables, {sum(count.rows for count in counts)} rows")


class Command(BaseCommand):
    help = (
        "Write a verified backup of the database to FILE: SQLite's online backup (safe while the server runs) "
        "or pg_dump's custom format for PostgreSQL."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            counts = backup_database(file, out=Terminal(self.stdout))
        except BackupError as error:
            raise CommandError(str(error), returncode=1) from error
        self.stdout.write(f"backup: {file} written and verified")
        write_counts(self, counts)
