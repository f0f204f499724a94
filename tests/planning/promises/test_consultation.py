"""Samråd: citizens read the draft of the next promises and comment without logging in; the coordinator publishes
or rejects each comment with a public answer, and summarises the result for the decision (issue 11, item 7)."""

from __future__ import annotations

import datetime
import time
import types

import django_ratelimit.core
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samverkan.core import clock
from samverkan.core.clients import HONEYPOT
from samverkan.core.privacy import CONTACT_DETAILS_REFUSED, PERSONNUMMER_REFUSED
from samverkan.planning.promises import services
from samverkan.planning.promises.models import Comment, Consultation, PromiseSet

TEXT = "Fler trafikkontroller vid skolan på morgnarna, särskilt vintertid."
ANSWER = "Tack! Vi lägger till trafikkontroller vid skolorna under vinterhalvåret."
DRAFT_PROMISE = "Polisen genomför trafikkontroller vid skolorna varje månad."
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    # django-ratelimit counts in fixed windows of its own clock: hold it still, so a flood never straddles two.
    frozen = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: frozen))


def next_draft(world) -> PromiseSet:
    """Arjeplog's draft of next year's promises, with one promise."""
    year = clock.today().year + 1
    promise_set = services.promise_set_create(
        municipality=world.arjeplog,
        title=f"Medborgarlöfte {year}",
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
        by=world.alice,
    )
    services.promise_add(promise_set=promise_set, text=DRAFT_PROMISE, by=world.alice)
    return promise_set


def consultation_on(world, *, opens: int = -1, closes: int = 13) -> Consultation:
    """A consultation on next year's draft, from `opens` to `closes` days from today."""
    today = clock.today()
    return services.consultation_save(
        promise_set=next_draft(world), opens_on=today + opens * DAY, closes_on=today + closes * DAY, by=world.alice
    )


def public_url(consultation: Consultation) -> str:
    return reverse("consultation_public", args=["2506", consultation.pk])


def moderate_url(comment: Comment) -> str:
    return reverse("comment_moderate", args=[comment.consultation.promise_set_id, comment.pk])


def comment_data(comment: Comment, decision: str, answer: str = "") -> dict:
    return {f"comment-{comment.pk}-decision": decision, f"comment-{comment.pk}-answer": answer}


def test_it_opens_the_draft_for_comments_from_the_staff_page(client, world):
    promise_set = next_draft(world)
    today = clock.today()
    client.force_login(world.alice)
    url = reverse("consultation", args=[promise_set.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"opens_on": today.isoformat(), "closes_on": (today + 20 * DAY).isoformat(), "introduction": "Tyck till!"}
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert (consultation.promise_set, consultation.opens_on, consultation.closes_on) == (
        promise_set,
        today,
        today + 20 * DAY,
    )
    bad = client.post(url, {"opens_on": today.isoformat(), "closes_on": (today - DAY).isoformat()})
    assert bad.status_code == 400
    assert Consultation.objects.get().closes_on == today + 20 * DAY


def test_it_takes_a_citizens_comment_without_login_and_shows_it_only_once_published_with_the_answer(client, world):
    consultation = consultation_on(world)
    promise = consultation.promise_set.promises.get()
    page = client.get(public_url(consultation))
    assert page.status_code == 200
    assert DRAFT_PROMISE in page.content.decode()
    response = client.post(public_url(consultation), {"promise": promise.pk, "text": TEXT})
    assert response.status_code == 302
    assert response["Location"] == reverse("consultation_thanks", args=["2506", consultation.pk])
    assert "sessionid" not in response.cookies
    comment = Comment.objects.get()
    assert (comment.promise, comment.text, comment.status, comment.received_on) == (
        promise,
        TEXT,
        Comment.Status.NEW,
        clock.today(),
    )
    assert TEXT not in client.get(public_url(consultation)).content.decode()

    client.force_login(world.alice)
    assert client.post(moderate_url(comment), comment_data(comment, "publish", ANSWER)).status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.answer, comment.answered_by) == (Comment.Status.PUBLISHED, ANSWER, world.alice)
    client.logout()
    body = client.get(public_url(consultation)).content.decode()
    assert TEXT in body
    assert ANSWER in body
    assert body.index(TEXT) < body.index(ANSWER)


