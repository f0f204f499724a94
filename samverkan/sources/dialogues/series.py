"""The problems raised in a municipality's dialogues, read once.

The rule, in one place: a problem counts for the period when its dialogue was held from `start` to
`end` (both days included); how much weight it carries is how many of the dialogue's participants
prioritised it, out of all participants of the dialogues held then.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from samverkan.organisations.models import Municipality
from samverkan.sources.dialogues.models import RaisedProblem


@dataclass(frozen=True)
class RaisedFigure:
    problem: str
    prioritised_by: int  # participants who prioritised it
    dialogue_id: int
    participants: int  # of the dialogue
    held_on: datetime.date
    focus_area: str  # the focus area's short name, "" when none

    @property
    def url(self) -> str:
        """The dialogue's page (a property, so the figure itself holds no address)."""
        return reverse("dialogue", args=[self.dialogue_id])


def raised_problems(*, municipality: Municipality, start: datetime.date, end: datetime.date) -> list[RaisedFigure]:
    """The problems raised in the municipality's dialogues from `start` to `end`, oldest dialogue first: one query."""
    rows = (
        RaisedProblem.objects.filter(dialogue__municipality=municipality, dialogue__held_on__range=(start, end))
        .order_by("dialogue__held_on", "dialogue_id", "-prioritised_by", "problem")
        .values_list(
            "problem",
            "prioritised_by",
            "dialogue_id",
            "dialogue__participants",
            "dialogue__held_on",
            "focus_area__short_name",
        )
    )
    return [
        RaisedFigure(problem, prioritised, dialogue, participants, held_on, focus_area or "")
        for problem, prioritised, dialogue, participants, held_on, focus_area in rows
    ]


def participants_total(figures: Iterable[RaisedFigure]) -> int:
    """Everyone who took part in the dialogues the figures come from, each dialogue counted once."""
    return sum({f.dialogue_id: f.participants for f in figures}.values())
