"""Who reaches a group's meetings: readers of one of its municipalities see them, writers of all change them."""

from __future__ import annotations

import pytest

from samverkan.followup.meetings import services
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.meetings.selectors import can_change_group, groups_for_user


def test_it_lists_a_group_to_those_who_read_one_of_its_municipalities(groups, world):
    assert set(groups_for_user(world.alice)) == {groups.local, groups.joint}
    assert set(groups_for_user(world.charlie)) == {groups.joint}
    assert set(groups_for_user(world.dave)) == set()


def test_it_lets_only_writers_of_every_municipality_change_a_group(groups, world):
    assert can_change_group(world.alice, groups.local)
    assert not can_change_group(world.alice, groups.joint)
    assert can_change_group(world.bob, groups.joint)
    assert not can_change_group(world.lena, groups.local)


@pytest.mark.parametrize("name", ["meeting", "meeting_minutes_pdf"])
def test_it_hides_arjeplogs_meetings_from_outsiders(client, groups, world, name):
    url = f"/moten/{groups.meeting.pk}/" if name == "meeting" else f"/moten/{groups.meeting.pk}/protokoll.pdf"
    for outsider in (world.charlie, world.dave):
        client.force_login(outsider)
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("path", ["andra/", "dagordning/", "beslut/"])
def test_it_lets_leadership_read_but_not_change(client, groups, world, path):
    client.force_login(world.lena)
    assert client.get(f"/moten/{groups.meeting.pk}/").status_code == 200
    assert client.get(f"/moten/{groups.meeting.pk}/{path}").status_code == 404


def test_it_lets_a_joint_group_be_read_but_not_planned_by_one_municipality(client, groups, world):
    meeting = services.meeting_create(
        group=groups.joint,
        kind=Meeting.Kind.GROUP,
        starts_at=groups.meeting.starts_at,
        place="Arvidsjaur",
        by=world.bob,
    )
    client.force_login(world.charlie)
    assert client.get(f"/moten/{meeting.pk}/").status_code == 200
    assert client.get(f"/moten/{meeting.pk}/dagordning/").status_code == 404
    assert client.get(f"/moten/grupp/{groups.joint.pk}/nytt/").status_code == 404
    client.force_login(world.bob)
    assert client.get(f"/moten/grupp/{groups.joint.pk}/nytt/").status_code == 200
