from __future__ import annotations

from samverkan.sources.commands import ImportCommand


class Command(ImportCommand):
    help = (
        "Update action plan activities from CSV or XLSX: statuses, comments and occurrences; "
        "see samverkan/planning/actions/importer.py for the columns."
    )
    importer_key = "activities"
