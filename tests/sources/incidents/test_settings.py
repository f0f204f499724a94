from __future__ import annotations

from django.urls import reverse

from samverkan.organisations.models import FocusArea
from samverkan.sources.incidents.models import IncidentCategory, NamedPlace
from samverkan.sources.incidents.services import STANDARD_CATEGORIES


def formset_data(world) -> dict:
    categories = list(IncidentCategory.objects.filter(municipality=world.arjeplog))
    data = {
        "categories-TOTAL_FORMS": str(len(categories) + 2),
        "categories-INITIAL_FORMS": str(len(categories)),
        "places-TOTAL_FORMS": "2",
        "places-INITIAL_FORMS": "0",
    }
    for extra in (len(categories), len(categories) + 1):  # the empty rows, as the browser sends them
        data |= {f"categories-{extra}-active": "on", f"categories-{extra}-order": "0"}
    for i, category in enumerate(categories):
        data |= {
            f"categories-{i}-id": str(category.pk),
            f"categories-{i}-name": category.name,
            f"categories-{i}-focus_area": str(category.focus_area_id or ""),
            f"categories-{i}-active": "on",
            f"categories-{i}-order": str(category.order),
        }
    return data


def test_it_lets_the_coordinator_add_a_category_and_a_place(client, world):
    client.force_login(world.alice)
    url = reverse("incident_settings", args=["2506"])
    assert client.get(url).status_code == 200
    andts = FocusArea.objects.get(short_name="ANDT-S")
    data = formset_data(world)
    n = len(STANDARD_CATEGORIES)
    data |= {
        f"categories-{n}-name": "Langning av alkohol",
        f"categories-{n}-focus_area": str(andts.pk),
        f"categories-{n}-active": "on",
        f"categories-{n}-order": "20",
        "places-0-name": "Slagnäs badplats",
        "places-0-lat": "65.57",
        "places-0-lng": "17.36",
    }
    data.pop("categories-0-active")  # the first standard category is no longer used
    response = client.post(url, data)
    assert response.status_code == 302
    added = IncidentCategory.objects.get(municipality=world.arjeplog, name="Langning av alkohol")
    assert added.focus_area == andts
    assert not IncidentCategory.objects.get(municipality=world.arjeplog, name=STANDARD_CATEGORIES[0][0]).active
    assert NamedPlace.objects.get(name="Slagnäs badplats").municipality == world.arjeplog


def test_it_keeps_the_form_when_a_place_is_incomplete(client, world):
    client.force_login(world.alice)
    url = reverse("incident_settings", args=["2506"])
    client.get(url)
    data = formset_data(world) | {"places-0-name": "Torget", "places-0-lat": "66.05", "places-0-lng": ""}
    response = client.post(url, data)
    assert response.status_code == 400
    assert 'value="Torget"' in response.content.decode()
    assert not NamedPlace.objects.exists()


def test_it_answers_404_to_everyone_who_may_not_change_arjeplog(client, world):
    for user in (world.charlie, world.lena):
        client.force_login(user)
        assert client.get(reverse("incident_settings", args=["2506"])).status_code == 404
