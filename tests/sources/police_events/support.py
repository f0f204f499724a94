"""What the police events tests share: the data files, the commands and a fingerprint of the tables."""

from __future__ import annotations

import datetime
import hashlib
import io
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

from samverkan.sources.models import ImportRun
from samverkan.sources.police_events.models import FeedFetch, PoliceEvent

DATA = Path(__file__).parent / "data"


def import_file(name: str | Path, *args: str) -> tuple[str, str]:
    """Run import_police_events on a data file (or a path); its stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    path = name if isinstance(name, Path) else DATA / name
    call_command("import_police_events", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def tables() -> tuple[int, int, int, str]:
    """Row counts of the source's tables and a checksum of every stored value."""
    events = list(PoliceEvent.objects.order_by("event_id").values_list())
    fetches = list(FeedFetch.objects.order_by("url").values_list())
    digest = hashlib.sha256(repr((events, fetches)).encode()).hexdigest()
    return len(events), len(fetches), ImportRun.objects.count(), digest


def import_failing(name: str | Path) -> tuple[str, list[str]]:
    """Run import_police_events where it must fail: the error and the lines it wrote to stderr."""
    err = io.StringIO()
    path = name if isinstance(name, Path) else DATA / name
    try:
        call_command("import_police_events", str(path), stdout=io.StringIO(), stderr=err)
    except CommandError as error:
        return str(error), err.getvalue().splitlines()
    raise AssertionError(f"{path} was imported")


def event(
    municipality, number: int, at: datetime.datetime, kind: str = "Trafikolycka", *, summary: bool = False
) -> PoliceEvent:
    """One hand-made event in the municipality (None: county-wide), stored as the model saves it."""
    run = ImportRun.objects.get_or_create(source="police_events", name="hand-made")[0]
    return PoliceEvent.objects.create(
        event_id=number,
        occurred_at=at,
        name=f"{number}, {kind}",
        type=kind,
        municipality=municipality,
        region_code=municipality.code if municipality else "25",
        is_summary=summary,
        run=run,
    )
