"""Reading a survey file into plain rows.

The format: a wide CSV (separated by ';', ',' or tabs; UTF-8 or ISO-8859-1), one row per respondent:
  kommunkod       the municipality's four-digit code
  delomrade       the part of the municipality the respondent lives in (may be blank)
  <question key>  one column per question of the bank (bank.py), e.g. problem_klotter, trygg_kvall;
                  the answer is its Swedish text, case and surrounding space ignored; blank: not answered
"""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.sources.importing import Problems, Source, decode_text, read_table
from samverkan.sources.surveys.bank import ANSWERS, QUESTION_BY_KEY, option_for_text

KOMMUNKOD = "kommunkod"
DELOMRADE = "delomrade"
DELOMRADE_MAX_LENGTH = 100

MISSING_COLUMN = "missing column"
UNKNOWN_COLUMN = "unknown column: neither kommunkod, delomrade nor a question of the bank"
DUPLICATE_COLUMN = "the column appears more than once"
NO_QUESTIONS = "no question columns"
BAD_KOMMUNKOD = "{value!r} is not a four-digit municipality code"
DELOMRADE_TOO_LONG = f"longer than {DELOMRADE_MAX_LENGTH} characters"
UNKNOWN_ANSWER = "unknown answer {value!r}; the answers are: {options}"


@dataclass(frozen=True)
class SurveyRow:
    line: int
    kommunkod: str  # empty when it is not a municipality code
    delomrade: str
    answers: dict[str, str]  # question key -> option key; blanks left out


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
        elif column not in (KOMMUNKOD, DELOMRADE):
            problems.add(header_line, column, UNKNOWN_COLUMN)
    if not questions:
        problems.add(header_line, "header", NO_QUESTIONS)
    if missing or not questions:
        return SurveyFile(questions, [])
    return SurveyFile(questions, [_row(row.line, row.values, questions, problems) for row in table])


def _row(line: int, values: dict[str, str], questions: list[str], problems: Problems) -> SurveyRow:
    kommunkod = values.get(KOMMUNKOD, "")
    if not (len(kommunkod) == 4 and kommunkod.isdigit()):
        problems.add(line, KOMMUNKOD, BAD_KOMMUNKOD.format(value=kommunkod))
        kommunkod = ""
    delomrade = values.get(DELOMRADE, "")
    if len(delomrade) > DELOMRADE_MAX_LENGTH:
        problems.add(line, DELOMRADE, DELOMRADE_TOO_LONG)
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
    return SurveyRow(line, kommunkod, delomrade, answers)
