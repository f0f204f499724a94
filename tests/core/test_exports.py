"""Exports never hand a spreadsheet program a formula; the importers read the quote away again."""

from __future__ import annotations

import pytest

from samverkan.core.exports import csv_text, neutralise, unquote_cell


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_it_quotes_a_text_that_could_start_a_formula(text):
    assert neutralise(text) == "'" + text
    assert unquote_cell("'" + text) == text


@pytest.mark.parametrize("value", ["Klotter", "2025-01-01", "it's", "'quoted", -17.5, 3, None])
def test_it_leaves_other_cells_alone(value):
    assert neutralise(value) == value


def test_it_writes_numbers_as_numbers():
    assert csv_text(["a", "b"], [[-17.5, "-17.5"]]).splitlines() == ["a,b", "-17.5,'-17.5"]
