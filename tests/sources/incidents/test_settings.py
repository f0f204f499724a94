from __future__ import annotations

from django.urls import reverse

from samverkan.organisations.models import FocusArea, NamedPlace
from samverkan.sources.incidents.models import IncidentCategory
from samverkan.sources.incidents.selectors import STANDARD_CATEGORIES


def formset_data(response) -> dict:
    """What the browser sends back of the page's categories and places, as they are shown."""
    data = {}
    for formset in (response.context["categories"], response.context["places"]):
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(formset.total_form_count())
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
        for form in formset:
            for name in form.fields:
                value = form[name].value()
                if value is True:
                    data[form.add_prefix(name)] = "on"
                elif value is not None and value is not False:
                    data[form.add_prefix(name)] = str(value)
    return data


def test_it_lets_the_coordinator_add_a_category_and_a_place(client, world):
    client.force_login(world.alice)
    url = reverse("incident_settings", args=["2506"])
    page = client.get(url)
    assert page.status_code == 200
    andts = FocusArea.objects.get(short_name="ANDT-S")
    data = formset_data(page)
    n = len(STANDARD_CATEGORIES)
    data |= {
        f"categories-{n}-name": "Langning av alkohol",
        f"categories-{n}-focus_area": str(andts.pk),
        f"categories-{n}-active": "on",
        f"categories-{n}-order": "20",
        "places-0-name": "Slagnäs skola",
        "places-0-kind": "school",
        "places-0-lat": "65.57",
        "places-0-lng": "17.36",
    }
    data.pop("categories-0-active")  # the first standard category is no longer used
    response = client.post(url, data)
    assert response.status_code == 302
    added = IncidentCategory.objects.get(municipality=world.arjeplog, name="Langning av alkohol")
    assert added.focus_area == andts
    assert not IncidentCategory.objects.get(municipality=world.arjeplog, name=STANDARD_CATEGORIES[0][0]).active
    school = NamedPlace.objects.get(name="Slagnäs skola")
    assert (school.municipality, school.kind) == (world.arjeplog, "school")
    stored = IncidentCategory.objects.filter(municipality=world.arjeplog).values_list("name", flat=True)
    assert list(stored) == [name for name, _area in STANDARD_CATEGORIES] + ["Langning av alkohol"]


def test_it_keeps_the_form_when_a_place_is_incomplete(client, world):
    client.force_login(world.alice)
    url = reverse("incident_settings", args=["2506"])
    data = formset_data(client.get(url)) | {"places-0-name": "Torget", "places-0-lat": "66.05", "places-0-lng": ""}
    response = client.post(url, data)
    assert response.status_code == 400
    assert 'value="Torget"' in response.content.decode()
    assert not NamedPlace.objects.exists()


def test_it_answers_404_to_everyone_who_may_not_change_arjeplog(client, world):
    for user in (world.charlie, world.lena):
        client.force_login(user)
        assert client.get(reverse("incident_settings", args=["2506"])).status_code == 404
