"""Polisen's events feed (polisen.se/api/events) read into plain rows; no database here.

The feed is a JSON list of events, newest first; the archive of collected events has the same shape.
What the real feed does, and what is done about it:
- `datetime` is "2024-01-01 0:40:16 +01:00": the hour may have one digit; it is when polisen.se
  published the event (the name begins with the time it happened).
- `type` strings are compared by a key (case, whitespace and spacing around "," and "/" ignored);
  "Lagen om hundar och katter " comes with a trailing space.
- `name` and `summary` may carry HTML entities ("&amp;"): they are unescaped.
- `url` is a path on polisen.se, with or without a trailing slash; it is stored as a full address.
- `location.name` is a municipality ("Arjeplog") or a county ("Norrbottens län"). Since January
  2026 it is the county for every event, and the municipality is only the last part of `name`
  ("22 januari 17.50, Trafikolycka, Arjeplog"), sometimes in other case ("Östra göinge") or empty.
- `location.gps` is the centre of the area named, never the place of the event.
- The same id may come twice (when responses are joined); the last one in the list wins.
"""

from __future__ import annotations

import datetime
import gzip
import html
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

from samverkan.core import strict_json
from samverkan.core.bounds import MAX_BIG_INTEGER, NUMBER_TOO_LARGE, day_outside, supported_day
from samverkan.core.lazytext import _
from samverkan.sources.parsing import FILE

POLISEN = "https://polisen.se"
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S %z"
MAX_NAME, MAX_TYPE, MAX_LOCATION, MAX_URL = 300, 100, 100, 500

NOT_GZIP = _("not a readable gzip file")
NOT_UTF8 = _("not UTF-8 text")
NOT_JSON = _("not JSON: {error}")
NOT_A_LIST = _("expected a JSON list of events, not {kind}")
NOT_AN_OBJECT = _("expected an object, not {kind}")
MISSING = _("missing")
NOT_A_NUMBER = _("not a whole number: {value!r}")
NOT_TEXT = _("expected text, not {kind}")
BAD_DATETIME = _("not a date and time like 2018-12-28 14:32:20 +01:00: {value!r}")
BAD_GPS = _('not a position like "66.051505,17.890054": {value!r}')
BAD_URL = _("not an address: {value!r}")
TOO_LONG = _("longer than {limit} characters")
# What a JSON value is, in the messages above.
KINDS = {
    dict: _("an object"),
    list: _("a list"),
    str: _("text"),
    bool: _("true/false"),
    type(None): _("null"),
}
A_NUMBER = _("a number")

# The feed's own spelling where it is not "first letter capital, the rest small".
SPELLINGS = {"fylleri/lob": "Fylleri/LOB", "larm inbrott": "Larm Inbrott", "larm överfall": "Larm Överfall"}
SUMMARY_PREFIX = "sammanfattning"
GPS = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*")

type AddProblem = Callable[[int | None, str, str], None]


@dataclass(frozen=True)
class EventRow:
    line: int  # the event's position in the list, 1 for the first
    event_id: int
    occurred_at: datetime.datetime
    name: str
    summary: str
    url: str
    type: str
    type_key: str
    location_name: str
    place: str  # the last part of the name: the municipality, when location_name is a county
    gps_lat: float | None
    gps_lng: float | None
    region_code: str = ""  # filled in by the importer, which knows the region names

    @property
    def is_summary(self) -> bool:
        return self.type_key.startswith(SUMMARY_PREFIX)


def type_key(raw: str) -> str:
    """'Trafikolycka,  VILT ' -> 'trafikolycka, vilt'."""
    text = re.sub(r"\s*/\s*", "/", re.sub(r"\s*,\s*", ", ", " ".join(raw.split())))
    return text.strip(" ,").lower()


def type_display(key: str) -> str:
    return SPELLINGS.get(key, key[:1].upper() + key[1:])


def _kind(value: object) -> str:
    return str(KINDS.get(type(value), A_NUMBER))


class _Unreadable:
    """What _load returns for a file it could not read (JSON null is None)."""


UNREADABLE = _Unreadable()


def _load(data: bytes, add_problem: AddProblem) -> object:
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            add_problem(None, str(FILE), str(NOT_GZIP))
            return UNREADABLE
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        add_problem(None, str(FILE), str(NOT_UTF8))
        return UNREADABLE
    try:
        return strict_json.loads(text)
    except ValueError as error:
        add_problem(None, str(FILE), NOT_JSON.format(error=error))
        return UNREADABLE


