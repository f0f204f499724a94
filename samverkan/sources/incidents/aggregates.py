"""The monthly incident aggregates: counts per municipality × category and per municipality × H3 cell
in Europe/Stockholm months, kept right by recounting every touched municipality-month from the raw rows.

Writes report the municipality-months they touched (models.py does it for every write of an
incident); `aggregates_deferred()` gathers them over a bulk import and recounts each once at the end.
Recounting a whole bucket, rather than adding deltas, is always right whatever the write did.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Count, Max, Min, Sum

from samverkan.core.progress import Output, progress
from samverkan.core.versions import services as versions
from samverkan.organisations.models import Municipality
from samverkan.sources.incidents.models import CELL_RESOLUTIONS, Incident, IncidentCellMonth, IncidentMonth
from samverkan.sources.incidents.months import Bucket, Month, local_month, month_bounds, months_between

_deferred: ContextVar[set[Bucket] | None] = ContextVar("incident_aggregates_deferred", default=None)


@contextmanager
def aggregates_deferred() -> Iterator[None]:
    """Recount the buckets touched inside the block once, when it ends without an error."""
    if _deferred.get() is not None:
        yield
        return
    buckets: set[Bucket] = set()
    token = _deferred.set(buckets)
    try:
        yield
    finally:
        _deferred.reset(token)
    aggregates_refresh(buckets)


def aggregates_touched(buckets: Iterable[Bucket]) -> None:
    """Writes call this with the municipality-months they changed: recounted now, or when the deferral ends."""
    deferred = _deferred.get()
    if deferred is None:
        aggregates_refresh(buckets)
    else:
        deferred.update(buckets)


@transaction.atomic
def aggregates_refresh(buckets: Iterable[Bucket]) -> None:
    """Recount the aggregates of the municipality-months from the raw rows."""
    by_month: dict[Month, set[int]] = defaultdict(set)
    for bucket in buckets:
        by_month[bucket.year, bucket.month].add(bucket.municipality_id)
    if not by_month:
        return
    # Writers recount one after another: a recount that waited here reads the rows committed meanwhile.
    # (FOR NO KEY UPDATE leaves inserting incidents that refer to the municipality free.)
    ids = sorted(set().union(*by_month.values()))
    list(Municipality.objects.select_for_update(no_key=True).filter(id__in=ids).order_by("id").values_list("id"))
    versions.bump(ids)  # the bulk writes send no signals: their municipalities' pictures are built again
    for month, municipality_ids in sorted(by_month.items()):
        _recount(month, municipality_ids)


def _recount(month: Month, municipality_ids: Collection[int]) -> tuple[int, int]:
    """Replace the month's aggregates of the municipalities; returns the rows written (months, cells)."""
    begin, end = month_bounds(month)
    incidents = Incident.objects.filter(
        municipality_id__in=municipality_ids, occurred_from__gte=begin, occurred_from__lt=end
    ).order_by()
    year, number = month
    months = [
        IncidentMonth(
            municipality_id=municipality_id,
            category_id=category_id,
            year=year,
            month=number,
            count=count,
            severity_sum=severity_sum,
        )
        for municipality_id, category_id, count, severity_sum in incidents.values_list(
            "municipality_id", "category_id"
        ).annotate(Count("id"), Sum("severity"))
    ]
    cells = [
        IncidentCellMonth(
            municipality_id=municipality_id, resolution=resolution, cell=cell, year=year, month=number, count=count
        )
        for resolution in CELL_RESOLUTIONS
        for municipality_id, cell, count in incidents.values_list("municipality_id", f"h3_r{resolution}").annotate(
            Count("id")
        )
    ]
    for model in (IncidentMonth, IncidentCellMonth):
        model.objects.filter(municipality_id__in=municipality_ids, year=year, month=number).delete()
    IncidentMonth.objects.bulk_create(months, batch_size=1000)
    IncidentCellMonth.objects.bulk_create(cells, batch_size=1000)
    return len(months), len(cells)


@transaction.atomic
def rebuild(*, out: Output | None = None) -> dict[str, int]:
    """Rebuild every incident aggregate from the raw rows; returns the rows written by kind."""
    IncidentMonth.objects.all().delete()
    IncidentCellMonth.objects.all().delete()
    by_month: dict[Month, set[int]] = defaultdict(set)
    spans = (
        Incident.objects.order_by().values_list("municipality_id").annotate(Min("occurred_from"), Max("occurred_from"))
    )
    for municipality_id, first, last in spans:
        for month in months_between(local_month(first), local_month(last)):
            by_month[month].add(municipality_id)
    months = cells = 0
    for month in progress(sorted(by_month), total=len(by_month), label="incident months", out=out):
        written = _recount(month, by_month[month])
        months, cells = months + written[0], cells + written[1]
    return {"incident months": months, "incident cell months": cells}
