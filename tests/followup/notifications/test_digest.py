"""The weekly digest: one email per user, its notices grouped under their kind in a fixed order."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from samverkan.followup.notifications.models import Frequency, Kind
from tests.followup.notifications.conftest import (
    RENEWAL_KINDS,
    activity,
    choose,
    import_run,
    notify,
    received,
    suggestion,
)
from tests.followup.notifications.test_meetings import group, meeting, write_minutes


def test_it_groups_the_digest_by_kind(cast, mailoutbox):
    activity(cast.arjeplog, title="Trygghetsvandring", ends_in=-3)
    activity(cast.arjeplog, title="Nattvandring", ends_in=-1)
    activity(cast.arjeplog, title="Drogutbildning", ends_in=5)
    suggestion(cast.arjeplog, "Belysning vid busshållplatsen")
    import_run("incidents", days_ago=40)
    meeting(group("Folkhälsorådet", cast.arjeplog), days=4, by=cast.alice)
    write_minutes(meeting(group("Trygghetsrådet", cast.arjeplog), days=-4, by=cast.alice), "Protokoll.")
    choose(cast.alice, Frequency.WEEKLY)
    choose(cast.alice, Frequency.NEVER, *RENEWAL_KINDS)
    assert notify("--digest").startswith("sent: ")
    [digest] = received(mailoutbox, cast.alice)
    with translation.override("sv"):
        # no goal nor communication activity here; the renewal's reminders are in test_renewal_reminders
        quiet = (Kind.GOAL_OFF_TRACK, Kind.COMMUNICATION_DUE, *RENEWAL_KINDS)
        headings = [str(kind.label) for kind in Kind if kind not in quiet]
    body = digest.body
    positions = [body.index(heading) for heading in headings]
    assert positions == sorted(positions)
    due, overdue, agreement, stale, new, invitation, minutes = positions
    assert due < body.index("Drogutbildning") < overdue
    assert overdue < body.index("Trygghetsvandring") < body.index("Nattvandring") < agreement
    assert agreement < body.index(cast.part1.title) < stale < body.index("incidents") < new
    assert new < body.index("Belysning vid busshållplatsen") < invitation
    assert invitation < body.index("Folkhälsorådet") < minutes < body.index("Trygghetsrådet")
    assert f"{settings.SITE_URL}{cast.part1.get_absolute_url()}" in body
    # eight notices: three activities, the agreement, the source, the suggestion, the two meetings
    assert "8" in digest.subject


def test_it_leaves_out_kinds_with_nothing_due(cast, mailoutbox):
    choose(cast.lena, Frequency.WEEKLY)
    notify("--digest")
    [digest] = received(mailoutbox, cast.lena)
    with translation.override("sv"):
        assert str(Kind.AGREEMENT_ENDING.label) in digest.body
        assert str(Kind.ACTIVITY_OVERDUE.label) not in digest.body
