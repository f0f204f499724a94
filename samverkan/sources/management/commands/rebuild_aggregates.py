"""`samverkan rebuild_aggregates`: rebuild every source's aggregates from its raw rows."""

from __future__ import annotations

from collections.abc import Callable

from django.core.management.base import BaseCommand

from samverkan.core.progress import Output
from samverkan.sources.incidents import aggregates as incident_aggregates
from samverkan.sources.surveys import tallies as survey_tallies

# Each source with aggregates: rebuild(out=...) rebuilds them all and returns the rows written by kind.
REBUILDERS: list[Callable[..., dict[str, int]]] = [incident_aggregates.rebuild, survey_tallies.rebuild]


def rebuild_all(*, out: Output | None = None) -> dict[str, int]:
    written: dict[str, int] = {}
    for rebuild in REBUILDERS:
        written |= rebuild(out=out)
    return written


class Command(BaseCommand):
    help = "Rebuild the aggregates (incidents per month and per H3 cell, survey tallies) from the raw rows."

    def handle(self, *args, **options) -> None:
        written = rebuild_all(out=self.stderr)
        self.stdout.write("rebuilt: " + ", ".join(f"{count} {kind}" for kind, count in written.items()))
