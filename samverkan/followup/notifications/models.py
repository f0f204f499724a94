"""What each user wants to be told, and what has been told: a notification is sent once."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.followup.notifications import due


class Kind(models.TextChoices):
    """What a notification is about; each kind has its collector in selectors.COLLECTORS."""

    ACTIVITY_DUE = "activity_due", _("Activities ending soon")
    ACTIVITY_OVERDUE = "activity_overdue", _("Overdue activities")
    AGREEMENT_ENDING = "agreement_ending", _("Agreements approaching their end")
    STALE_SOURCE = "stale_source", _("Data sources not updated in time")
    GOAL_OFF_TRACK = "goal_off_track", _("Goals off track")
    NEW_SUGGESTION = "new_suggestion", _("New suggestions from citizens")
    MEETING_INVITATION = "meeting_invitation", _("Upcoming collaboration group meetings")
    MEETING_MINUTES = "meeting_minutes", _("Minutes of recent meetings")
    EVALUATION_DUE = "evaluation_due", _("Evaluation of the agreement period due")
    ANNUAL_REPORT_DUE = "annual_report_due", _("Annual report due")
    SIGNATURE_MISSING = "signature_missing", _("Signatures missing on an agreement")
    AGREEMENT_WITHOUT_SUCCESSOR = "agreement_no_successor", _("Agreements ending with no next agreement")
    COMMUNICATION_DUE = "communication_due", _("Communication activities due")


class Frequency(models.TextChoices):
    IMMEDIATELY = due.IMMEDIATELY, _("Immediately, one email each")
    WEEKLY = due.WEEKLY, _("In a weekly digest")
    NEVER = due.NEVER, _("Never")


# Without a preference of their own, users get a weekly digest of everything.
DEFAULT_FREQUENCY = Frequency.WEEKLY


class Preference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="notification_preferences", verbose_name=_("user")
    )
    kind = models.CharField(_("notification"), max_length=40, choices=Kind.choices)
    frequency = models.CharField(_("how often"), max_length=12, choices=Frequency.choices)

    class Meta:
        ordering = ["user", "kind"]
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind} {self.frequency}"


class SentNotification(models.Model):
    """The record that makes sending idempotent: one row per user and thing told."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="sent_notifications", verbose_name=_("user")
    )
    kind = models.CharField(_("notification"), max_length=40, choices=Kind.choices)
    key = models.CharField(_("key"), max_length=200, help_text=_('e.g. "activity_overdue:123"'))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("sent notification")
        verbose_name_plural = _("sent notifications")
        constraints = [models.UniqueConstraint(fields=["user", "kind", "key"], name="notification_sent_once")]

    def __str__(self) -> str:
        return f"{self.user}: {self.key}"