def test_it_never_shows_a_rejected_comment(client, world):
    consultation = consultation_on(world)
    comment = services.comment_submit(consultation=consultation, text=TEXT)
    client.force_login(world.alice)
    assert client.post(moderate_url(comment), comment_data(comment, "reject")).status_code == 302
    assert Comment.objects.get().status == Comment.Status.REJECTED
    client.logout()
    assert TEXT not in client.get(public_url(consultation)).content.decode()


def test_it_refuses_a_comment_after_closing_and_shows_nothing_before_opening(client, world):
    closed = consultation_on(world, opens=-14, closes=-1)
    response = client.post(public_url(closed), {"text": TEXT})
    assert response.status_code == 400
    assert str(services.CONSULTATION_CLOSED) in response.content.decode()
    with pytest.raises(ValidationError) as error:
        services.comment_submit(consultation=closed, text=TEXT)
    assert error.value.messages == [str(services.CONSULTATION_CLOSED)]
    assert not Comment.objects.exists()
    services.consultation_save(
        promise_set=closed.promise_set, opens_on=clock.today() + DAY, closes_on=clock.today() + 9 * DAY, by=world.alice
    )
    assert client.get(public_url(closed)).status_code == 404
    assert client.post(public_url(closed), {"text": TEXT}).status_code == 404


def test_it_refuses_a_personnummer_a_phone_number_and_an_e_mail_address(client, world):
    consultation = consultation_on(world)
    refusals = {
        "Grannen 19850512-1234 kör fort": PERSONNUMMER_REFUSED,
        "Ring mig på 070-123 45 67": CONTACT_DETAILS_REFUSED,
        "Svara till anna@example.se": CONTACT_DETAILS_REFUSED,
    }
    for text, refusal in refusals.items():
        response = client.post(public_url(consultation), {"text": text})
        assert response.status_code == 400
        assert str(refusal) in response.content.decode()
        assert f"{text}</textarea>" in response.content.decode()
    assert not Comment.objects.exists()


def test_it_refuses_the_same_text_twice_a_bot_and_a_flooding_client(client, world, settings):
    settings.PUBLIC_FORM_PER_MINUTE = 3
    consultation = consultation_on(world)
    url = public_url(consultation)
    assert client.post(url, {"text": TEXT}, REMOTE_ADDR="198.51.100.7").status_code == 302
    again = client.post(url, {"text": f"  {TEXT.upper()} "}, REMOTE_ADDR="198.51.100.7")
    assert again.status_code == 400
    assert str(services.COMMENT_DUPLICATE) in again.content.decode()
    bot = client.post(
        url, {"text": "Köp billiga klockor", HONEYPOT: "https://spam.example"}, REMOTE_ADDR="198.51.100.7"
    )
    assert bot.status_code == 302
    assert client.post(url, {"text": "En fjärde kommentar"}, REMOTE_ADDR="198.51.100.7").status_code == 429
    assert client.post(url, {"text": "En annan invånare"}, REMOTE_ADDR="203.0.113.5").status_code == 302
    assert sorted(Comment.objects.values_list("text", flat=True)) == sorted([TEXT, "En annan invånare"])


def test_it_refuses_a_promise_of_another_set(client, world):
    consultation = consultation_on(world)
    other = services.promise_set_create(
        municipality=world.arvidsjaur,
        title="Medborgarlöfte Arvidsjaur",
        starts_on=consultation.promise_set.starts_on,
        ends_on=consultation.promise_set.ends_on,
        by=world.charlie,
    )
    foreign = services.promise_add(promise_set=other, text="Arvidsjaurs löfte", by=world.charlie)
    assert client.post(public_url(consultation), {"promise": foreign.pk, "text": TEXT}).status_code == 400
    with pytest.raises(ValidationError) as error:
        services.comment_submit(consultation=consultation, promise=foreign, text=TEXT)
    assert error.value.message_dict == {"promise": [str(services.COMMENT_PROMISE_OUTSIDE)]}
    assert not Comment.objects.exists()


