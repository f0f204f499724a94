"""The demo's calendar: the demo tells the story of the autumn of 2026 and moves it to the present.

Each demo module dates its story as of STORY_YEAR (the agreement 2023–2026, the action plan 2025–2026,
the safety survey of 2025) and passes every date, year and dated text through a DemoCalendar. Loaded in a
later year, the story moves forward by whole years: loaded in 2030, the plan is 2029–2030, the survey is
of 2029 and the agreement runs to the end of 2030. What the story logs as done but would now lie in the
future (the story runs into the late autumn) is left out with `happened`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from samverkan.core import clock

STORY_YEAR = 2026
# A year in a text ("Medborgarlöfte 2025–2026", "i maj 2025", "2025-06-01"), not a law's number ("2023:196").
YEAR_IN_TEXT = re.compile(r"(?<![\d:])(20[0-4]\d)(?![\d:])")


@dataclass(frozen=True)
class DemoCalendar:
    today: datetime.date
    years: int  # how many years the story moves forward

    def year(self, year: int) -> int:
        return year + self.years

    def day(self, day: datetime.date) -> datetime.date:
        try:
            return day.replace(year=day.year + self.years)
        except ValueError:  # 29 February in a year that has none
            return day.replace(year=day.year + self.years, day=28)

    def moment(self, moment: datetime.datetime) -> datetime.datetime:
        return datetime.datetime.combine(self.day(moment.date()), moment.timetz())

    def text(self, text: str) -> str:
        return YEAR_IN_TEXT.sub(lambda match: str(int(match[1]) + self.years), text)

    def happened(self, day: datetime.date) -> bool:
        return day <= self.today

    def until_today(self, day: datetime.date) -> datetime.date:
        """The story's day, moved; today, if that is still to come."""
        return min(self.day(day), self.today)


def demo_calendar(today: datetime.date | None = None) -> DemoCalendar:
    """The calendar that moves the story to `today` (the clock's, if not given)."""
    today = today or clock.today()
    return DemoCalendar(today=today, years=max(0, today.year - STORY_YEAR))
