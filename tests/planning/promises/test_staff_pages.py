"""The staff pages: Alice and Bob write, Lena reads, Charlie gets 404 for everything of Arjeplog's."""

from __future__ import annotations

from django.urls import reverse

from samverkan.planning.promises import services
from samverkan.planning.promises.models import Promise, PromiseActivity, PromiseSet, PromiseSignatory
from tests.planning.promises.conftest import MEET, action_activity, draft, published


def arjeplog_pages(world) -> list[tuple[str, str]]:
    """Every page of an Arjeplog draft and of a published set, as (method, url)."""
    unfinished = draft(world.arjeplog, world.alice, title="Utkast", year=2027)
    promise = services.promise_add(promise_set=unfinished, text="Ett löfte", by=world.alice)
    done = published(world.arjeplog, world.alice, planned=10)
    suggestion = services.suggestion_submit(promise=done.promises.get(), text="Förslag")
    return [
        ("get", reverse("promise_set", args=[unfinished.pk])),
        ("post", reverse("promise_add", args=[unfinished.pk])),
        ("post", reverse("promise_update", args=[unfinished.pk, promise.pk])),
        ("post", reverse("promise_remove", args=[unfinished.pk, promise.pk])),
        ("post", reverse("promise_activity_add", args=[unfinished.pk, promise.pk])),
        ("post", reverse("promise_signatory_add", args=[unfinished.pk])),
        ("post", reverse("promise_set_sign", args=[unfinished.pk])),
        ("get", reverse("promise_set", args=[done.pk])),
        ("post", reverse("promise_set_publish", args=[done.pk])),
        ("post", reverse("promise_set_revise", args=[done.pk])),
        ("get", reverse("promise_set_follow_up", args=[done.pk])),
        ("post", reverse("promise_set_follow_up", args=[done.pk])),
        ("post", reverse("suggestion_moderate", args=[done.pk, suggestion.pk])),
    ]


def test_it_answers_404_to_the_outsider_on_every_arjeplog_page(client, world):
    pages = arjeplog_pages(world)
    client.force_login(world.charlie)
    for method, url in pages:
        assert getattr(client, method)(url).status_code == 404, f"{method} {url}"
    assert Promise.objects.count() == 2
    assert PromiseSet.objects.filter(status=PromiseSet.Status.REVISED).count() == 0


def test_it_lets_leadership_read_but_never_change(client, world):
    pages = arjeplog_pages(world)
    client.force_login(world.lena)
    for method, url in pages:
        expected = 200 if method == "get" and "uppfoljning" not in url else 404
        assert getattr(client, method)(url).status_code == expected, f"{method} {url}"
    body = client.get(pages[0][1]).content.decode()
    assert "Ett löfte" in body
    assert reverse("promise_add", args=[PromiseSet.objects.get(title="Utkast").pk]) not in body


def test_it_sends_anonymous_visitors_to_the_login(client, world):
    pages = arjeplog_pages(world)
    for method, url in [("get", reverse("promise_sets")), ("get", reverse("promise_set_create")), *pages]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login"))


def test_it_lists_only_the_visible_municipalities_sets(client, world):
    draft(world.arjeplog, world.alice, title="Arjeplogs utkast")
    draft(world.arvidsjaur, world.charlie, title="Arvidsjaurs utkast")
    client.force_login(world.charlie)
    body = client.get(reverse("promise_sets")).content.decode()
    assert "Arvidsjaurs utkast" in body and "Arjeplogs utkast" not in body
    client.force_login(world.bob)
    body = client.get(reverse("promise_sets")).content.decode()
    assert "Arvidsjaurs utkast" in body and "Arjeplogs utkast" in body


