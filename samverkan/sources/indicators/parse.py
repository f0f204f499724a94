"""Reading indicator CSV files into plain rows. No database here.

    indicator,municipality,year,value,n,source
    "Alkoholkonsumenter, årskurs 9",Arjeplog,2024,38.5,26,CAN Skolelevers drogvanor Norrbotten 2024

Comma or semicolon separated, UTF-8 or ISO-8859-1. `municipality` is a kommunkod or a region
name ("Arjeplog", "Arjeplogs kommun", "Norrbottens län", "Hela landet"). `value` may be empty
(no value that year) and takes a decimal comma in semicolon files; `n` – how many answered, or
the base of a share – is an optional whole number; `source` is free text kept with the row.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from samverkan.core.bounds import MAX_INTEGER, NUMBER_TOO_LARGE, digits_beyond, statistics_year, year_outside
from samverkan.core.lazytext import _
from samverkan.core.privacy import contains_personnummer
from samverkan.sources.parsing import HEADER, Problems, Source, decode_text, read_table

COLUMNS = ["indicator", "municipality", "year", "value", "n", "source"]
MAX_INDICATOR, MAX_SOURCE = 200, 300

EXPECTED_HEADER = _("expected {columns}")
NO_ROWS = _("the file has no rows below its header")
REQUIRED = _("is required")
TOO_LONG = _("is longer than {limit} characters")
NOT_A_YEAR = _("{value!r} is not a year")
NOT_A_NUMBER = _("{value!r} is not a number")
NOT_A_COUNT = _("{value!r} is not a whole number")
PERSONNUMMER = _("contains a personal identity number; remove it")


@dataclass(frozen=True)
class IndicatorRow:
    line: int
    indicator: str
    municipality: str
    year: int
    value: float | None
    n: int | None
    source: str


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _number(text: str, *, decimal_comma: bool) -> float:
    text = text.replace("\xa0", "").replace(" ", "")
    number = float(text.replace(",", ".") if decimal_comma else text)
    if not math.isfinite(number):
        raise ValueError
    return number


def parse_indicators(source: Source, problems: Problems) -> list[IndicatorRow]:
    """The rows of the file; every problem is added to `problems`."""
    text = decode_text(source)
    header, table = read_table(text, delimiters=",;")
    if [name.lower() for name in header] != COLUMNS:
        problems.add(1, HEADER, EXPECTED_HEADER.format(columns=",".join(COLUMNS)))
        return []
    decimal_comma = ";" in next(line for line in text.splitlines() if line.strip())
    rows = []
    empty = True
    for row in table:
        empty = False
        values = {name: row.values.get(name, "") for name in COLUMNS}
        before = len(problems.items)
        for name in ("indicator", "municipality", "year"):
            if not values[name]:
                problems.add(row.line, name, REQUIRED)
        for name, limit in (("indicator", MAX_INDICATOR), ("source", MAX_SOURCE)):
            if len(values[name]) > limit:
                problems.add(row.line, name, TOO_LONG.format(limit=limit))
        year = int(values["year"]) if _digits(values["year"]) and len(values["year"]) == 4 else None
        if values["year"] and year is None:
            problems.add(row.line, "year", NOT_A_YEAR.format(value=values["year"]))
        elif year is not None and not statistics_year(year):
            problems.add(row.line, "year", year_outside(values["year"]))
        value = None
        if values["value"]:
            try:
                value = _number(values["value"], decimal_comma=decimal_comma)
            except ValueError:
                problems.add(row.line, "value", NOT_A_NUMBER.format(value=values["value"]))
        n = None
        if values["n"] and not _digits(values["n"]):
            problems.add(row.line, "n", NOT_A_COUNT.format(value=values["n"]))
        elif values["n"] and digits_beyond(values["n"], MAX_INTEGER):
            problems.add(row.line, "n", NUMBER_TOO_LARGE.format(value=values["n"], limit=MAX_INTEGER))
        elif values["n"]:
            n = int(values["n"])
        for name in ("indicator", "source"):
            if contains_personnummer(values[name]):
                problems.add(row.line, name, PERSONNUMMER)
        if len(problems.items) == before:
            assert year is not None  # it is required
            rows.append(
                IndicatorRow(row.line, values["indicator"], values["municipality"], year, value, n, values["source"])
            )
    if empty:
        problems.add(1, HEADER, NO_ROWS)
    return rows
