from __future__ import annotations

import hashlib
import io
from pathlib import Path

from django.core.management import call_command

from samverkan.sources.kolada.models import Kpi, KpiValue
from samverkan.sources.models import ImportRun

DATA = Path(__file__).parent / "data"


def run(argument: str | Path, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_kolada", str(argument), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def state() -> tuple[int, int, int, str]:
    """Row counts of the Kolada tables and the import log, and a checksum of every Kolada row."""
    rows = [list(Kpi.objects.order_by("pk").values_list()), list(KpiValue.objects.order_by("pk").values_list())]
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()
    return Kpi.objects.count(), KpiValue.objects.count(), ImportRun.objects.count(), digest
