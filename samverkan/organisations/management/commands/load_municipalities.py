from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.organisations.lib.national import NationalDataError
from samverkan.organisations.lib.places import PlacesError
from samverkan.organisations.models import Municipality
from samverkan.organisations.municipalities import GEOJSON, municipalities_load
from samverkan.organisations.national import bundled_load
from samverkan.organisations.places import BUNDLED, named_places_load


class Command(BaseCommand):
    help = (
        "Load or update all Swedish municipalities (code, name, county, boundary) from GeoJSON; the bundled "
        "national reference data for them: their residents 2015–2020 (SCB, data/population.csv) and the police "
        "organisation (police regions, the lokalpolisområden known, data/police_areas.csv); and the bundled named "
        "places of the municipalities that have them (data/named_places.csv). A second run changes nothing; "
        "nothing made by hand is deleted."
    )

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
        try:
            national = bundled_load()
        except NationalDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(national.residents.line("residents"))
        for line in national.police.lines():
            self.stdout.write(line)
        try:
            places = named_places_load(path=BUNDLED, municipalities=Municipality.objects.all())
        except PlacesError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"named places: {places.created} created, {places.updated} updated, {places.unchanged} unchanged"
        )
