"""The promise set's title, units and signatories refuse a personnummer, and a citizen's suggestion a phone
number or an e-mail address (issue 10: the three public fields had no guard)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samverkan.core.privacy import CONTACT_DETAILS_REFUSED
from samverkan.planning.promises import services
from samverkan.planning.promises.models import PromiseSet, Suggestion
from tests.planning.promises.conftest import draft, published


def test_it_refuses_a_personnummer_with_an_en_dash_in_the_title(world):
    with pytest.raises(ValidationError) as refused:
        draft(world.arjeplog, world.alice, title="Medborgarlöfte 850101–1234")
    assert "title" in refused.value.message_dict
    assert not PromiseSet.objects.exists()


def test_it_refuses_a_personnummer_with_a_prefix_in_the_unit(world):
    with pytest.raises(ValidationError) as refused:
        published(world.arjeplog, world.alice, planned=10, unit="pnr-850101-1234")
    assert "unit" in refused.value.message_dict


@pytest.mark.parametrize(("name", "title"), [("Helena 850101\u00a01234", "Chef"), ("Helena", "Chef 850101 - 1234")])
def test_it_refuses_a_personnummer_in_a_signatory(world, name, title):
    promise_set = draft(world.arjeplog, world.alice)
    with pytest.raises(ValidationError):
        services.promise_signatory_add(
            promise_set=promise_set, name=name, title=title, signed_on=datetime.date(2025, 2, 20), by=world.alice
        )
    assert not promise_set.signatories.exists()


@pytest.mark.parametrize(
    "text", ["Ring mig på 070-123 45 67", "Ring Anna på 070-1234567", "Tel:0701234567", "Svara till anna@example.se"]
)
def test_it_refuses_contact_details_in_a_suggestion(client, world, text):
    promise = published(world.arjeplog, world.alice, planned=10).promises.get()
    response = client.post(
        reverse("suggestion_new", args=[promise.promise_set.municipality.code, promise.pk]), {"text": text}
    )
    assert response.status_code == 400
    assert str(CONTACT_DETAILS_REFUSED) in response.content.decode()
    assert not Suggestion.objects.exists()
