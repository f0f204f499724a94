"""A goal's status from its indicators' statuses. No Django here.

The rule (our rule): a goal stands as its weakest measured indicator – off track before at risk
before on track; with no measured indicator it has no data yet.
"""

from __future__ import annotations

from collections.abc import Iterable

from samverkan.planning.goals.status import GREEN, GREY, RED, YELLOW, Colour

WEAKEST_FIRST: tuple[Colour, ...] = (RED, YELLOW, GREEN)


def goal_colour(colours: Iterable[str]) -> Colour:
    found = set(colours)
    return next((colour for colour in WEAKEST_FIRST if colour in found), GREY)
