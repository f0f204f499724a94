"""Reminders of the renewal: the evaluation due before the period ends, the annual report due by 31 March, missing
signatures and an agreement ending without a successor. Each reaches the coordinators and police contacts of the
parties (not leadership, not outsiders), once, as each user chose; run twice, nothing is sent again.

The world's part 1 (Arjeplog, Arvidsjaur and LPO Piteå älvdal) is signed and ends five weeks from today.
"""

from __future__ import annotations

import datetime
from collections import Counter

import time_machine

from samverkan.agreements import services as agreements
from samverkan.agreements.models import Agreement, Signatory
from samverkan.core import clock
from samverkan.followup.notifications.models import Frequency, Kind
from samverkan.followup.reports.models import Evaluation, GeneratedReport
from tests.followup.notifications.conftest import choose, notify

RENEWAL = [Kind.EVALUATION_DUE, Kind.ANNUAL_REPORT_DUE, Kind.SIGNATURE_MISSING, Kind.AGREEMENT_WITHOUT_SUCCESSOR]


def only(cast, frequency: str, *kinds: str) -> None:
    """Everyone hears of `kinds` only, at `frequency`."""
    for user in (cast.alice, cast.bob, cast.charlie, cast.dave, cast.lena):
        choose(user, Frequency.NEVER)
        choose(user, frequency, *kinds)


def told(mailoutbox) -> Counter:
    return Counter(message.to[0].split("@")[0] for message in mailoutbox)


def test_it_reminds_the_parties_of_the_evaluation_and_the_successor_once(cast, mailoutbox):
    only(cast, Frequency.IMMEDIATELY, Kind.EVALUATION_DUE, Kind.AGREEMENT_WITHOUT_SUCCESSOR)
    assert notify() == "sent: 6 emails, 6 notifications, 0 already sent"
    assert told(mailoutbox) == {"alice": 2, "bob": 2, "charlie": 2}
    assert all(cast.part1.title in message.subject for message in mailoutbox)
    assert notify() == "sent: 0 emails, 0 notifications, 6 already sent"
    assert len(mailoutbox) == 6


def test_it_sends_them_in_the_digest_once(cast, mailoutbox):
    # The annual report's reminder has its season (1 March to June, tested below): left out, so any day will do.
    only(cast, Frequency.WEEKLY, *(kind for kind in RENEWAL if kind != Kind.ANNUAL_REPORT_DUE))
    assert notify() == "sent: 0 emails, 0 notifications, 0 already sent"
    assert notify("--digest") == "sent: 3 emails, 6 notifications, 0 already sent"
    assert notify("--digest") == "sent: 0 emails, 0 notifications, 6 already sent"
    assert told(mailoutbox) == {"alice": 1, "bob": 1, "charlie": 1}


def test_it_respects_a_user_who_wants_no_evaluation_reminder(cast, mailoutbox):
    only(cast, Frequency.IMMEDIATELY, Kind.EVALUATION_DUE, Kind.AGREEMENT_WITHOUT_SUCCESSOR)
    choose(cast.alice, Frequency.NEVER, Kind.EVALUATION_DUE)
    notify()
    assert told(mailoutbox) == {"alice": 1, "bob": 2, "charlie": 2}
    assert [m.subject for m in mailoutbox if m.to == [cast.alice.email]][0].startswith(
        f"Samverkan: {Kind.AGREEMENT_WITHOUT_SUCCESSOR.label}"
    )


def test_it_stops_the_successor_reminder_once_a_revision_is_started(cast, mailoutbox):
    agreements.agreement_start_revision(agreement=cast.part1, by=cast.bob)
    only(cast, Frequency.IMMEDIATELY, Kind.AGREEMENT_WITHOUT_SUCCESSOR)
    assert notify() == "sent: 0 emails, 0 notifications, 0 already sent"


def test_it_reminds_of_the_annual_report_from_march_until_it_is_generated(cast, mailoutbox):
    only(cast, Frequency.IMMEDIATELY, Kind.ANNUAL_REPORT_DUE)
    year = clock.today().year  # the part 1 covers this year: its report is due by 31 March next year
    GeneratedReport.objects.create(municipality=cast.arjeplog, year=year, version=1, data={}, pdf=b"")
    with time_machine.travel(datetime.datetime(year + 1, 2, 27, 10), tick=False):
        assert notify() == "sent: 0 emails, 0 notifications, 0 already sent"
    with time_machine.travel(datetime.datetime(year + 1, 3, 2, 10), tick=False):
        # Arvidsjaur's is missing: its coordinator and the police contact hear of it, Arjeplog's is generated.
        assert notify() == "sent: 2 emails, 2 notifications, 0 already sent"
        assert notify() == "sent: 0 emails, 0 notifications, 2 already sent"
    assert told(mailoutbox) == {"bob": 1, "charlie": 1}
    assert all(f"{year}, Arvidsjaur" in message.subject for message in mailoutbox)


def signing(cast, *, starts_on: datetime.date, status: str = Agreement.Status.SIGNING) -> Agreement:
    """A part 2 for Arjeplog after the world's: the police have signed, the municipality has not."""
    agreement = agreements.agreement_create(
        by=cast.alice,
        title="Del 2 Arjeplog, nästa period",
        part=Agreement.Part.LOCAL,
        status=status,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=4 * 365),
        strategic=cast.part1,
        parties=[cast.lpo, cast.arjeplog_org],
        municipalities=[cast.arjeplog],
    )
    Signatory.objects.create(
        agreement=agreement, name="Polischefen", title="Chef", organisation=cast.lpo, signed_on=clock.today()
    )
    Signatory.objects.create(agreement=agreement, name="Ordföranden", title="KSO", organisation=cast.arjeplog_org)
    return agreement


def test_it_reminds_of_missing_signatures_two_weeks_after_sending(cast, mailoutbox):
    only(cast, Frequency.IMMEDIATELY, Kind.SIGNATURE_MISSING)
    signing(cast, starts_on=clock.today() + datetime.timedelta(days=90))
    assert notify() == "sent: 0 emails, 0 notifications, 0 already sent"
    with time_machine.travel(clock.now() + datetime.timedelta(days=15), tick=False):
        assert notify() == "sent: 2 emails, 2 notifications, 0 already sent"
        assert notify() == "sent: 0 emails, 0 notifications, 2 already sent"
    assert told(mailoutbox) == {"alice": 1, "bob": 1}
    assert "Ordföranden, KSO" in mailoutbox[0].body


def test_it_reminds_of_missing_signatures_when_the_start_is_near(cast, mailoutbox):
    only(cast, Frequency.IMMEDIATELY, Kind.SIGNATURE_MISSING)
    signing(cast, starts_on=clock.today() + datetime.timedelta(days=20), status=Agreement.Status.DRAFT)
    assert notify() == "sent: 2 emails, 2 notifications, 0 already sent"
    assert notify() == "sent: 0 emails, 0 notifications, 2 already sent"
    assert told(mailoutbox) == {"alice": 1, "bob": 1}


def test_it_stops_the_evaluation_reminder_once_an_evaluation_is_adopted(cast, mailoutbox):
    Evaluation.objects.create(
        agreement=cast.part1,
        police_area=cast.lpo,
        status=Evaluation.Status.ADOPTED,
        adopted_at=clock.now(),
        created_by=cast.bob,
    )
    only(cast, Frequency.IMMEDIATELY, Kind.EVALUATION_DUE)
    assert notify() == "sent: 0 emails, 0 notifications, 0 already sent"
