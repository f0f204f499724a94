"""Brå's SOL exports of reported crimes, read into plain rows.

One row per crime category x region x period, under a header row with `Brott`, `Region`, `År`,
`Period`, `Antal` and `/100 000 inv`; tab-separated (text export) or semicolon-separated
("databasfil"). Title lines before the header and one-cell notes after the data are left out.
`..` is a missing value, `prel` in the year or period a preliminary figure, numbers use a
decimal comma and spaces between thousands. Ancestors of a selected category come back as
`..` rows: those are left out, a `..` row of a leaf stays a missing value.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from samverkan.core.bounds import MAX_INTEGER, NUMBER_TOO_LARGE, digits_beyond, statistics_year, year_outside
from samverkan.core.lazytext import _
from samverkan.sources.bra.taxonomy import category_parents
from samverkan.sources.parsing import HEADER

CRIME = "Brott"
REGION = "Region"
YEAR = "År"
PERIOD = "Period"
COUNT = "Antal"
RATE = "/100 000 inv"
REQUIRED = (CRIME, REGION, YEAR, COUNT)
WHOLE_YEAR = "helår"
MISSING = ".."
MAX_CATEGORY, MAX_PERIOD = 200, 40  # as the models store them
MAX_RATE = Decimal("9999999999.99")  # 12 digits, 2 of them decimals

NO_HEADER = _("no header row with the columns Brott, Region, År, Period, Antal and /100 000 inv")
MISSING_COLUMN = _("missing column '{column}'")
NO_ROWS = _("the file has no rows below its header")
TOO_LONG = _("is longer than {limit} characters")
EMPTY = _("is empty")
NOT_A_NUMBER = _("'{value}' is not a number")
NOT_A_YEAR = _("'{value}' is not a year")
UNKNOWN_REGION = _("unknown region '{value}'")
DUPLICATE = _("the same crime, region, year and period as line {line}")

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
# "prel", "prel." or "preliminär" as a word of its own or glued to a year ("2025prel").
_PRELIMINARY = re.compile(r"(?<![^\W\d_])prel(?:iminära?)?\.?(?![^\W\d_])", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_COUNT = re.compile(r"\d+")
_RATE = re.compile(r"\d+(,\d+)?")
_WHOLE_YEAR = {"", "jan-dec", "januari-december", "helår", "år"}
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class CrimeRow:
    line: int
    category: str
    region: str  # as the export names it
    region_code: str
    year: int
    period: str
    count: int | None
    per_100k: Decimal | None
    preliminary: bool

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.region_code, self.category, self.year, self.period)


@dataclass
class ParsedExport:
    rows: list[CrimeRow] = field(default_factory=list)
    parents: dict[str, str | None] = field(default_factory=dict)
    problems: list[tuple[int | None, str, str]] = field(default_factory=list)  # in the active language


def _column_key(text: str) -> str:
    return _SPACES.sub("", text).casefold()


_COLUMNS = {_column_key(column): column for column in (CRIME, REGION, YEAR, PERIOD, COUNT, RATE)}


def _delimiter(line: str) -> str:
    return "\t" if line.count("\t") >= line.count(";") else ";"


def _split(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter))


def _filled(cells: list[str]) -> int:
    return sum(1 for cell in cells if cell.strip())


def _header(cells: list[str]) -> list[str | None]:
    return [_COLUMNS.get(_column_key(cell)) for cell in cells]


def normalise_period(text: str) -> str:
    """ "Jan-dec", "Helår" or nothing -> "helår"; any other period lower-case with plain dashes."""
    period = _SPACES.sub(" ", text.replace("–", "-").replace("—", "-")).strip().casefold()
    period = re.sub(r"\s*-\s*", "-", period)
    return WHOLE_YEAR if period in _WHOLE_YEAR else period


class TooLarge(ValueError):
    """A number beyond what the database holds."""

    def __init__(self, text: str, limit: object) -> None:
        super().__init__(text)
        self.limit = limit


def parse_count(text: str) -> int | None:
    """ "1 234" -> 1234, ".." -> None; ValueError for anything else, TooLarge beyond MAX_INTEGER."""
    if text == MISSING:
        return None
    digits = _SPACES.sub("", text)
    if not _COUNT.fullmatch(digits):
        raise ValueError(text)
    if digits_beyond(digits, MAX_INTEGER):
        raise TooLarge(text, MAX_INTEGER)
    return int(digits)


def parse_rate(text: str) -> Decimal | None:
    """ "1 234,5" -> Decimal("1234.50"), ".." -> None; ValueError for anything else."""
    if text == MISSING:
        return None
    number = _SPACES.sub("", text)
    if not _RATE.fullmatch(number):
        raise ValueError(text)
    rate = Decimal(number.replace(",", "."))
    if rate > MAX_RATE:
        raise TooLarge(text, str(MAX_RATE).replace(".", ","))
    return rate.quantize(_CENT, ROUND_HALF_UP)


def parse_export(text: str, *, regions: Mapping[str, str], known_parents: Mapping[str, str | None]) -> ParsedExport:
    """The rows of an export; `regions` maps lower-case region names to codes, `known_parents`
    is the category tree already stored."""
    parsed = ParsedExport()
    lines = re.split(r"\r\n|\r|\n", text)
    header_at = next((i for i, line in enumerate(lines) if CRIME in _header(_split(line, _delimiter(line)))), None)
    if header_at is None:
        parsed.problems.append((None, str(HEADER), str(NO_HEADER)))
        return parsed
    delimiter = _delimiter(lines[header_at])
    header = _header(_split(lines[header_at], delimiter))
    missing = [column for column in REQUIRED if column not in header]
    for column in missing:
        parsed.problems.append((header_at + 1, str(HEADER), MISSING_COLUMN.format(column=column)))
    if missing:
        return parsed

    numbered = enumerate(lines[header_at + 1 :], start=header_at + 2)
    data = [(number, _split(line, delimiter)) for number, line in numbered]
    data = [(number, cells) for number, cells in data if _filled(cells)]
    while data and _filled(data[-1][1]) == 1:
        data.pop()  # a note after the data, such as "Källa: Brottsförebyggande rådet"
    if not data:
        parsed.problems.append((header_at + 1, str(HEADER), str(NO_ROWS)))
        return parsed

    rows: list[CrimeRow] = []
    indented: dict[str, str] = {}
    stack: list[tuple[int, str]] = []
    for number, cells in data:
        values = {column: cells[i] if i < len(cells) else "" for i, column in enumerate(header) if column}
        row = _row(number, values, regions, parsed.problems)
        if row is None:
            continue
        raw = values[CRIME]
        indent = len(raw) - len(raw.lstrip())
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if stack:
            indented.setdefault(row.category, stack[-1][1])
        stack.append((indent, row.category))
        rows.append(row)

    parsed.parents = category_parents((row.category for row in rows), indented=indented, known=known_parents)
    parsed.rows = _without_echoes(rows, parsed.parents)
    seen: dict[tuple[str, str, int, str], int] = {}
    for row in parsed.rows:
        if row.key in seen:
            parsed.problems.append((row.line, CRIME, DUPLICATE.format(line=seen[row.key])))
        seen.setdefault(row.key, row.line)
    parsed.problems.sort(key=lambda problem: problem[0] or 0)
    return parsed


def _row(
    number: int, values: dict[str, str], regions: Mapping[str, str], problems: list[tuple[int | None, str, str]]
) -> CrimeRow | None:
    found = len(problems)

    def cell(column: str) -> str:
        text = _SPACES.sub(" ", values.get(column, MISSING if column == RATE else "")).strip()
        if not text and column != PERIOD:
            problems.append((number, column, str(EMPTY)))
        return text

    def number_in[N](column: str, parse: Callable[[str], N | None]) -> N | None:
        text = cell(column)
        try:
            return parse(text)
        except TooLarge as error:
            problems.append((number, column, NUMBER_TOO_LARGE.format(value=text, limit=error.limit)))
        except ValueError:
            if text:
                problems.append((number, column, NOT_A_NUMBER.format(value=text)))
        return None

    category = cell(CRIME)
    if len(category) > MAX_CATEGORY:
        problems.append((number, CRIME, TOO_LONG.format(limit=MAX_CATEGORY)))
    region = cell(REGION)
    region_code = regions.get(region.lower())
    if region and region_code is None:
        problems.append((number, REGION, UNKNOWN_REGION.format(value=region)))
    year_text = cell(YEAR)
    year = _PRELIMINARY.sub(" ", year_text).strip()
    if year_text and not _YEAR.fullmatch(year):
        problems.append((number, YEAR, NOT_A_YEAR.format(value=year_text)))
    elif year_text and not statistics_year(int(year)):
        problems.append((number, YEAR, year_outside(year_text)))
    period = cell(PERIOD)
    if len(normalise_period(_PRELIMINARY.sub(" ", period))) > MAX_PERIOD:
        problems.append((number, PERIOD, TOO_LONG.format(limit=MAX_PERIOD)))
    count = number_in(COUNT, parse_count)
    per_100k = number_in(RATE, parse_rate)
    if len(problems) > found or region_code is None:
        return None
    return CrimeRow(
        line=number,
        category=category,
        region=region,
        region_code=region_code,
        year=int(year),
        period=normalise_period(_PRELIMINARY.sub(" ", period)),
        count=count,
        per_100k=per_100k,
        preliminary=bool(_PRELIMINARY.search(year_text) or _PRELIMINARY.search(period)),
    )


def _without_echoes(rows: list[CrimeRow], parents: Mapping[str, str | None]) -> list[CrimeRow]:
    """Leave out the `..` rows of categories that are ancestors of another row of the same region and period."""
    above: dict[tuple[str, int, str], set[str]] = {}
    for row in rows:
        ancestors = above.setdefault((row.region_code, row.year, row.period), set())
        parent = parents.get(row.category)
        while parent is not None and parent not in ancestors:
            ancestors.add(parent)
            parent = parents.get(parent)
    return [
        row
        for row in rows
        if row.count is not None
        or row.per_100k is not None
        or row.category not in above[(row.region_code, row.year, row.period)]
    ]
