"""Reading a survey file into plain rows.

The format: a wide CSV (separated by ';', ',' or tabs; UTF-8 or ISO-8859-1), one row per respondent:
  kommunkod       the municipality's four-digit code
  delomrade       the part of the municipality the respondent lives in (may be blank)
  <question key>  one column per question of the bank (bank.py), e.g. problem_klotter, trygg_kvall;
                  the answer is its Swedish text, case and surrounding space ignored; blank: not answered
  submitdate      optional, as LimeSurvey exports it: the day the respondent submitted
                  ("2025-10-06" or "2025-10-06 14:32:11"; the time is ignored; blank: not known)

The wave's dates (`wave_dates`): the days given, else the first and last submit date of the file,
else the year in the wave's name (1 January to 31 December); without any of them it is refused.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from samverkan.core.bounds import day_outside, supported_day
from samverkan.core.lazytext import _
from samverkan.core.privacy import contains_personnummer
from samverkan.sources.parsing import HEADER, Problems, Source, decode_text, read_table
from samverkan.sources.surveys.bank import ANSWERS, QUESTION_BY_KEY, option_for_text

KOMMUNKOD = "kommunkod"
DELOMRADE = "delomrade"
SUBMITDATE = "submitdate"
DELOMRADE_MAX_LENGTH = 100

MISSING_COLUMN = _("missing column")
UNKNOWN_COLUMN = _("unknown column: neither kommunkod, delomrade nor a question of the bank")
DUPLICATE_COLUMN = _("the column appears more than once")
NO_QUESTIONS = _("no question columns")
NO_ROWS = _("the file has no rows below its header")
PERSONNUMMER = _("contains a personal identity number; remove it")
BAD_KOMMUNKOD = _("{value!r} is not a four-digit municipality code")
DELOMRADE_TOO_LONG = _("longer than {limit} characters")
UNKNOWN_ANSWER = _("unknown answer {value!r}; the answers are: {options}")
BAD_SUBMITDATE = _("{value!r} is not a date (YYYY-MM-DD, with or without a time)")
# A four-digit year standing alone in a wave's name, e.g. "2025" or "Trygghetsmätning 2025".
YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class SurveyRow:
    line: int
    kommunkod: str  # empty when it is not a municipality code
    delomrade: str
    answers: dict[str, str]  # question key -> option key; blanks left out
    submitted_on: datetime.date | None = None  # from the submitdate column, when the file has one


@dataclass(frozen=True)
class SurveyFile:
    questions: list[str]  # question keys in the file's order
    rows: list[SurveyRow]


def _header_line(text: str) -> int:
    return next((number for number, line in enumerate(text.splitlines(), start=1) if line.strip()), 1)


def parse_survey(source: Source, problems: Problems) -> SurveyFile:
    """Every respondent of the file; each problem is added to `problems`."""
    text = decode_text(source)
    header, table = read_table(text)
    header_line = _header_line(text)
    questions = []
    missing = [column for column in (KOMMUNKOD, DELOMRADE) if column not in header]
    for column in missing:
        problems.add(header_line, column, MISSING_COLUMN)
    for position, column in enumerate(header):
        if column in header[:position]:
            problems.add(header_line, column, DUPLICATE_COLUMN)
        elif column in QUESTION_BY_KEY:
            questions.append(column)
        elif column not in (KOMMUNKOD, DELOMRADE, SUBMITDATE):
            problems.add(header_line, column, UNKNOWN_COLUMN)
    if not questions:
        problems.add(header_line, HEADER, NO_QUESTIONS)
    if missing or not questions:
        return SurveyFile(questions, [])
    rows = [_row(row.line, row.values, questions, problems) for row in table]
    if not rows:
        problems.add(header_line, HEADER, NO_ROWS)
    return SurveyFile(questions, rows)


def _row(line: int, values: dict[str, str], questions: list[str], problems: Problems) -> SurveyRow:
    kommunkod = values.get(KOMMUNKOD, "")
    if not (len(kommunkod) == 4 and kommunkod.isdigit()):
        problems.add(line, KOMMUNKOD, BAD_KOMMUNKOD.format(value=kommunkod))
        kommunkod = ""
    delomrade = values.get(DELOMRADE, "")
    if len(delomrade) > DELOMRADE_MAX_LENGTH:
        problems.add(line, DELOMRADE, DELOMRADE_TOO_LONG.format(limit=DELOMRADE_MAX_LENGTH))
    if contains_personnummer(delomrade):
        problems.add(line, DELOMRADE, PERSONNUMMER)
    answers = {}
    for key in questions:
        value = values.get(key, "")
        if not value:
            continue
        kind = QUESTION_BY_KEY[key].kind
        option = option_for_text(kind, value)
        if option is None:
            options = ", ".join(option.sv for option in ANSWERS[kind])
            problems.add(line, key, UNKNOWN_ANSWER.format(value=value, options=options))
        else:
            answers[key] = option.key
    return SurveyRow(line, kommunkod, delomrade, answers, _submitted_on(line, values.get(SUBMITDATE, ""), problems))


def _submitted_on(line: int, value: str, problems: Problems) -> datetime.date | None:
    if not value:
        return None
    day, _separator, time = value.replace("T", " ", 1).partition(" ")
    try:
        if time:
            datetime.time.fromisoformat(time)
        if len(day) != len("YYYY-MM-DD"):
            raise ValueError(day)
        submitted = datetime.date.fromisoformat(day)
    except ValueError:
        problems.add(line, SUBMITDATE, str(BAD_SUBMITDATE).format(value=value))
        return None
    if not supported_day(submitted):
        problems.add(line, SUBMITDATE, day_outside(value))
        return None
    return submitted


def year_in(name: str) -> int | None:
    """The year a wave's name holds, when it holds exactly one (1900–2099)."""
    years = YEAR.findall(name)
    return int(years[0]) if len(years) == 1 else None


def wave_dates(
    *,
    name: str,
    opened_on: datetime.date | None = None,
    closed_on: datetime.date | None = None,
    submitted: Iterable[datetime.date | None] = (),
) -> tuple[datetime.date, datetime.date] | None:
    """The days a wave was open: those given (one alone stands for both), else the first and last
    submit date, else the year in its name; None when there is nothing to date it by."""
    given = [day for day in (opened_on, closed_on) if day is not None]
    if given:
        return given[0], given[-1]
    days = [day for day in submitted if day is not None]
    if days:
        return min(days), max(days)
    year = year_in(name)
    return (datetime.date(year, 1, 1), datetime.date(year, 12, 31)) if year else None
