"""The group's calendar feed: RFC 5545 by hand, behind the group's secret token."""

from __future__ import annotations

import datetime

from samverkan.followup.meetings import ical, services


def test_it_needs_the_groups_token(client, groups):
    token = services.group_calendar_token(group=groups.local)
    url = f"/moten/grupp/{groups.local.pk}/kalender.ics"
    assert client.get(url).status_code == 404
    assert client.get(url, {"token": "fel"}).status_code == 404
    other = services.group_calendar_token(group=groups.joint)
    assert client.get(url, {"token": other}).status_code == 404
    assert client.get(url, {"token": token}).status_code == 200


def test_it_writes_one_event_per_meeting_in_utc_with_crlf(client, groups):
    token = services.group_calendar_token(group=groups.local)
    response = client.get(f"/moten/grupp/{groups.local.pk}/kalender.ics", {"token": token})
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")
    start = groups.meeting.starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"\r\nDTSTART:{start}\r\n" in body
    assert body.count("BEGIN:VEVENT") == 1
    assert f"\r\nUID:meeting-{groups.meeting.pk}@testserver\r\n" in body


def test_it_escapes_text_values():
    assert ical.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_it_folds_long_lines_at_75_octets_without_splitting_characters():
    line = "SUMMARY:" + "å" * 100
    pieces = ical.fold(line).split("\r\n")
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert pieces[0] + "".join(piece[1:] for piece in pieces[1:]) == line
    assert all(piece.startswith(" ") for piece in pieces[1:])
