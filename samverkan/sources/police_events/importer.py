from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import batched

from django.utils.translation import gettext_lazy as _

from samverkan.core.progress import Output, progress
from samverkan.organisations.models import Municipality
from samverkan.organisations.regions import region_label, region_names
from samverkan.sources.importing import Batch, Claim, Plan, bulk_update, expect_written
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import Problems, Source, unpacked
from samverkan.sources.police_events.local_time import local_month
from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.police_events.parse import EventRow, parse_events
from samverkan.sources.registry import register

UNKNOWN_PLACE = "unknown place"
UNKNOWN_PLACES = "{count} event(s) name a place that is no municipality or county, kept for none: {names}"
CHUNK = 1000
LOCATION = "location.name"
NO_MUNICIPALITY = _("the event lies in no municipality: only the police feed brings such events")
MOVED = _("event {event_id} is kept for {region}: only the police feed moves an event to another place")


def region_code(row: EventRow, names: dict[str, str]) -> str:
    """The kommunkod or county code of the event's place; "" for a place the feed made up."""
    code = names.get(row.location_name.lower(), "")
    if len(code) == 2 and row.place:
        # Since January 2026 the feed gives the county and names the municipality last in `name`.
        place_code = names.get(row.place.lower(), "")
        if len(place_code) == 4 and place_code.startswith(code):
            return place_code
    return code


@dataclass
class EventPlan(Plan):
    created: list[PoliceEvent] = field(default_factory=list)
    updated: list[PoliceEvent] = field(default_factory=list)
    changed_fields: set[str] = field(default_factory=set)


@register
class PoliceEventImporter:
    key = "police_events"
    label = _("Police events (polisen.se)")
    accept = ".json,.gz"
    help = _(
        "The JSON list of events polisen.se/api/events serves, or an archive of such events (also gzip-compressed). "
        "Events are matched by id, so a file may be imported again. "
        "In a problem, LINE is the event's position in the list: 1 for the first event."
    )

    def parse(self, source: Source) -> Batch:
        problems = Problems(source.short_name)
        rows = parse_events(unpacked(source), problems.add)
        problems.raise_if_any()
        names = region_names()
        rows = [dataclasses.replace(row, region_code=region_code(row, names)) for row in rows]
        return Batch(rows=rows, municipalities={row.region_code for row in rows if len(row.region_code) == 4})

    def claims(self, batch: Batch) -> Iterator[Claim]:
        """An event writes its region and, when it is stored, the region it is kept for; moving it is the feed's."""
        for rows in batched(batch.rows, CHUNK):
            stored = dict(
                PoliceEvent.objects.filter(event_id__in=[row.event_id for row in rows]).values_list(
                    "event_id", "region_code"
                )
            )
            for row in rows:
                yield Claim(row.line, LOCATION, row.region_code, None if row.region_code else NO_MUNICIPALITY)
                kept = stored.get(row.event_id)
                if kept is not None and kept != row.region_code:
                    yield Claim(row.line, LOCATION, kept)
                    yield Claim(row.line, LOCATION, "", MOVED.format(event_id=row.event_id, region=region_label(kept)))

    def plan(self, batch: Batch, *, out: Output | None) -> EventPlan:
        plan = EventPlan()
        outcome = plan.outcome
        municipalities = dict(Municipality.objects.filter(code__in=batch.municipalities).values_list("code", "id"))
        stored: dict[int, PoliceEvent] = {}
        for ids in batched((row.event_id for row in batch.rows), CHUNK):
            stored.update(PoliceEvent.objects.in_bulk(ids, field_name="event_id"))
        rows = progress(batch.rows, total=len(batch.rows), label="police events", out=out) if out else batch.rows
        for row in rows:
            year, month = local_month(row.occurred_at)
            values = {
                "occurred_at": row.occurred_at,
                "year": year,
                "month": month,
                "name": row.name,
                "summary": row.summary,
                "url": row.url,
                "type": row.type,
                "type_key": row.type_key,
                "location_name": row.location_name,
                "region_code": row.region_code,
                "municipality_id": municipalities.get(row.region_code),
                "gps_lat": row.gps_lat,
                "gps_lng": row.gps_lng,
                "is_summary": row.is_summary,
            }
            described = f"{row.event_id}: {row.name}" + ("" if row.region_code else f" ({UNKNOWN_PLACE})")
            event = stored.get(row.event_id)
            if event is None:
                plan.created.append(PoliceEvent(event_id=row.event_id, **values))
                outcome.count("created", described)
                continue
            changed = {name for name, value in values.items() if getattr(event, name) != value}
            if not changed:
                outcome.count("skipped", described)
                continue
            for name in changed:
                setattr(event, name, values[name])
            plan.updated.append(event)
            plan.changed_fields |= changed
            outcome.count("updated", described)
        unknown = [row.location_name for row in batch.rows if not row.region_code]
        if unknown and out:
            names = ", ".join(name or '""' for name in sorted(set(unknown)))
            out.write(UNKNOWN_PLACES.format(count=len(unknown), names=names))
        return plan

    def apply(self, plan: Plan, *, run: ImportRun) -> None:
        assert isinstance(plan, EventPlan)
        for event in plan.created + plan.updated:
            event.run = run
        PoliceEvent.objects.bulk_create(plan.created, batch_size=CHUNK)
        fields = [*sorted(plan.changed_fields), "run"]
        expect_written(bulk_update(plan.updated, fields), len(plan.updated))
