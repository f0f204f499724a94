from __future__ import annotations

from samverkan.sources.commands import ImportCommand
from samverkan.sources.surveys.importer import SurveyImporter


class Command(ImportCommand):
    help = (
        "Import safety survey answers (trygghetsmätning) from a wide CSV file, one row per respondent; "
        "see samverkan/sources/surveys/parse.py for the columns."
    )
    importer_key = "survey"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--wave", required=True, help="the wave's name, e.g. 2025 (one wave per municipality)")

    def get_importer(self, *, wave: str, **options) -> SurveyImporter:
        return SurveyImporter(wave=wave)
