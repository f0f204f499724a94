from __future__ import annotations

import argparse
import datetime
from typing import Any

from samverkan.sources.commands import ImportCommand
from samverkan.sources.surveys.importer import SurveyImporter


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from error


class Command(ImportCommand):
    help = (
        "Import safety survey answers (trygghetsmätning) from a wide CSV file, one row per respondent; "
        "see samverkan/sources/surveys/parse.py for the columns. The wave is dated by --opened-on/--closed-on, "
        "else by the file's submitdate column, else by the year in its name; otherwise nothing is imported."
    )
    importer_key = "survey"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--wave", required=True, help="the wave's name, e.g. 2025 (one wave per municipality)")
        parser.add_argument("--opened-on", type=iso_date, help="the day the wave opened, YYYY-MM-DD")
        parser.add_argument("--closed-on", type=iso_date, help="the day the wave closed, YYYY-MM-DD")

    def get_importer(self, **options: Any) -> SurveyImporter:
        """The survey importer for the wave and the days given on the command line."""
        return SurveyImporter(wave=options["wave"], opened_on=options["opened_on"], closed_on=options["closed_on"])
