"""Privacy rules (DOMAIN.md §4), as plain functions every part of the product uses.

- Free text is refused while it holds something shaped like a personnummer or
  samordningsnummer: with or without the century, with nothing, a hyphen, an en dash, a minus
  sign, '+', spaces, a no-break space or a tab before the last four digits, and after any
  prefix such as "pnr-" or "pnr:". Looser spellings (the date written in pairs, "85 01 01-12 34")
  are refused when their Luhn checksum holds; the checksum never lets a strict spelling through.
- Public texts (what citizens type) also refuse phone numbers and e-mail addresses.
- Outside its owning organisation a count below 3 is shown as "<3", and a survey share
  only when at least 10 answered.
"""

from __future__ import annotations

import re

from samverkan.core.lazytext import _

MIN_COUNT = 3
MIN_RESPONDENTS = 10
SUPPRESSED = "<3"

PERSONNUMMER_REFUSED = _(
    "The text seems to contain a personal identity number. Remove it: Samverkan records places and "
    "situations, never persons."
)

CONTACT_DETAILS_REFUSED = _(
    "The text seems to contain a phone number or an e-mail address. Remove it: this text is "
    "anonymous and must not point to a person."
)

# Hyphen, no-break hyphen, figure dash, en dash, em dash and minus sign.
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"
# A plausible month and day (samordningsnummer: day + 60), after YY or YYYY.
_MONTH_DAY = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])"
_DATE = rf"(?:(?:18|19|20)\d{{2}}|\d{{2}}){_MONTH_DAY}"
# Nothing, whitespace, or one dash or '+' with whitespace around it.
_SEPARATOR = rf"(?:\s{{0,3}}[{_DASHES}+]\s{{0,3}}|\s{{1,3}})?"
_PERSONNUMMER = re.compile(rf"(?<!\d){_DATE}{_SEPARATOR}\d{{4}}(?!\d)")
# The date in pairs ("85 01 01", "1985-01-01") and the last four digits, perhaps in pairs too.
_PAIR = rf"[\s.{_DASHES}]"
_LOOSE = re.compile(
    rf"(?<!\d)(?:18|19|20)?\d{{2}}{_PAIR}\d{{2}}{_PAIR}\d{{2}}\s?[{_DASHES}+]?\s?\d{{2}}\s?\d{{2}}(?!\d)"
)
_PLAUSIBLE_MONTH_DAY = re.compile(rf"^{_MONTH_DAY}$")

# A Swedish phone number: 0 and an area code, or +46 / 0046; 7 to 12 digits in groups, perhaps with a spaced
# dash ("070 - 123 45 67"). Right after a word, or after a label's colon or full stop ("Tel:070…", "tel.070…"),
# it counts; not inside another number: after a digit and a dash, slash, dot, colon, comma or space (a date,
# an amount "12 050 000 000 kr", a range).
_PHONE = re.compile(
    rf"(?<![\w+])(?<!\d[{_DASHES}/.:,])(?<!\d\s)"
    rf"(?:(?:\+|00)\s?46[\s{_DASHES}]?(?:\(0\)\s?)?|\(?0)[1-9](?:[\s{_DASHES}()]{{0,3}}\d){{5,10}}(?!\d)"
)
_EMAIL = re.compile(r"[\w.+\-]+\s?(?:@|\(at\)|\[at\])\s?[\w\-]+(?:\.[\w\-]+)+")


def _luhn_valid(digits: str) -> bool:
    total = 0
    for position, digit in enumerate(int(d) for d in digits):
        doubled = digit * 2 if position % 2 == 0 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


def _loose_personnummer(text: str) -> bool:
    for match in _LOOSE.finditer(text):
        digits = re.sub(r"\D", "", match.group())[-10:]
        if _PLAUSIBLE_MONTH_DAY.match(digits[2:6]) and _luhn_valid(digits):
            return True
    return False


def contains_personnummer(text: str) -> bool:
    return bool(_PERSONNUMMER.search(text)) or _loose_personnummer(text)


def contains_contact_details(text: str) -> bool:
    """A phone number or an e-mail address."""
    return bool(_PHONE.search(text) or _EMAIL.search(text))


def suppress_count(count: int, *, owner: bool) -> int | str:
    """The count as it may be shown: exact to its owner, "<3" elsewhere when 1 or 2."""
    if owner or count == 0 or count >= MIN_COUNT:
        return count
    return SUPPRESSED


def share_visible(respondents: int, *, owner: bool) -> bool:
    return owner or respondents >= MIN_RESPONDENTS
