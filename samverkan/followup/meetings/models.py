"""Meetings of the collaboration groups: agenda, attendees, minutes, and the decisions that feed the action plan."""

from __future__ import annotations

import datetime
from typing import cast

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedCharField, GuardedTextField
from samverkan.organisations.models import CollaborationGroup, GroupMember
from samverkan.planning.actions.models import Activity

MEETING_LENGTH = datetime.timedelta(hours=2)


class Meeting(models.Model):
    class Kind(models.TextChoices):
        GROUP = "samverkan", _("Collaboration group meeting")
        EST = "est", _("EST weekly meeting")

    group = models.ForeignKey(
        CollaborationGroup, models.CASCADE, related_name="meetings", verbose_name=_("collaboration group")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.GROUP)
    starts_at = models.DateTimeField(_("date and time"))
    place = GuardedCharField(_("place"), max_length=200)
    attendees = models.ManyToManyField(GroupMember, blank=True, related_name="meetings", verbose_name=_("attendees"))
    agenda = GuardedTextField(_("agenda"), blank=True, help_text=_("One item per line."))
    minutes = GuardedTextField(_("minutes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.group} {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("meeting", args=[self.pk])

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + MEETING_LENGTH

    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]


class Decision(models.Model):
    """A decision in the minutes, and the action-plan activity it became or changed (and what it changed)."""

    class Kind(models.TextChoices):
        CREATED = "ny", _("New activity")
        UPDATED = "andrad", _("Changed activity")

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="decisions", verbose_name=_("meeting"))
    text = GuardedTextField(_("decision"))
    activity = models.ForeignKey(
        Activity, models.SET_NULL, null=True, related_name="decisions", verbose_name=_("activity")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CREATED)
    new_status = models.CharField(_("new status"), max_length=12, blank=True, choices=Activity.Status.choices)
    new_status_comment = GuardedCharField(_("new comment"), max_length=500, blank=True)
    new_ends_on = models.DateField(_("new end date"), null=True, blank=True)
    new_role = GuardedCharField(_("new responsible role"), max_length=200, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["meeting", "recorded_at", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:80]

    def changes(self) -> list[str]:
        """What a decision that changed an activity changed, e.g. "new status: Ongoing"."""
        values = [
            ("new_status", self.get_new_status_display()),
            ("new_status_comment", self.new_status_comment),
            ("new_ends_on", self.new_ends_on and self.new_ends_on.isoformat()),
            ("new_role", self.new_role),
        ]
        # The names are the decision's own fields, never a reverse relation.
        return [
            f"{cast(models.Field, self._meta.get_field(name)).verbose_name}: {value}" for name, value in values if value
        ]


class GroupCalendar(models.Model):
    """The secret in a group's calendar address: calendar clients cannot log in."""

    group = models.OneToOneField(CollaborationGroup, models.CASCADE, related_name="calendar")
    token = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("group calendar")
        verbose_name_plural = _("group calendars")

    def __str__(self) -> str:
        return str(self.group)
