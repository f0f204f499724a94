from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.organisations.lib.national import NationalDataError
from samverkan.organisations.national import population_import


class Command(BaseCommand):
    help = (
        "Import the residents of municipalities (folkmängd 31 december) from SCB's table BE0101N1 as "
        'Statistikdatabasen exports it to CSV: a region column ("0114 Upplands Väsby") and a column per year, '
        "or a year column (år) and a Folkmängd column; rows are summed over civilstånd, ålder and kön. UTF-8 or "
        "ISO-8859-1; comma, semicolon or tab. All or nothing: every problem as FILE:LINE: field: what is wrong."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            counts = population_import(file)
        except NationalDataError as error:
            raise CommandError(f"nothing imported:\n{error}") from error
        except OSError as error:
            raise CommandError(f"{file}: {error}") from error
        self.stdout.write(counts.line("residents"))
