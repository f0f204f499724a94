"""National reference data as plain data: the residents of each municipality (the bundled population.csv and
SCB's own export of table BE0101N1 from Statistikdatabasen), the police organisation (region, polisområde,
lokalpolisområde of each municipality) and the present population (residents and visitors, per month).

Each parser reads the whole file and raises NationalDataError with every problem, one `FILE:LINE: field: what is
wrong` each, so a file is taken whole or not at all. No Django here (the import-linter contract "The pure modules
import no Django"): storing what was read is samverkan.organisations.national.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

# The seven police regions (polisregioner) since 2015, by their short names.
POLICE_REGIONS = ("Bergslagen", "Mitt", "Nord", "Stockholm", "Syd", "Väst", "Öst")
REGION_PREFIX = "Polisregion "
DISTRICT_PREFIX = "Polisområde "
AREA_PREFIX = "Lokalpolisområde "
# Other names the same organisation goes by (tests/conftest.py and many agreements write "LPO Piteå älvdal").
DISTRICT_ALIASES = ("PO ",)
AREA_ALIASES = ("LPO ",)
FIRST_YEAR, LAST_YEAR = 1900, 2100
# SCB writes ".." for a figure it does not give (a municipality before it existed), "." or "-" for none.
NO_FIGURE = frozenset({"..", ".", "-", "–", ""})
# A dimension's value that is the total over it (SCB's "totalt ålder", a "totalt" kön).
TOTAL = re.compile(r"^(totalt?|samtliga|tot|båda könen)\b", re.IGNORECASE)
SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")


class NationalDataError(ValueError):
    """Every problem of a file, one `FILE:LINE: field: what is wrong` each."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) when it decodes, else ISO-8859-1: how Statistikdatabasen and Excel write CSV."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("iso-8859-1")


def _folded(text: str) -> str:
    """A header's name without case, accents (å ä ö → a a o) or surrounding spaces and quotes."""
    stripped = unicodedata.normalize("NFKD", text.strip().strip('"').strip().casefold())
    return "".join(c for c in stripped if not unicodedata.combining(c))


def _rows(text: str, *, header: frozenset[str] = frozenset()) -> list[tuple[int, list[str]]]:
    """The file's rows with their line numbers. The delimiter (comma, semicolon or tab) is the one the header
    line holds most of outside quotes: the first line whose first field is one of `header`'s names (a title
    line with commas may come before it), else the first non-empty line."""
    lines = text.splitlines()
    sample = next((line for line in lines if line.strip()), "")
    for line in lines[:50]:
        first = re.split(r"[,;\t]", line, maxsplit=1)[0]
        if _folded(first) in header:
            sample = line
            break
    outside = re.sub(r'"[^"]*"', "", sample)
    delimiter = max([",", ";", "\t"], key=outside.count)
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    return [(number, cells) for number, cells in enumerate(reader, start=1)]


def _whole_number(text: str) -> int | None:
    cleaned = SPACES.sub("", text)
    return int(cleaned) if cleaned.isdigit() else None


# --- Residents ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PopulationFigure:
    line: int  # the first line the figure was read from
    code: str  # kommunkod
    year: int
    residents: int


REGION_COLUMNS = frozenset({"region", "kommunkod", "kod", "kommun kod"})
NAME_COLUMNS = frozenset({"kommun", "kommunnamn", "namn", "name"})
YEAR_COLUMNS = frozenset({"ar", "year", "tid"})
VALUE_COLUMNS = frozenset({"folkmangd", "population", "befolkning", "antal", "invanare", "residents"})
YEAR_HEADER = re.compile(r"^(?:[^\d]*\s)?(\d{4})$")  # "2021", "Folkmängd 2021"
REGION_VALUE = re.compile(r"^(\d+)(?:\s+(.*))?$")  # "0114 Upplands Väsby", "01 Stockholms län", "00 Riket"


