"""Meeting invitations and minutes: told once, only to those who read one of the group's municipalities."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samverkan.followup.meetings import services
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.notifications.models import Frequency, Kind, SentNotification
from samverkan.organisations.models import CollaborationGroup
from tests.followup.notifications.conftest import choose, notify, received


def group(name: str, *municipalities) -> CollaborationGroup:
    created = CollaborationGroup.objects.create(name=name)
    created.municipalities.set(municipalities)
    return created


def meeting(of: CollaborationGroup, *, days: int, by) -> Meeting:
    return services.meeting_create(
        group=of,
        kind=Meeting.Kind.GROUP,
        starts_at=timezone.now() + datetime.timedelta(days=days),
        place="Kommunhuset",
        by=by,
    )


def write_minutes(of: Meeting, minutes: str) -> Meeting:
    return services.meeting_update(
        meeting=of, kind=of.kind, starts_at=of.starts_at, place=of.place, attendees=[], minutes=minutes
    )


def subjects(mailoutbox, user) -> list[str]:
    return [message.subject for message in received(mailoutbox, user)]


def test_it_sends_a_meeting_invitation_once_when_run_twice(cast, mailoutbox):
    arjeplog = group("Trygghetsrådet Arjeplog", cast.arjeplog)
    upcoming = meeting(arjeplog, days=7, by=cast.alice)
    meeting(arjeplog, days=30, by=cast.alice)  # too far ahead to be announced yet
    choose(cast.alice, Frequency.IMMEDIATELY, Kind.MEETING_INVITATION)
    choose(cast.alice, Frequency.NEVER, *(kind for kind in Kind.values if kind != Kind.MEETING_INVITATION))
    assert notify() == "sent: 1 emails, 1 notifications, 0 already sent"
    assert notify() == "sent: 0 emails, 0 notifications, 1 already sent"
    [message] = received(mailoutbox, cast.alice)
    assert "Trygghetsrådet Arjeplog" in message.subject
    assert upcoming.get_absolute_url() in message.body
    assert SentNotification.objects.filter(user=cast.alice).values_list("key", flat=True).get() == (
        f"meeting_invitation:{upcoming.pk}"
    )


def test_it_never_tells_charlie_about_an_arjeplog_groups_meeting(cast, mailoutbox):
    arjeplog = group("Trygghetsrådet Arjeplog", cast.arjeplog)
    arvidsjaur = group("Brottsförebyggande rådet", cast.arvidsjaur)
    write_minutes(meeting(arjeplog, days=-3, by=cast.alice), "Protokoll från Arjeplog.")
    meeting(arjeplog, days=5, by=cast.alice)
    meeting(arvidsjaur, days=5, by=cast.charlie)
    for user in (cast.alice, cast.charlie):
        choose(user, Frequency.IMMEDIATELY, Kind.MEETING_INVITATION, Kind.MEETING_MINUTES)
    notify()
    charlie = received(mailoutbox, cast.charlie)
    [message] = charlie
    assert message.subject.startswith(f"Samverkan: {Kind.MEETING_INVITATION.label}: Brottsförebyggande rådet")
    assert not any("Arjeplog" in message.subject or "Arjeplog" in message.body for message in charlie)
    alice = subjects(mailoutbox, cast.alice)
    assert sum("Trygghetsrådet Arjeplog" in subject for subject in alice) == 2


def test_a_joint_group_reaches_both_municipalities_once(cast, mailoutbox):
    joint = group("Gemensam samverkansgrupp", cast.arjeplog, cast.arvidsjaur)
    meeting(joint, days=3, by=cast.bob)
    for user in (cast.bob, cast.charlie):
        choose(user, Frequency.IMMEDIATELY, Kind.MEETING_INVITATION)
    notify()
    assert sum("Gemensam samverkansgrupp" in s for s in subjects(mailoutbox, cast.bob)) == 1
    assert sum("Gemensam samverkansgrupp" in s for s in subjects(mailoutbox, cast.charlie)) == 1


def test_it_tells_of_the_minutes_only_once_they_are_written(cast, mailoutbox):
    arjeplog = group("Trygghetsrådet Arjeplog", cast.arjeplog)
    held = meeting(arjeplog, days=-2, by=cast.alice)
    write_minutes(meeting(arjeplog, days=-20, by=cast.alice), "För länge sedan.")
    choose(cast.alice, Frequency.NEVER)
    choose(cast.alice, Frequency.IMMEDIATELY, Kind.MEETING_MINUTES)
    assert notify() == "sent: 0 emails, 0 notifications, 0 already sent"
    write_minutes(held, "Beslut om trygghetsvandring.")
    assert notify() == "sent: 1 emails, 1 notifications, 0 already sent"
    assert notify() == "sent: 0 emails, 0 notifications, 1 already sent"
    [message] = received(mailoutbox, cast.alice)
    assert message.subject.startswith(f"Samverkan: {Kind.MEETING_MINUTES.label}: Trygghetsrådet Arjeplog")
    assert SentNotification.objects.get(user=cast.alice).key == f"meeting_minutes:{held.pk}"
