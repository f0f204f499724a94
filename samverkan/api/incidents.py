"""Incidents with a token: list and read what the incident pages show the user, log one and move it along.

Scoped as the pages: the municipalities the user reads (organisations.access), one incident through
sources.access.get_incident_for_user (404 outside reach); logging where the user reports, handling where the user
writes (403 for one who only reads). Writes go through sources.incidents.services, as the pages' do. The free text
and the reporter stay inside the organisation that logged the incident (DOMAIN.md §4): `description` is null for
anyone else, `reporter_organisation` null for anyone outside it.
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema, Status
from pydantic import field_validator

from samverkan.api.errors import PRIVATE_ERRORS, ApiError, forbidden
from samverkan.api.params import MAX_ID, MunicipalityPeriodParams, Text, id_path, page_of, supported
from samverkan.core.audit import record_read
from samverkan.organisations.access import (
    is_member_of,
    reads_incident_text,
    report_municipalities,
    visible_municipalities,
)
from samverkan.organisations.models import NamedPlace, User
from samverkan.sources.access import get_incident_for_user
from samverkan.sources.incidents import services
from samverkan.sources.incidents.forms import SPAN_BACKWARDS
from samverkan.sources.incidents.models import Incident

router = Router(tags=["incidents"])

IncidentStatus = Literal["ny", "bedomd", "atgardad", "avslutad"]
# Where a service's refusal belongs (as the page's form puts it): its code -> the body's field.
SERVICE_FIELDS = {"outside": "lat", "category": "category", "personnummer": "description", "status": "status"}
NO_SUCH_PLACE = _("No such named place in the municipalities you report for.")


class IncidentOut(Schema):
    id: int
    municipality: str  # kommunkod
    category: str
    occurred_from: datetime.datetime
    occurred_to: datetime.datetime | None
    lat: float
    lng: float
    place: str | None
    severity: int
    status: IncidentStatus
    description: str | None  # null: the text stays inside the organisation that logged it
    reporter_organisation: str | None  # null: outside the organisation that logged it, or none
    reported_at: datetime.datetime


class IncidentPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[IncidentOut]


class IncidentParams(MunicipalityPeriodParams):
    status: IncidentStatus | None = None


def _moment(value: datetime.datetime | None) -> datetime.datetime | None:
    if value is None:
        return None
    supported(value.date())
    return value if timezone.is_aware(value) else timezone.make_aware(value)


class IncidentIn(Schema):
    occurred_from: datetime.datetime = Field(description="When; without an offset, Swedish local time.")
    occurred_to: datetime.datetime | None = Field(None, description="Until, for a time span.")
    lat: float = Field(ge=-90, le=90)
    lng: float = Field(ge=-180, le=180)
    category: Text = Field(max_length=100, description="A category the municipality uses, by name.")
    severity: int = Field(ge=1, le=3)
    description: Text = Field(min_length=1, max_length=5000, description="The place and the situation; no persons.")
    place: int | None = Field(None, ge=1, le=MAX_ID, description="A named place of the municipality, by id.")

    _aware = field_validator("occurred_from", "occurred_to")(_moment)


class HandlingIn(Schema):
    status: IncidentStatus
    note: Text = Field("", max_length=5000)


def _out(incident: Incident, user: User) -> IncidentOut:
    text = reads_incident_text(
        user, organisation_id=incident.reporter_organisation_id, municipality_id=incident.municipality_id
    )
    member = is_member_of(user, incident.reporter_organisation_id)
    return IncidentOut(
        id=incident.pk,
        municipality=incident.municipality.code,
        category=incident.category.name,
        occurred_from=incident.occurred_from,
        occurred_to=incident.occurred_to,
        lat=incident.lat,
        lng=incident.lng,
        place=incident.place.name if incident.place else None,
        severity=incident.severity,
        status=incident.status,  # type: ignore[arg-type]  # one of Incident.Status
        description=incident.description if text else None,
        reporter_organisation=incident.reporter_organisation.name
        if member and incident.reporter_organisation
        else None,
        reported_at=incident.reported_at,
    )


def refused(error: ValidationError) -> ApiError:
    """A service's refusal as the error object, with the field it belongs to."""
    if hasattr(error, "error_dict"):
        name, errors = next(iter(error.error_dict.items()))
        return ApiError(422, "invalid", " ".join(str(m) for e in errors for m in e.messages), field=name)
    code = error.error_list[0].code if error.error_list else None
    return ApiError(422, "invalid", " ".join(error.messages), field=SERVICE_FIELDS.get(code or ""))


@router.get("", response={200: IncidentPage, **PRIVATE_ERRORS}, summary="List incidents")
def incident_list(request, params: Query[IncidentParams]):
    """The incidents of the municipalities the user reads, newest first."""
    incidents = Incident.objects.filter(municipality__in=visible_municipalities(request.user)).select_related(
        "category", "municipality", "place", "reporter_organisation"
    )
    if params.municipality:
        incidents = incidents.filter(municipality__code=params.municipality)
    if params.status:
        incidents = incidents.filter(status=params.status)
    if params.start:
        incidents = incidents.filter(occurred_from__date__gte=params.start)
    if params.end:
        incidents = incidents.filter(occurred_from__date__lte=params.end)
    return page_of(IncidentPage, incidents, params, lambda incident: _out(incident, request.user))


@router.get("/{pk}", response={200: IncidentOut, **PRIVATE_ERRORS}, summary="One incident")
def incident_detail(request, pk: int = id_path()):
    incident, _can_write = get_incident_for_user(request, pk)
    show_reporter = is_member_of(request.user, incident.reporter_organisation_id)
    record_read(request, incident, "incident_reporter" if show_reporter else "incident")
    return _out(incident, request.user)


@router.post("", response={201: IncidentOut, **PRIVATE_ERRORS}, summary="Log an incident")
def incident_create(request, body: IncidentIn):
    """Log an incident where the point lies, in a municipality the user reports for (as the page's form)."""
    allowed = list(report_municipalities(request.user))
    if not allowed:
        raise forbidden()
    place = NamedPlace.objects.filter(pk=body.place, municipality__in=allowed).first() if body.place else None
    if body.place and place is None:
        raise ApiError(422, "invalid", NO_SUCH_PLACE, field="place")
    if body.occurred_to is not None and body.occurred_to < body.occurred_from:
        raise ApiError(422, "invalid", SPAN_BACKWARDS, field="occurred_to")
    report = services.IncidentReport(
        occurred_from=body.occurred_from,
        occurred_to=body.occurred_to,
        lat=body.lat,
        lng=body.lng,
        category=body.category,
        severity=body.severity,
        description=body.description,
        place=place,
    )
    try:
        incident = services.incident_report(report=report, by=request.user, allowed=allowed)
    except ValidationError as error:
        raise refused(error) from error
    return Status(201, _out(incident, request.user))


@router.patch("/{pk}", response={200: IncidentOut, **PRIVATE_ERRORS}, summary="Handle an incident")
def incident_handle(request, body: HandlingIn, pk: int = id_path()):
    """Move the incident along its workflow (ny → bedömd → åtgärdad / avslutad) with a handling note."""
    incident, can_write = get_incident_for_user(request, pk)
    if not can_write:
        raise forbidden()
    try:
        services.incident_handle(incident=incident, by=request.user, status=body.status, note=body.note)
    except ValidationError as error:
        raise refused(error) from error
    return _out(incident, request.user)
