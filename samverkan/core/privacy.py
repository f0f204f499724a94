"""Privacy rules (DOMAIN.md §4), as plain functions every part of the product uses.

- Free text is refused while it holds something shaped like a personnummer or
  samordningsnummer (with or without century, with '-', '+', a space or nothing before the
  last four digits).
- Outside its owning organisation a count below 3 is shown as "<3", and a survey share
  only when at least 10 answered.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MIN_COUNT = 3
MIN_RESPONDENTS = 10
SUPPRESSED = "<3"

PERSONNUMMER_REFUSED = _(
    "The text seems to contain a personal identity number. Remove it: Samverkan records places and "
    "situations, never persons."
)

# YYMMDD or YYYYMMDD, a plausible month and day (samordningsnummer: day + 60), then 4 digits.
_PERSONNUMMER = re.compile(
    r"(?<![\d-])(?:(?:19|20)\d{2}|\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?\d{4}(?!\d)"
)


def contains_personnummer(text: str) -> bool:
    return bool(_PERSONNUMMER.search(text))


def validate_no_personnummer(text: str) -> None:
    """A validator for every free-text field."""
    if contains_personnummer(text):
        raise ValidationError(PERSONNUMMER_REFUSED, code="personnummer")


def suppress_count(count: int, *, owner: bool) -> int | str:
    """The count as it may be shown: exact to its owner, "<3" elsewhere when 1 or 2."""
    if owner or count == 0 or count >= MIN_COUNT:
        return count
    return SUPPRESSED


def share_visible(respondents: int, *, owner: bool) -> bool:
    return owner or respondents >= MIN_RESPONDENTS
