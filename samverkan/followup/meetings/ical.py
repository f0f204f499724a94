"""A group's meetings as an RFC 5545 calendar, written by hand: CRLF lines folded at 75 octets, UTC times."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

UTC_FORMAT = "%Y%m%dT%H%M%SZ"
MAX_OCTETS = 75


@dataclass(frozen=True)
class Event:
    uid: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    summary: str
    location: str
    description: str
    url: str


# Control characters other than tab are not allowed in a TEXT value (RFC 5545 §3.3.11): dropped.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Line breaks, including the Unicode ones that some readers split lines on.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and every line break (CRLF, a lone CR or a
    lone LF) as \\n, so no text can start a new property."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = LINE_BREAK.sub("\\\\n", text)
    return CONTROL.sub("", text)


def fold(line: str) -> str:
    """Split a content line into CRLF-joined pieces of at most 75 octets, never inside a UTF-8 character."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        octets = len(char.encode())
        limit = MAX_OCTETS if not pieces else MAX_OCTETS - 1  # continuation lines start with a space
        if size + octets > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += octets
    pieces.append(current)
    return "\r\n ".join(pieces)


def utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime(UTC_FORMAT)


def calendar(*, name: str, events: list[Event], stamp: datetime.datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Samverkan//Moten//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{utc(stamp)}",
            f"DTSTART:{utc(event.starts_at)}",
            f"DTEND:{utc(event.ends_at)}",
            f"SUMMARY:{escape(event.summary)}",
            f"LOCATION:{escape(event.location)}",
            f"DESCRIPTION:{escape(event.description)}",
            f"URL:{event.url}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
