"""Arjeplog's plan: Alice and Bob change it, Lena reads it, Charlie and Dave never learn it exists."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samverkan.planning.actions.models import ActionPlan, Activity, Occurrence


def pages(plan) -> list[str]:
    return [
        reverse("action_plan", args=[plan.plan.pk]),
        reverse("activity", args=[plan.meet.pk]),
        reverse("action_plan_sheet", args=[plan.plan.pk]),
    ]


def writes(plan) -> list[tuple[str, str]]:
    """(method, url) of every change to Arjeplog's plan."""
    return [
        ("get", reverse("activity_new", args=[plan.plan.pk])),
        ("post", reverse("activity_new", args=[plan.plan.pk])),
        ("get", reverse("activity_edit", args=[plan.meet.pk])),
        ("post", reverse("activity_edit", args=[plan.meet.pk])),
        ("post", reverse("action_plan", args=[plan.plan.pk])),
        ("post", reverse("action_plan_adopt", args=[plan.plan.pk])),
        ("post", reverse("action_plan_new_version", args=[plan.plan.pk])),
        ("post", reverse("occurrence_log", args=[plan.meet.pk])),
    ]


def snapshot() -> tuple:
    return (
        list(ActionPlan.objects.values_list("pk", "status", "adopted_by")),
        list(Activity.objects.values_list("pk", "title", "status")),
        Occurrence.objects.count(),
    )


@pytest.mark.parametrize("username", ["charlie", "dave"])
def test_it_hides_the_plan_from_outsiders(client, world, arjeplog_plan, username):
    client.force_login(getattr(world, username))
    for url in pages(arjeplog_plan):
        assert client.get(url).status_code == 404, url
    before = snapshot()
    for method, url in writes(arjeplog_plan):
        assert getattr(client, method)(url, {"held_on": "2025-04-01", "what": "x"}).status_code == 404, url
    assert snapshot() == before
    assert arjeplog_plan.plan.title.encode() not in client.get(reverse("action_plans")).content


def test_it_lets_leadership_read_but_not_change(client, world, arjeplog_plan):
    client.force_login(world.lena)
    for url in pages(arjeplog_plan):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"<textarea" not in response.content and b"<select" not in response.content.partition(b"</header>")[2]
    before = snapshot()
    for method, url in writes(arjeplog_plan):
        assert getattr(client, method)(url, {"held_on": "2025-04-01", "what": "x"}).status_code == 404, url
    assert snapshot() == before
    assert client.get(reverse("action_plan_new")).status_code == 404
    assert client.get(reverse("import_upload", args=["activities"])).status_code == 404
    assert arjeplog_plan.plan.title.encode() in client.get(reverse("action_plans")).content


@pytest.mark.parametrize("username", ["alice", "bob"])
def test_it_lets_the_coordinator_and_the_police_contact_change_it(client, world, arjeplog_plan, username):
    client.force_login(getattr(world, username))
    for url in pages(arjeplog_plan):
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("activity_new", args=[arjeplog_plan.plan.pk])).status_code == 200
    response = client.post(
        reverse("occurrence_log", args=[arjeplog_plan.meet.pk]),
        {"held_on": "2025-04-01", "what": "Polisen på torget", "where": "Torget", "reached": "12"},
    )
    assert response.status_code == 302
    assert client.post(reverse("action_plan_adopt", args=[arjeplog_plan.plan.pk])).status_code == 302
    plan = ActionPlan.objects.get(pk=arjeplog_plan.plan.pk)
    assert (plan.status, plan.adopted_by, Occurrence.objects.get().logged_by) == (
        "antagen",
        getattr(world, username),
        getattr(world, username),
    )


def test_it_offers_a_new_plan_only_for_writable_municipalities(client, world):
    client.force_login(world.charlie)
    response = client.get(reverse("action_plan_new"))
    assert list(response.context["form"].fields["municipality"].queryset) == [world.arvidsjaur]
    response = client.post(
        reverse("action_plan_new"),
        {"municipality": world.arjeplog.pk, "title": "Intrång", "starts_on": "2025-01-01", "ends_on": "2026-12-31"},
    )
    assert response.status_code == 400
    assert not ActionPlan.objects.exists()
