"""Every write of the citizens' reports: filing one (the public form), reviewing it, handling and answering it."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
from samverkan.core.fields import validate_no_contact_details, validate_no_personnummer
from samverkan.organisations.geography import municipality_at
from samverkan.organisations.models import Municipality, NamedPlace, User
from samverkan.sources.citizen_reports.models import CitizenReport, ReportPhoto
from samverkan.sources.citizen_reports.photos import PhotoError, clean_photo
from samverkan.sources.incidents.models import Incident, IncidentNote
from samverkan.sources.incidents.services import category_in, reporter_organisation

OUTSIDE = _("The place is outside {municipality}. Choose a place inside the municipality on the map or in the list.")
PHOTO_PROBLEMS = {
    "too_big": _("The photo is larger than 10 MB. Choose a smaller photo."),
    "not_image": _("The file is not a photo we can read (JPEG, PNG, WebP or GIF)."),
    "too_many_pixels": _("The photo has too many pixels (at most 40 megapixels)."),
}
ALREADY_REVIEWED = _("The report has already been reviewed.")
STATUS_NOT_ALLOWED = _("A report that is '{current}' cannot become '{new}'.")
INCIDENT_NOTE = "Från ett medborgartips."  # the incident's handling note: the log is kept in Swedish


@dataclass(frozen=True)
class Submission:
    category: str
    lat: float
    lng: float
    text: str
    place: NamedPlace | None = None
    photo: bytes | None = None


def _guard_public(text: str, field: str) -> None:
    try:
        validate_no_personnummer(text)
        validate_no_contact_details(text)
    except ValidationError as error:
        raise ValidationError({field: error.error_list}) from error


@transaction.atomic
def citizen_report_submit(*, municipality: Municipality, submission: Submission) -> CitizenReport:
    """File a citizen's report: the point must lie in the municipality; the text refuses persons' data; the photo
    is kept only re-encoded without metadata. Nothing about the sender is stored."""
    _guard_public(submission.text, "text")
    if municipality_at(submission.lat, submission.lng, [municipality]) is None:
        raise ValidationError({"lat": str(OUTSIDE).format(municipality=municipality.name)}, code="outside")
    cleaned = None
    if submission.photo is not None:
        try:
            cleaned = clean_photo(submission.photo)
        except PhotoError as error:
            raise ValidationError({"photo": PHOTO_PROBLEMS[error.code]}, code=error.code) from error
    place = submission.place if submission.place and submission.place.municipality_id == municipality.id else None
    report = CitizenReport(
        municipality=municipality,
        category=submission.category,
        lat=submission.lat,
        lng=submission.lng,
        place=place,
        text=submission.text.strip(),
        received_at=clock.now(),
    )
    report.full_clean()
    report.save()
    if cleaned is not None:
        ReportPhoto.objects.create(report=report, image=cleaned.jpeg, width=cleaned.width, height=cleaned.height)
    return report


@transaction.atomic
def citizen_report_review(
    *, report: CitizenReport, accept: bool, incident_category: str = "", severity: int = 1, by: User
) -> CitizenReport:
    """Accept the report into the municipality's incident log (an incident with no reporter but the citizen, its
    text private as every incident's), or reject it (closed). Once only."""
    report = CitizenReport.objects.select_for_update().get(pk=report.pk)
    if report.decision:
        raise ValidationError(ALREADY_REVIEWED, code="reviewed")
    now = clock.now()
    if accept:
        municipality = report.municipality
        incident = Incident(
            municipality=municipality,
            category=category_in(municipality, incident_category),
            occurred_from=report.received_at,
            lat=report.lat,
            lng=report.lng,
            place=report.place,
            severity=severity,
            description=report.text,
        )
        incident.full_clean()
        incident.save()
        IncidentNote.objects.create(
            incident=incident, by=by, organisation=reporter_organisation(by, municipality), text=INCIDENT_NOTE
        )
        report.incident = incident
        report.decision = CitizenReport.Decision.ACCEPTED
        report.status = CitizenReport.Status.REVIEWED
    else:
        report.decision = CitizenReport.Decision.REJECTED
        report.status = CitizenReport.Status.CLOSED
    report.reviewed_by = by
    report.reviewed_at = now
    report.save()
    return report


@transaction.atomic
def citizen_report_handle(*, report: CitizenReport, status: str, answer: str, by: User) -> CitizenReport:
    """Move the report along (reviewed -> in hand -> closed) and give the citizen a public answer."""
    _guard_public(answer, "answer")
    current = report.status
    if status != current and status not in report.next_statuses():
        raise ValidationError(
            {
                "status": str(STATUS_NOT_ALLOWED).format(
                    current=CitizenReport.Status(current).label, new=CitizenReport.Status(status).label
                )
            },
            code="status",
        )
    answer = answer.strip()
    if answer != report.answer:
        report.answer = answer
        report.answered_at = clock.now() if answer else None
    report.status = status
    report.save()
    return report
