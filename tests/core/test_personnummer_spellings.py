"""The guard refuses a personnummer in every common spelling (issue 10: it missed the en dash, a
no-break space, a tab, "850101 - 1234" and "pnr-850101-1234"), and leaves ordinary texts alone."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from samverkan.core.fields import validate_no_personnummer
from samverkan.core.privacy import contains_contact_details, contains_personnummer

SPELLINGS = [
    "850101-1234",
    "850101–1234",  # en dash
    "850101−1234",  # minus sign
    "850101‑1234",  # no-break hyphen
    "850101+1234",
    "850101 1234",
    "850101\u00a01234",  # no-break space
    "850101\t1234",
    "850101 - 1234",
    "850101 – 1234",
    "8501011234",
    "19850101-1234",
    "19850101–1234",
    "198501011234",
    "pnr-850101-1234",
    "pnr:850101-1234",
    "pnr: 19850101 1234",
    "Pnr850101-1234",
    "850161-1234",  # samordningsnummer: day + 60
    "19850191 1234",
    # Looser spellings, refused because the checksum holds (811218-9876 is Skatteverket's example).
    "81 12 18-98 76",
    "1981-12-18-9876",
    "81.12.18 - 98 76",
]

ORDINARY = [
    "2025-01-01",
    "Datum 2025-05-12 kl 12.30",
    "Handlingsplan 2023–2026",
    "Polisen möter allmänheten 10 gånger",
    "Budget 1 444 863 kr, varav 250 000 kr till kameror",
    "Ordernummer 123-456-7890",
    "12345678901234",
    "851312-1234",  # month 13: not a date
    "81 12 18-98 75",  # a loose spelling with a wrong checksum
    "Vecka 47, 2026-11-16 – 2026-11-22",
]


@pytest.mark.parametrize("text", SPELLINGS)
def test_it_refuses_every_spelling(text):
    assert contains_personnummer(f"Anmälare {text} ringde")
    with pytest.raises(ValidationError):
        validate_no_personnummer(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_it_accepts_ordinary_texts(text):
    assert not contains_personnummer(text)


@given(
    year=st.integers(1900, 2029),
    month=st.integers(1, 12),
    day=st.integers(1, 28) | st.integers(61, 88),
    last=st.integers(0, 9999),
    century=st.booleans(),
    separator=st.sampled_from(["", "-", "–", "−", "+", " ", "\u00a0", "\t", " - ", " – "]),
    prefix=st.sampled_from(["", "pnr-", "pnr:", "pnr ", "personnr: "]),
)
def test_it_refuses_every_spelling_whatever_the_checksum(year, month, day, last, century, separator, prefix):
    digits = f"{year:04d}" if century else f"{year % 100:02d}"
    assert contains_personnummer(f"text {prefix}{digits}{month:02d}{day:02d}{separator}{last:04d} text")


CONTACT_DETAILS = [
    "ring 070-123 45 67",
    "0701234567",
    "+46 70 123 45 67",
    "+46 (0)70-123 45 67",
    "08-123 456 78",
    "anna.svensson@example.se",
    "anna (at) example.se",
]


@pytest.mark.parametrize("text", CONTACT_DETAILS)
def test_it_finds_contact_details(text):
    assert contains_contact_details(f"Otryggt vid torget, {text}")


@pytest.mark.parametrize("text", [*ORDINARY, "Storgatan 12, 938 31 Arjeplog", "Kl. 22.00 varje fredag"])
def test_it_finds_no_contact_details_in_ordinary_texts(text):
    assert not contains_contact_details(text)
