"""Moving an agreement's texts to the next period (samverkan.agreements.lib.periods): no stale date is copied."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from samverkan.agreements import agreement_2023
from samverkan.agreements.lib.periods import MONTHS, Period, move_day, next_period, references, retitle, rewrite

OLD = Period(datetime.date(2023, 6, 1), datetime.date(2026, 12, 31))
NEW = Period(datetime.date(2027, 1, 1), datetime.date(2030, 12, 31))


def test_it_proposes_four_years_from_the_day_after_the_end():
    assert next_period(OLD) == NEW
    assert next_period(Period(datetime.date(2024, 3, 1), datetime.date(2028, 2, 29))) == Period(
        datetime.date(2028, 3, 1), datetime.date(2032, 2, 29)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kommande period 2023–2026.", "kommande period 2027–2030."),
        ("Samverkansöverenskommelse del 1 2023-2026", "Samverkansöverenskommelse del 1 2027-2030"),
        ("perioden 2023 – 2026", "perioden 2027 – 2030"),
        ("från 2023 till 2026", "från 2027 till 2030"),
        ("2023–26", "2027–30"),
        ("till och med 31 december 2026.", "till och med 31 december 2030."),
        ("från 1 juni 2023", "från 1 januari 2027"),
        ("senast 2026-12-31", "senast 2030-12-31"),
        ("2023-06-01 – 2026-12-31", "2027-01-01 – 2030-12-31"),
        ("år 2026", "år 2030"),
        ("Under 2026 revideras den", "Under 2030 revideras den"),
        ("t.o.m. 2026", "t.o.m. 2030"),
        ("i december 2026", "i december 2030"),
        ("Uppföljning genomförs innan nytt avtal 2027.", "Uppföljning genomförs innan nytt avtal 2031."),
        ("handlingsplan 2025–2026", "handlingsplan 2029–2030"),
        ("uppföljning 15 maj 2025", "uppföljning 15 maj 2029"),
        # not references to the period: left alone
        ("lag (2023:196)", "lag (2023:196)"),
        ("statistik från 2022 och 2019–2022", "statistik från 2022 och 2019–2022"),
        ("år 2024", "år 2024"),
        ("telefon 0961-140 00", "telefon 0961-140 00"),
        ("31 februari 2026", "31 februari 2026"),
    ],
)
def test_it_rewrites_each_kind_of_reference(text, expected):
    assert rewrite(text, OLD, NEW) == expected


def test_it_leaves_no_reference_to_the_old_period_in_the_2023_agreement():
    texts = [
        agreement_2023.TITLE,
        *(body for _, body in agreement_2023.SECTIONS),
        *(c["text"] for c in agreement_2023.COMMITMENTS),
        *(value for item in agreement_2023.COMMUNICATION_PLAN for value in item.values()),
    ]
    found = [ref for text in texts for ref in references(text, OLD)]
    assert {"2023–2026", "31 december 2026", "nytt avtal 2027"} <= set(found)
    moved = [rewrite(text, OLD, NEW) for text in texts]
    assert [ref for text in moved for ref in references(text, OLD)] == []
    joined = "\n".join(moved)
    assert "kommande period 2027–2030" in joined
    assert "till och med 31 december 2030" in joined
    assert "innan nytt avtal 2031" in joined
    assert "2026" not in joined


def test_it_retitles_with_the_new_years():
    assert retitle(agreement_2023.TITLE, OLD, NEW).endswith("Arvidsjaurs kommun 2027–2030")
    assert retitle("Del 2 – Arjeplog", OLD, NEW) == "Del 2 – Arjeplog (2027–2030)"


def test_it_refuses_a_period_that_ends_before_it_starts():
    with pytest.raises(ValueError):
        Period(datetime.date(2027, 1, 1), datetime.date(2026, 12, 31))


days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2080, 12, 31))


@st.composite
def periods(draw) -> tuple[Period, Period]:
    start = draw(days)
    old = Period(start, start + datetime.timedelta(days=draw(st.integers(30, 6 * 366))))
    gap = draw(st.integers(1, 400))
    new_start = old.end + datetime.timedelta(days=gap)
    new = Period(new_start, new_start + datetime.timedelta(days=draw(st.integers(30, 6 * 366))))
    assume(new.end.year > old.end.year)  # the next agreement's period ends in a later year
    return old, new


@given(periods(), st.data())
def test_it_never_copies_a_stale_reference(pair, data):
    old, new = pair
    inside = data.draw(st.dates(min_value=old.start, max_value=old.end))
    text = (
        f"Gäller {old.start.year}–{old.end.year}, från {old.start.isoformat()} till och med "
        f"{old.end.day} {MONTHS[old.end.month - 1]} "
        f"{old.end.year}; möte {inside.isoformat()}; revideras år {old.end.year} innan nytt avtal {old.end.year + 1}."
    )
    assert references(text, old)
    moved = rewrite(text, old, new)
    assert references(moved, old) == []
    assert new.end.isoformat() in moved or f"{new.end.year}" in moved


@given(periods(), days)
def test_it_moves_a_day_of_the_old_period_into_the_new_one(pair, day):
    old, new = pair
    if old.start <= day <= old.end:
        assert new.start <= move_day(day, old, new) <= new.end
    assert move_day(old.start, old, new) == new.start and move_day(old.end, old, new) == new.end
