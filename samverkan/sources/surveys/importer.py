"""Importing survey answers: one wave per municipality in the file, one response per row.

An imported wave holds exactly its file's respondents, matched by their place in the file:
an unchanged respondent is skipped, a changed one updated, and one the file no longer has is
removed (counted as an update of the wave).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
from samverkan.core.progress import progress
from samverkan.organisations.models import Municipality
from samverkan.sources.importing import Batch, Outcome, Problems, Source
from samverkan.sources.models import ImportRun
from samverkan.sources.registry import register
from samverkan.sources.surveys.models import Answer, Question, Response, Wave, WaveQuestion
from samverkan.sources.surveys.parse import KOMMUNKOD, SurveyRow, parse_survey

WAVE_NAME_MAX_LENGTH = Wave._meta.get_field("name").max_length
UNKNOWN_MUNICIPALITY = "no municipality has the code {code}"
WAVE_NAME_TOO_LONG = f"the wave name is longer than {WAVE_NAME_MAX_LENGTH} characters"
WAVE_IS_WEB = "{municipality} has a web survey named {name!r}; import under another wave name"


@dataclass(frozen=True)
class WaveRows:
    municipality: Municipality
    name: str
    questions: list[str]
    rows: list[SurveyRow]


@register
class SurveyImporter:
    key = "survey"
    label = _("Safety survey (trygghetsmätning)")
    accept = ".csv,.txt"
    help = _(
        "A CSV file with one row per respondent: kommunkod, delomrade and one column per question key "
        "(e.g. problem_klotter, trygg_kvall), answered with the survey's Swedish answer texts. "
        "The wave is named after the file."
    )

    def __init__(self, wave: str = "") -> None:
        self.wave = wave

    def parse(self, source: Source) -> Batch:
        problems = Problems(source.short_name)
        survey = parse_survey(source, problems)
        name = self.wave.strip() or Path(source.short_name).stem
        if len(name) > WAVE_NAME_MAX_LENGTH:
            problems.add(None, "wave", WAVE_NAME_TOO_LONG)
        codes = {row.kommunkod for row in survey.rows if row.kommunkod}
        municipalities = Municipality.objects.in_bulk(codes, field_name="code")
        for row in survey.rows:
            if row.kommunkod and row.kommunkod not in municipalities:
                problems.add(row.line, KOMMUNKOD, UNKNOWN_MUNICIPALITY.format(code=row.kommunkod))
        for web in Wave.objects.filter(municipality__code__in=codes, name=name, source=Wave.Source.WEB):
            problems.add(None, "wave", WAVE_IS_WEB.format(municipality=web.municipality, name=name))
        problems.raise_if_any()
        waves = [
            WaveRows(municipality, name, survey.questions, [row for row in survey.rows if row.kommunkod == code])
            for code, municipality in sorted(municipalities.items())
        ]
        return Batch(rows=waves, municipalities=codes)

    def store(self, batch: Batch, *, run: ImportRun, outcome: Outcome, out: TextIO | None) -> None:
        for part in batch.rows:
            self._store_wave(part, run, outcome, out)

    def _store_wave(self, part: WaveRows, run: ImportRun, outcome: Outcome, out: TextIO | None) -> None:
        today = clock.today()
        wave, _created = Wave.objects.get_or_create(
            municipality=part.municipality,
            name=part.name,
            defaults={"opened_on": today, "closed_on": today, "source": Wave.Source.IMPORT, "run": run},
        )
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

        Response.objects.bulk_create(created)
        Response.objects.bulk_update(updated, ["delomrade", "run"])
        Answer.objects.filter(response__in=updated).delete()
        Answer.objects.bulk_create(
            Answer(response=response, question=questions[key], value=value)
            for response, row in written
            for key, value in row.answers.items()
        )


def _answers(response: Response) -> dict[str, str]:
    return {answer.question.key: answer.value for answer in response.answers.all()}
