"""Sections that apps above the situation add to the picture's JSON for the internal audience, such as the
effects of the activities with an area (planning.effects). The situation sits below planning, so those apps
register a provider here instead of being imported; a provider's section is JSON-ready data under its name."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from samverkan.organisations.models import Municipality

# (municipality, start, end, today) -> the section's JSON-ready data
type SectionProvider = Callable[[Municipality, datetime.date, datetime.date, datetime.date], Any]

_providers: dict[str, SectionProvider] = {}


def register_internal_section(name: str, provider: SectionProvider) -> None:
    _providers[name] = provider


def internal_sections(
    municipality: Municipality, *, start: datetime.date, end: datetime.date, today: datetime.date
) -> dict[str, Any]:
    """Every registered section of the municipality's internal picture of start..end, by name."""
    return {name: provider(municipality, start, end, today) for name, provider in sorted(_providers.items())}
