"""Importing survey answers: one wave per municipality in the file, one response per row.

An imported wave holds exactly its file's respondents, matched by their place in the file:
an unchanged respondent is skipped, a changed one updated, and one the file no longer has is
removed (counted as an update of the wave). A wave whose respondents changed has its tallies
recounted in the same transaction. The wave's dates follow parse.wave_dates: the days given,
else the file's submitdate column, else the year in the wave's name; otherwise nothing is imported.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from samverkan.core.bounds import day_outside, supported_day
from samverkan.core.progress import Output, progress
from samverkan.organisations.models import Municipality
from samverkan.sources.importing import MAX_PREVIEW_CHANGES, Batch, Outcome, Plan, bulk_update, expect_written
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import Problems, Source
from samverkan.sources.registry import register
from samverkan.sources.surveys import tallies
from samverkan.sources.surveys.forms import SurveyImportForm
from samverkan.sources.surveys.models import WAVE_NAME_MAX_LENGTH, Answer, Question, Response, Wave, WaveQuestion
from samverkan.sources.surveys.parse import KOMMUNKOD, SurveyRow, parse_survey, wave_dates

UNKNOWN_MUNICIPALITY = _("no municipality has the code {code}")
WAVE_NAME_TOO_LONG = _("the wave name is longer than {limit} characters")
WAVE_IS_WEB = _("{municipality} has a web survey named {name!r}; import under another wave name")
WAVE_UNDATED = _(
    "the wave has no dates: give the days it was open, a submitdate column, "
    "or a wave name with its year, e.g. “Trygghetsmätning 2025”"
)
CLOSED_BEFORE_OPENED = _("{closed_on} is before the day the wave opened, {opened_on}")


@dataclass(frozen=True)
class WaveRows:
    municipality: Municipality
    name: str
    opened_on: datetime.date
    closed_on: datetime.date
    questions: list[str]
    rows: list[SurveyRow]


@dataclass
class WavePlan:
    part: WaveRows
    wave: Wave | None  # None: created by apply
    questions: dict[str, Question]
    dates_changed: bool = False
    questions_changed: bool = False
    questions_replaced: bool = False  # the wave had other questions (an update of the wave)
    created: list[tuple[Response, SurveyRow]] = field(default_factory=list)
    updated: list[tuple[Response, SurveyRow]] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)  # the responses the file no longer has


@dataclass
class SurveyPlan(Plan):
    waves: list[WavePlan] = field(default_factory=list)


@register
class SurveyImporter:
    key = "survey"
    label = _("Safety survey (trygghetsmätning)")
    accept = ".csv,.txt"
    help = _(
        "A CSV file with one row per respondent: kommunkod, delomrade and one column per question key "
        "(e.g. problem_klotter, trygg_kvall), answered with the survey's Swedish answer texts, and optionally "
        "submitdate. The wave is dated by the days you give, else by the submit dates, else by the year in its name."
    )
    options_form = SurveyImportForm

    def __init__(
        self, wave: str = "", opened_on: datetime.date | None = None, closed_on: datetime.date | None = None
    ) -> None:
        self.wave = wave
        self.opened_on = opened_on
        self.closed_on = closed_on

    def configured(self, **options) -> SurveyImporter:
        """An importer with the options of the command or of the web form (wave, opened_on, closed_on)."""
        return SurveyImporter(**options)

    def parse(self, source: Source) -> Batch:
        problems = Problems(source.short_name)
        survey = parse_survey(source, problems)
        name = self.wave.strip() or Path(source.short_name).stem
        if len(name) > WAVE_NAME_MAX_LENGTH:
            problems.add(None, "wave", WAVE_NAME_TOO_LONG.format(limit=WAVE_NAME_MAX_LENGTH))
        codes = {row.kommunkod for row in survey.rows if row.kommunkod}
        municipalities = Municipality.objects.in_bulk(codes, field_name="code")
        for row in survey.rows:
            if row.kommunkod and row.kommunkod not in municipalities:
                problems.add(row.line, KOMMUNKOD, UNKNOWN_MUNICIPALITY.format(code=row.kommunkod))
        for web in Wave.objects.filter(municipality__code__in=codes, name=name, source=Wave.Source.WEB):
            problems.add(None, "wave", WAVE_IS_WEB.format(municipality=web.municipality, name=name))
        for option, day in (("opened_on", self.opened_on), ("closed_on", self.closed_on)):
            if day and not supported_day(day):
                problems.add(None, option, day_outside(day))
        if self.opened_on and self.closed_on and self.closed_on < self.opened_on:
            problems.add(
                None, "closed_on", str(CLOSED_BEFORE_OPENED).format(closed_on=self.closed_on, opened_on=self.opened_on)
            )
        waves = []
        for code, municipality in sorted(municipalities.items()):
            rows = [row for row in survey.rows if row.kommunkod == code]
            submitted = (row.submitted_on for row in rows)
            dates = wave_dates(name=name, opened_on=self.opened_on, closed_on=self.closed_on, submitted=submitted)
            if dates is None:
                problems.add(None, "wave", str(WAVE_UNDATED))
                break
            waves.append(WaveRows(municipality, name, *dates, survey.questions, rows))
        problems.raise_if_any()
        return Batch(rows=waves, municipalities=codes)

    def plan(self, batch: Batch, *, out: Output | None) -> SurveyPlan:
        plan = SurveyPlan()
        for part in batch.rows:
            plan.waves.append(self._plan_wave(part, plan.outcome, out))
        return plan

    def _plan_wave(self, part: WaveRows, outcome: Outcome, out: Output | None) -> WavePlan:
        wave = Wave.objects.filter(municipality=part.municipality, name=part.name).first()
        planned = WavePlan(part, wave, questions=Question.objects.in_bulk(part.questions, field_name="key"))
        shown = wave or Wave(municipality=part.municipality, name=part.name)
        described = f"{shown}: {part.opened_on} – {part.closed_on}"
        if wave is None and len(outcome.changes) < MAX_PREVIEW_CHANGES:
            outcome.changes.append(("created", described))  # the wave is shown, its respondents are counted
        elif wave is not None and (wave.opened_on, wave.closed_on) != (part.opened_on, part.closed_on):
            planned.dates_changed = True
            outcome.count("updated", described)
        current = list(wave.wave_questions.values_list("question__key", flat=True)) if wave else []
        if current != part.questions:
            planned.questions_changed, planned.questions_replaced = True, bool(current)
            if current:
                outcome.count("updated", f"{shown}: {', '.join(part.questions)}")

        stored = (
            {response.number: response for response in wave.responses.prefetch_related("answers__question")}
            if wave
            else {}
        )
        rows = part.rows if out is None else progress(part.rows, total=len(part.rows), label=str(shown), out=out)
        for number, row in enumerate(rows, start=1):
            response = stored.pop(number, None)
            if response is None:
                planned.created.append((Response(number=number, delomrade=row.delomrade), row))
                outcome.count("created", f"{shown} #{number}")
            elif response.delomrade == row.delomrade and _answers(response) == row.answers:
                outcome.count("skipped", f"{shown} #{number}")
            else:
                response.delomrade = row.delomrade
                planned.updated.append((response, row))
                outcome.count("updated", f"{shown} #{number}")
        for stored_number, response in stored.items():
            planned.removed.append(response.pk)
            outcome.count("updated", f"{shown} #{stored_number}: {_('removed')}")
        return planned

    def apply(self, plan: Plan, *, run: ImportRun) -> None:
        assert isinstance(plan, SurveyPlan)
        for planned in plan.waves:
            self._apply_wave(planned, run)

    def _apply_wave(self, planned: WavePlan, run: ImportRun) -> None:
        part, wave = planned.part, planned.wave
        if wave is None:
            wave = Wave.objects.create(
                municipality=part.municipality,
                name=part.name,
                opened_on=part.opened_on,
                closed_on=part.closed_on,
                source=Wave.Source.IMPORT,
                run=run,
            )
        elif planned.dates_changed or planned.questions_replaced:
            if planned.dates_changed:
                wave.opened_on, wave.closed_on = part.opened_on, part.closed_on
            wave.run = run
            wave.save(update_fields=["opened_on", "closed_on", "run"])
        if planned.questions_changed:
            wave.wave_questions.all().delete()
            WaveQuestion.objects.bulk_create(
                WaveQuestion(wave=wave, question=planned.questions[key], order=order)
                for order, key in enumerate(part.questions, start=1)
            )
        if not (planned.created or planned.updated or planned.removed):
            return

        removed = Response.objects.filter(wave=wave, pk__in=planned.removed).delete()[1]
        expect_written(removed.get(Response._meta.label, 0), len(planned.removed))
        written = planned.created + planned.updated
        for response, _row in written:
            response.wave, response.run = wave, run
        Response.objects.bulk_create([response for response, _row in planned.created])
        updated = [response for response, _row in planned.updated]
        expect_written(bulk_update(updated, ["delomrade", "run"]), len(updated))
        Answer.objects.filter(response__in=updated).delete()
        Answer.objects.bulk_create(
            Answer(response=response, question=planned.questions[key], value=value)
            for response, row in written
            for key, value in row.answers.items()
        )
        tallies.rebuild(wave=wave)


def _answers(response: Response) -> dict[str, str]:
    return {answer.question.key: answer.value for answer in response.answers.all()}
