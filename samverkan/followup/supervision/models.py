"""Alcohol and tobacco supervision (tillsyn): the supervised businesses and the visits to them (DOMAIN.md §3)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedCharField, GuardedTextField
from samverkan.organisations.models import Municipality

# The checklist of an alcohol and tobacco supervision visit, in its order.
CHECKLIST = (
    ("no_minors_or_drunk", _("No serving to under-18s or visibly drunk people")),
    ("food_served", _("Food is served")),
    ("manager_present", _("A serving manager is present")),
    ("opening_hours", _("Opening hours are kept")),
    ("age_limit_sign", _("The age-limit sign is shown")),
    ("health_warnings", _("Health warnings are shown")),
    ("self_monitoring", _("A self-monitoring programme (egenkontrollprogram) exists")),
)
CHECKLIST_KEYS = tuple(key for key, _label in CHECKLIST)


class Answer(models.TextChoices):
    YES = "ja", _("Yes")
    NO = "nej", _("No")


BAD_CHECKLIST = _("The checklist holds an unknown item or answer.")
TEST_PURCHASE_FINDINGS = _(
    "A test purchase leads to dialogue only, never sanctions: leave the findings empty and write the dialogue "
    "under follow-up."
)


class SupervisedObject(models.Model):
    """A business with a permit (serving or sales), never a person."""

    class Permit(models.TextChoices):
        ALCOHOL = "alkohol", _("Alcohol serving permit")
        TOBACCO = "tobak", _("Tobacco sales permit")
        LOW_ALCOHOL = "folkol", _("Low-alcohol beer sales (folköl)")

    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="supervised_objects", verbose_name=_("municipality")
    )
    name = GuardedCharField(_("business"), max_length=200)
    permit = models.CharField(_("permit"), max_length=10, choices=Permit.choices)
    address = GuardedCharField(_("address"), max_length=300, blank=True)

    class Meta:
        ordering = ["municipality", "name"]
        verbose_name = _("supervised object")
        verbose_name_plural = _("supervised objects")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name", "permit"], name="one_supervised_object_per_permit")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_permit_display()})"


class Visit(models.Model):
    """A supervision visit (tillsynsbesök) or a test purchase (kontrollköp)."""

    class Kind(models.TextChoices):
        OUTER = "yttre", _("External supervision (yttre tillsyn)")
        INNER = "inre", _("Internal supervision (inre tillsyn)")
        TEST_PURCHASE = "kontrollkop", _("Test purchase (kontrollköp)")

    object = models.ForeignKey(SupervisedObject, models.CASCADE, related_name="visits", verbose_name=_("object"))
    visited_on = models.DateField(_("date"))
    announced = models.BooleanField(_("announced"), default=False)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    joint_with_police = models.BooleanField(_("joint with the police"), default=False)
    checklist = models.JSONField(_("checklist"), default=dict, blank=True)
    findings = GuardedTextField(_("findings"), blank=True)
    follow_up = GuardedTextField(_("follow-up"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-visited_on", "-id"]
        verbose_name = _("supervision visit")
        verbose_name_plural = _("supervision visits")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="kontrollkop") | models.Q(findings=""), name="test_purchase_no_findings"
            )
        ]

    def __str__(self) -> str:
        return f"{self.object} {self.visited_on}"

    def clean(self) -> None:
        if not isinstance(self.checklist, dict) or any(
            key not in CHECKLIST_KEYS or value not in Answer.values for key, value in self.checklist.items()
        ):
            raise ValidationError({"checklist": BAD_CHECKLIST})
        if self.kind == self.Kind.TEST_PURCHASE and self.findings.strip():
            raise ValidationError({"findings": TEST_PURCHASE_FINDINGS})

    @property
    def has_findings(self) -> bool:
        return bool(self.findings.strip())

    def checklist_rows(self) -> list[tuple[str, str]]:
        return [(str(label), self.checklist.get(key, "")) for key, label in CHECKLIST]
