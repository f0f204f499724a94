"""The survey's figures per wave, dated, as other layers read them (the situation picture, goals).

A wave's date is its `opened_on`: a wave belongs to the window it was opened in. Imported waves
are dated by their import (importer.py: the given days, the file's submit dates, or the year in
the wave's name). The figures are the owner's full numbers; who may see which of them is the
reader's rule (n is given with each). Three queries, however many waves.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from samverkan.organisations.models import Municipality
from samverkan.sources.surveys.indices import Share
from samverkan.sources.surveys.models import Question, Wave, WaveQuestion
from samverkan.sources.surveys.selectors import WaveResults, results_from_tallies, tally_rows

UNSAFE_EVENING = "trygg_kvall"  # the question of the unsafe-evening share (Brå's NTU headline)
VICTIMISATION = "utsatt_12man"  # the question of the victimisation share


@dataclass(frozen=True)
class ItemFigure:
    key: str  # the question's key in the bank, e.g. "problem_klotter"
    text_sv: str
    index: float | None  # 0–6; None when nobody gave a scored answer
    n: int  # the scored answers


@dataclass(frozen=True)
class AreaFigures:
    delomrade: str
    respondents: int
    problem_index: float | None


@dataclass(frozen=True)
class WaveFigures:
    wave: int  # the wave's id
    name: str
    opened_on: datetime.date
    closed_on: datetime.date | None  # None while a web survey is open
    respondents: int
    problem_index: float | None  # the mean of the item indices
    unsafe_evening_share: Share | None  # None when the wave did not ask, or nobody answered
    victimisation_share: Share | None
    items: tuple[ItemFigure, ...]  # the problem items, in the wave's order
    areas: tuple[AreaFigures, ...]  # per delområde with respondents, by name

    def item(self, key: str) -> ItemFigure | None:
        return next((item for item in self.items if item.key == key), None)


def _figures(wave: Wave, results: WaveResults) -> WaveFigures:
    whole = results.whole
    return WaveFigures(
        wave=wave.pk,
        name=wave.name,
        opened_on=wave.opened_on,
        closed_on=wave.closed_on,
        respondents=whole.respondents,
        problem_index=whole.overall,
        unsafe_evening_share=whole.share_for(UNSAFE_EVENING),
        victimisation_share=whole.share_for(VICTIMISATION),
        items=tuple(ItemFigure(i.question.key, i.question.text_sv, i.index, i.n) for i in whole.items),
        areas=tuple(
            AreaFigures(delomrade, area.respondents, area.overall) for delomrade, area in results.areas.items()
        ),
    )


def wave_figures(*, waves: Iterable[Wave]) -> list[WaveFigures]:
    """The figures of the waves, in the order given."""
    waves = list(waves)
    ids = [wave.pk for wave in waves]
    questions: dict[int, list[Question]] = defaultdict(list)
    for wave_question in WaveQuestion.objects.filter(wave_id__in=ids).select_related("question").order_by("order"):
        questions[wave_question.wave_id].append(wave_question.question)
    rows: dict[int, list[tuple[str, int | None, str, int]]] = defaultdict(list)
    for wave_id, *row in tally_rows(ids):
        rows[wave_id].append(tuple(row))
    return [_figures(wave, results_from_tallies(questions[wave.pk], rows[wave.pk])) for wave in waves]


def survey_figures(*, municipality: Municipality, start: datetime.date, end: datetime.date) -> list[WaveFigures]:
    """The municipality's waves opened from `start` to `end` (both included), oldest first."""
    waves = Wave.objects.filter(municipality=municipality, opened_on__range=(start, end))
    return wave_figures(waves=waves.order_by("opened_on", "pk"))


def latest_wave_before(*, municipality: Municipality, day: datetime.date) -> WaveFigures | None:
    """The municipality's latest wave opened on or before `day`; None when it has none."""
    wave = Wave.objects.filter(municipality=municipality, opened_on__lte=day).order_by("-opened_on", "-pk").first()
    return wave_figures(waves=[wave])[0] if wave else None
