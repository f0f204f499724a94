from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import batched

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core.progress import Output, progress
from samverkan.organisations.geography import municipality_at
from samverkan.organisations.models import Municipality, NamedPlace
from samverkan.sources.importing import Batch, ChangedMeanwhile, Plan, bulk_update, expect_written
from samverkan.sources.incidents.aggregates import aggregates_deferred, aggregates_touched
from samverkan.sources.incidents.models import Incident, IncidentCategory
from samverkan.sources.incidents.months import bucket_of
from samverkan.sources.incidents.parse import COLUMNS, parse_incidents
from samverkan.sources.incidents.selectors import STANDARD_CATEGORIES, incident_categories
from samverkan.sources.incidents.services import incident_categories_for, reporter_organisation
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import Problems, Source
from samverkan.sources.registry import register

OUTSIDE_SWEDEN = _("{lat}, {lng} lies in no Swedish municipality")
IN_OTHER_MUNICIPALITY = _("the point lies in {name} ({code})")
UNKNOWN_CATEGORY = _("{municipality} does not use the category {category!r}")
UNKNOWN_PLACE = _("{municipality} has no named place {place!r}")
CHUNK = 500
# What an import writes of an incident it updates (the municipality is the one it is matched in).
UPDATED_FIELDS = [
    "category",
    "occurred_from",
    "occurred_to",
    "lat",
    "lng",
    "place",
    "severity",
    "status",
    "description",
    "run",
    "h3_r7",
    "h3_r8",
    "h3_r9",
]


def _category_names(municipality: Municipality) -> set[str]:
    """The names (casefolded) a row may give: the categories in use, or the standard list for a
    municipality that has none yet (the import then creates them, as incident_categories_for does)."""
    return {category.name.casefold() for category in incident_categories(municipality)}


@dataclass
class IncidentPlan(Plan):
    # New incidents, complete but for the category of a municipality whose categories are created by apply.
    created: list[tuple[Incident, str]] = field(default_factory=list)
    updated: list[tuple[Incident, str]] = field(default_factory=list)  # changed, unsaved; the category's name
    municipalities: dict[int, Municipality] = field(default_factory=dict)  # those written, by id


