"""Coordination tasks per recurring event and year, prepared from the checklist of the event's kind."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedCharField
from samverkan.followup.seasons import checklists
from samverkan.situation.models import RecurringEvent


class EventKind(models.TextChoices):
    CAR_TESTING = checklists.CAR_TESTING, _("Car-testing season")
    MARKET = checklists.MARKET, _("Market")
    HOLIDAY = checklists.HOLIDAY, _("Holiday")
    SCHOOL = checklists.SCHOOL, _("School start or end")
    VALBORG = checklists.VALBORG, _("Valborg")
    GRADUATION = checklists.GRADUATION, _("Graduation")
    BIG_EVENT = checklists.BIG_EVENT, _("Big event")


class OwnerRole(models.TextChoices):
    POLICE = checklists.POLICE, _("Police")
    COORDINATOR = checklists.COORDINATOR, _("Municipal coordinator")
    ALCOHOL_OFFICER = checklists.ALCOHOL_OFFICER, _("Alcohol licensing officer")
    COMMUNICATOR = checklists.COMMUNICATOR, _("Communicator")
    ORGANISER = checklists.ORGANISER, _("Event organiser")


class CoordinationTask(models.Model):
    """One thing to coordinate before an event in a given year: who does it and by when."""

    event = models.ForeignKey(
        RecurringEvent, models.CASCADE, related_name="coordination_tasks", verbose_name=_("event")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind of event"), max_length=20, choices=EventKind.choices)
    task = GuardedCharField(_("task"), max_length=200)
    owner_role = models.CharField(_("owner role"), max_length=30, choices=OwnerRole.choices)
    due_on = models.DateField(_("due"))
    done = models.BooleanField(_("done"), default=False)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("done by")
    )

    class Meta:
        ordering = ["due_on", "event__name", "id"]
        verbose_name = _("coordination task")
        verbose_name_plural = _("coordination tasks")
        constraints = [
            models.UniqueConstraint(fields=["event", "year", "task"], name="one_coordination_task_per_event_year"),
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.year}: {self.task}"
