"""Helpers of the national reference data's tests: the 290 municipalities without their boundaries (loading the
GeoJSON takes seconds; the population and police files need only the codes), and running a command."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.core.management import call_command

from samverkan.organisations.models import Municipality

DATA = Path(__file__).resolve().parents[2] / "samverkan" / "organisations" / "data"
SQUARE = {"type": "Polygon", "coordinates": [[[17, 66], [18, 66], [18, 67], [17, 66]]]}


def codes_and_names() -> dict[str, str]:
    """The 290 kommunkoder and names, as the bundled police_areas.csv lists them."""
    with (DATA / "police_areas.csv").open(encoding="utf-8") as file:
        return {row["kommunkod"]: row["kommun"] for row in csv.DictReader(file)}


def all_municipalities() -> None:
    """The 290 municipalities (those the database lacks), with a small square for a boundary."""
    have = set(Municipality.objects.values_list("code", flat=True))
    Municipality.objects.bulk_create(
        Municipality(code=code, name=name, county_code=code[:2], county_name="", boundary=SQUARE)
        for code, name in codes_and_names().items()
        if code not in have
    )


def run(command: str, *args: str) -> list[str]:
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=io.StringIO())
    return out.getvalue().splitlines()
