from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.organisations.lib.places import PlacesError
from samverkan.organisations.places import named_places_load


class Command(BaseCommand):
    help = (
        "Import a municipality's named places from a CSV file with the header municipality,name,kind,lat,lng "
        "(kommunkod, name, village|square|school|station|other, WGS84 decimal degrees). All or nothing: every "
        "problem is listed as FILE:LINE: field: what is wrong. Places are matched by municipality and name."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            result = named_places_load(path=file)
        except PlacesError as error:
            raise CommandError(f"nothing imported:\n{error}") from error
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: {error}") from error
        self.stdout.write(
            f"named places: {result.created} created, {result.updated} updated, {result.unchanged} unchanged"
        )
