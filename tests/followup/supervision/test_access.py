"""Who reaches the supervision: Alice and Bob record, Lena reads only, Charlie and Dave never see Arjeplog's."""

from __future__ import annotations

import pytest

from samverkan.followup.supervision.models import SupervisedObject, Visit
from tests.followup.supervision.conftest import HOTEL, visit

FORMS = ["/tillsyn/2506/nytt-besok/", "/tillsyn/2506/nytt-objekt/"]


@pytest.mark.parametrize("username", ["charlie", "dave", "lena"])
def test_it_answers_404_to_anyone_who_may_not_record_in_arjeplog(client, world, hotel, username):
    client.force_login(getattr(world, username))

    for url in FORMS:
        assert client.get(url).status_code == 404
        assert client.post(url, {"name": "Nytt ställe", "permit": "alkohol"}).status_code == 404
    assert SupervisedObject.objects.count() == 1


def test_it_shows_arjeplogs_visits_to_lena_without_the_buttons(client, world, hotel):
    visit(hotel, world.bob, findings="Skylt saknas.")
    client.force_login(world.lena)

    html = client.get("/tillsyn/").content.decode()

    assert HOTEL in html and "Skylt saknas." in html
    assert "/tillsyn/2506/nytt-besok/" not in html


def test_it_hides_arjeplogs_visits_from_charlie(client, world, hotel, shop):
    visit(hotel, world.bob, findings="Skylt saknas.")
    visit(shop, world.charlie)
    client.force_login(world.charlie)

    html = client.get("/tillsyn/").content.decode()

    assert HOTEL not in html and "Butiken Torget" in html
    assert "/tillsyn/2505/nytt-besok/" in html and "/tillsyn/2506/" not in html


def test_it_lets_the_police_contact_record_in_both_municipalities(client, world, hotel, shop):
    client.force_login(world.bob)

    for code, obj in [("2506", hotel), ("2505", shop)]:
        response = client.post(
            f"/tillsyn/{code}/nytt-besok/", {"object": obj.pk, "visited_on": "2025-04-02", "kind": "yttre"}
        )
        assert response.status_code == 302
    assert Visit.objects.filter(recorded_by=world.bob).count() == 2
