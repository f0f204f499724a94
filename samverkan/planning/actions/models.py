"""The handlingsplan (the åtgärdsplan of Law 2023:196): activities, who does them, and what was done."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedCharField, GuardedTextField
from samverkan.organisations.models import Municipality, Organisation
from samverkan.planning.goals.models import Goal

PLAN_ENDS_BEFORE_START = _("The plan must end after it starts.")
ACTIVITY_ENDS_BEFORE_START = _("The activity cannot end before it starts.")


class ActionPlan(models.Model):
    """One per municipality and period; adopting freezes a version, a new version starts as a draft."""

    class Status(models.TextChoices):
        DRAFT = "utkast", _("Draft")
        ADOPTED = "antagen", _("Adopted")
        REPLACED = "ersatt", _("Replaced by a newer version")

    municipality = models.ForeignKey(
        Municipality, models.PROTECT, related_name="action_plans", verbose_name=_("municipality")
    )
    title = GuardedCharField(_("title"), max_length=300)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    version = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("adopted by")
    )
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    previous = models.OneToOneField(
        "self", models.PROTECT, null=True, blank=True, related_name="next_version", verbose_name=_("previous version")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("drafted by")
    )
    created_at = models.DateTimeField(_("drafted at"), auto_now_add=True)

    class Meta:
        ordering = ["municipality", "-starts_on", "-version"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "starts_on", "version"], name="one_plan_version"),
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")),
                name="plan_ends_after_start",
                violation_error_message=PLAN_ENDS_BEFORE_START,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    def get_absolute_url(self) -> str:
        return reverse("action_plan", args=[self.pk])


class PlanAddition(models.Model):
    """A tillägg: activities a later decision adds to an adopted plan. The adopted version's own activities stay
    as they were adopted; the addition's are followed up with them until a new version replaces the plan.

    The decision is recorded where it was taken (`decided_at`, e.g. a meeting of a collaboration group); a
    generic reference, as planning does not know the meetings of the follow-up.
    """

    plan = models.ForeignKey(ActionPlan, models.CASCADE, related_name="additions", verbose_name=_("action plan"))
    number = models.PositiveIntegerField(_("number"))
    adopted_on = models.DateField(_("decided on"))
    text = GuardedTextField(_("decision"))
    decided_at_type = models.ForeignKey(
        ContentType, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("decided at (kind)")
    )
    decided_at_id = models.PositiveBigIntegerField(_("decided at (number)"), null=True, blank=True)
    decided_at = GenericForeignKey("decided_at_type", "decided_at_id")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("addition to an action plan")
        verbose_name_plural = _("additions to action plans")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_addition_number"),
            models.UniqueConstraint(
                fields=["plan", "decided_at_type", "decided_at_id"], name="one_addition_per_decision_place"
            ),
        ]

    def __str__(self) -> str:
        return _("Addition %(number)s to %(plan)s") % {"number": self.number, "plan": self.plan}


class Activity(models.Model):
    """An åtgärd: what is done, by whom, how many times, towards which goals and problems."""

    class Kind(models.TextChoices):
        SITUATIONAL = "situationell", _("Situational")
        SOCIAL = "social", _("Social")

    class Horizon(models.TextChoices):
        SHORT = "kort", _("Short term")
        LONG = "lang", _("Long term")

    class Status(models.TextChoices):
        NOT_STARTED = "ej_paborjad", _("Not started")
        ONGOING = "pagar", _("Ongoing")
        DONE = "utford", _("Done")
        CANCELLED = "installd", _("Cancelled")

    class Responsible(models.TextChoices):
        POLICE = "polis", _("Police")
        MUNICIPALITY = "kommun", _("Municipality")
        BOTH = "bada", _("Police and municipality")
        PARTNER = "partner", _("A partner")

    plan = models.ForeignKey(ActionPlan, models.CASCADE, related_name="activities", verbose_name=_("action plan"))
    addition = models.ForeignKey(
        PlanAddition,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("addition"),
        help_text=_("Empty for the activities of the plan as adopted."),
    )
    title = GuardedCharField(_("activity"), max_length=300)
    description = GuardedTextField(_("description"), blank=True)
    goals = models.ManyToManyField(Goal, blank=True, related_name="activities", verbose_name=_("goals"))
    problems = models.JSONField(
        _("problems"), default=list, blank=True, help_text=_("Names of ranked problems of the situation picture.")
    )
    responsible = models.CharField(_("responsible"), max_length=10, choices=Responsible.choices)
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="activities", verbose_name=_("responsible organisations")
    )
    role = GuardedCharField(
        _("responsible role"),
        max_length=200,
        blank=True,
        help_text=_("e.g. kommunpolis"),
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    kind = models.CharField(_("type"), max_length=15, choices=Kind.choices)
    horizon = models.CharField(_("horizon"), max_length=5, choices=Horizon.choices)
    target_count = models.PositiveIntegerField(
        _("target (times)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    target_text = GuardedCharField(
        _("target"),
        max_length=200,
        blank=True,
        help_text=_('e.g. "två gånger per år"'),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    status_comment = GuardedCharField(_("comment"), max_length=500, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("status set by"),
    )
    status_changed_at = models.DateTimeField(_("status set at"), null=True, blank=True)
    cost = models.DecimalField(_("cost (SEK)"), max_digits=12, decimal_places=0, null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["plan", "starts_on", "title"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="activity_ends_after_start",
                violation_error_message=ACTIVITY_ENDS_BEFORE_START,
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("activity", args=[self.pk])


class Occurrence(models.Model):
    """One time the activity was carried out; occurrences count toward its target."""

    activity = models.ForeignKey(Activity, models.CASCADE, related_name="occurrences", verbose_name=_("activity"))
    held_on = models.DateField(_("date"))
    what = GuardedCharField(_("what"), max_length=300)
    where = GuardedCharField(_("where"), max_length=200, blank=True)
    reached = models.PositiveIntegerField(_("people reached"), null=True, blank=True)
    logged_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    logged_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    class Meta:
        ordering = ["activity", "held_on", "id"]
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")

    def __str__(self) -> str:
        return f"{self.activity}: {self.held_on}"