def parse_population(text: str, *, file: str) -> list[PopulationFigure]:
    """The residents of each municipality and year, from a file shaped like SCB's table BE0101N1 as
    Statistikdatabasen writes it, or like the bundled population.csv:

    - wide: `"region","2021","2022"` (or `"Folkmängd 2021"`), with region cells like `"0114 Upplands Väsby"`;
    - long: `"region","år","Folkmängd"`, or `kommunkod,kommun,year,population`;
    - either with other columns (civilstånd, ålder, kön …): the rows of a municipality and year are summed over
      them, and where a column holds a total (`totalt ålder`) only its total rows are taken;
    - a title line before the header, notes after a blank line; comma, semicolon or tab; figures with spaces.

    Rows of the country and the counties (`00 Riket`, `01 Stockholms län`) are left out; `..` (no figure) too.
    """
    problems: list[str] = []
    rows = _rows(text, header=REGION_COLUMNS)
    start = next((i for i, (_, cells) in enumerate(rows) if cells and _folded(cells[0]) in REGION_COLUMNS), None)
    if start is None:
        first = next((",".join(cells) for _, cells in rows if any(c.strip() for c in cells)), "nothing")
        raise NationalDataError(
            [f"{file}:1: header: no line starts with a region or kommunkod column (found {first!r})"]
        )
    header_line, header = rows[start]
    names = [_folded(cell) for cell in header]
    region = 0
    years = {i: int(m.group(1)) for i, name in enumerate(names) if i and (m := YEAR_HEADER.match(name))}
    year_column = next((i for i, name in enumerate(names) if name in YEAR_COLUMNS), None)
    value_column = next(
        (i for i, name in enumerate(names) if name in VALUE_COLUMNS or name.startswith("folkmangd")), None
    )
    if years and year_column is None:
        value_columns = years
        dimensions = [i for i in range(1, len(names)) if i not in years and names[i] not in NAME_COLUMNS]
    elif year_column is not None and value_column is not None:
        value_columns = {}
        dimensions = [
            i for i in range(1, len(names)) if i not in (year_column, value_column) and names[i] not in NAME_COLUMNS
        ]
    else:
        raise NationalDataError(
            [
                f'{file}:{header_line}: header: expected a column per year ("2021", "Folkmängd 2021") or a year '
                f"column (år, year) and a population column (Folkmängd, population); found {','.join(header)}"
            ]
        )

    # (code, year) → dimension values → (line, residents)
    cells: dict[tuple[str, int], dict[tuple[str, ...], tuple[int, int]]] = defaultdict(dict)
    after_blank = False
    for line, row in rows[start + 1 :]:
        filled = [c for c in row if c.strip()]
        if not filled:
            after_blank = True
            continue
        if after_blank and len(filled) == 1:
            continue  # a note under the table ("Källa: SCB", a footnote)
        if len(row) != len(header):
            problems.append(f"{file}:{line}: row: expected {len(header)} fields, found {len(row)}")
            continue
        match = REGION_VALUE.match(row[region].strip())
        if match is None:
            problems.append(f"{file}:{line}: {header[region].strip()}: {row[region]!r} does not start with a kommunkod")
            continue
        code = match.group(1)
        if len(code) in (1, 2):
            continue  # the country, a county
        if len(code) != 4:
            problems.append(f"{file}:{line}: {header[region].strip()}: {code!r} is not a four-digit kommunkod")
            continue
        dims = tuple(SPACES.sub(" ", row[i].strip()).casefold() for i in dimensions)
        if value_columns:
            values = [(year, row[i]) for i, year in value_columns.items()]
        else:
            year_text = row[year_column].strip() if year_column is not None else ""
            year_match = re.fullmatch(r"\d{4}", year_text)
            if year_match is None:
                problems.append(f"{file}:{line}: {header[year_column or 0].strip()}: {year_text!r} is not a year")
                continue
            values = [(int(year_text), row[value_column or 0])]
        for year, raw in values:
            if not FIRST_YEAR <= year <= LAST_YEAR:
                problems.append(f"{file}:{line}: year: {year} is not a year of population statistics")
                continue
            if raw.strip() in NO_FIGURE:
                continue
            residents = _whole_number(raw)
            if residents is None:
                problems.append(f"{file}:{line}: {year}: {raw.strip()!r} is not a whole number of residents")
                continue
            seen = cells[(code, year)]
            if dims in seen:
                problems.append(f"{file}:{line}: region: {code} {year} is already on line {seen[dims][0]}")
                continue
            seen[dims] = (line, residents)
    if problems:
        raise NationalDataError(problems)

    figures = []
    for (code, year), by_dims in cells.items():
        # Where a dimension holds a total, its other values are parts of it: only the total rows count.
        totals = [d for d in range(len(dimensions)) if any(TOTAL.match(dims[d]) for dims in by_dims)]
        taken = [value for dims, value in by_dims.items() if all(TOTAL.match(dims[d]) for d in totals)]
        if taken:
            figures.append(PopulationFigure(min(line for line, _ in taken), code, year, sum(n for _, n in taken)))
    if not figures:
        raise NationalDataError([f"{file}:{header_line}: file: no municipality's population in it"])
    return sorted(figures, key=lambda f: (f.year, f.code))


