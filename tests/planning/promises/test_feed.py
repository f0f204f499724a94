"""The Atom feed: publications, revisions, follow-ups and activities carried out, with no personal data."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

from django.urls import reverse

from samverkan.planning.promises import services
from samverkan.planning.promises.models import PromiseActivity
from tests.planning.promises.conftest import action_activity, log_occurrence, published, sign

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, code: str = "2506") -> list[ET.Element]:
    response = client.get(reverse("promises_feed", args=[code]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}updated") is not None
    return feed.findall(f"{ATOM}entry")


def test_it_lists_publications_revisions_follow_ups_and_occurrences(client, world):
    activity = action_activity(world.arjeplog, target=10)
    old = published(world.arjeplog, world.alice, activity=activity)
    log_occurrence(activity, datetime.date(2025, 5, 1), what="Möte med Anna Andersson")
    new = services.promise_set_revise(promise_set=old, by=world.alice)
    sign(new, world.alice)
    services.promise_set_publish(promise_set=new, by=world.alice)
    log_occurrence(activity, datetime.date(2025, 6, 1))
    services.promise_set_follow_up(
        promise_set=new,
        followups={a.pk: "Utfört: två möten." for a in PromiseActivity.objects.filter(promise__promise_set=new)},
        by=world.alice,
    )
    found = entries(client)
    ids = [entry.findtext(f"{ATOM}id", default="") for entry in found]
    assert sorted(ids) == sorted(
        [
            f"urn:samverkan:promises:published:{old.pk}",
            f"urn:samverkan:promises:revised:{new.pk}",
            f"urn:samverkan:promises:followed_up:{new.pk}",
            *(f"urn:samverkan:promises:carried_out:{o.pk}" for o in activity.occurrences.all()),
        ]
    )
    for entry in found:
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href", "").startswith(
            "http://testserver/medborgarloften/kommun/2506/#set-"
        )
        assert entry.findtext(f"{ATOM}updated")
    text = "".join(ET.tostring(entry, encoding="unicode") for entry in found)
    assert "2025-05-01" in text
    assert "Anna Andersson" not in text and "Torget" not in text


def test_it_answers_404_for_a_municipality_without_published_promises(client, world):
    published(world.arjeplog, world.alice, planned=10)
    assert client.get(reverse("promises_feed", args=["2505"])).status_code == 404
    assert len(entries(client)) == 1


def test_it_lists_the_public_answers_to_suggestions_and_nothing_of_who_answered(client, world):
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    answered = services.suggestion_submit(promise=promise, text="Fler trafikkontroller vid skolan i Slagnäs.")
    services.suggestion_moderate(suggestion=answered, accept=True, by=world.alice)
    services.suggestion_answer(
        suggestion=answered, status="utreds", answer="Vi ser över hastigheten vid skolan.", by=world.alice
    )
    waiting = services.suggestion_submit(promise=promise, text="Bättre belysning vid busshållplatsen.")
    services.suggestion_moderate(suggestion=waiting, accept=True, by=world.alice)
    found = {entry.findtext(f"{ATOM}id", default=""): entry for entry in entries(client)}
    entry = found.pop(f"urn:samverkan:promises:answered:{answered.pk}")
    assert [key.split(":")[3] for key in found] == ["published"]  # the accepted, unanswered one is not there
    link = entry.find(f"{ATOM}link")
    assert (
        link is not None
        and link.get("href") == f"http://testserver/medborgarloften/kommun/2506/#suggestion-{answered.pk}"
    )
    text = ET.tostring(entry, encoding="unicode")
    assert "Fler trafikkontroller vid skolan i Slagnäs." in text and "Vi ser över hastigheten vid skolan." in text
    assert "alice" not in text
