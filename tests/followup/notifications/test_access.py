"""Users are only told about what they can see: Charlie never hears of Arjeplog's work."""

from __future__ import annotations

from samverkan.followup.notifications.models import Frequency
from tests.followup.notifications.conftest import activity, choose, import_run, notify, received, suggestion


def load(cast) -> None:
    activity(cast.arjeplog, title="Trygghetsvandring i Arjeplog", ends_in=-3)
    activity(cast.arjeplog, title="Drogutbildning i Arjeplog", ends_in=5)
    suggestion(cast.arjeplog, "Belysning vid busshållplatsen i Arjeplog")
    activity(cast.arvidsjaur, title="Nattvandring i Arvidsjaur", ends_in=-2)
    for user in (cast.alice, cast.bob, cast.charlie, cast.dave, cast.lena):
        choose(user, Frequency.WEEKLY)


def bodies(mailoutbox, user) -> str:
    return "\n".join(message.body for message in received(mailoutbox, user))


def test_it_never_tells_charlie_about_arjeplog(cast, mailoutbox):
    load(cast)
    notify("--digest")
    charlie = bodies(mailoutbox, cast.charlie)
    assert "Nattvandring i Arvidsjaur" in charlie
    assert "Arjeplog" not in charlie.replace(cast.part1.title, "")


def test_it_tells_the_police_contact_about_both_municipalities(cast, mailoutbox):
    load(cast)
    notify("--digest")
    bob = bodies(mailoutbox, cast.bob)
    assert "Trygghetsvandring i Arjeplog" in bob and "Nattvandring i Arvidsjaur" in bob
    assert "Belysning vid busshållplatsen" in bob


def test_it_tells_the_leadership_of_activities_but_not_of_suggestions_to_moderate(cast, mailoutbox):
    load(cast)
    notify("--digest")
    lena = bodies(mailoutbox, cast.lena)
    assert "Trygghetsvandring i Arjeplog" in lena
    assert "Belysning" not in lena


def test_it_tells_dave_nothing_of_our_agreement(cast, mailoutbox):
    load(cast)
    import_run("police_events", days_ago=20)
    notify("--digest")
    dave = bodies(mailoutbox, cast.dave)
    assert "police_events" in dave
    assert cast.part1.title not in dave and "Arjeplog" not in dave and "Arvidsjaur" not in dave
