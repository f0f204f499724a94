"""Reminders of the renewal of an agreement period: the evaluation due before the period ends, the annual report
due by 31 March, signatures missing, and an agreement ending with no successor.

Each is told to those who write for the agreement or the municipality (its parties' coordinators and police
contacts; leadership and reporters only read), once: the key names the agreement, or the municipality and year.
"""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samverkan.agreements.access import writable_agreements
from samverkan.agreements.models import Agreement, AgreementChange
from samverkan.followup.notifications.due import Notice
from samverkan.followup.notifications.models import Kind
from samverkan.followup.reports.models import Evaluation, GeneratedReport
from samverkan.organisations.access import Scope
from samverkan.organisations.models import Municipality, User

# The evaluation of a period is due this long before the period ends (the agreement: "Uppföljning … genomförs
# innan nytt avtal"), and is reminded of until this long after, while no evaluation is adopted.
EVALUATION_DUE_DAYS = 90
EVALUATION_LATE_DAYS = 90
# The annual report of a year is due by 31 March of the next; reminded from this long before.
ANNUAL_REPORT_DUE = (3, 31)
ANNUAL_REPORT_NOTICE_DAYS = 30
# Until the end of this month the missing report of the previous year is still reminded of.
ANNUAL_REPORT_LAST_MONTH = 6
# Signatures are reminded of this long after the agreement was sent for signing, or this long before it starts.
SIGNATURE_WAIT_DAYS = 14
SIGNATURE_START_DAYS = 30
# An agreement ending within this many days with no revision or next agreement started.
SUCCESSOR_DAYS = 120


def _status(agreement: Agreement, today: datetime.date) -> str:
    """The agreement's status on the day: Agreement.effective_status where the model has it, else the stored."""
    effective = getattr(agreement, "effective_status", None)
    return effective(today) if callable(effective) else agreement.status


def _in_force(agreement: Agreement, today: datetime.date) -> bool:
    return _status(agreement, today) in {Agreement.Status.IN_FORCE, Agreement.Status.UNDER_REVISION}


def adopted_evaluations() -> QuerySet[Evaluation]:
    """The adopted evaluations: those with the status adopted where evaluations have a status; otherwise every
    evaluation (an evaluation was frozen as it was made)."""
    adopted = getattr(getattr(Evaluation, "Status", None), "ADOPTED", None)
    evaluations = Evaluation.objects.all()
    return evaluations if adopted is None else evaluations.filter(status=adopted)


def _evaluation_path(agreement: Agreement) -> str:
    return reverse("evaluation", args=[agreement.pk])


