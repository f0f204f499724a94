"""Figures in Swedish and English: fixed decimals per kind, decimal comma, a thin space between thousands."""

from __future__ import annotations

from decimal import Decimal

import pytest

from samverkan.core import numbers
from samverkan.core.numbers import figure, fixed

T = "\u202f"  # narrow no-break space
NB = "\u00a0"


@pytest.mark.parametrize(
    ("value", "kind", "swedish", "english"),
    [
        (12345, "count", f"12{T}345", "12,345"),
        (1234567, "count", f"1{T}234{T}567", "1,234,567"),
        (999, "count", "999", "999"),
        (1000, "count", f"1{T}000", "1,000"),
        (7, "count", "7", "7"),
        (4.3333, "average", "4,3", "4.3"),
        (4.25, "rate", "4,3", "4.3"),  # half away from zero, not to even
        (4.35, "rate", "4,4", "4.4"),  # 4.35 is 4.3499… in binary: rounded on the decimal figure
        (0.04, "rate", "0,0", "0.0"),
        (1234.56, "rate", f"1{T}234,6", "1,234.6"),
        (76.44, "index", "76,4", "76.4"),
        (76.0, "index", "76,0", "76.0"),
        (4.47, "mean", "4,5", "4.5"),
        (4.449, "mean", "4,4", "4.4"),
        (38.5, "percent", f"39{NB}%", "39%"),
        (0.385, "share", f"39{NB}%", "39%"),
        (0.125, "share", f"13{NB}%", "13%"),
        (7812.4, "per_100k", f"7{T}812", "7,812"),
        (2.675, "z", "2,68", "2.68"),
        (66.050164, "degrees", "66,05016", "66.05016"),
        (2.5, "decimal", "2,5", "2.5"),
        (Decimal("112.69"), "index", "112,7", "112.7"),
    ],
)
def test_it_writes_a_figure_of_each_kind(value, kind, swedish, english):
    assert figure(value, kind, "sv") == swedish
    assert figure(value, kind, "en") == english


@pytest.mark.parametrize(
    ("value", "kind", "swedish", "english"),
    [
        (-12345, "count", f"-12{T}345", "-12,345"),
        (-0.25, "rate", "-0,3", "-0.3"),  # away from zero on the negative side too
        (-0.04, "rate", "0,0", "0.0"),  # no minus on a zero
        (-0.4, "count", "0", "0"),
        (-1.96, "z", "-1,96", "-1.96"),
    ],
)
def test_it_writes_negative_figures(value, kind, swedish, english):
    assert figure(value, kind, "sv") == swedish
    assert figure(value, kind, "en") == english


def test_it_writes_nothing_as_a_dash_and_passes_a_written_mark():
    assert figure(None, "rate", "sv") == "–"
    assert figure(None, "count", "en") == "–"
    assert figure("<3", "count", "sv") == "<3"


def test_it_takes_swedish_for_every_spelling_of_it_and_as_the_default():
    for language in ("sv", "sv-se", "SV", None):
        assert figure(1234.5, "rate", language) == f"1{T}234,5"
    assert figure(1234.5, "rate", "en-gb") == "1,234.5"
    assert figure(1234.5, "rate") == f"1{T}234,5"


def test_it_refuses_an_unknown_kind_and_what_is_no_number():
    with pytest.raises(ValueError, match="unknown kind of figure 'ratio'"):
        figure(1, "ratio", "sv")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        fixed(True, 0)
    with pytest.raises(ValueError):
        fixed(float("nan"), 1)


def test_it_writes_an_axis_value_with_the_decimals_asked_for():
    assert fixed(2.5, 2, "sv") == "2,50"
    assert fixed(10000, 0, "sv") == f"10{T}000"
    assert fixed(0.125, 2, "en") == "0.13"


def test_every_kind_has_its_decimals():
    assert set(numbers.KINDS) == set(numbers.DECIMALS)
    assert numbers.DECIMALS["count"] == 0
    assert numbers.DECIMALS["rate"] == 1
    assert numbers.DECIMALS["index"] == 1
    assert numbers.DECIMALS["percent"] == 0


def test_it_writes_a_value_with_the_decimals_it_was_given():
    assert numbers.as_given(66.0519, "sv") == "66,0519"
    assert numbers.as_given(1234.5, "en") == "1,234.5"
    assert numbers.as_given(12, "sv") == "12"
    assert numbers.as_given(Decimal("2.50"), "sv") == "2,50"
    assert numbers.as_given(None, "sv") == "–"
