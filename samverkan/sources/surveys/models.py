"""The safety survey: the question bank, waves, and anonymous responses.

A response stores nothing that identifies the respondent: no IP address, no user agent, no
account, and of time only the date it was submitted.
"""

from __future__ import annotations

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedCharField, GuardedTextField
from samverkan.organisations.models import Municipality
from samverkan.sources.surveys import bank


def new_token() -> str:
    return secrets.token_urlsafe(16)


class Question(models.Model):
    class Kind(models.TextChoices):
        PROBLEM = bank.PROBLEM, _("Problem in the area")
        SAFETY = bank.SAFETY, _("Feeling safe")
        VICTIMISATION = bank.VICTIMISATION, _("Victim of crime")
        WORRY = bank.WORRY, _("Worry about crime")
        POLICE_VIEW = bank.POLICE_VIEW, _("View of the police")

    key = models.CharField(_("key"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text_sv = models.CharField(_("text in Swedish"), max_length=300)
    text_en = models.CharField(_("text in English"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return self.text_en if get_language() == "en" else self.text_sv

    def options(self) -> list[tuple[str, str]]:
        """The answer options as (key, text) in the current language."""
        english = get_language() == "en"
        return [(option.key, option.en if english else option.sv) for option in bank.ANSWERS[self.kind]]


WAVE_NAME_MAX_LENGTH = 100


class Wave(models.Model):
    """One round of the survey (mätomgång) in one municipality: imported, or answered on the web."""

    class Source(models.TextChoices):
        IMPORT = "import", _("Imported file")
        WEB = "web", _("Web survey")

    name = GuardedCharField(_("name"), max_length=WAVE_NAME_MAX_LENGTH)
    municipality = models.ForeignKey(
        Municipality, models.PROTECT, related_name="survey_waves", verbose_name=_("municipality")
    )
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    questions = models.ManyToManyField(
        Question, through="WaveQuestion", related_name="waves", verbose_name=_("questions")
    )
    delomraden = GuardedTextField(
        _("parts of the municipality (delområden)"),
        blank=True,
        help_text=_("One per line. Respondents choose the one they live in; empty: not asked."),
    )
    token = models.CharField(_("public link"), max_length=40, unique=True, default=new_token, editable=False)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    run = models.ForeignKey(
        "sources.ImportRun", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("import")
    )

    class Meta:
        ordering = ["-opened_on", "municipality__name", "name"]
        verbose_name = _("survey wave")
        verbose_name_plural = _("survey waves")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="one_survey_wave_name_per_municipality"),
            models.CheckConstraint(
                condition=Q(source="web", run__isnull=True) | Q(source="import", run__isnull=False),
                name="survey_wave_imported_with_run",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})"

    def get_absolute_url(self) -> str:
        return reverse("survey_results", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def delomrade_names(self) -> list[str]:
        return [line.strip() for line in self.delomraden.splitlines() if line.strip()]


class WaveQuestion(models.Model):
    wave = models.ForeignKey(Wave, models.CASCADE, related_name="wave_questions")
    question = models.ForeignKey(Question, models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["wave", "order"]
        constraints = [models.UniqueConstraint(fields=["wave", "question"], name="one_question_once_per_wave")]

    def __str__(self) -> str:
        return f"{self.wave}: {self.order}. {self.question.key}"


class Response(models.Model):
    wave = models.ForeignKey(Wave, models.CASCADE, related_name="responses", verbose_name=_("wave"))
    delomrade = models.CharField(_("part of the municipality"), max_length=100, blank=True)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True, help_text=_("Empty: imported."))
    free_text = GuardedTextField(_("what makes you feel unsafe"), blank=True, public=True)
    unsafe_lat = models.FloatField(
        _("latitude of an unsafe place"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    unsafe_lng = models.FloatField(
        _("longitude of an unsafe place"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    number = models.PositiveIntegerField(
        _("respondent number"), null=True, blank=True, help_text=_("The respondent's place in the imported file.")
    )
    run = models.ForeignKey(
        "sources.ImportRun", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("import")
    )

    class Meta:
        ordering = ["wave", "number", "id"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(fields=["wave", "number"], name="one_survey_response_per_number"),
            models.CheckConstraint(
                condition=Q(unsafe_lat__isnull=True, unsafe_lng__isnull=True)
                | Q(unsafe_lat__isnull=False, unsafe_lng__isnull=False),
                name="survey_unsafe_place_has_both_coordinates",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.wave}: {self.number or self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(Response, models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, models.PROTECT, related_name="+")
    value = models.CharField(_("answer"), max_length=40)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")]

    def __str__(self) -> str:
        return f"{self.question.key}: {self.value}"


class AnswerTally(models.Model):
    """How many of a wave's respondents in one delområde ("" for none) gave one answer to one question.

    A row without a question counts the respondents themselves (answered or not), so one query reads
    a wave's whole result. Written with every import and web answer (tallies.py); results are read
    from here, never counted again from the answer rows.
    """

    wave = models.ForeignKey(Wave, models.CASCADE, related_name="tallies", verbose_name=_("wave"))
    delomrade = models.CharField(_("part of the municipality"), max_length=100, blank=True)
    question = models.ForeignKey(
        Question, models.PROTECT, null=True, blank=True, related_name="+", help_text=_("Empty: the respondents.")
    )
    value = models.CharField(_("answer"), max_length=40, blank=True)
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        verbose_name = _("survey tally")
        verbose_name_plural = _("survey tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "delomrade", "question", "value"],
                condition=Q(question__isnull=False),
                name="one_survey_tally_per_answer",
            ),
            models.UniqueConstraint(
                fields=["wave", "delomrade"], condition=Q(question__isnull=True), name="one_survey_respondent_tally"
            ),
            models.CheckConstraint(
                condition=Q(question__isnull=False) | Q(value=""), name="survey_respondent_tally_has_no_answer"
            ),
            models.CheckConstraint(condition=Q(count__gte=1), name="survey_tally_counts_something"),
        ]

    def __str__(self) -> str:
        return f"{self.wave} {self.delomrade}: {self.question_id} {self.value} × {self.count}"
