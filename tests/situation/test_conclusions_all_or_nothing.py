"""The conclusions are saved together or not at all (issue 10: a personnummer gave a 500 after a partial write)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samverkan.core.privacy import PERSONNUMMER_REFUSED
from samverkan.situation import services
from samverkan.situation.models import Conclusion
from samverkan.situation.selectors import Period

QUERY = "?start=2025-01-01&end=2025-12-31"
YEAR = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
WITH_PERSONNUMMER = "Anmälaren 850101-1234 såg det"


def stored() -> dict[str, str]:
    return dict(Conclusion.objects.values_list("problem", "text"))


@pytest.fixture
def summary(world) -> None:
    services.conclusions_save(municipality=world.arjeplog, period=YEAR, texts={"": "Klottret ökar."}, by=world.alice)


def post(client, user, data: dict, query: str = QUERY):
    client.force_login(user)
    return client.post(reverse("situation_municipality", args=["2506"]) + query, data)


def test_it_writes_nothing_and_shows_the_error_when_one_text_holds_a_personnummer(client, world, summary):
    data = {"conclusion-": "Klottret ökar i centrum.", "problem": ["Klotter"], "conclusion-Klotter": WITH_PERSONNUMMER}
    response = post(client, world.alice, data)
    assert response.status_code == 400
    assert response.context["conclusions_form"].errors == {"conclusion-Klotter": [str(PERSONNUMMER_REFUSED)]}
    assert stored() == {"": "Klottret ökar."}
    body = response.content.decode()
    assert "Klottret ökar i centrum." in body  # what was typed stays on the page, to be corrected


def test_it_writes_nothing_for_a_problem_named_with_a_personnummer(client, world, summary):
    data = {"conclusion-": "Ny summering.", "problem": ["850101-1234"], "conclusion-850101-1234": "Text"}
    response = post(client, world.alice, data)
    assert response.status_code == 400
    assert stored() == {"": "Klottret ökar."}


def test_it_writes_nothing_for_a_period_outside_the_supported_days(client, world, summary):
    response = post(client, world.alice, {"conclusion-": "Ny summering."}, query="?start=0001-01-01&end=2025-12-31")
    assert response.status_code == 400
    assert stored() == {"": "Klottret ökar."}


def test_it_saves_every_text_when_all_are_clean(client, world, summary):
    data = {"conclusion-": "Ny summering.", "problem": ["Klotter"], "conclusion-Klotter": "Mest vid torget."}
    response = post(client, world.alice, data)
    assert response.status_code == 302
    assert stored() == {"": "Ny summering.", "Klotter": "Mest vid torget."}


def test_the_service_names_the_refused_problem_and_writes_nothing(world, summary):
    texts = {"": "Ny summering.", "Klotter": WITH_PERSONNUMMER}
    with pytest.raises(ValidationError) as refused:
        services.conclusions_save(municipality=world.arjeplog, period=YEAR, texts=texts, by=world.alice)
    assert refused.value.message_dict == {"Klotter": [str(PERSONNUMMER_REFUSED)]}
    assert stored() == {"": "Klottret ökar."}
