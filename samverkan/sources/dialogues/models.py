"""Dialogues: what employees, citizens and partners said are the problems. Groups, never names."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedCharField, GuardedTextField
from samverkan.organisations.models import FocusArea, Municipality


class Dialogue(models.Model):
    class Kind(models.TextChoices):
        EMPLOYEES = "medarbetardialog", _("Employee dialogue")
        CITIZENS = "medborgardialog", _("Citizen dialogue")
        PARTNERS = "partnerdialog", _("Partner dialogue")

    class Format(models.TextChoices):
        MEETING = "mote", _("Meeting")
        WORKSHOP = "workshop", _("Workshop")
        WALK = "trygghetsvandring", _("Safety walk")
        SURVEY = "enkat", _("Survey")
        DIGITAL = "digitalt", _("Digital")

    municipality = models.ForeignKey(
        Municipality, models.PROTECT, related_name="dialogues", verbose_name=_("municipality")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    held_on = models.DateField(_("held on"))
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    groups = GuardedCharField(
        _("groups that took part"),
        max_length=300,
        help_text=_("For example: school staff, youth leaders, the pensioners' association. Never names."),
    )
    participants = models.PositiveIntegerField(_("participants"), validators=[MinValueValidator(1)])
    summary = GuardedTextField(_("summary"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("dialogue", args=[self.pk])


class RaisedProblem(models.Model):
    """A problem raised in a dialogue, and how many participants prioritised it."""

    dialogue = models.ForeignKey(Dialogue, models.CASCADE, related_name="problems")
    problem = GuardedCharField(_("problem"), max_length=200)
    focus_area = models.ForeignKey(
        FocusArea, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("focus area")
    )
    prioritised_by = models.PositiveIntegerField(_("prioritised by (participants)"))

    class Meta:
        ordering = ["dialogue", "-prioritised_by", "problem"]
        verbose_name = _("raised problem")
        verbose_name_plural = _("raised problems")
        constraints = [models.UniqueConstraint(fields=["dialogue", "problem"], name="one_problem_per_dialogue")]

    def __str__(self) -> str:
        return self.problem
