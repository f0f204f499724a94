from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.organisations.lib.national import NationalDataError
from samverkan.organisations.national import police_areas_import


class Command(BaseCommand):
    help = (
        "Complete or change the police organisation from a CSV file with the header "
        "region,polisområde,lokalpolisområde,kommunkod (with or without å/ä, an optional kommun column): "
        "the police regions, polisområden and lokalpolisområden, their parents and their municipalities. Empty "
        'polisområde or lokalpolisområde: not known. Organisations are matched by name ("Lokalpolisområde X", '
        '"LPO X"); none is deleted. All or nothing: every problem as FILE:LINE: field: what is wrong.'
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            counts = police_areas_import(file)
        except NationalDataError as error:
            raise CommandError(f"nothing imported:\n{error}") from error
        except OSError as error:
            raise CommandError(f"{file}: {error}") from error
        for line in counts.lines():
            self.stdout.write(line)
