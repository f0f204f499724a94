"""The calendar feed escapes text (RFC 5545 §3.3.11): a lone CR or LF in a place or group name cannot add a property."""

from __future__ import annotations

import re

from samverkan.followup.meetings import ical, services
from samverkan.followup.meetings.models import Meeting
from samverkan.organisations.models import CollaborationGroup


def unfolded_lines(body: str) -> list[str]:
    # Split as a lenient reader would: on any CR or LF, then undo folding (a line starting with a space continues).
    lines: list[str] = []
    for line in re.split(r"\r\n|\r|\n", body):
        if line.startswith(" ") and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    return lines


def test_it_does_not_let_a_lone_cr_or_lf_inject_a_property(client, groups):
    CollaborationGroup.objects.filter(pk=groups.local.pk).update(name="Folkhälsorådet\rATTENDEE:mailto:a@example.org")
    Meeting.objects.filter(pk=groups.meeting.pk).update(place="Kommunhuset\nX-INJECTED:ja\r\nRRULE:FREQ=DAILY")
    token = services.group_calendar_token(group=groups.local)
    body = client.get(f"/moten/grupp/{groups.local.pk}/kalender.ics", {"token": token}).content.decode()
    names = [line.split(":", 1)[0].split(";", 1)[0] for line in unfolded_lines(body)]
    assert "ATTENDEE" not in names and "X-INJECTED" not in names and "RRULE" not in names
    assert "LOCATION:Kommunhuset\\nX-INJECTED:ja\\nRRULE:FREQ=DAILY" in unfolded_lines(body)
    assert "\r" not in body.replace("\r\n", "") and "\n" not in body.replace("\r\n", "")


def test_it_escapes_backslash_semicolon_comma_and_every_line_break():
    assert ical.escape("a\\b;c,d") == "a\\\\b\\;c\\,d"
    assert ical.escape("1\r2\n3\r\n4\u20285") == "1\\n2\\n3\\n4\\n5"
    assert ical.escape("tab\tkept, bell\x07 dropped") == "tab\tkept\\, bell dropped"


def test_it_folds_a_long_escaped_title_into_lines_of_at_most_75_octets(client, groups):
    # 176 characters (the name holds 200), more than twice a line once escaped.
    CollaborationGroup.objects.filter(pk=groups.local.pk).update(name="Trygghet, i; Arjeplog " * 8)
    token = services.group_calendar_token(group=groups.local)
    body = client.get(f"/moten/grupp/{groups.local.pk}/kalender.ics", {"token": token}).content.decode()
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert "X-WR-CALNAME:" + "Trygghet\\, i\\; Arjeplog " * 8 in unfolded_lines(body)
