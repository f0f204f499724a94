"""Importing survey answers: one wave per municipality in the file, one response per row.

An imported wave holds exactly its file's respondents, matched by their place in the file:
an unchanged respondent is skipped, a changed one updated, and one the file no longer has is
removed (counted as an update of the wave). A wave whose respondents changed has its tallies
recounted in the same transaction. The wave's dates follow parse.wave_dates: the days given,
else the file's submitdate column, else the year in the wave's name; otherwise nothing is imported.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from django.utils.translation import gettext_lazy as _

from samverkan.core.progress import progress
from samverkan.organisations.models import Municipality
from samverkan.sources.importing import MAX_PREVIEW_CHANGES, Batch, Outcome, Problems, Source
from samverkan.sources.models import ImportRun
from samverkan.sources.registry import register
from samverkan.sources.surveys import tallies
from samverkan.sources.surveys.forms import SurveyImportForm
from samverkan.sources.surveys.models import Answer, Question, Response, Wave, WaveQuestion
from samverkan.sources.surveys.parse import KOMMUNKOD, SurveyRow, parse_survey, wave_dates

WAVE_NAME_MAX_LENGTH = Wave._meta.get_field("name").max_length
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

    def store(self, batch: Batch, *, run: ImportRun, outcome: Outcome, out: TextIO | None) -> None:
        for part in batch.rows:
            self._store_wave(part, run, outcome, out)

    def _store_wave(self, part: WaveRows, run: ImportRun, outcome: Outcome, out: TextIO | None) -> None:
        dates = {"opened_on": part.opened_on, "closed_on": part.closed_on}
        wave, created = Wave.objects.get_or_create(
            municipality=part.municipality,
            name=part.name,
            defaults={**dates, "source": Wave.Source.IMPORT, "run": run},
        )
        described = f"{wave}: {part.opened_on} – {part.closed_on}"
        if created and len(outcome.changes) < MAX_PREVIEW_CHANGES:
            outcome.changes.append(("created", described))  # the wave is shown, its respondents are counted
        elif not created and (wave.opened_on, wave.closed_on) != (part.opened_on, part.closed_on):
            wave.opened_on, wave.closed_on, wave.run = part.opened_on, part.closed_on, run
            wave.save(update_fields=["opened_on", "closed_on", "run"])
            outcome.count("updated", described)
        questions = Question.objects.in_bulk(part.questions, field_name="key")
        current = list(wave.wave_questions.values_list("question__key", flat=True))
        if current != part.questions:
            if current:
                wave.run = run
                wave.save(update_fields=["run"])
                outcome.count("updated", f"{wave}: {', '.join(part.questions)}")
            wave.wave_questions.all().delete()
            WaveQuestion.objects.bulk_create(
                WaveQuestion(wave=wave, question=questions[key], order=order)
                for order, key in enumerate(part.questions, start=1)
            )

        stored = {response.number: response for response in wave.responses.prefetch_related("answers__question")}
        rows = part.rows if out is None else progress(part.rows, total=len(part.rows), label=str(wave), out=out)
        created: list[Response] = []
        updated: list[Response] = []
        written: list[tuple[Response, SurveyRow]] = []
        for number, row in enumerate(rows, start=1):
            response = stored.pop(number, None)
            if response is None:
                response = Response(wave=wave, number=number, delomrade=row.delomrade, run=run)
                created.append(response)
                outcome.count("created", f"{wave} #{number}")
            elif response.delomrade == row.delomrade and _answers(response) == row.answers:
                outcome.count("skipped", f"{wave} #{number}")
                continue
            else:
                response.delomrade, response.run = row.delomrade, run
                updated.append(response)
                outcome.count("updated", f"{wave} #{number}")
            written.append((response, row))
        for number, response in stored.items():
            response.delete()
            outcome.count("updated", f"{wave} #{number}: {_('removed')}")
        if not (written or stored):
            return

        Response.objects.bulk_create(created)
        Response.objects.bulk_update(updated, ["delomrade", "run"])
        Answer.objects.filter(response__in=updated).delete()
        Answer.objects.bulk_create(
            Answer(response=response, question=questions[key], value=value)
            for response, row in written
            for key, value in row.answers.items()
        )
        tallies.rebuild(wave=wave)


def _answers(response: Response) -> dict[str, str]:
    return {answer.question.key: answer.value for answer in response.answers.all()}
