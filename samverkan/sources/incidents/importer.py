from __future__ import annotations

from typing import TextIO

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core.progress import progress
from samverkan.organisations.geography import municipality_at
from samverkan.organisations.models import Municipality
from samverkan.sources.importing import Batch, Outcome, Problems, Source
from samverkan.sources.incidents.aggregates import aggregates_deferred
from samverkan.sources.incidents.models import Incident, IncidentCategory, NamedPlace
from samverkan.sources.incidents.parse import IncidentRow, parse_incidents
from samverkan.sources.incidents.services import STANDARD_CATEGORIES, incident_categories_for, reporter_organisation
from samverkan.sources.models import ImportRun
from samverkan.sources.registry import register

OUTSIDE_SWEDEN = _("{lat}, {lng} lies in no Swedish municipality")
IN_OTHER_MUNICIPALITY = _("the point lies in {name} ({code})")
UNKNOWN_CATEGORY = _("{municipality} does not use the category {category!r}")
UNKNOWN_PLACE = _("{municipality} has no named place {place!r}")


def _category_names(municipality: Municipality) -> set[str]:
    names = IncidentCategory.objects.filter(municipality=municipality, active=True).values_list("name", flat=True)
    return {name.casefold() for name in names} or {name.casefold() for name, _area in STANDARD_CATEGORIES}


@register
class IncidentImporter:
    key = "incidents"
    label = _("Incidents (EST)")
    accept = ".csv,.txt,.xlsx"
    help = _(
        "CSV or XLSX with the columns id, occurred_from, occurred_to, kommunkod, lat, lng (or sweref_n, sweref_e), "
        "place, category, severity, status, description – the same columns the incident export writes."
    )

    def parse(self, source: Source) -> Batch:
        rows = parse_incidents(source)
        problems = Problems(source.short_name)
        municipalities = list(Municipality.objects.all())
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
            if row.category.casefold() not in _category_names(municipality):
                problems.add(
                    row.line, "category", UNKNOWN_CATEGORY.format(municipality=municipality.name, category=row.category)
                )
            if row.place and not NamedPlace.objects.filter(municipality=municipality, name=row.place).exists():
                problems.add(row.line, "place", UNKNOWN_PLACE.format(municipality=municipality.name, place=row.place))
            located.append((row, municipality))
        problems.raise_if_any()
        return Batch(rows=located, municipalities={m.code for _row, m in located})

    def store(self, batch: Batch, *, run: ImportRun, outcome: Outcome, out: TextIO | None) -> None:
        with aggregates_deferred():  # each touched municipality-month is recounted once, at the end
            for row, municipality in progress(batch.rows, total=len(batch.rows), label="incidents", out=out):
                self._store_row(row, municipality, run, outcome)

    def _store_row(self, row: IncidentRow, municipality: Municipality, run: ImportRun, outcome: Outcome) -> None:
        category = next(
            c for c in incident_categories_for(municipality) if c.name.casefold() == row.category.casefold()
        )
        tz = timezone.get_current_timezone()
        values = {
            "municipality": municipality,
            "category": category,
            "occurred_from": timezone.make_aware(row.occurred_from, tz),
            "occurred_to": row.occurred_to and timezone.make_aware(row.occurred_to, tz),
            "lat": row.lat,
            "lng": row.lng,
            "place": NamedPlace.objects.filter(municipality=municipality, name=row.place).first(),
            "severity": row.severity,
            "status": row.status,
            "description": row.description,
        }
        described = f"{municipality.name}: {category.name} {row.occurred_from:%Y-%m-%d %H:%M}"
        # The key is the municipality's own: another municipality's incident of the same id is never matched.
        incident = Incident.objects.filter(municipality=municipality, import_key=row.key).first()
        if incident is None:
            Incident.objects.create(
                import_key=row.key,
                run=run,
                reported_by=run.by,
                reporter_organisation=reporter_organisation(run.by, municipality),
                **values,
            )
            outcome.count("created", described)
        elif any(getattr(incident, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(incident, name, value)
            incident.run = run
            incident.save()
            outcome.count("updated", described)
        else:
            outcome.count("skipped", described)
