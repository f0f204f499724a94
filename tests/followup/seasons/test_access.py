"""Who reaches the yearly wheel: Alice and Bob write, Lena reads only, Charlie and Dave get 404."""

from __future__ import annotations

import pytest

from samverkan.followup.seasons import services
from samverkan.followup.seasons.models import CoordinationTask, EventKind
from samverkan.organisations.models import ResidentCount

WHEEL = "/arshjul/2506/"
POSTS = ["/arshjul/2506/forbered/", "/arshjul/2506/uppgifter/", "/arshjul/2506/narvarande-befolkning/"]


@pytest.mark.parametrize("username", ["charlie", "dave"])
def test_it_answers_404_to_outsiders(client, world, car_testing, username):
    client.force_login(getattr(world, username))

    assert client.get(WHEEL).status_code == 404
    for url in POSTS:
        assert client.post(url, {"year": 2026, "event": car_testing.pk, "kind": "biltest"}).status_code == 404
    assert not CoordinationTask.objects.exists()


def test_it_shows_lena_the_wheel_without_anything_to_change(client, world, car_testing):
    services.tasks_prepare(event=car_testing, year=2026, kind=EventKind.HOLIDAY)
    ResidentCount.objects.create(municipality=world.arjeplog, year=2026, residents=2650, source="SCB")
    client.force_login(world.lena)

    response = client.get(WHEEL, {"year": 2026})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="checkbox"' not in html and "/arshjul/2506/forbered/" not in html
    assert "/arshjul/2506/narvarande-befolkning/" not in html
    for url in POSTS:
        assert (
            client.post(url, {"year": 2026, "done": [t.pk for t in CoordinationTask.objects.all()]}).status_code == 404
        )
    assert not CoordinationTask.objects.filter(done=True).exists()


def test_it_lets_the_police_contact_prepare_tasks(client, world, car_testing):
    client.force_login(world.bob)

    response = client.post(POSTS[0], {"year": 2026, "event": car_testing.pk, "kind": "helg"})

    assert response.status_code == 302
    assert CoordinationTask.objects.filter(event=car_testing, year=2026).count() == 3


def test_it_lists_only_the_visible_municipalities(client, world):
    client.force_login(world.charlie)

    html = client.get("/arshjul/").content.decode()

    assert "/arshjul/2505/" in html and "/arshjul/2506/" not in html
