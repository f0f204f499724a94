"""`samverkan restore FILE`: replace the database with a verified backup. Stop the server first."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.backup import BackupError, restore_database
from samverkan.management.commands.backup import Terminal, write_counts


class Command(BaseCommand):
    help = (
        "Replace the database with the backup in FILE, after verifying it. Stop the server first. "
        "Refuses a database that already has users unless --force is given."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--force", action="store_true", help="Replace a database that already has users.")

    def handle(self, *args, file: Path, force: bool, **options) -> None:
        try:
            counts = restore_database(file, force=force, out=Terminal(self.stdout))
        except BackupError as error:
            raise CommandError(str(error), returncode=1) from error
        self.stdout.write(f"restore: {file} restored and verified")
        write_counts(self, counts)
