"""Citizens' accepted suggestions since the last citizen dialogue, offered when a dialogue is recorded."""

from __future__ import annotations

from samverkan.organisations.models import Municipality
from samverkan.planning.promises.selectors import accepted_suggestions, last_citizen_dialogue_on
from samverkan.sources.dialogues.inputs import DialogueInput


def accepted_suggestions_input(municipality: Municipality) -> list[DialogueInput]:
    since = last_citizen_dialogue_on(municipality)
    return [
        DialogueInput(text=s.text, received_on=s.received_on, about=str(s.promise))
        for s in accepted_suggestions(municipality=municipality, since=since)
    ]
