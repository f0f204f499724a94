"""Recording the dialogues held with citizens and the problems raised in them."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from samverkan.organisations.models import User
from samverkan.sources.dialogues.models import Dialogue, RaisedProblem


@transaction.atomic
def dialogue_record(*, dialogue: Dialogue, problems: Iterable[RaisedProblem], by: User) -> Dialogue:
    """Store a dialogue (checked by its form) and the problems its participants prioritised: all or none."""
    dialogue.recorded_by = by
    dialogue.save()
    for problem in problems:
        problem.dialogue = dialogue
        problem.save()
    return dialogue
