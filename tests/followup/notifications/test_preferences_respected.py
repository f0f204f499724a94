"""Each user gets what they chose, as often as they chose; without a choice, a weekly digest."""

from __future__ import annotations

from samverkan.followup.notifications.models import Frequency, Kind, Preference
from samverkan.planning.actions.selectors import DUE_WITHIN
from tests.followup.notifications.conftest import activity, choose, notify, received


def test_it_sends_nothing_the_user_chose_never_to_receive(cast, mailoutbox):
    activity(cast.arjeplog, title="Trygghetsvandring", ends_in=-3)
    choose(cast.alice, Frequency.NEVER)
    notify()
    notify("--digest")
    assert received(mailoutbox, cast.alice) == []


def test_it_keeps_weekly_notices_for_the_digest_run(cast, mailoutbox):
    activity(cast.arjeplog, title="Trygghetsvandring", ends_in=-3)
    choose(cast.alice, Frequency.NEVER)
    choose(cast.alice, Frequency.WEEKLY, Kind.ACTIVITY_OVERDUE)
    notify()
    assert received(mailoutbox, cast.alice) == []
    notify("--digest")
    [digest] = received(mailoutbox, cast.alice)
    assert "Trygghetsvandring" in digest.body


def test_it_sends_immediate_notices_on_every_run_digest_or_not(cast, mailoutbox):
    choose(cast.alice, Frequency.NEVER)
    choose(cast.alice, Frequency.IMMEDIATELY, Kind.ACTIVITY_OVERDUE)
    activity(cast.arjeplog, title="Trygghetsvandring", ends_in=-3)
    notify()
    activity(cast.arjeplog, title="Nattvandring", ends_in=-1)
    notify("--digest")
    subjects = [message.subject for message in received(mailoutbox, cast.alice)]
    assert len(subjects) == 2
    assert "Trygghetsvandring" in subjects[0] and "Nattvandring" in subjects[1]


def test_it_puts_everything_in_the_weekly_digest_without_a_choice(cast, mailoutbox):
    activity(cast.arjeplog, title="Trygghetsvandring", ends_in=-3)
    assert not Preference.objects.filter(user=cast.alice).exists()
    notify()
    assert received(mailoutbox, cast.alice) == []
    notify("--digest")
    [digest] = received(mailoutbox, cast.alice)
    assert "Trygghetsvandring" in digest.body and cast.part1.title in digest.body


def test_it_leaves_out_done_and_cancelled_activities(cast, mailoutbox):
    choose(cast.alice, Frequency.IMMEDIATELY, Kind.ACTIVITY_OVERDUE, Kind.ACTIVITY_DUE)
    choose(cast.alice, Frequency.NEVER, Kind.AGREEMENT_ENDING, Kind.STALE_SOURCE, Kind.NEW_SUGGESTION)
    activity(cast.arjeplog, title="Utförd", ends_in=-3, status="utford")
    activity(cast.arjeplog, title="Inställd", ends_in=3, status="installd")
    activity(cast.arjeplog, title="Långt kvar", ends_in=DUE_WITHIN.days + 1)
    activity(cast.arjeplog, title="Snart slut", ends_in=DUE_WITHIN.days)
    notify()
    assert ["Snart slut" in message.subject for message in received(mailoutbox, cast.alice)] == [True]
