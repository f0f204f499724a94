"""Medborgarlöften: public promises by police and municipality, and their live progress."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
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
    signed_on = models.DateField(
        _("signed on"), null=True, blank=True, help_text=_("The day the last signatory signed.")
    )
    followed_up_at = models.DateTimeField(_("followed up"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("updated by")
    )

    class Standing(models.TextChoices):
        """The effective status on a given day, from the stored status, the signatures and the dates."""

        DRAFT = "utkast", _("Draft")
        SIGNED = "signerat", _("Signed, not published")
        UPCOMING = "kommande", _("Signed – in force later")  # shown with its day: UPCOMING_TEXT
        IN_FORCE = "gallande", _("In force")
        ENDED = "avslutat", _("Period ended")
        REPLACED = "ersatt", _("Replaced by a new version")
        FOLLOWED_UP = "uppfoljt", _("Followed up")

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
            # Past the draft, every signatory has signed: the day of the last signature is kept.
            models.CheckConstraint(
                condition=Q(status="utkast", signed_on__isnull=True)
                | (~Q(status="utkast") & Q(signed_on__isnull=False)),
                name="promise_set_signed_when_past_draft",
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

    @property
    def in_force_from(self) -> datetime.date | None:
        """The day the promises hold from: the start of the period, or the last signature if that came later."""
        return None if self.signed_on is None else max(self.starts_on, self.signed_on)

    def effective_status(self, today: datetime.date) -> PromiseSet.Standing:
        """What the set is on `today`: in force only when signed by all, published and the start date has come.

        A revised set whose new version is not yet published stays what it was for citizens.
        """
        status = self.status
        if status == self.Status.REVISED and not _revision_published(self):
            status = self.Status.PUBLISHED
        if status == self.Status.DRAFT:
            return self.Standing.DRAFT
        if status == self.Status.REVISED:
            return self.Standing.REPLACED
        if status == self.Status.FOLLOWED_UP:
            return self.Standing.FOLLOWED_UP
        assert self.in_force_from is not None  # signed past the draft (promise_set_signed_when_past_draft)
        if today < self.in_force_from:
            return self.Standing.UPCOMING
        if status == self.Status.SIGNED:
            return self.Standing.SIGNED
        return self.Standing.IN_FORCE if today <= self.ends_on else self.Standing.ENDED

    def status_text(self, today: datetime.date) -> str:
        """The effective status in words, with the day an upcoming set holds from."""
        standing = self.effective_status(today)
        if standing == self.Standing.UPCOMING:
            assert self.in_force_from is not None  # an upcoming set is signed
            return UPCOMING_TEXT % {"day": date_format(self.in_force_from, "j F Y")}
        return str(standing.label)

    @property
    def status_today(self) -> str:
        """status_text on the clock's today, for the templates."""
        return self.status_text(clock.today())

    @property
    def standing_today(self) -> str:
        return self.effective_status(clock.today()).value


UPCOMING_TEXT = _("Signed – in force from %(day)s")


def _revision_published(promise_set: PromiseSet) -> bool:
    try:
        return promise_set.revision.published_at is not None
    except PromiseSet.DoesNotExist:
        return False


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
    """A citizen's suggestion or reaction on a promise: no account, nothing about the sender.

    Reviewed before anything is public: the coordinator accepts it (it names no person, it is on topic) or
    rejects it (never shown). An accepted suggestion may get a public answer (as Decidim's official answers):
    a status and a text, with who and when; the municipality's public page shows it beside the answer.
    """

    class Status(models.TextChoices):
        NEW = "ny", _("New")
        ACCEPTED = "godkand", _("Accepted")
        REJECTED = "avvisad", _("Rejected")

    class AnswerStatus(models.TextChoices):
        RECEIVED = "mottaget", _("Received")
        CONSIDERING = "utreds", _("Under consideration")
        TAKEN_UP = "genomfors", _("Will be done")
        NOT_TAKEN_UP = "genomfors-inte", _("Not taken up")
        DONE = "genomfort", _("Carried out")

    promise = models.ForeignKey(Promise, models.CASCADE, related_name="suggestions", verbose_name=_("promise"))
    text = GuardedTextField(_("suggestion"), max_length=2000, public=True)
    received_on = models.DateField(_("received"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    answer_status = models.CharField(_("answer status"), max_length=16, choices=AnswerStatus.choices, blank=True)
    answer = GuardedTextField(_("public answer"), max_length=2000, blank=True, public=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        constraints = [
            models.CheckConstraint(
                condition=Q(answer_status="", answer="", answered_at__isnull=True)
                | (~Q(answer_status="") & ~Q(answer="") & Q(answered_at__isnull=False)),
                name="suggestion_answered_with_status_and_text",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Consultation(models.Model):
    """Samråd: citizens read the draft promises of the next set and comment on them for a set period."""

    promise_set = models.OneToOneField(
        PromiseSet, models.CASCADE, related_name="consultation", verbose_name=_("citizen promises")
    )
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"), help_text=_("The last day comments are taken."))
    introduction = GuardedTextField(_("introduction"), blank=True)
    summary = GuardedTextField(_("summary for the decision"), blank=True)
    summarised_at = models.DateTimeField(_("summarised"), null=True, blank=True)
    summarised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="consultation_closes_after_opening",
                violation_error_message=_("The consultation closes on or after the day it opens."),
            ),
            models.CheckConstraint(
                condition=Q(summary="", summarised_at__isnull=True) | (~Q(summary="") & Q(summarised_at__isnull=False)),
                name="consultation_summarised_when_summary",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.promise_set.title}: {self.opens_on} – {self.closes_on}"

    def get_absolute_url(self) -> str:
        return reverse("consultation_public", args=[self.promise_set.municipality.code, self.pk])

    def is_open(self, today: datetime.date) -> bool:
        return self.opens_on <= today <= self.closes_on and self.promise_set.status == PromiseSet.Status.DRAFT


class Comment(models.Model):
    """A citizen's comment in a consultation, on one draft promise or on the whole: no account, nothing about
    the sender. Shown once published, with the public answer (as Decidim's official answers)."""

    class Status(models.TextChoices):
        NEW = "ny", _("New")
        PUBLISHED = "publicerad", _("Published")
        REJECTED = "avvisad", _("Rejected")

    consultation = models.ForeignKey(
        Consultation, models.CASCADE, related_name="comments", verbose_name=_("consultation")
    )
    promise = models.ForeignKey(
        Promise,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("promise"),
        help_text=_("Empty: on the promises as a whole."),
    )
    text = GuardedTextField(_("comment"), max_length=2000, public=True)
    received_on = models.DateField(_("received"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NEW)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    answer = GuardedTextField(_("public answer"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(
                condition=Q(answer="", answered_at__isnull=True) | (~Q(answer="") & Q(answered_at__isnull=False)),
                name="comment_answered_when_answer",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]
