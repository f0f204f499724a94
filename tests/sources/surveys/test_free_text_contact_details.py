"""The survey's free text refuses a phone number or an e-mail address: the answer is anonymous (issue 10)."""

from __future__ import annotations

import pytest

from samverkan.core.privacy import CONTACT_DETAILS_REFUSED, PERSONNUMMER_REFUSED
from samverkan.sources.surveys.models import Response
from tests.sources.surveys.test_answering import ANSWERS, arjeplog_wave, url


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("Otryggt vid torget, ring 070-123 45 67", CONTACT_DETAILS_REFUSED),
        ("Skriv till anna.svensson@example.se", CONTACT_DETAILS_REFUSED),
        ("Grannen 850512–1234 stör", PERSONNUMMER_REFUSED),
        ("Grannen 850512\t1234 stör", PERSONNUMMER_REFUSED),
    ],
)
def test_it_refuses_contact_details_and_personnummer(client, world, text, refusal):
    response = client.post(url(arjeplog_wave(world)), {**ANSWERS, "free_text": text})
    assert response.status_code == 400
    assert str(refusal) in response.content.decode()
    assert not Response.objects.exists()


def test_it_takes_an_ordinary_free_text(client, world):
    text = "Mörkt vid busskuren på Storgatan efter kl 22, sedan 2023–2026"
    response = client.post(url(arjeplog_wave(world)), {**ANSWERS, "free_text": text})
    assert response.status_code == 302
    assert Response.objects.get().free_text == text
