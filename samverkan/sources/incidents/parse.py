"""Reading incident files (CSV or XLSX) into plain rows. No database here.

Columns (header names, any order; the export writes the same ones):
  id            optional: the reporting system's reference; makes a re-import update, not duplicate
  occurred_from required: YYYY-MM-DD HH:MM (or YYYY-MM-DD), local time
  occurred_to   optional: the end of a time span, same format
  kommunkod     optional: checked against the point
  lat, lng      WGS84 decimal degrees, or instead:
  sweref_n, sweref_e  SWEREF 99 TM metres (converted to WGS84)
  place         optional: a named place of the municipality
  category      required: a category the municipality uses
  severity      required: 1, 2 or 3
  status        optional: ny, bedomd, atgardad or avslutad (default ny)
  description   required: places and situations only – a personnummer is refused
  focus_area    ignored: written by the export, it follows from the category
"""

from __future__ import annotations

import datetime
import hashlib
import math
from dataclasses import dataclass

from samverkan.core.bounds import day_outside, supported_day
from samverkan.core.coordinates import sweref99tm_to_wgs84
from samverkan.core.lazytext import _
from samverkan.core.privacy import contains_personnummer
from samverkan.sources.parsing import HEADER, Problems, Source, read_rows

COLUMNS = [
    "id",
    "occurred_from",
    "occurred_to",
    "kommunkod",
    "lat",
    "lng",
    "sweref_n",
    "sweref_e",
    "place",
    "category",
    "severity",
    "status",
    "description",
    "focus_area",
]
REQUIRED = ["occurred_from", "category", "severity", "description"]
MAX_ID = 61  # the import key is "id:" and the id, in 64 characters
STATUSES = ["ny", "bedomd", "atgardad", "avslutad"]

UNKNOWN_COLUMNS = _("unknown column(s): {unknown}; the columns are {columns}")
MISSING_COLUMNS = _("missing column(s): {missing}")
NO_ROWS = _("the file has no rows below its header")
IS_REQUIRED = _("is required")
TOO_LONG = _("is longer than {limit} characters")
NOT_A_DATE = _("{value!r} is not a date (YYYY-MM-DD HH:MM)")
BEFORE_START = _("is before occurred_from")
PLACE_REQUIRED = _("a place is required: lat and lng, or sweref_n and sweref_e")
NOT_A_COORDINATE = _("is not a coordinate")
NOT_A_SEVERITY = _("{value!r} is not 1, 2 or 3")
NOT_A_STATUS = _("{value!r} is not one of {statuses}")
PERSONNUMMER = _("contains a personal identity number; remove it")


@dataclass(frozen=True)
class IncidentRow:
    line: int
    key: str
    occurred_from: datetime.datetime
    occurred_to: datetime.datetime | None
    kommunkod: str
    lat: float
    lng: float
    place: str
    category: str
    severity: int
    status: str
    description: str


def _datetime(text: str) -> datetime.datetime:
    text = text.strip().replace("T", " ")
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, pattern)
        except ValueError:
            continue
    raise ValueError


def _number(text: str) -> float:
    number = float(text.strip().replace(",", ".").replace(" ", ""))
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def _when(problems: Problems, line: int, name: str, text: str) -> datetime.datetime | None:
    """The date and time of a column, or None with its problem."""
    try:
        moment = _datetime(text)
    except ValueError:
        problems.add(line, name, NOT_A_DATE.format(value=text))
        return None
    if not supported_day(moment.date()):
        problems.add(line, name, day_outside(text))
        return None
    return moment


def parse_incidents(source: Source) -> list[IncidentRow]:
    problems = Problems(source.short_name)
    header, table = read_rows(source, delimiters=",;\t")
    unknown = [name for name in header if name and name not in COLUMNS]
    missing = [name for name in REQUIRED if name not in header]
    if unknown:
        problems.add(1, HEADER, UNKNOWN_COLUMNS.format(unknown=", ".join(unknown), columns=", ".join(COLUMNS)))
    if missing:
        problems.add(1, HEADER, MISSING_COLUMNS.format(missing=", ".join(missing)))
    problems.raise_if_any()
    result = []
    empty = True
    for row in table:
        empty = False
        values = {name: row.values.get(name, "").strip() for name in COLUMNS}
        line = row.line
        before = len(problems.items)
        for name in REQUIRED:
            if not values[name]:
                problems.add(line, name, IS_REQUIRED)
        if len(values["id"]) > MAX_ID:
            problems.add(line, "id", TOO_LONG.format(limit=MAX_ID))
        occurred_from = occurred_to = None
        if values["occurred_from"]:
            occurred_from = _when(problems, line, "occurred_from", values["occurred_from"])
        if values["occurred_to"]:
            occurred_to = _when(problems, line, "occurred_to", values["occurred_to"])
        if occurred_from and occurred_to and occurred_to < occurred_from:
            problems.add(line, "occurred_to", BEFORE_START)
        lat = lng = None
        try:
            if values["lat"] or values["lng"]:
                lat, lng = _number(values["lat"]), _number(values["lng"])
            elif values["sweref_n"] or values["sweref_e"]:
                lat, lng = sweref99tm_to_wgs84(_number(values["sweref_n"]), _number(values["sweref_e"]))
            else:
                problems.add(line, "lat", PLACE_REQUIRED)
            # (the comparisons are false for NaN too)
            if lat is not None and lng is not None and not (-90 <= lat <= 90 and -180 <= lng <= 180):
                raise ValueError
        except ValueError:
            field = "lat" if values["lat"] or values["lng"] else "sweref_n"
            problems.add(line, field, NOT_A_COORDINATE)
        severity = 0
        if values["severity"]:
            if values["severity"] in {"1", "2", "3"}:
                severity = int(values["severity"])
            else:
                problems.add(line, "severity", NOT_A_SEVERITY.format(value=values["severity"]))
        status = values["status"].lower() or "ny"
        if status not in STATUSES:
            problems.add(line, "status", NOT_A_STATUS.format(value=values["status"], statuses=", ".join(STATUSES)))
        if contains_personnummer(values["description"]):
            problems.add(line, "description", PERSONNUMMER)
        if len(problems.items) > before:
            continue
        # Without a problem the row has its start (it is required) and a place.
        assert occurred_from is not None and lat is not None and lng is not None
        key = values["id"] and f"id:{values['id']}"
        if not key:
            content = "|".join(values[name] for name in COLUMNS if name not in {"id", "status"})
            key = "sha256:" + hashlib.sha256(content.encode()).hexdigest()[:40]
        result.append(
            IncidentRow(
                line=line,
                key=key,
                occurred_from=occurred_from,
                occurred_to=occurred_to,
                kommunkod=values["kommunkod"],
                lat=round(lat, 6),
                lng=round(lng, 6),
                place=values["place"],
                category=values["category"],
                severity=severity,
                status=status,
                description=values["description"],
            )
        )
    if empty:
        problems.add(1, HEADER, NO_ROWS)
    problems.raise_if_any()
    return result