def test_it_lets_only_arjeplogs_coordinator_and_police_moderate_arjeplogs_comments(client, world):
    consultation = consultation_on(world)
    comment = services.comment_submit(consultation=consultation, text=TEXT)
    staff_page = reverse("consultation", args=[consultation.promise_set_id])
    for outsider in (world.charlie, world.dave):
        client.force_login(outsider)
        assert client.get(staff_page).status_code == 404
        assert client.post(moderate_url(comment), comment_data(comment, "publish", ANSWER)).status_code == 404
    client.force_login(world.lena)  # leadership reads, never changes
    assert TEXT in client.get(staff_page).content.decode()
    assert client.post(moderate_url(comment), comment_data(comment, "publish", ANSWER)).status_code == 404
    comment.refresh_from_db()
    assert (comment.status, comment.answer) == (Comment.Status.NEW, "")
    client.force_login(world.bob)
    assert client.post(moderate_url(comment), comment_data(comment, "publish", ANSWER)).status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.answered_by) == (Comment.Status.PUBLISHED, world.bob)


def test_it_links_the_summary_from_the_adopted_promises_public_page(client, world):
    consultation = consultation_on(world, opens=-14, closes=0)
    with pytest.raises(ValidationError) as error:
        services.consultation_summarise(consultation=consultation, summary="För tidigt", by=world.alice)
    assert error.value.messages == [str(services.SUMMARY_BEFORE_CLOSING)]
    consultation = services.consultation_save(
        promise_set=consultation.promise_set,
        opens_on=clock.today() - 14 * DAY,
        closes_on=clock.today() - DAY,
        by=world.alice,
    )
    summary = "Tolv kommentarer; de flesta om trafiken vid skolorna. Löftet om trafikkontroller behålls."
    client.force_login(world.alice)
    response = client.post(
        reverse("consultation_summarise", args=[consultation.promise_set_id]), {"summary-summary": summary}
    )
    assert response.status_code == 302
    promise_set = consultation.promise_set
    for name, title in [("Helena Strand", "Lokalpolisområdeschef"), ("Maria Stenlund", "Kommunalråd")]:
        services.promise_signatory_add(
            promise_set=promise_set, name=name, title=title, signed_on=clock.today(), by=world.alice
        )
    services.promise_set_sign(promise_set=promise_set, by=world.alice)
    services.promise_set_publish(promise_set=promise_set, by=world.alice)
    client.logout()
    body = client.get(reverse("promises_public", args=["2506"])).content.decode()
    assert f'href="{public_url(consultation)}#summary"' in body
    consultation_page = client.get(public_url(consultation)).content.decode()
    assert summary in consultation_page
    assert 'id="summary"' in consultation_page


def test_it_closes_the_consultation_once_the_promises_are_signed(client, world):
    consultation = consultation_on(world)
    promise_set = consultation.promise_set
    for name in ("Helena Strand", "Maria Stenlund"):
        services.promise_signatory_add(
            promise_set=promise_set, name=name, title="Chef", signed_on=clock.today(), by=world.alice
        )
    services.promise_set_sign(promise_set=promise_set, by=world.alice)
    consultation.refresh_from_db()
    assert client.post(public_url(consultation), {"text": TEXT}).status_code == 400
    assert not Comment.objects.exists()
    with pytest.raises(ValidationError) as error:
        services.consultation_save(
            promise_set=promise_set, opens_on=clock.today(), closes_on=clock.today() + DAY, by=world.alice
        )
    assert error.value.messages == [str(services.CONSULTATION_NOT_A_DRAFT)]
    client.force_login(world.alice)
    response = client.post(
        reverse("consultation", args=[promise_set.pk]),
        {"opens_on": clock.today().isoformat(), "closes_on": (clock.today() + DAY).isoformat()},
    )
    assert response.status_code == 400
    assert str(services.CONSULTATION_NOT_A_DRAFT) in response.content.decode()
