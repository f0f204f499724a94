"""An agreement's period in its texts, and moving those texts to the next period. No Django here.

An agreement's texts name their period in many ways: "kommande period 2023–2026", "till och med 31 december
2026", "2026-12-31", "år 2026", "innan nytt avtal 2027". When the next agreement is drafted from the old one,
each of these is rewritten for the new period, so no stale date is copied:

- the period as a range of years (any dash, or "till"), and a range of years inside it, moves with it;
- a day inside the old period (ISO "2026-12-31" or Swedish "31 december 2026", "1 juni 2023") moves by the
  years between the two ends; the first and last days become the new first and last days;
- a month of the old period ("december 2026") moves the same way;
- the end year after "år", "under", "till och med", "t.o.m.", "senast", "före", "innan", "utgången av",
  "slutet av" becomes the new end year;
- the year after the end, as the next agreement's ("nytt avtal 2027", "ny överenskommelse 2027"), becomes
  the year after the new end.

Other years (the statistics of 2022, a law's number "2023:196") are left as they are.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

DEFAULT_YEARS = 4

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
_MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER.update({name[:3]: number for name, number in list(_MONTH_NUMBER.items())})

_YEAR = r"(?<![\d:])(?P<{name}>\d{{4}})(?![\d:])"
_DASH = r"\s*[-–—]\s*|\s+till\s+"
_ALONE = r"(?!(?:" + _DASH + r")\d)"  # a year on its own, not the start of a range or an ISO day
_MONTH = r"(?P<{name}>" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + r")\.?"
_END_WORDS = r"år|under|till och med|t\.o\.m\.|tom|senast|före|innan|utgången av|slutet av"
_NEXT_WORDS = r"(?:nytt|nästa|ny|kommande)\s+(?:samverkansavtal|avtal|samverkansöverenskommelse|överenskommelse)"

_REFERENCE = re.compile(
    "|".join(
        [
            r"(?<![\d:])(?P<iso>\d{4}-\d{2}-\d{2})(?![\d:])",
            _YEAR.format(name="from") + r"(?P<dash>" + _DASH + r")(?P<to>\d{4}|\d{2})(?![\d:]|-\d)",
            r"(?<!\d)(?P<day>\d{1,2})\s+"
            + _MONTH.format(name="month")
            + r"\s+"
            + _YEAR.format(name="day_year")
            + _ALONE,
            r"(?<!\w)" + _MONTH.format(name="month_only") + r"\s+" + _YEAR.format(name="month_year") + _ALONE,
            r"(?<!\w)(?P<end_words>" + _END_WORDS + r")\s+" + _YEAR.format(name="end_year") + _ALONE,
            r"(?<!\w)(?P<next_words>"
            + _NEXT_WORDS
            + r"(?:\s+(?:år|från))?)\s+"
            + _YEAR.format(name="next_year")
            + _ALONE,
        ]
    ),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("A period ends after it starts.")

    def years(self) -> str:
        """ "2027–2030", or "2027" for a period within one year."""
        if self.start.year == self.end.year:
            return str(self.start.year)
        return f"{self.start.year}–{self.end.year}"


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def next_period(old: Period, years: int = DEFAULT_YEARS) -> Period:
    """From the day after the old end, `years` years long: 2023-06-01–2026-12-31 → 2027-01-01–2030-12-31."""
    start = old.end + datetime.timedelta(days=1)
    return Period(start, add_years(start, years) - datetime.timedelta(days=1))


def move_day(day: datetime.date, old: Period, new: Period) -> datetime.date:
    """A day of the old period in the new one: the ends to the ends, any other by the years between the ends,
    kept inside the new period."""
    if day == old.start:
        return new.start
    if day == old.end:
        return new.end
    return min(max(add_years(day, new.end.year - old.end.year), new.start), new.end)


def _in(year: int, old: Period) -> bool:
    return old.start.year <= year <= old.end.year


def _full_year(short: str, century_of: int) -> int:
    return int(short) if len(short) == 4 else century_of // 100 * 100 + int(short)


def _date(year: str, month: int, day: str | int) -> datetime.date | None:
    try:
        return datetime.date(int(year), month, int(day))
    except ValueError:
        return None


def _between(match: re.Match[str], first: str, second: str) -> str:
    """What the match holds between two of its groups (a space, a dot and a space)."""
    return match.string[match.end(first) : match.start(second)]


def _replacement(match: re.Match[str], old: Period, new: Period) -> str | None:
    """The text for a reference to the old period, or None when the match is no such reference."""
    if match["from"]:
        first, last = int(match["from"]), _full_year(match["to"], int(match["from"]))
        if not (_in(first, old) and _in(last, old) and first < last):
            return None
        if (first, last) == (old.start.year, old.end.year):
            first, last = new.start.year, new.end.year
        else:
            shift = new.end.year - old.end.year
            first, last = max(first + shift, new.start.year), min(last + shift, new.end.year)
        if first >= last:
            return str(last)
        to = str(last) if len(match["to"]) == 4 else f"{last % 100:02d}"
        return f"{first}{match['dash']}{to}"
    if match["iso"]:
        try:
            day = datetime.date.fromisoformat(match["iso"])
        except ValueError:
            return None
        return move_day(day, old, new).isoformat() if old.start <= day <= old.end else None
    if match["day"]:
        named = _date(match["day_year"], _MONTH_NUMBER[match["month"].lower()], match["day"])
        if named is None or not old.start <= named <= old.end:
            return None
        moved = move_day(named, old, new)
        return f"{moved.day} {MONTHS[moved.month - 1]} {moved.year}"
    if match["month_only"]:
        month = _MONTH_NUMBER[match["month_only"].lower()]
        first_day = datetime.date(int(match["month_year"]), month, 1)
        if not (old.start.replace(day=1) <= first_day <= old.end):
            return None
        moved = min(max(add_years(first_day, new.end.year - old.end.year), new.start.replace(day=1)), new.end)
        name = MONTHS[moved.month - 1]
        if len(match["month_only"]) == 3:
            name = name[:3]
        if match["month_only"][0].isupper():
            name = name.capitalize()
        return name + _between(match, "month_only", "month_year") + str(moved.year)
    if match["end_year"]:
        if int(match["end_year"]) != old.end.year:
            return None
        return match["end_words"] + _between(match, "end_words", "end_year") + str(new.end.year)
    if match["next_year"]:
        if int(match["next_year"]) != old.end.year + 1:
            return None
        return match["next_words"] + _between(match, "next_words", "next_year") + str(new.end.year + 1)
    return None


def rewrite(text: str, old: Period, new: Period) -> str:
    """The text with every reference to the old period moved to the new one (see the module's docstring)."""

    def replace(match: re.Match[str]) -> str:
        found = _replacement(match, old, new)
        return match[0] if found is None else found

    return _REFERENCE.sub(replace, text)


def references(text: str, old: Period) -> list[str]:
    """Every reference to the old period in the text: what `rewrite` would change."""
    probe = next_period(old)
    return [m[0] for m in _REFERENCE.finditer(text) if _replacement(m, old, probe) is not None]


def retitle(title: str, old: Period, new: Period) -> str:
    """The title for the new period: its period rewritten, or the new years added."""
    moved = rewrite(title, old, new)
    return moved if moved != title else f"{title} ({new.years()})"