# --- The police organisation ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoliceRow:
    line: int
    region: str  # the short name: "Nord"
    district: str  # polisområde, "" when not known
    area: str  # lokalpolisområde, "" when not known
    code: str  # kommunkod


def _without_prefix(value: str, prefixes: Sequence[str]) -> str:
    value = SPACES.sub(" ", value.strip())
    for prefix in prefixes:
        if value.casefold().startswith(prefix.casefold()):
            return value[len(prefix) :].strip()
    return value


def region_name(short: str) -> str:
    return REGION_PREFIX + short


def district_name(short: str) -> str:
    return DISTRICT_PREFIX + short


def area_name(short: str) -> str:
    return AREA_PREFIX + short


POLICE_HEADER = {"region": "region", "polisomrade": "district", "lokalpolisomrade": "area", "kommunkod": "code"}


def parse_police_areas(text: str, *, file: str) -> list[PoliceRow]:
    """The rows of a police-areas CSV: `region,polisområde,lokalpolisområde,kommunkod` (names with or without
    å/ä, in any order, an optional `kommun` column). The region is one of the seven (`Nord` or `Polisregion
    Nord`); polisområde and lokalpolisområde may be empty (not known) and are written with or without their
    prefix (`Lokalpolisområde Piteå älvdal`, `Piteå älvdal`). A municipality may be on several lines (Stockholm
    and Göteborg have several lokalpolisområden), all in one region; a lokalpolisområde lies in one polisområde
    and one region."""
    rows = _rows(text)
    if not rows:
        raise NationalDataError([f"{file}:1: header: empty file"])
    header_line, header = rows[0]
    names = [_folded(cell) for cell in header]
    columns = {POLICE_HEADER[name]: i for i, name in enumerate(names) if name in POLICE_HEADER}
    missing = [name for name in ("region", "kommunkod") if POLICE_HEADER[name] not in columns]
    unknown = [cell for cell, name in zip(header, names, strict=True) if name not in POLICE_HEADER and name != "kommun"]
    if missing or unknown:
        raise NationalDataError(
            [
                f"{file}:{header_line}: header: expected region,polisområde,lokalpolisområde,kommunkod[,kommun]; "
                f"found {','.join(header) or 'nothing'}"
            ]
        )
    regions = {r.casefold(): r for r in POLICE_REGIONS}
    problems: list[str] = []
    result: list[PoliceRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    region_of_code: dict[str, tuple[str, int]] = {}
    parent_of_area: dict[str, tuple[str, str, int]] = {}
    region_of_district: dict[str, tuple[str, int]] = {}
    for line, cells in rows[1:]:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.append(f"{file}:{line}: row: expected {len(header)} fields, found {len(cells)}")
            continue

        def cell(key: str, cells: list[str] = cells) -> str:
            return cells[columns[key]].strip() if key in columns else ""

        region_text = _without_prefix(cell("region"), [REGION_PREFIX, "Region "])
        region = regions.get(region_text.casefold())
        district = _without_prefix(cell("district"), [DISTRICT_PREFIX, *DISTRICT_ALIASES])
        area = _without_prefix(cell("area"), [AREA_PREFIX, *AREA_ALIASES])
        code = cell("code")
        before = len(problems)
        if region is None:
            problems.append(
                f"{file}:{line}: region: {cell('region')!r} is not one of the police regions "
                f"({', '.join(POLICE_REGIONS)})"
            )
        if not (len(code) == 4 and code.isdigit()):
            problems.append(f"{file}:{line}: kommunkod: {code!r} is not a four-digit kommunkod")
        for field, value in (("polisområde", district), ("lokalpolisområde", area)):
            if len(value) > 150:
                problems.append(f"{file}:{line}: {field}: longer than 150 characters")
        if len(problems) > before or region is None:
            continue
        key = (code, district.casefold(), area.casefold())
        if key in seen:
            problems.append(f"{file}:{line}: kommunkod: {code} is already on line {seen[key]} with the same areas")
            continue
        seen[key] = line
        if code in region_of_code and region_of_code[code][0] != region:
            other, other_line = region_of_code[code]
            problems.append(f"{file}:{line}: region: {code} is in {other} on line {other_line}, here in {region}")
            continue
        region_of_code.setdefault(code, (region, line))
        if district:
            known = region_of_district.setdefault(district.casefold(), (region, line))
            if known[0] != region:
                problems.append(
                    f"{file}:{line}: polisområde: {district!r} is in region {known[0]} on line {known[1]}, "
                    f"here in {region}"
                )
                continue
        if area:
            known_area = parent_of_area.setdefault(area.casefold(), (region, district.casefold(), line))
            if known_area[:2] != (region, district.casefold()):
                problems.append(
                    f"{file}:{line}: lokalpolisområde: {area!r} lies elsewhere on line {known_area[2]} "
                    f"(another region or polisområde)"
                )
                continue
        result.append(PoliceRow(line, region, district, area, code))
    if problems:
        raise NationalDataError(problems)
    if not result:
        raise NationalDataError([f"{file}:{header_line}: file: no municipality in it"])
    return result


# --- The present population -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PresentRow:
    line: int
    code: str
    year: int
    month: int
    present: int


PRESENT_HEADER = ("kommunkod", "month", "present_population")
PRESENT_ALIASES = {"manad": "month", "narvarande_befolkning": "present_population", "narvarande": "present_population"}


def parse_present_population(text: str, *, file: str) -> list[PresentRow]:
    """The rows of a present-population CSV: `kommunkod,month,present_population` (month as YYYY-MM, the mean
    number of people present in the municipality that month, residents and visitors together)."""
    rows = _rows(text)
    if not rows:
        raise NationalDataError([f"{file}:1: header: empty file"])
    header_line, header = rows[0]
    names = [PRESENT_ALIASES.get(_folded(cell), _folded(cell)) for cell in header]
    if sorted(names) != sorted(PRESENT_HEADER):
        raise NationalDataError(
            [
                f"{file}:{header_line}: header: expected {','.join(PRESENT_HEADER)}, "
                f"found {','.join(header) or 'nothing'}"
            ]
        )
    column = {name: names.index(name) for name in PRESENT_HEADER}
    problems: list[str] = []
    result: list[PresentRow] = []
    seen: dict[tuple[str, int, int], int] = {}
    for line, cells in rows[1:]:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.append(f"{file}:{line}: row: expected {len(header)} fields, found {len(cells)}")
            continue
        code, month_text, present_text = (cells[column[name]].strip() for name in PRESENT_HEADER)
        before = len(problems)
        if not (len(code) == 4 and code.isdigit()):
            problems.append(f"{file}:{line}: kommunkod: {code!r} is not a four-digit kommunkod")
        month = None
        if re.fullmatch(r"\d{4}-\d{2}", month_text):
            try:
                month = datetime.date(int(month_text[:4]), int(month_text[5:]), 1)
            except ValueError:
                month = None
        if month is None:
            problems.append(f"{file}:{line}: month: {month_text!r} is not a month written YYYY-MM")
        present = _whole_number(present_text)
        if present is None:
            problems.append(f"{file}:{line}: present_population: {present_text!r} is not a whole number of people")
        if len(problems) > before or month is None or present is None:
            continue
        key = (code, month.year, month.month)
        if key in seen:
            problems.append(f"{file}:{line}: month: {code} {month_text} is already on line {seen[key]}")
            continue
        seen[key] = line
        result.append(PresentRow(line, code, month.year, month.month, present))
    if problems:
        raise NationalDataError(problems)
    if not result:
        raise NationalDataError([f"{file}:{header_line}: file: no month in it"])
    return result
