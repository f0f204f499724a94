from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.organisations.municipalities import GEOJSON, municipalities_load


class Command(BaseCommand):
    help = "Load or update all Swedish municipalities (code, name, county, boundary) from GeoJSON."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", nargs="?", type=Path, default=GEOJSON, help="GeoJSON file (default: bundled)")

    def handle(self, *args, file: Path, **options) -> None:
        try:
            result = municipalities_load(path=file, out=self.stderr)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"municipalities: {result.created} created, {result.updated} updated, {result.unchanged} unchanged"
        )
