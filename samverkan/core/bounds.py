"""The bounds of what the product takes from outside: days, years and whole numbers.

A day in a file, a query parameter or a path lies between EARLIEST_DAY and latest_day(), ten years
ahead; a year of statistics (Brå, Kolada, other indicators) between FIRST_STATISTICS_YEAR and
LAST_STATISTICS_YEAR; a count fits PostgreSQL's integer, an id its bigint. Beyond them a value is a
mistake, reported as a problem of the file, a form error on the page (samverkan.core.forms) or a 404 for a
path – never a 500 from the calendar arithmetic (year 0001 to UTC) or the database (an integer out of range).
"""

from __future__ import annotations

import datetime

from samverkan.core import clock
from samverkan.core.lazytext import _

EARLIEST_DAY = datetime.date(2000, 1, 1)
YEARS_AHEAD = 10
FIRST_STATISTICS_YEAR, LAST_STATISTICS_YEAR = 1900, 2100
MAX_INTEGER = 2**31 - 1  # an IntegerField or PositiveIntegerField on PostgreSQL
MAX_BIG_INTEGER = 2**63 - 1  # a BigIntegerField, or an id

# For a problem of a file: FILE:LINE: field: <this>.
DAY_OUTSIDE = _("{value} is outside the days the product holds, {earliest} to {latest}")
YEAR_OUTSIDE = _("{value} is outside the years the product holds, {first} to {last}")
NUMBER_TOO_LARGE = _("{value} is larger than {limit}")


def latest_day() -> datetime.date:
    """Ten years from today (28 February for a 29 February)."""
    today = clock.today()
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def supported_day(day: datetime.date) -> bool:
    return EARLIEST_DAY <= day <= latest_day()


def supported_year(year: int) -> bool:
    """A year of days the product holds: a year of an annual report, a yearly wheel or a period."""
    return EARLIEST_DAY.year <= year <= latest_day().year


def statistics_year(year: int) -> bool:
    return FIRST_STATISTICS_YEAR <= year <= LAST_STATISTICS_YEAR


def digits_beyond(digits: str, limit: int) -> bool:
    """Whether a string of ASCII digits is a number larger than `limit` (without converting a huge one)."""
    significant = digits.lstrip("0")
    return len(significant) > len(str(limit)) or int(significant or "0") > limit


def day_outside(value: object) -> str:
    """The problem of a day outside the supported range, in the active language."""
    return DAY_OUTSIDE.format(value=value, earliest=EARLIEST_DAY.isoformat(), latest=latest_day().isoformat())


def year_outside(value: object) -> str:
    return YEAR_OUTSIDE.format(value=value, first=FIRST_STATISTICS_YEAR, last=LAST_STATISTICS_YEAR)


class YearConverter:
    """`<year:year>` in a path: four digits within the supported years; another year is no page (404)."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not supported_year(year):
            raise ValueError(value)
        return year

    def to_url(self, value: int) -> str:
        return f"{value:04d}"
