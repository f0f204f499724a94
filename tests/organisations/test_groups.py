"""Coordinators keep their municipality's groups, the police contact the police area's shared groups; others read.
Every change is in the audit log."""

from __future__ import annotations

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from samverkan.core import clock
from samverkan.followup.meetings import services as meetings
from samverkan.followup.meetings.models import Meeting
from samverkan.organisations.models import CollaborationGroup, GroupMember


@pytest.fixture
def local(world) -> CollaborationGroup:
    group = CollaborationGroup.objects.create(name="Folkhälsorådet")
    group.municipalities.set([world.arjeplog])
    GroupMember.objects.create(
        group=group, name="Maria Stenlund", organisation=world.arjeplog_org, role=GroupMember.GroupRole.CHAIR
    )
    return group


@pytest.fixture
def joint(world) -> CollaborationGroup:
    group = CollaborationGroup.objects.create(name="Gemensam samverkansgrupp")
    group.municipalities.set([world.arjeplog, world.arvidsjaur])
    return group


def test_it_lets_the_coordinator_create_a_group_of_her_municipality(client, world):
    client.force_login(world.alice)
    response = client.post(
        reverse("group_new"), {"name": "Trygghetsrådet", "municipalities": [world.arjeplog.pk], "purpose": "Trygghet"}
    )
    group = CollaborationGroup.objects.get(name="Trygghetsrådet")
    assert response.status_code == 302 and response["Location"] == reverse("group", args=[group.pk])
    assert list(group.municipalities.all()) == [world.arjeplog]
    entry = LogEntry.objects.get_for_object(group).get(action=LogEntry.Action.CREATE)
    assert entry.actor == world.alice


def test_it_refuses_a_group_of_another_municipality_and_keeps_what_was_typed(client, world):
    client.force_login(world.alice)
    response = client.post(reverse("group_new"), {"name": "Grannrådet", "municipalities": [world.arvidsjaur.pk]})
    assert response.status_code == 400
    assert 'value="Grannrådet"' in response.content.decode()
    assert not CollaborationGroup.objects.exists()


def test_it_lets_the_police_contact_create_only_a_shared_group(client, world):
    client.force_login(world.bob)
    response = client.post(reverse("group_new"), {"name": "Polisens egen", "municipalities": [world.arjeplog.pk]})
    assert response.status_code == 400
    response = client.post(
        reverse("group_new"), {"name": "LPO-gruppen", "municipalities": [world.arjeplog.pk, world.arvidsjaur.pk]}
    )
    assert response.status_code == 302
    assert set(CollaborationGroup.objects.get().municipalities.values_list("code", flat=True)) == {"2506", "2505"}


@pytest.mark.parametrize(
    ("user", "local_edit", "joint_edit"),
    [("alice", 200, 404), ("bob", 404, 200), ("charlie", 404, 404), ("lena", 404, 404), ("dave", 404, 404)],
)
def test_it_scopes_who_changes_which_group(client, world, local, joint, user, local_edit, joint_edit):
    client.force_login(getattr(world, user))
    assert client.get(reverse("group_edit", args=[local.pk])).status_code == local_edit
    assert client.get(reverse("group_edit", args=[joint.pk])).status_code == joint_edit


def test_it_shows_each_their_groups_and_no_one_else_s(client, world, local, joint):
    client.force_login(world.charlie)
    body = client.get(reverse("groups")).content.decode()
    assert "Gemensam samverkansgrupp" in body and "Folkhälsorådet" not in body
    assert client.get(reverse("group", args=[local.pk])).status_code == 404
    client.force_login(world.lena)  # reads her municipality's groups, changes none
    body = client.get(reverse("group", args=[local.pk])).content.decode()
    assert "Maria Stenlund" in body and reverse("group_member_remove", args=[local.pk]) not in body


def test_it_renames_the_group(client, world, local):
    client.force_login(world.alice)
    response = client.post(reverse("group_edit", args=[local.pk]), {"name": "Brottsförebyggande rådet"})
    assert response.status_code == 302
    local.refresh_from_db()
    assert local.name == "Brottsförebyggande rådet"
    entry = LogEntry.objects.get_for_object(local).filter(action=LogEntry.Action.UPDATE, actor=world.alice).get()
    assert entry.changes_dict["name"] == ["Folkhälsorådet", "Brottsförebyggande rådet"]


def test_it_refuses_a_personnummer_in_the_name(client, world, local):
    client.force_login(world.alice)
    response = client.post(reverse("group_edit", args=[local.pk]), {"name": "Rådet 850512-1234"})
    assert response.status_code == 400
    local.refresh_from_db()
    assert local.name == "Folkhälsorådet"


def test_it_adds_and_removes_a_member(client, world, local):
    client.force_login(world.alice)
    url = reverse("group_member_add", args=[local.pk])
    response = client.post(url, {"name": "Mikael Forsberg", "organisation": world.lpo.pk, "role": "kontaktperson"})
    assert response.status_code == 302
    member = local.members.get(name="Mikael Forsberg")
    assert member.organisation == world.lpo
    response = client.post(reverse("group_member_remove", args=[local.pk]), {"member": member.pk})
    assert response.status_code == 302
    assert list(local.members.values_list("name", flat=True)) == ["Maria Stenlund"]
    assert LogEntry.objects.get_for_object(member).filter(action=LogEntry.Action.DELETE).get().actor == world.alice


def test_it_refuses_a_member_from_an_organisation_outside_the_group(client, world, local):
    client.force_login(world.alice)
    url = reverse("group_member_add", args=[local.pk])
    response = client.post(url, {"name": "Anna Berg", "organisation": world.arvidsjaur_org.pk, "role": "ledamot"})
    assert response.status_code == 400
    assert 'value="Anna Berg"' in response.content.decode()
    assert not local.members.filter(name="Anna Berg").exists()


def test_it_keeps_a_member_the_minutes_name(client, world, local, in_english):
    chair = local.members.get()
    meetings.meeting_create(
        group=local,
        kind=Meeting.Kind.GROUP,
        starts_at=clock.now() - datetime.timedelta(days=7),
        place="Kommunhuset",
        attendees=[chair],
        by=world.alice,
    )
    client.force_login(world.alice)
    response = client.post(reverse("group_member_remove", args=[local.pk]), {"member": chair.pk})
    assert response.status_code == 400
    assert "Maria Stenlund attended 1 of the group&#x27;s meetings" in response.content.decode()
    assert local.members.get() == chair


def test_it_does_not_remove_another_group_s_member(client, world, local, joint):
    client.force_login(world.bob)
    response = client.post(reverse("group_member_remove", args=[joint.pk]), {"member": local.members.get().pk})
    assert response.status_code == 400
    assert local.members.exists()