def test_it_creates_a_draft_for_a_writable_municipality_only(client, world):
    client.force_login(world.lena)
    assert client.get(reverse("promise_set_create")).status_code == 404
    client.force_login(world.alice)
    form = {"title": "Medborgarlöfte 2027", "starts_on": "2027-01-01", "ends_on": "2027-12-31"}
    refused = client.post(reverse("promise_set_create"), {**form, "municipality": world.arvidsjaur.pk})
    assert refused.status_code == 400
    response = client.post(reverse("promise_set_create"), {**form, "municipality": world.arjeplog.pk})
    promise_set = PromiseSet.objects.get()
    again = client.post(reverse("promise_set_create"), {**form, "municipality": world.arjeplog.pk})
    assert again.status_code == 400
    assert PromiseSet.objects.count() == 1
    assert response["Location"] == promise_set.get_absolute_url()
    assert (promise_set.municipality, promise_set.status, promise_set.updated_by) == (
        world.arjeplog,
        PromiseSet.Status.DRAFT,
        world.alice,
    )


def test_it_builds_signs_and_publishes_the_promises_through_the_pages(client, world):
    activity = action_activity(world.arjeplog, target=10, done=2)
    outside = action_activity(world.arvidsjaur, title="Arvidsjaurs aktivitet")
    promise_set = draft(world.arjeplog, world.alice)
    client.force_login(world.bob)
    client.post(reverse("promise_add", args=[promise_set.pk]), {"promise-text": "Vi möter allmänheten."})
    promise = Promise.objects.get()
    page = client.get(promise_set.get_absolute_url()).content.decode()
    assert MEET in page and "Arvidsjaurs aktivitet" not in page
    add_activity = reverse("promise_activity_add", args=[promise_set.pk, promise.pk])
    prefix = f"activity-{promise.pk}"
    refused = client.post(
        add_activity, {f"{prefix}-who": "polis", f"{prefix}-what": "Möten", f"{prefix}-activity": outside.pk}
    )
    assert refused.status_code == 400
    client.post(
        add_activity,
        {
            f"{prefix}-who": "polis",
            f"{prefix}-what": "Möten",
            f"{prefix}-unit": "möten",
            f"{prefix}-activity": activity.pk,
        },
    )
    assert PromiseActivity.objects.get().activity == activity
    sign = reverse("promise_set_sign", args=[promise_set.pk])
    client.post(sign)
    assert PromiseSet.objects.get().status == PromiseSet.Status.DRAFT
    for name in ("Helena Strand", "Maria Stenlund"):
        client.post(
            reverse("promise_signatory_add", args=[promise_set.pk]),
            {"signatory-name": name, "signatory-title": "T", "signatory-signed_on": "2025-02-20"},
        )
    assert PromiseSignatory.objects.count() == 2
    client.post(sign)
    client.post(reverse("promise_set_publish", args=[promise_set.pk]))
    assert PromiseSet.objects.get().status == PromiseSet.Status.PUBLISHED
    response = client.post(reverse("promise_set_revise", args=[promise_set.pk]))
    revision = PromiseSet.objects.get(revision_of=promise_set)
    assert response["Location"] == revision.get_absolute_url()


def test_it_keeps_what_was_typed_when_a_form_fails(client, world):
    promise_set = draft(world.arjeplog, world.alice)
    client.force_login(world.alice)
    response = client.post(
        reverse("promise_signatory_add", args=[promise_set.pk]),
        {"signatory-name": "Helena Strand", "signatory-title": "LPO-chef", "signatory-signed_on": ""},
    )
    assert response.status_code == 400
    assert 'value="Helena Strand"' in response.content.decode()
    assert not PromiseSignatory.objects.exists()


def test_it_edits_and_removes_a_promise_of_a_draft(client, world):
    promise_set = draft(world.arjeplog, world.alice)
    promise = services.promise_add(promise_set=promise_set, text="Gammal text", by=world.alice)
    client.force_login(world.bob)
    client.post(reverse("promise_update", args=[promise_set.pk, promise.pk]), {f"promise-{promise.pk}-text": "Ny text"})
    assert Promise.objects.get().text == "Ny text"
    assert PromiseSet.objects.get().updated_by == world.bob
    client.post(reverse("promise_remove", args=[promise_set.pk, promise.pk]))
    assert not Promise.objects.exists()