@register
class IncidentImporter:
    key = "incidents"
    label = _("Incidents (EST)")
    accept = ".csv,.txt,.xlsx"
    help = _(
        "CSV or XLSX with the columns below, the same the incident export writes; lat and lng, or sweref_n and "
        "sweref_e, give the place."
    )
    columns = COLUMNS  # the file's column names as they are written: English identifiers, so marked on the page

    def parse(self, source: Source) -> Batch:
        rows = parse_incidents(source)
        problems = Problems(source.short_name)
        municipalities = list(Municipality.objects.all())
        category_names: dict[int, set[str]] = {}
        place_names: dict[int, set[str]] = {}
        located = []
        for row in rows:
            municipality = municipality_at(row.lat, row.lng, municipalities)
            if municipality is None:
                problems.add(row.line, "lat", OUTSIDE_SWEDEN.format(lat=row.lat, lng=row.lng))
                continue
            if row.kommunkod and row.kommunkod != municipality.code:
                problems.add(
                    row.line, "kommunkod", IN_OTHER_MUNICIPALITY.format(name=municipality.name, code=municipality.code)
                )
            if municipality.id not in category_names:
                category_names[municipality.id] = _category_names(municipality)
                places = NamedPlace.objects.filter(municipality=municipality).values_list("name", flat=True)
                place_names[municipality.id] = set(places)
            if row.category.casefold() not in category_names[municipality.id]:
                problems.add(
                    row.line, "category", UNKNOWN_CATEGORY.format(municipality=municipality.name, category=row.category)
                )
            if row.place and row.place not in place_names[municipality.id]:
                problems.add(row.line, "place", UNKNOWN_PLACE.format(municipality=municipality.name, place=row.place))
            located.append((row, municipality))
        problems.raise_if_any()
        return Batch(rows=located, municipalities={m.code for _row, m in located})

    def plan(self, batch: Batch, *, out: Output | None) -> IncidentPlan:
        """Match each row with the incident of the same key in its own municipality: another municipality's
        incident of the same id is never matched."""
        plan = IncidentPlan()
        ids = {municipality.id for _row, municipality in batch.rows}
        categories: dict[int, dict[str, IncidentCategory]] = defaultdict(dict)
        for in_use in IncidentCategory.objects.filter(municipality__in=ids, active=True):
            categories[in_use.municipality_id][in_use.name.casefold()] = in_use
        places: dict[tuple[int, str], NamedPlace] = {
            (place.municipality_id, place.name): place for place in NamedPlace.objects.filter(municipality__in=ids)
        }
        keys: dict[int, set[str]] = defaultdict(set)
        for row, municipality in batch.rows:
            keys[municipality.id].add(row.key)
        stored: dict[tuple[int, str | None], Incident] = {}  # by municipality and import key
        for municipality_id, municipality_keys in keys.items():
            for chunk in batched(sorted(municipality_keys), CHUNK):
                matching = Incident.objects.filter(municipality_id=municipality_id, import_key__in=chunk)
                stored.update({(municipality_id, incident.import_key): incident for incident in matching})
        standard = {name.casefold(): name for name, _area in STANDARD_CATEGORIES}
        tz = timezone.get_current_timezone()
        for row, municipality in progress(batch.rows, total=len(batch.rows), label="incidents", out=out):
            category = categories[municipality.id].get(row.category.casefold())
            category_name = category.name if category else standard.get(row.category.casefold(), row.category)
            place = places.get((municipality.id, row.place))
            values = {
                "municipality_id": municipality.id,
                "category_id": category and category.id,
                "occurred_from": timezone.make_aware(row.occurred_from, tz),
                "occurred_to": row.occurred_to and timezone.make_aware(row.occurred_to, tz),
                "lat": row.lat,
                "lng": row.lng,
                "place_id": place and place.id,
                "severity": row.severity,
                "status": row.status,
                "description": row.description,
            }
            described = f"{municipality.name}: {category_name} {row.occurred_from:%Y-%m-%d %H:%M}"
            incident = stored.get((municipality.id, row.key))
            if incident is None:
                incident = Incident(import_key=row.key, **values)
                incident.locate_cells()
                plan.created.append((incident, category_name))
                plan.municipalities[municipality.id] = municipality
                plan.outcome.count("created", described)
            elif any(getattr(incident, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(incident, name, value)
                incident.locate_cells()
                plan.updated.append((incident, category_name))
                plan.municipalities[municipality.id] = municipality
                plan.outcome.count("updated", described)
            else:
                plan.outcome.count("skipped", described)
        return plan

    def apply(self, plan: Plan, *, run: ImportRun) -> None:
        assert isinstance(plan, IncidentPlan)
        categories = {  # a municipality without categories gets the standard ones here
            (municipality.id, category.name.casefold()): category.id
            for municipality in plan.municipalities.values()
            for category in incident_categories_for(municipality)
        }
        organisations = {m.id: reporter_organisation(run.by, m) for m in plan.municipalities.values()}
        for incident, category_name in plan.created + plan.updated:
            category_id = categories.get((incident.municipality_id, category_name.casefold()))
            if category_id is None:  # put out of use since the plan
                raise ChangedMeanwhile(category_name)
            incident.category_id = category_id
            incident.run = run
        for incident, _category_name in plan.created:
            incident.reported_by = run.by
            incident.reporter_organisation = organisations[incident.municipality_id]
        updated = [incident for incident, _ in plan.updated]
        with aggregates_deferred():  # each touched municipality-month is recounted once, at the end
            Incident.objects.bulk_create([incident for incident, _ in plan.created], batch_size=CHUNK)
            # The months the updated incidents are counted in now, and will be: bulk_update sends no word.
            stored = (
                Incident.objects.filter(pk__in=chunk).values_list("municipality_id", "occurred_from")
                for chunk in batched([incident.pk for incident in updated], CHUNK)
            )
            before = {bucket_of(municipality_id, moment) for rows in stored for municipality_id, moment in rows}
            expect_written(bulk_update(updated, UPDATED_FIELDS), len(updated))
            aggregates_touched(before | {incident.bucket() for incident in updated})
