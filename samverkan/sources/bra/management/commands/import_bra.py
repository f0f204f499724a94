from __future__ import annotations

from samverkan.sources.commands import ImportCommand


class Command(ImportCommand):
    help = "Import Brå's reported crimes from a SOL export (tab- or semicolon-separated, ISO-8859-1 or UTF-8)."
    importer_key = "bra"
