"""Medborgarlöften: public promises by police and municipality, and their live progress."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedCharField, GuardedTextField
from samverkan.organisations.models import Municipality
from samverkan.planning.actions.models import Activity


class PromiseSet(models.Model):
    """A municipality's medborgarlöften for a period, in one version. A revision is a new version."""

    class Status(models.TextChoices):
        DRAFT = "utkast", _("Draft")
        SIGNED = "signerat", _("Signed")
        PUBLISHED = "publicerat", _("Published")
        REVISED = "reviderat", _("Revised")
        FOLLOWED_UP = "uppfoljt", _("Followed up")

    municipality = models.ForeignKey(
        Municipality, models.PROTECT, related_name="promise_sets", verbose_name=_("municipality")
    )
    title = GuardedCharField(_("title"), max_length=300)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    version = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    introduction = GuardedTextField(_("introduction"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    revision_of = models.OneToOneField(
        "self", models.PROTECT, null=True, blank=True, related_name="revision", verbose_name=_("revision of")
    )
    followed_up_at = models.DateTimeField(_("followed up"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("updated by")
    )

    class Meta:
        ordering = ["municipality", "-starts_on", "-version"]
        verbose_name = _("citizen promises")
        verbose_name_plural = _("citizen promises")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "starts_on", "version"],
                name="one_promise_set_version",
                violation_error_message=_(
                    "The municipality already has citizen promises from this date. Revise them instead."
                ),
            ),
            models.CheckConstraint(condition=Q(ends_on__gt=F("starts_on")), name="promise_set_ends_after_start"),
            # Only what has been published is public, and everything past "signed" has been published.
            models.CheckConstraint(
                condition=Q(status__in=["utkast", "signerat"], published_at__isnull=True)
                | Q(status__in=["publicerat", "reviderat", "uppfoljt"], published_at__isnull=False),
                name="promise_set_published_when_public",
            ),
            models.CheckConstraint(
                condition=Q(status="uppfoljt", followed_up_at__isnull=False)
                | (~Q(status="uppfoljt") & Q(followed_up_at__isnull=True)),
                name="promise_set_followed_up_when_uppfoljt",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    def get_absolute_url(self) -> str:
        return reverse("promise_set", args=[self.pk])


class PromiseSignatory(models.Model):
    promise_set = models.ForeignKey(PromiseSet, models.CASCADE, related_name="signatories")
    name = GuardedCharField(_("name"), max_length=200)
    title = GuardedCharField(_("title"), max_length=200, help_text=_("e.g. lokalpolisområdeschef, kommunalråd"))
    signed_on = models.DateField(_("signed on"))

    class Meta:
        ordering = ["promise_set", "signed_on", "name"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        return f"{self.name}, {self.title}"


class Promise(models.Model):
    """One promise, in the words citizens read."""

    promise_set = models.ForeignKey(PromiseSet, models.CASCADE, related_name="promises")
    text = GuardedTextField(_("promise"))
    text_en = GuardedTextField(_("promise in English"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["promise_set", "order", "id"]
        verbose_name = _("promise")
        verbose_name_plural = _("promises")

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def shown_text(self) -> str:
        """The text in the current language: English where it is written, Swedish otherwise."""
        return self.text_en if self.text_en and get_language() == "en" else self.text


class PromiseActivity(models.Model):
    """What is done to keep a promise: who, what, how many times. Linked to the action plan's activity,
    so that its logged occurrences count once, for both."""

    class Who(models.TextChoices):
        POLICE = "polis", _("Police")
        MUNICIPALITY = "kommun", _("Municipality")
        BOTH = "bada", _("Police and municipality")

    promise = models.ForeignKey(Promise, models.CASCADE, related_name="activities")
    who = models.CharField(_("who"), max_length=10, choices=Who.choices)
    what = GuardedCharField(_("what"), max_length=300)
    what_en = GuardedCharField(_("what, in English"), max_length=300, blank=True)
    unit = GuardedCharField(_("unit"), max_length=100, blank=True, help_text=_('e.g. "medborgarmöten"'))
    planned = models.PositiveIntegerField(
        _("planned (times)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    activity = models.ForeignKey(
        Activity, models.SET_NULL, null=True, blank=True, related_name="promise_activities", verbose_name=_("activity")
    )
    followup = GuardedTextField(_("follow-up (Utfört: …)"), blank=True)

    class Meta:
        ordering = ["promise", "id"]
        verbose_name = _("promise activity")
        verbose_name_plural = _("promise activities")

    def __str__(self) -> str:
        return self.what

    @property
    def shown_what(self) -> str:
        return self.what_en if self.what_en and get_language() == "en" else self.what


class Suggestion(models.Model):
    """A citizen's suggestion or reaction on a promise: no account, nothing about the sender."""

    class Status(models.TextChoices):
        NEW = "ny", _("New")
        ACCEPTED = "godkand", _("Accepted")
        REJECTED = "avvisad", _("Rejected")

    promise = models.ForeignKey(Promise, models.CASCADE, related_name="suggestions", verbose_name=_("promise"))
    text = GuardedTextField(_("suggestion"), max_length=2000, public=True)
    received_on = models.DateField(_("received"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")

    def __str__(self) -> str:
        return self.text[:80]
