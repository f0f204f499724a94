from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan.core.privacy import SUPPRESSED, contains_personnummer, share_visible, suppress_count


@pytest.mark.parametrize(
    "text",
    [
        "Pojke 19850512-1234 sprayade",
        "gärningsman 850512-1234",
        "850512+1234 (över 100 år)",
        "id 8505121234 i anteckning",
        "198505121234",
        "samordningsnummer 850572-1234",
        "850512 1234",
    ],
)
def test_it_finds_a_personnummer(text):
    assert contains_personnummer(text)


@pytest.mark.parametrize(
    "text",
    [
        "Klotter på busskuren vid Storgatan 12",
        "Krossad ruta, skada ca 1500 kr, vecka 12",
        "Datum 2025-05-12 kl 12.30",
        "Ordernummer 123-456-7890",
        "851312-1234",  # month 13: not a date
        "12345678901234",
    ],
)
def test_it_leaves_ordinary_text_alone(text):
    assert not contains_personnummer(text)


@given(
    year=st.integers(1900, 2029),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    last=st.integers(0, 9999),
    century=st.booleans(),
    sep=st.sampled_from(["", "-", "+"]),
)
def test_it_finds_every_shape_of_a_valid_number(year, month, day, last, century, sep):
    digits = f"{year:04d}" if century else f"{year % 100:02d}"
    assert contains_personnummer(f"text {digits}{month:02d}{day:02d}{sep}{last:04d} text")


@pytest.mark.parametrize(
    ("count", "owner", "shown"),
    [(0, False, 0), (1, False, SUPPRESSED), (2, False, SUPPRESSED), (3, False, 3), (1, True, 1), (2, True, 2)],
)
def test_it_suppresses_small_counts_outside_the_owner(count, owner, shown):
    assert suppress_count(count, owner=owner) == shown


def test_it_shows_shares_from_ten_respondents_outside_the_owner():
    assert not share_visible(9, owner=False)
    assert share_visible(10, owner=False)
    assert share_visible(1, owner=True)
