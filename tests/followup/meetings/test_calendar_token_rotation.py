"""The group's coordinator can give the calendar a new secret address; the old one then gives 404."""

from __future__ import annotations

from samverkan.followup.meetings import services
from samverkan.followup.meetings.models import GroupCalendar


def test_it_gives_the_calendar_a_new_address_and_the_old_one_stops_working(client, world, groups):
    old = services.group_calendar_token(group=groups.local)
    url = f"/moten/grupp/{groups.local.pk}/kalender.ics"
    client.force_login(world.alice)
    assert b"kalender/ny-adress/" in client.get("/moten/").content
    assert client.get(f"/moten/grupp/{groups.local.pk}/kalender/ny-adress/").status_code == 405
    assert client.post(f"/moten/grupp/{groups.local.pk}/kalender/ny-adress/").status_code == 302
    new = GroupCalendar.objects.get(group=groups.local).token
    assert new != old
    client.logout()
    assert client.get(url, {"token": old}).status_code == 404
    assert client.get(url, {"token": new}).status_code == 200


def test_it_lets_only_those_who_change_the_group_rotate_it(client, world, groups):
    old = services.group_calendar_token(group=groups.local)
    for outsider in (world.charlie, world.lena):
        client.force_login(outsider)
        assert client.post(f"/moten/grupp/{groups.local.pk}/kalender/ny-adress/").status_code == 404
    assert GroupCalendar.objects.get(group=groups.local).token == old
