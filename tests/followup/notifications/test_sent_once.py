"""Running the command again sends nothing twice; what came due in between is sent then."""

from __future__ import annotations

from collections import Counter

from samverkan.followup.notifications.models import Frequency, SentNotification
from tests.followup.notifications.conftest import RENEWAL_KINDS, activity, choose, import_run, notify, suggestion


def load(cast) -> None:
    """16 notifications: Alice and Bob 5 each (two activities, the agreement, the suggestion, the source),
    Lena 3 (no suggestion, no source: she only reads), Charlie 2 (agreement, source), Dave 1 (source)."""
    activity(cast.arjeplog, title="Trygghetsvandring", ends_in=-3)
    activity(cast.arjeplog, title="Drogutbildning", ends_in=5)
    suggestion(cast.arjeplog, "Belysning vid busshållplatsen")
    import_run("police_events", days_ago=20)
    for user in (cast.alice, cast.bob, cast.charlie, cast.dave, cast.lena):
        choose(user, Frequency.IMMEDIATELY)
        choose(user, Frequency.NEVER, *RENEWAL_KINDS)


def test_it_sends_each_email_once_when_run_twice(cast, mailoutbox):
    load(cast)
    assert notify() == "sent: 16 emails, 16 notifications, 0 already sent"
    first = [(message.to[0], message.subject) for message in mailoutbox]
    assert notify() == "sent: 0 emails, 0 notifications, 16 already sent"
    assert [(message.to[0], message.subject) for message in mailoutbox] == first
    assert max(Counter(first).values()) == 1
    assert SentNotification.objects.count() == 16


def test_it_sends_what_came_due_since_the_last_run(cast, mailoutbox):
    load(cast)
    notify()
    count = len(mailoutbox)
    activity(cast.arjeplog, title="Nattvandring", ends_in=-1)
    # Alice, Bob and Lena see Arjeplog's activities.
    assert notify() == "sent: 3 emails, 3 notifications, 16 already sent"
    assert [message.to[0] for message in mailoutbox[count:]] == [
        "alice@example.se",
        "bob@example.se",
        "lena@example.se",
    ]
    assert all("Nattvandring" in message.subject for message in mailoutbox[count:])


def test_it_sends_the_digest_once_when_run_twice(cast, mailoutbox):
    load(cast)
    for user in (cast.alice, cast.bob, cast.charlie, cast.dave, cast.lena):
        choose(user, Frequency.WEEKLY)
        choose(user, Frequency.NEVER, *RENEWAL_KINDS)
    first = notify("--digest")
    assert first == "sent: 5 emails, 16 notifications, 0 already sent"
    assert notify("--digest") == "sent: 0 emails, 0 notifications, 16 already sent"
    assert len(mailoutbox) == 5
