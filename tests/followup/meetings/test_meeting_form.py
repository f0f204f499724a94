"""Planning a meeting and writing its minutes: attendees come from the group, a failed form keeps its input."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from samverkan.core import clock
from samverkan.followup.meetings import services
from samverkan.followup.meetings.models import Meeting
from samverkan.organisations.models import GroupMember


def test_it_plans_a_meeting_with_attendees(client, groups, world):
    client.force_login(world.alice)
    coming = clock.today() + datetime.timedelta(days=30)
    data = {"kind": "est", "starts_at": f"{coming}T09:00", "place": "Polisstationen", "attendees": [groups.chair.pk]}
    response = client.post(f"/moten/grupp/{groups.local.pk}/nytt/", data)
    meeting = Meeting.objects.get(place="Polisstationen")
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert (meeting.kind, list(meeting.attendees.all())) == ("est", [groups.chair])


def test_it_keeps_what_was_typed_when_the_form_fails(client, groups, world):
    client.force_login(world.alice)
    data = {"kind": "samverkan", "starts_at": "", "place": "Polisstationen", "minutes": "Beslut om nattvandring"}
    response = client.post(f"/moten/{groups.meeting.pk}/andra/", data)
    assert response.status_code == 400
    assert "Polisstationen" in response.text and "Beslut om nattvandring" in response.text


def test_it_refuses_an_attendee_of_another_group(groups, world):
    stranger = GroupMember.objects.create(
        group=groups.joint, name="Karin Öberg", organisation=world.arvidsjaur_org, role=GroupMember.GroupRole.MEMBER
    )
    with pytest.raises(ValidationError) as error:
        services.meeting_update(
            meeting=groups.meeting,
            kind=Meeting.Kind.GROUP,
            starts_at=groups.meeting.starts_at,
            place="Kommunhuset",
            attendees=[stranger],
            minutes="",
        )
    assert error.value.message_dict == {"attendees": [str(services.ATTENDEE_ELSEWHERE)]}


def test_it_refuses_a_personnummer_in_the_minutes(groups):
    with pytest.raises(ValidationError) as error:
        services.meeting_update(
            meeting=groups.meeting,
            kind=Meeting.Kind.GROUP,
            starts_at=groups.meeting.starts_at,
            place="Kommunhuset",
            attendees=[],
            minutes="Gäller 19800101-1234",
        )
    assert "minutes" in error.value.message_dict
