from __future__ import annotations

from samverkan.sources.commands import ImportCommand


class Command(ImportCommand):
    help = (
        "Import Kolada key figures from a saved JSON answer of Kolada's data API, or from its URL "
        "(every page is read); see samverkan/sources/kolada/parse.py for the format."
    )
    importer_key = "kolada"
