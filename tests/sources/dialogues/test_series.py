"""The problems raised in a municipality's dialogues in a period, and everyone who took part, in one query."""

from __future__ import annotations

import datetime

import pytest

from samverkan.organisations.models import FocusArea
from samverkan.sources.dialogues.models import Dialogue, RaisedProblem
from samverkan.sources.dialogues.series import RaisedFigure, participants_total, raised_problems

D = datetime.date
PERIOD = {"start": D(2025, 1, 1), "end": D(2025, 12, 31)}


def dialogue(municipality, held_on: datetime.date, participants: int, *problems: tuple) -> Dialogue:
    held = Dialogue.objects.create(
        municipality=municipality,
        kind=Dialogue.Kind.CITIZENS,
        held_on=held_on,
        format=Dialogue.Format.MEETING,
        groups="Föräldrar",
        participants=participants,
    )
    for problem, prioritised_by, focus_area in problems:
        RaisedProblem.objects.create(
            dialogue=held, problem=problem, prioritised_by=prioritised_by, focus_area=focus_area
        )
    return held


@pytest.fixture
def dialogues(world):
    andts = FocusArea.objects.get(short_name="ANDT-S")
    autumn = dialogue(world.arjeplog, D(2025, 10, 2), 20, ("Langning", 12, andts), ("Buskörning", 5, None))
    spring = dialogue(world.arjeplog, D(2025, 1, 1), 8, ("Dålig belysning", 8, None))  # the period's first day
    dialogue(world.arjeplog, D(2024, 12, 31), 30, ("Klotter", 10, None))  # the day before the period
    dialogue(world.arjeplog, D(2026, 1, 1), 30, ("Klotter", 10, None))  # the day after it
    dialogue(world.arvidsjaur, D(2025, 5, 5), 40, ("Nedskräpning", 30, None))  # another municipality
    return spring, autumn


def test_it_gives_the_problems_of_the_dialogues_held_in_the_period(world, dialogues, django_assert_num_queries):
    spring, autumn = dialogues
    with django_assert_num_queries(1):
        figures = raised_problems(municipality=world.arjeplog, **PERIOD)
    assert figures == [
        RaisedFigure("Dålig belysning", 8, spring.pk, 8, D(2025, 1, 1), ""),
        RaisedFigure("Langning", 12, autumn.pk, 20, D(2025, 10, 2), "ANDT-S"),
        RaisedFigure("Buskörning", 5, autumn.pk, 20, D(2025, 10, 2), ""),
    ]
    assert figures[1].url == autumn.get_absolute_url()


def test_it_counts_each_dialogues_participants_once(world, dialogues):
    figures = raised_problems(municipality=world.arjeplog, **PERIOD)
    assert participants_total(figures) == 8 + 20
    assert participants_total([]) == 0
    assert raised_problems(municipality=world.lulea, **PERIOD) == []
