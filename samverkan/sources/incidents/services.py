"""Logging incidents and handling them."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import validate_no_personnummer
from samverkan.organisations.geography import municipality_at
from samverkan.organisations.models import Membership, Municipality, NamedPlace, Organisation, User
from samverkan.sources.incidents.models import Incident, IncidentCategory, IncidentNote
from samverkan.sources.incidents.selectors import standard_categories

OUTSIDE_YOUR_MUNICIPALITIES = _("The place is outside the municipalities you report for ({names}).")
CATEGORY_NOT_USED = _("{municipality} does not use the category '{category}'.")
STATUS_NOT_ALLOWED = _("An incident that is '{current}' cannot become '{new}'.")


def incident_categories_for(municipality: Municipality) -> list[IncidentCategory]:
    """The municipality's categories in use, stored: one without categories of its own gets the standard list
    here. For the writes that need them; a page reads them with selectors.incident_categories."""
    if not IncidentCategory.objects.filter(municipality=municipality).exists():
        IncidentCategory.objects.bulk_create(standard_categories(municipality), ignore_conflicts=True)
    return list(IncidentCategory.objects.filter(municipality=municipality, active=True).select_related("focus_area"))


@transaction.atomic
def incident_settings_save(
    *,
    municipality: Municipality,
    categories: Iterable[IncidentCategory],
    places: Iterable[NamedPlace],
    removed: Iterable[NamedPlace],
) -> None:
    """Store the municipality's categories and named places as edited, and delete the places removed: all or none."""
    items: list[IncidentCategory | NamedPlace] = [*categories, *places]
    for item in items:
        item.municipality = municipality
        item.full_clean()
        item.save()
    for place in removed:
        place.delete()


def locate(lat: float, lng: float, municipalities: list[Municipality]) -> Municipality:
    """The municipality of the point among those allowed, or a ValidationError naming them."""
    municipality = municipality_at(lat, lng, municipalities)
    if municipality is None:
        names = ", ".join(m.name for m in municipalities)
        raise ValidationError(str(OUTSIDE_YOUR_MUNICIPALITIES).format(names=names), code="outside")
    return municipality


def category_in(municipality: Municipality, name: str) -> IncidentCategory:
    for category in incident_categories_for(municipality):
        if category.name.casefold() == name.strip().casefold():
            return category
    raise ValidationError(str(CATEGORY_NOT_USED).format(municipality=municipality.name, category=name), code="category")


def reporter_organisation(user: User | None, municipality: Municipality) -> Organisation | None:
    """The user's organisation that covers the municipality (the one they report for)."""
    if user is None:
        return None
    for membership in Membership.objects.filter(user=user).select_related("organisation"):
        if membership.municipality_id in (None, municipality.id) and (
            municipality.id in membership.organisation.covered_municipality_ids()
        ):
            return membership.organisation
    return None


@dataclass(frozen=True)
class IncidentReport:
    occurred_from: datetime.datetime
    occurred_to: datetime.datetime | None
    lat: float
    lng: float
    category: str
    severity: int
    description: str
    place: NamedPlace | None = None


@transaction.atomic
def incident_report(*, report: IncidentReport, by: User, allowed: list[Municipality]) -> Incident:
    """Log an incident where the point lies; refuses persons' data and points outside `allowed`."""
    validate_no_personnummer(report.description)
    municipality = locate(report.lat, report.lng, allowed)
    incident = Incident(
        municipality=municipality,
        category=category_in(municipality, report.category),
        occurred_from=report.occurred_from,
        occurred_to=report.occurred_to,
        lat=report.lat,
        lng=report.lng,
        place=report.place if report.place and report.place.municipality_id == municipality.id else None,
        severity=report.severity,
        description=report.description.strip(),
        reported_by=by,
        reporter_organisation=reporter_organisation(by, municipality),
    )
    incident.full_clean()
    incident.save()
    return incident


@transaction.atomic
def incident_handle(*, incident: Incident, by: User, status: str, note: str) -> IncidentNote:
    """Add a handling note and move the incident along its workflow."""
    validate_no_personnummer(note)
    current = incident.status
    if status != current and status not in incident.next_statuses():
        raise ValidationError(
            str(STATUS_NOT_ALLOWED).format(current=Incident.Status(current).label, new=Incident.Status(status).label),
            code="status",
        )
    if status != current:
        incident.status = status
        incident.save(update_fields=["status"])
    return IncidentNote.objects.create(
        incident=incident,
        by=by,
        organisation=reporter_organisation(by, incident.municipality),
        text=note.strip(),
        status_from=current if status != current else "",
        status_to=status if status != current else "",
    )
