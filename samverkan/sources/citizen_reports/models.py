"""Citizens' reports of unsafe places ("Tipsa om en otrygg plats"): a public e-service without login.

A report holds a place, a category and a guarded public text, never who sent it: no account, no address (the rate
limit keeps that in the cache only, samverkan.core.clients). Its receipt token is the citizen's only way back to
it. An optional photo is stored apart, re-encoded without its EXIF, and is read only by the municipality's staff
through a view with access checks. Reviewed and accepted, a report becomes an incident in the municipality's log.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedTextField
from samverkan.organisations.models import Municipality, NamedPlace
from samverkan.sources.incidents.models import Incident

TOKEN_BYTES = 24  # secrets.token_urlsafe: 32 characters, 192 bits


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class CitizenReport(models.Model):
    class Category(models.TextChoices):
        LIGHTING = "belysning", _("Poor lighting")
        VEGETATION = "vegetation", _("Overgrown vegetation")
        VANDALISM = "skadegorelse", _("Vandalism or graffiti")
        DRUGS = "narkotika", _("Drugs or traces of drugs")
        BEHAVIOUR = "beteende", _("People or behaviour")
        TRAFFIC = "trafik", _("Traffic")
        OTHER = "annat", _("Other")

    class Status(models.TextChoices):
        RECEIVED = "mottagen", _("Received")
        REVIEWED = "granskad", _("Reviewed")
        IN_HAND = "hanteras", _("In hand")
        CLOSED = "avslutad", _("Closed")

    class Decision(models.TextChoices):
        NONE = "", _("Not yet reviewed")
        ACCEPTED = "godkand", _("Accepted")
        REJECTED = "avvisad", _("Rejected")

    # mottagen -> granskad (accepted) -> hanteras -> avslutad; rejected goes straight to avslutad.
    TRANSITIONS = {
        Status.RECEIVED: [],  # leaves "received" only by the review
        Status.REVIEWED: [Status.IN_HAND, Status.CLOSED],
        Status.IN_HAND: [Status.CLOSED],
        Status.CLOSED: [],
    }

    municipality = models.ForeignKey(
        Municipality, models.PROTECT, related_name="citizen_reports", verbose_name=_("municipality")
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    lat = models.FloatField(_("latitude"))
    lng = models.FloatField(_("longitude"))
    place = models.ForeignKey(
        NamedPlace, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("named place")
    )
    text = GuardedTextField(_("what is unsafe"), public=True)
    received_at = models.DateTimeField(_("received at"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True, default="")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    incident = models.OneToOneField(
        Incident,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="citizen_report",
        verbose_name=_("incident"),
    )
    answer = GuardedTextField(_("answer to the citizen"), public=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("citizen report")
        verbose_name_plural = _("citizen reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(decision="") | Q(reviewed_at__isnull=False), name="citizen_report_decided_when"
            ),
            models.CheckConstraint(
                condition=Q(incident__isnull=True) | Q(decision="godkand"), name="citizen_report_incident_accepted"
            ),
        ]
        indexes = [models.Index(fields=["municipality", "received_at"])]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.received_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("citizen_report", args=[self.pk])

    def receipt_url(self) -> str:
        return reverse("citizen_report_receipt", args=[self.token])

    def next_statuses(self) -> list[CitizenReport.Status]:
        return self.TRANSITIONS[self.Status(self.status)]


class ReportPhoto(models.Model):
    """A report's photo, re-encoded as JPEG without EXIF (services.clean_photo). Never published: only the
    municipality's staff read it, through the citizen_report_photo view."""

    report = models.OneToOneField(CitizenReport, models.CASCADE, related_name="photo")
    image = models.BinaryField(_("image"))
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))

    class Meta:
        verbose_name = _("photo of a citizen report")
        verbose_name_plural = _("photos of citizen reports")

    def __str__(self) -> str:
        return f"{self.width}×{self.height}"
