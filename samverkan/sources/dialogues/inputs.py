"""Input for the next dialogue from elsewhere in the product, such as citizens' accepted suggestions on a
promise. Sources sit below planning, so the apps above register a provider here instead of being imported."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from samverkan.organisations.models import Municipality


@dataclass(frozen=True)
class DialogueInput:
    text: str
    received_on: datetime.date
    about: str  # what it was said about, e.g. the promise's text


type InputProvider = Callable[[Municipality], list[DialogueInput]]

_providers: list[InputProvider] = []


def register_input_provider(provider: InputProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def dialogue_inputs(municipality: Municipality) -> list[DialogueInput]:
    """Everything the registered providers hold as input for the municipality's next dialogue."""
    return [item for provider in _providers for item in provider(municipality)]
