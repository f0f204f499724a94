"""The meetings each collaboration group has held this year against its agreed rhythm, on the municipality's
follow-up page, where its writers agree the rhythm."""

from __future__ import annotations

import calendar
import datetime
import zoneinfo

import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from samverkan.core import clock
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.reports.models import MeetingRhythm
from samverkan.followup.reports.selectors import BEHIND_RHYTHM, NO_RHYTHM, ON_RHYTHM, expected_by
from tests.followup.reports.conftest import collaboration_group, meeting

URL = reverse("municipality_follow_up", args=["2506"])
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def row(page: str, group) -> str:
    start = page.index(f'data-group="{group.pk}"')
    return page[start : page.index("</tr>", start)]


def test_it_expects_the_share_of_the_year_passed_rounded_down():
    assert expected_by(12, datetime.date(2025, 1, 1)) == 0
    assert expected_by(12, datetime.date(2025, 7, 1)) == 5  # 182 of 365 days
    assert expected_by(12, datetime.date(2025, 12, 31)) == 12
    assert expected_by(4, datetime.date(2024, 7, 1)) == 2  # 183 of 366 days


def test_it_counts_the_meetings_held_this_year_against_the_rhythm(client, world):
    # On 2 July half of the year has passed (183 of 365 days, 184 of 366): a rhythm of 2 a year calls for 1 by
    # then, one of 366 for 183 or 184.
    year = clock.today().year
    leap = calendar.isleap(year)
    with time_machine.travel(datetime.datetime(year, 7, 2, 12, tzinfo=STOCKHOLM), tick=False):
        now = timezone.now()
        on_rhythm = collaboration_group("Lokala BRÅ", world.arjeplog)
        behind = collaboration_group("Gemensam grupp", world.arjeplog, world.arvidsjaur)
        without = collaboration_group("EST-gruppen", world.arjeplog)
        collaboration_group("Arvidsjaurs grupp", world.arvidsjaur)
        MeetingRhythm.objects.create(group=on_rhythm, per_year=2)
        MeetingRhythm.objects.create(group=behind, per_year=366)
        meeting(on_rhythm, now - datetime.timedelta(days=1))
        meeting(on_rhythm, now - datetime.timedelta(days=366))  # last year
        meeting(on_rhythm, now + datetime.timedelta(days=1))  # not held yet
        meeting(on_rhythm, now - datetime.timedelta(days=2), kind=Meeting.Kind.EST)  # not a group meeting
        meeting(without, now - datetime.timedelta(days=1))
        client.force_login(world.lena)
        page = client.get(URL).content.decode()
    assert "Arvidsjaurs grupp" not in page
    assert 'name="group"' not in page  # leadership reads only
    with override("sv"):
        assert '<td class="number">1</td><td class="number">1</td>' in row(page, on_rhythm)
        assert str(ON_RHYTHM) in row(page, on_rhythm)
        assert f'<td class="number">0</td><td class="number">{184 if leap else 183}</td>' in row(page, behind)
        assert f"<strong>{BEHIND_RHYTHM}</strong>" in row(page, behind)
        assert '<td class="number">1</td><td class="number">–</td>' in row(page, without)
        assert str(NO_RHYTHM) in row(page, without)


def test_it_lets_a_writer_agree_the_rhythm(client, world):
    group = collaboration_group("Lokala BRÅ", world.arjeplog)
    client.force_login(world.alice)
    page = client.get(URL).content.decode()
    assert f'name="rhythm-{group.pk}-per_year"' in page
    response = client.post(URL, {"group": group.pk, f"rhythm-{group.pk}-per_year": "6"})
    assert response.status_code == 302
    rhythm = MeetingRhythm.objects.get()
    assert (rhythm.group, rhythm.per_year, rhythm.updated_by) == (group, 6, world.alice)
    client.post(URL, {"group": group.pk, f"rhythm-{group.pk}-per_year": "4"})
    assert MeetingRhythm.objects.get().per_year == 4


def test_it_refuses_a_rhythm_below_one_and_keeps_what_was_typed(client, world):
    group = collaboration_group("Lokala BRÅ", world.arjeplog)
    client.force_login(world.alice)
    response = client.post(URL, {"group": group.pk, f"rhythm-{group.pk}-per_year": "0"})
    assert response.status_code == 400
    page = response.content.decode()
    assert f'name="rhythm-{group.pk}-per_year" value="0"' in page
    assert 'class="error"' in page
    assert not MeetingRhythm.objects.exists()


def test_it_lets_no_one_else_agree_the_rhythm(client, world):
    group = collaboration_group("Lokala BRÅ", world.arjeplog)
    other = collaboration_group("Arvidsjaurs grupp", world.arvidsjaur)
    client.force_login(world.lena)
    assert client.post(URL, {"group": group.pk, f"rhythm-{group.pk}-per_year": "6"}).status_code == 404
    client.force_login(world.charlie)
    assert client.post(URL, {"group": group.pk, f"rhythm-{group.pk}-per_year": "6"}).status_code == 404
    client.force_login(world.alice)  # a group Arjeplog is not in
    assert client.post(URL, {"group": other.pk, f"rhythm-{other.pk}-per_year": "6"}).status_code == 404
    assert not MeetingRhythm.objects.exists()