class _Event:
    """Reads the fields of one event, reporting each problem once."""

    def __init__(self, line: int, data: dict, add_problem: AddProblem) -> None:
        self.line, self.data, self.add_problem = line, data, add_problem
        self.ok = True

    def problem(self, field: str, message: str) -> None:
        self.ok = False
        self.add_problem(self.line, field, message)

    def text(self, field: str, value: object, *, required: bool, limit: int | None = None) -> str:
        if value is not None and not isinstance(value, str):
            self.problem(field, NOT_TEXT.format(kind=_kind(value)))
            return ""
        text = html.unescape(value or "").strip()
        if required and not text:
            self.problem(field, str(MISSING))
        elif limit is not None and len(text) > limit:
            self.problem(field, TOO_LONG.format(limit=limit))
        return text

    def event_id(self) -> int:
        value = self.data.get("id")
        if value is None:
            self.problem("id", str(MISSING))
        elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.problem("id", NOT_A_NUMBER.format(value=value))
        elif value > MAX_BIG_INTEGER:
            self.problem("id", NUMBER_TOO_LARGE.format(value=value, limit=MAX_BIG_INTEGER))
        else:
            return value
        return 0

    def occurred_at(self) -> datetime.datetime:
        value = self.data.get("datetime")
        if value is None:
            self.problem("datetime", str(MISSING))
        else:
            try:
                moment = datetime.datetime.strptime(str(value).strip(), DATETIME_FORMAT)
            except ValueError:
                self.problem("datetime", BAD_DATETIME.format(value=value))
            else:
                if supported_day(moment.date()):
                    return moment
                self.problem("datetime", day_outside(value))
        return datetime.datetime.min.replace(tzinfo=datetime.UTC)

    def gps(self, value: object) -> tuple[float | None, float | None]:
        if value is None or value == "":
            return None, None
        match = GPS.fullmatch(value) if isinstance(value, str) else None
        lat, lng = (float(match[1]), float(match[2])) if match else (math.nan, math.nan)
        if not (-90 <= lat <= 90 and -180 <= lng <= 180):  # also false for no match
            self.problem("location.gps", BAD_GPS.format(value=value))
            return None, None
        return lat, lng


def _read_event(line: int, data: object, add_problem: AddProblem) -> EventRow | None:
    if not isinstance(data, dict):
        add_problem(line, "event", NOT_AN_OBJECT.format(kind=_kind(data)))
        return None
    event = _Event(line, data, add_problem)
    event_id = event.event_id()
    occurred_at = event.occurred_at()
    name = event.text("name", data.get("name"), required=True, limit=MAX_NAME)
    summary = event.text("summary", data.get("summary"), required=False)
    path = event.text("url", data.get("url"), required=False)
    try:
        url = urljoin(POLISEN, path) if path else ""
    except ValueError:  # e.g. "http://[x": no address at all
        url = ""
        event.problem("url", BAD_URL.format(value=path))
    if len(url) > MAX_URL:
        event.problem("url", TOO_LONG.format(limit=MAX_URL))
    key = type_key(event.text("type", data.get("type"), required=True, limit=MAX_TYPE))
    location = data.get("location")
    if not isinstance(location, dict):
        event.problem("location", str(MISSING) if location is None else NOT_AN_OBJECT.format(kind=_kind(location)))
        location = {}
    location_name = event.text("location.name", location.get("name"), required=False, limit=MAX_LOCATION)
    gps_lat, gps_lng = event.gps(location.get("gps"))
    if not event.ok:
        return None
    return EventRow(
        line=line,
        event_id=event_id,
        occurred_at=occurred_at,
        name=name,
        summary=summary,
        url=url,
        type=type_display(key),
        type_key=key,
        location_name=location_name,
        place=name.rsplit(",", 1)[-1].strip() if "," in name else "",
        gps_lat=gps_lat,
        gps_lng=gps_lng,
    )


def parse_events(data: bytes, add_problem: AddProblem) -> list[EventRow]:
    """The events of a feed response or archive (JSON, gzip-compressed or not), one row per id."""
    events = _load(data, add_problem)
    if events is UNREADABLE:
        return []
    if not isinstance(events, list):
        add_problem(None, str(FILE), NOT_A_LIST.format(kind=_kind(events)))
        return []
    rows: dict[int, EventRow] = {}
    for line, item in enumerate(events, start=1):
        row = _read_event(line, item, add_problem)
        if row is not None:
            rows.pop(row.event_id, None)
            rows[row.event_id] = row
    return list(rows.values())
