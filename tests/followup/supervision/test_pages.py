"""The visit and object forms: what is typed is kept on an error, the test purchase note, the checklist."""

from __future__ import annotations

from django.utils import translation

from samverkan.followup.supervision.forms import TEST_PURCHASE_NOTE
from samverkan.followup.supervision.models import TEST_PURCHASE_FINDINGS, SupervisedObject, Visit
from samverkan.sources.indicators.models import IndicatorValue

NEW_VISIT = "/tillsyn/2506/nytt-besok/"


def test_it_says_on_the_form_that_a_test_purchase_records_dialogue_only(client, world, hotel):
    client.force_login(world.alice)
    translation.activate("sv")

    html = client.get(NEW_VISIT, HTTP_ACCEPT_LANGUAGE="sv").content.decode()

    assert str(TEST_PURCHASE_NOTE) in html
    assert html.count('name="check_') == 7


def test_it_keeps_what_was_typed_when_a_test_purchase_has_findings(client, world, hotel):
    client.force_login(world.alice)
    data = {
        "object": hotel.pk,
        "visited_on": "2025-09-10",
        "kind": "kontrollkop",
        "findings": "Sanktion: varning",
        "follow_up": "Dialog",
    }

    response = client.post(NEW_VISIT, data)

    assert response.status_code == 400
    assert response.context["form"].errors == {"findings": [str(TEST_PURCHASE_FINDINGS)]}
    assert response.context["form"]["findings"].value() == "Sanktion: varning"
    assert not Visit.objects.exists()


def test_it_records_a_visit_with_its_checklist_and_updates_the_indicators(client, world, hotel):
    client.force_login(world.alice)
    data = {
        "object": hotel.pk,
        "visited_on": "2025-02-21",
        "kind": "yttre",
        "joint_with_police": "on",
        "check_manager_present": "nej",
        "check_food_served": "ja",
        "findings": "Serveringsansvarig saknades.",
        "follow_up": "Nytt besök inom en månad.",
    }

    response = client.post(NEW_VISIT, data)

    assert response.status_code == 302 and response["Location"] == "/tillsyn/"
    recorded = Visit.objects.get()
    assert recorded.checklist == {"manager_present": "nej", "food_served": "ja"}
    assert (recorded.joint_with_police, recorded.announced, recorded.recorded_by) == (True, False, world.alice)
    assert IndicatorValue.objects.get(indicator__key="andel-tillsynsbesok-med-brister", year=2025).value == 100.0


def test_it_adds_an_object_and_refuses_a_personnummer(client, world):
    client.force_login(world.alice)

    refused = client.post("/tillsyn/2506/nytt-objekt/", {"name": "Kiosk 850512-1234", "permit": "tobak"})
    added = client.post("/tillsyn/2506/nytt-objekt/", {"name": "Kiosken", "permit": "tobak", "address": "Torget"})

    assert refused.status_code == 400 and refused.context["form"]["name"].value() == "Kiosk 850512-1234"
    assert added.status_code == 302 and added["Location"] == NEW_VISIT
    assert list(SupervisedObject.objects.values_list("name", "permit", "municipality")) == [
        ("Kiosken", "tobak", world.arjeplog.id)
    ]
