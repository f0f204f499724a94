from __future__ import annotations

from samverkan.sources.commands import ImportCommand


class Command(ImportCommand):
    help = (
        "Import indicator values (youth surveys, supervision figures …) from CSV with the columns "
        "indicator,municipality,year,value,n,source; see samverkan/sources/indicators/parse.py."
    )
    importer_key = "indicators"