def evaluations_due(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    """Part 1 agreements in force whose period ends within EVALUATION_DUE_DAYS (or ended less than
    EVALUATION_LATE_DAYS ago), with no adopted evaluation."""
    agreements = (
        writable_agreements(user)
        .order_by("ends_on", "id")
        .filter(
            part=Agreement.Part.STRATEGIC,
            ends_on__gte=today - datetime.timedelta(days=EVALUATION_LATE_DAYS),
            ends_on__lte=today + datetime.timedelta(days=EVALUATION_DUE_DAYS),
        )
    )
    evaluated = set(adopted_evaluations().values_list("agreement_id", flat=True))
    return [
        Notice(
            kind=Kind.EVALUATION_DUE,
            key=f"{Kind.EVALUATION_DUE}:{agreement.pk}",
            title=agreement.title,
            detail=_("The period ends %(date)s: evaluate it and adopt the evaluation before the next agreement.")
            % {"date": date_format(agreement.ends_on)},
            path=_evaluation_path(agreement),
        )
        for agreement in agreements
        if agreement.pk not in evaluated and _status(agreement, today) != Agreement.Status.DRAFT
    ]


def annual_reports_due(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    """The previous year's annual report of each municipality the user writes for that an agreement covered
    that year, from ANNUAL_REPORT_NOTICE_DAYS before 31 March to the end of June, while none is generated."""
    year = today.year - 1
    due = datetime.date(today.year, *ANNUAL_REPORT_DUE)
    if not (
        due - datetime.timedelta(days=ANNUAL_REPORT_NOTICE_DAYS) <= today and today.month <= ANNUAL_REPORT_LAST_MONTH
    ):
        return []
    covered = Agreement.objects.filter(
        starts_on__lte=datetime.date(year, 12, 31), ends_on__gte=datetime.date(year, 1, 1)
    ).exclude(status=Agreement.Status.DRAFT)
    municipalities = (
        Municipality.objects.filter(id__in=scope.write_municipalities, agreements__in=covered)
        .distinct()
        .order_by("name")
    )
    generated = set(
        GeneratedReport.objects.filter(year=year, municipality__isnull=False).values_list("municipality_id", flat=True)
    )
    return [
        Notice(
            kind=Kind.ANNUAL_REPORT_DUE,
            key=f"{Kind.ANNUAL_REPORT_DUE}:{municipality.pk}:{year}",
            title=_("Annual report %(year)s, %(municipality)s") % {"year": year, "municipality": municipality.name},
            detail=_("Due %(date)s; not generated yet.") % {"date": date_format(due)},
            path=reverse("annual_report", args=[municipality.code, year]),
        )
        for municipality in municipalities
        if municipality.pk not in generated
    ]


def _sent_for_signing(agreement: Agreement) -> datetime.datetime | None:
    """When the agreement was sent for signing: its last change of status (or its creation, if it was created
    being signed)."""
    change = (
        AgreementChange.objects.filter(agreement=agreement)
        .filter(Q(action=AgreementChange.Action.CREATED) | Q(details__has_key="status"))
        .order_by("-at", "-id")
        .first()
    )
    return None if change is None else change.at


def signatures_missing(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    """Agreements not yet signed by all with a signatory who has not signed: SIGNATURE_WAIT_DAYS after they were
    sent for signing, or from SIGNATURE_START_DAYS before they start."""
    agreements = (
        writable_agreements(user)
        .order_by("ends_on", "id")
        .filter(signatories__signed_on__isnull=True, ends_on__gte=today)
        .exclude(status__in=[Agreement.Status.IN_FORCE, Agreement.Status.EXPIRED, Agreement.Status.UNDER_REVISION])
        .distinct()
        .prefetch_related("signatories")
    )
    notices = []
    for agreement in agreements:
        sent = _sent_for_signing(agreement) if agreement.status == Agreement.Status.SIGNING else None
        waited = sent is not None and (today - sent.date()).days >= SIGNATURE_WAIT_DAYS
        starting = today >= agreement.starts_on - datetime.timedelta(days=SIGNATURE_START_DAYS)
        if not (waited or starting):
            continue
        unsigned = [str(s) for s in agreement.signatories.all() if s.signed_on is None]
        if not unsigned:
            continue
        notices.append(
            Notice(
                kind=Kind.SIGNATURE_MISSING,
                key=f"{Kind.SIGNATURE_MISSING}:{agreement.pk}",
                title=agreement.title,
                detail=_("Not signed yet by %(names)s; it starts %(date)s.")
                % {"names": "; ".join(unsigned), "date": date_format(agreement.starts_on)},
                path=agreement.get_absolute_url(),
            )
        )
    return notices


def has_successor(agreement: Agreement) -> bool:
    """A revision is started, or another agreement of the same part and municipalities starts after it did."""
    if hasattr(agreement, "revision"):
        return True
    return (
        Agreement.objects.filter(
            part=agreement.part,
            municipalities__in=agreement.municipalities.all(),
            starts_on__gt=agreement.starts_on,
        )
        .exclude(pk=agreement.pk)
        .exists()
    )


def agreements_without_successor(user: User, scope: Scope, today: datetime.date) -> list[Notice]:
    """Agreements in force ending within SUCCESSOR_DAYS with no revision or next agreement started."""
    agreements = (
        writable_agreements(user)
        .order_by("ends_on", "id")
        .filter(ends_on__gte=today, ends_on__lte=today + datetime.timedelta(days=SUCCESSOR_DAYS))
    )
    return [
        Notice(
            kind=Kind.AGREEMENT_WITHOUT_SUCCESSOR,
            key=f"{Kind.AGREEMENT_WITHOUT_SUCCESSOR}:{agreement.pk}",
            title=agreement.title,
            detail=_("Ends %(date)s and no next agreement is started: start it from the evaluation.")
            % {"date": date_format(agreement.ends_on)},
            path=agreement.get_absolute_url(),
        )
        for agreement in agreements
        if _in_force(agreement, today) and not has_successor(agreement)
    ]
