"""The base of every `import_<source>` command."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from samverkan.sources.importing import Importer, read_source, run_import
from samverkan.sources.parsing import ImportFailed
from samverkan.sources.registry import IMPORTERS


class ImportCommand(BaseCommand):
    importer_key: str

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the file to import (or an http(s) URL, where the source has one)")
        parser.add_argument("--dry-run", action="store_true", help="check and count, but write nothing")

    def get_importer(self, **options) -> Importer:
        """The importer to run; a command with options of its own may configure one."""
        return IMPORTERS[self.importer_key]

    def handle(self, *args, file: str, dry_run: bool, **options) -> None:
        importer = self.get_importer(**options)
        try:
            outcome = run_import(importer, read_source(file), dry_run=dry_run, out=self.stderr)
        except ImportFailed as failed:
            for problem in failed.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"nothing was imported: {len(failed.problems)} problem(s)") from failed
        if dry_run:
            self.stdout.write("dry run: nothing was written")
        self.stdout.write(outcome.line())
