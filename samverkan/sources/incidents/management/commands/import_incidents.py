from __future__ import annotations

from samverkan.sources.commands import ImportCommand


class Command(ImportCommand):
    help = "Import incidents (EST) from CSV or XLSX; see samverkan/sources/incidents/parse.py for the columns."
    importer_key = "incidents"
