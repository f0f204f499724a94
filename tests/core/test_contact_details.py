"""Public free text refuses a phone number or an e-mail address in the ways Swedes write them, and leaves the
numbers of an ordinary text alone (issue 12: "Ring Anna på 070-1234567" must never reach a public page).

Pure: the rule of samverkan.core.privacy, no database. The guarded fields that use it are tested in
test_free_text_guard.py, the suggestion form in tests/planning/promises/test_guarded_texts.py.
"""

from __future__ import annotations

import pytest

from samverkan.core.privacy import contains_contact_details

PHONE_NUMBERS = [
    "Ring Anna på 070-1234567",
    "070-123 45 67",
    "0701234567",
    "070 123 45 67",
    "070–123 45 67",  # en dash
    "070 - 123 45 67",  # a spaced dash
    "+46 70 123 45 67",
    "+46701234567",
    "+46 (0)70-123 45 67",
    "0046 70 123 45 67",
    "(070) 123 45 67",
    "0961-123 45",  # Arjeplog's area code, a five-digit number
    "0961-12345",
    "08-123 456 78",
    "08-12345678",
    "Tel:070-1234567",  # after a label's colon, with no space
    "tel.0701234567",
    "mobil: 070-123 45 67",
    "Anna,0701234567",
    "sms:a 0701234567!",
]

E_MAIL_ADDRESSES = [
    "anna.svensson@example.se",
    "anna@example.se.",
    "anna (at) example.se",
    "anna[at]example.se",
]

ORDINARY = [
    "Sedan 2019 har det blivit sämre",
    "Mellan 2019 och 2024",
    "Handlingsplan 2023–2026",
    "Det kostade 1 500 kr",
    "Budget 12 050 000 000 kr",
    "Kameror för 250 000 kr",
    "Öppet kl 19-21 på fredagar",
    "kl. 19.00–21.00",
    "08-17 på vardagar",
    "Den 2026-11-30 var det stökigt",
    "30/11 2026",
    "Vecka 47, 2026-11-16 – 2026-11-22",
    "Storgatan 12, 938 31 Arjeplog",
    "Postnummer 938 31",
    "SE-938 31 Arjeplog",
    "Lgh 1102",
    "Ordernummer 123-456-7890",
    "Hastigheten 0,5 km från skolan",
    "3.0701 meter",
]


@pytest.mark.parametrize("text", PHONE_NUMBERS)
def test_it_finds_a_phone_number(text):
    assert contains_contact_details(text)
    assert contains_contact_details(f"Otryggt vid torget. {text} efter 22.")


@pytest.mark.parametrize("text", E_MAIL_ADDRESSES)
def test_it_finds_an_e_mail_address(text):
    assert contains_contact_details(f"Svara till {text}")


@pytest.mark.parametrize("text", ORDINARY)
def test_it_leaves_the_numbers_of_an_ordinary_text_alone(text):
    assert not contains_contact_details(text)
