from __future__ import annotations

import hashlib
import io
from pathlib import Path

from django.core.management import call_command

from samverkan.sources.indicators.models import Indicator, IndicatorValue
from samverkan.sources.models import ImportRun

DATA = Path(__file__).parent / "data"


def run(path: Path, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_indicators", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def state() -> tuple[int, int, int, str]:
    """Row counts of the indicator tables and the import log, and a checksum of every indicator row."""
    rows = [
        list(Indicator.objects.order_by("pk").values_list()),
        list(IndicatorValue.objects.order_by("pk").values_list()),
    ]
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()
    return Indicator.objects.count(), IndicatorValue.objects.count(), ImportRun.objects.count(), digest
