"""Samverkansöverenskommelser: part 1 (strategic) and part 2 (local), with their history."""

from __future__ import annotations

import datetime
from typing import cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
from samverkan.core.fields import GuardedCharField, GuardedTextField
from samverkan.organisations.models import CollaborationGroup, FocusArea, Municipality, Organisation

DONE_IN_THE_FUTURE = _("The day it was done cannot be in the future.")
# The earliest day a signature may carry: the product's agreements are from the 2010s on.
FIRST_SIGNATURE_DAY = datetime.date(2000, 1, 1)
SIGNED_IN_THE_FUTURE = _("A signature cannot be dated in the future.")
SIGNED_TOO_EARLY = _("A signature cannot be dated before 2000.")
UNSIGNED_STATUSES = ["utkast", "under_signering"]
SIGNED_STATUSES = ["gallande", "under_revidering", "utgangen"]


class Agreement(models.Model):
    class Part(models.IntegerChoices):
        STRATEGIC = 1, _("Part 1 – strategic")
        LOCAL = 2, _("Part 2 – local")

    class Status(models.TextChoices):
        DRAFT = "utkast", _("Draft")
        SIGNING = "under_signering", _("Being signed")
        SIGNED = "undertecknad", _("Signed")  # never stored: signed by all, before its start (effective_status)
        IN_FORCE = "gallande", _("In force")
        EXPIRED = "utgangen", _("Expired")
        UNDER_REVISION = "under_revidering", _("Under revision")

    title = GuardedCharField(_("title"), max_length=300)
    part = models.PositiveSmallIntegerField(_("part"), choices=Part.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    parties = models.ManyToManyField(Organisation, related_name="agreements", verbose_name=_("parties"))
    municipalities = models.ManyToManyField(Municipality, related_name="agreements", verbose_name=_("municipalities"))
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="agreements", verbose_name=_("focus areas")
    )
    starts_on = models.DateField(_("valid from"), help_text=_("The date of signature."))
    ends_on = models.DateField(_("valid to"))
    strategic = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="local_parts",
        limit_choices_to={"part": 1},
        verbose_name=_("part 1 it complements"),
    )
    revision_of = models.OneToOneField(
        "self", models.PROTECT, null=True, blank=True, related_name="revision", verbose_name=_("revision of")
    )
    signed_on = models.DateField(
        _("signed by every party on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The day the last party signed; set by the signing, and the agreement is locked from then."),
    )

    class Meta:
        ordering = ["-starts_on", "part", "title"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gt=models.F("starts_on")), name="agreement_ends_after_start"),
            # Only a signed agreement is (or was) in force; an unsigned one is a draft or being signed.
            models.CheckConstraint(
                condition=Q(status__in=UNSIGNED_STATUSES, signed_on__isnull=True)
                | Q(status__in=SIGNED_STATUSES, signed_on__isnull=False),
                name="agreement_in_force_only_when_signed",
            ),
            models.CheckConstraint(
                condition=Q(signed_on__isnull=True) | Q(signed_on__gte=FIRST_SIGNATURE_DAY),
                name="agreement_signed_on_a_real_day",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreement", args=[self.pk])

    def days_left(self, today: datetime.date) -> int:
        return max((self.ends_on - today).days, 0)

    def needs_revision(self, today: datetime.date) -> bool:
        """From six months before its end, a signed agreement asks to be revised."""
        warning_starts = self.ends_on - datetime.timedelta(days=settings.REVISION_WARNING_DAYS)
        return self.status == self.Status.IN_FORCE and today >= warning_starts and not hasattr(self, "revision")

    @property
    def is_locked(self) -> bool:
        """Signed by every party: changed only through a revision (agreement_start_revision)."""
        return self.signed_on is not None

    def is_in_force(self, today: datetime.date) -> bool:
        """Signed by every party, started and not ended (a revision being drafted leaves it in force)."""
        return self.is_locked and self.status != self.Status.EXPIRED and self.starts_on <= today <= self.ends_on

    def effective_status(self, today: datetime.date) -> Agreement.Status:
        """The status on the day: in force only when signed by every party and started; expired after its end."""
        status = self.Status(self.status)
        if not self.is_locked or status == self.Status.EXPIRED:
            return status
        if today > self.ends_on:
            return self.Status.EXPIRED
        if today < self.starts_on:
            return self.Status.SIGNED
        return status

    def status_label(self, today: datetime.date) -> str:
        status = self.effective_status(today)
        if status == self.Status.SIGNED:
            return gettext("Signed – in force from %(date)s") % {"date": self.starts_on.isoformat()}
        return str(status.label)

    @property
    def current_status(self) -> Agreement.Status:
        return self.effective_status(clock.today())

    @property
    def current_status_label(self) -> str:
        return self.status_label(clock.today())


class Section(models.Model):
    class Kind(models.TextChoices):
        PURPOSE = "syfte", _("Purpose")
        STARTING_POINTS = "utgangspunkter", _("Starting points")
        MODEL = "samverkansmodell", _("Collaboration model")
        SITUATION = "lagesbild", _("Situation picture")
        FOCUS_AREAS = "fokusomraden", _("Focus areas")
        PREREQUISITES = "strategiska_forutsattningar", _("Strategic prerequisites")
        PROMISES = "medborgarloften", _("Citizen promises")
        LOCAL_GOALS = "lokala_mal", _("Local goals")
        IMPLEMENTATION = "genomforandeplan", _("Implementation plan")
        FOLLOW_UP = "uppfoljningsplan", _("Follow-up plan")
        TIME_FRAME = "tidsram", _("Time frame")

    agreement = models.ForeignKey(Agreement, models.CASCADE, related_name="sections")
    kind = models.CharField(_("section"), max_length=30, choices=Kind.choices)
    body = GuardedTextField(_("text"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["agreement", "order"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [models.UniqueConstraint(fields=["agreement", "kind"], name="one_section_of_each_kind")]

    def __str__(self) -> str:
        return self.get_kind_display()


class Responsible(models.TextChoices):
    POLICE = "polis", _("Police")
    MUNICIPALITY = "kommun", _("Municipality")
    BOTH = "bada", _("Police and municipality")


class Signatory(models.Model):
    agreement = models.ForeignKey(Agreement, models.CASCADE, related_name="signatories")
    name = GuardedCharField(_("name"), max_length=200)
    title = GuardedCharField(_("title"), max_length=200)
    organisation = models.ForeignKey(Organisation, models.PROTECT, verbose_name=_("organisation"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)

    class Meta:
        ordering = ["agreement", "organisation__name", "name"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            models.CheckConstraint(
                condition=Q(signed_on__isnull=True) | Q(signed_on__gte=FIRST_SIGNATURE_DAY),
                name="signatory_signed_on_a_real_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.title}"

    def clean(self) -> None:
        if self.signed_on is None:
            return
        if self.signed_on > clock.today():
            raise ValidationError({"signed_on": SIGNED_IN_THE_FUTURE})
        if self.signed_on < FIRST_SIGNATURE_DAY:
            raise ValidationError({"signed_on": SIGNED_TOO_EARLY})


class Commitment(models.Model):
    """An åtagande: who promises to do what, and how often or by when."""

    agreement = models.ForeignKey(Agreement, models.CASCADE, related_name="commitments")
    responsible = models.CharField(_("who"), max_length=10, choices=Responsible.choices)
    text = GuardedTextField(_("what"))
    recurrence = GuardedCharField(_("recurrence"), max_length=100, blank=True, help_text=_("For example: every year."))
    due_on = models.DateField(_("due date"), null=True, blank=True)
    focus_area = models.ForeignKey(FocusArea, models.SET_NULL, null=True, blank=True, verbose_name=_("focus area"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["agreement", "order", "id"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.text[:80]


class CommunicationItem(models.Model):
    agreement = models.ForeignKey(Agreement, models.CASCADE, related_name="communication_plan")
    message = GuardedTextField(_("message"))
    audience = GuardedCharField(_("audience"), max_length=200)
    channel = GuardedCharField(_("channel"), max_length=200)
    when = GuardedCharField(_("when"), max_length=200)
    responsible = GuardedCharField(_("responsible"), max_length=200)
    # Follow-up data, changed also on a signed agreement (the text above is the agreement's).
    planned_on = models.DateField(_("planned on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    owner = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
        help_text=_("The party that carries the activity out and is reminded of it."),
    )

    class Meta:
        ordering = ["agreement", "id"]
        verbose_name = _("communication plan item")
        verbose_name_plural = _("communication plan")

    def __str__(self) -> str:
        return self.message[:80]

    def clean(self) -> None:
        if self.done_on is not None and self.done_on > clock.today():
            raise ValidationError({"done_on": DONE_IN_THE_FUTURE})

    def is_due(self, today: datetime.date) -> bool:
        return self.done_on is None and self.planned_on is not None and self.planned_on <= today


class CommitmentFollowUp(models.Model):
    """How a commitment stands in a year of the agreement: a status and a comment (follow-up data, changed
    also on a signed agreement)."""

    class Status(models.TextChoices):
        DONE = "genomfort", pgettext_lazy("commitment", "Done")
        ONGOING = "pagar", pgettext_lazy("commitment", "Ongoing")
        NOT_STARTED = "ej_paborjat", pgettext_lazy("commitment", "Not started")
        CANCELLED = "installt", pgettext_lazy("commitment", "Cancelled")

    commitment = models.ForeignKey(Commitment, models.CASCADE, related_name="follow_ups", verbose_name=_("commitment"))
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    comment = GuardedTextField(_("comment"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("changed by", "by"),
    )
    at = models.DateTimeField(_("updated"))

    class Meta:
        ordering = ["commitment", "year"]
        verbose_name = _("follow-up of a commitment")
        verbose_name_plural = _("follow-ups of commitments")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "year"], name="one_follow_up_per_commitment_and_year"),
        ]

    def __str__(self) -> str:
        return f"{self.commitment} {self.year}: {self.get_status_display()}"


class AgreementChange(models.Model):
    """One entry of an agreement's history: who changed what, and when."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        UPDATED = "updated", _("Updated")
        COMMITMENT_ADDED = "commitment_added", _("Commitment added")
        COMMITMENT_REMOVED = "commitment_removed", _("Commitment removed")
        COMMUNICATION_ADDED = "communication_added", _("Communication plan item added")
        COMMUNICATION_REMOVED = "communication_removed", _("Communication plan item removed")
        SIGNATORY_ADDED = "signatory_added", _("Signatory added")
        SIGNATORY_SIGNED = "signatory_signed", _("Signature recorded")
        SIGNATORY_REMOVED = "signatory_removed", _("Signatory removed")
        SIGNED = "signed", _("Signed by every party")
        REVISION_STARTED = "revision_started", _("Revision started")
        DRAFTED_AS_REVISION = "drafted_as_revision", _("Drafted as the revision of")
        CHANGE_PROPOSED = "change_proposed", _("Change of the parties proposed")
        CHANGE_REJECTED = "change_rejected", _("Change of the parties rejected")
        CHANGE_WITHDRAWN = "change_withdrawn", _("Change of the parties withdrawn")

    agreement = models.ForeignKey(Agreement, models.CASCADE, related_name="changes")
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name=pgettext_lazy("changed by", "by")
    )
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    subject = GuardedCharField(_("subject"), max_length=300, blank=True)
    related = models.ForeignKey(
        Agreement, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("related agreement")
    )
    details = models.JSONField(
        _("details"), default=dict, blank=True, help_text=_("Changed fields: name -> [old, new].")
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("agreement change")
        verbose_name_plural = _("agreement history")

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.subject}" if self.subject else self.get_action_display()

    def changed_fields(self) -> list[tuple[str, str, str]]:
        """(label in the current language, old, new) for each changed field or section."""
        rows = []
        for key, (old, new) in self.details.items():
            if key.startswith("section:"):
                label = str(Section.Kind(key.removeprefix("section:")).label)
            else:
                # The details name the agreement's own fields, never a reverse relation.
                label = str(cast(models.Field, Agreement._meta.get_field(key)).verbose_name)
            rows.append((label, old, new))
        return rows


class ChangeProposal(models.Model):
    """An ändringsförslag: a change of something several parties share, waiting for the other parties' consent.

    A part 1 agreement's parties and a joint collaboration group's meeting rhythm are changed this way: every
    party answers (those being removed or added included), and the change is applied when all have accepted.
    """

    class Kind(models.TextChoices):
        PARTIES = "parties", _("The agreement's parties")
        RHYTHM = "rhythm", _("The group's meeting rhythm")

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for answers")
        APPLIED = "applied", _("Accepted and applied")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    agreement = models.ForeignKey(
        Agreement, models.CASCADE, null=True, blank=True, related_name="proposals", verbose_name=_("agreement")
    )
    group = models.ForeignKey(
        CollaborationGroup,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("collaboration group"),
    )
    parties = models.ManyToManyField(
        Organisation, blank=True, related_name="proposed_in", verbose_name=_("proposed parties")
    )
    per_year = models.PositiveSmallIntegerField(
        _("proposed meetings per year"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("proposed by")
    )
    proposer_organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed for"),
        help_text=_("Empty: the proposer answers for none of the parties."),
    )
    created_at = models.DateTimeField(_("proposed at"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("change proposal")
        verbose_name_plural = _("change proposals")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="parties", agreement__isnull=False, group__isnull=True, per_year__isnull=True)
                | Q(kind="rhythm", agreement__isnull=True, group__isnull=False, per_year__gte=1),
                name="proposal_has_the_target_and_value_of_its_kind",
            ),
            models.CheckConstraint(
                condition=Q(status="open", decided_at__isnull=True) | (~Q(status="open") & Q(decided_at__isnull=False)),
                name="proposal_decided_when_closed",
            ),
            models.UniqueConstraint(
                fields=["agreement"], condition=Q(status="open"), name="one_open_proposal_per_agreement"
            ),
            models.UniqueConstraint(fields=["group"], condition=Q(status="open"), name="one_open_proposal_per_group"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.agreement or self.group}"

    def get_absolute_url(self) -> str:
        return reverse("change_proposal", args=[self.pk])

    @property
    def target(self) -> Agreement | CollaborationGroup:
        target = self.agreement if self.kind == self.Kind.PARTIES else self.group
        assert target is not None, "proposal_has_the_target_and_value_of_its_kind"
        return target

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def waiting_for(self) -> list[Organisation]:
        """The parties that have not answered yet."""
        return [answer.organisation for answer in self.answers.all() if answer.accepted is None]

    def waiting_message(self) -> str:
        parties = ", ".join(o.name for o in self.waiting_for())
        return gettext("The proposal is waiting for the approval of: %(parties)s") % {"parties": parties}


class ProposalAnswer(models.Model):
    """One party's answer to a change proposal; empty until the party has answered."""

    proposal = models.ForeignKey(ChangeProposal, models.CASCADE, related_name="answers")
    organisation = models.ForeignKey(Organisation, models.PROTECT, related_name="+", verbose_name=_("party"))
    accepted = models.BooleanField(_("accepted"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["proposal", "organisation__name"]
        verbose_name = _("answer to a change proposal")
        verbose_name_plural = _("answers to change proposals")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "organisation"], name="one_answer_per_party"),
            models.CheckConstraint(
                condition=Q(accepted__isnull=True, at__isnull=True) | Q(accepted__isnull=False, at__isnull=False),
                name="answer_dated_when_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.accepted}"


class FocusAreaProposal(models.Model):
    """A focus area proposed for the next agreement, with its evidence: from the latest adopted joint lägesbild's
    ranked problems or from the evaluation's recommendations. The parties accept it (as proposed, or changed to
    another or a new focus area), which adds the focus area to the draft, or reject it."""

    class Source(models.TextChoices):
        SITUATION = "lagesbild", _("Joint situation picture")
        EVALUATION = "utvardering", _("Evaluation")

    agreement = models.ForeignKey(
        Agreement, models.CASCADE, related_name="focus_area_proposals", verbose_name=_("draft agreement")
    )
    focus_area = models.ForeignKey(
        FocusArea, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("focus area")
    )
    name = GuardedCharField(
        _("new focus area"), max_length=200, blank=True, help_text=_("A focus area not among the existing ones.")
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    evidence = GuardedTextField(_("evidence"))
    accepted = models.BooleanField(_("accepted"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["agreement", "order", "id"]
        verbose_name = _("focus area proposal")
        verbose_name_plural = _("focus area proposals")
        constraints = [
            models.CheckConstraint(
                condition=Q(focus_area__isnull=False) | ~Q(name=""), name="focus_area_proposal_names_an_area"
            ),
            models.CheckConstraint(
                condition=Q(accepted__isnull=True, decided_at__isnull=True)
                | Q(accepted__isnull=False, decided_at__isnull=False),
                name="focus_area_proposal_dated_when_decided",
            ),
        ]

    def __str__(self) -> str:
        return str(self.focus_area or self.name)
