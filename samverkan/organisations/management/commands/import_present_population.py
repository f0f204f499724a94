from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.organisations.lib.national import NationalDataError
from samverkan.organisations.national import present_population_import


class Command(BaseCommand):
    help = (
        "Import municipalities' present population (residents and visitors) per month from a CSV file with the "
        "header kommunkod,month,present_population (month as YYYY-MM). The residents are those of the month's "
        "year, or of the latest year before it; the visitors are the rest and cannot be fewer than none. All or "
        "nothing: every problem as FILE:LINE: field: what is wrong."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            counts = present_population_import(file)
        except NationalDataError as error:
            raise CommandError(f"nothing imported:\n{error}") from error
        except OSError as error:
            raise CommandError(f"{file}: {error}") from error
        self.stdout.write(counts.line("present population"))
