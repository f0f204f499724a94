"""The SOL export reader, without a database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan.sources.bra.parse import (
    DUPLICATE,
    EMPTY,
    NOT_A_NUMBER,
    normalise_period,
    parse_count,
    parse_export,
    parse_rate,
)
from tests.sources.bra.helpers import REGIONS

HEADER = "Brott\tRegion\tÅr\tPeriod\tAntal\t/100 000 inv"


def parse(*lines: str, known: dict[str, str | None] | None = None):
    return parse_export("\n".join(lines), regions=REGIONS, known_parents=known or {})


@pytest.mark.parametrize(
    ("text", "count"),
    [("0", 0), ("12", 12), ("1 234", 1234), ("1\u00a0234", 1234), ("1\u202f234", 1234), ("1 467\u00a0712", 1467712)],
)
def test_it_reads_counts_with_thousands_separators(text, count):
    assert parse_count(text) == count


@pytest.mark.parametrize(
    ("text", "rate"),
    [("12", Decimal("12")), ("817,1", Decimal("817.1")), ("1 234,5", Decimal("1234.5")), ("13\u00a0909,6", "13909.6")],
)
def test_it_reads_rates_with_a_decimal_comma(text, rate):
    assert parse_rate(text) == Decimal(rate)


def test_it_reads_two_dots_as_missing():
    assert parse_count("..") is None
    assert parse_rate("..") is None


@pytest.mark.parametrize("text", ["12x", "1.234", "-3", "12,5", "", "n/a"])
def test_it_refuses_a_count_that_is_not_a_whole_number(text):
    with pytest.raises(ValueError):
        parse_count(text)


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from([" ", "\u00a0", "\u202f"]))
def test_it_reads_any_count_grouped_by_thousands(number, separator):
    assert parse_count(f"{number:,}".replace(",", separator)) == number


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Jan-dec", "helår"),
        ("Helår", "helår"),
        ("", "helår"),
        ("Jan – mar", "jan-mar"),
        ("Kvartal 1", "kvartal 1"),
        ("Mars", "mars"),
    ],
)
def test_it_normalises_periods(text, period):
    assert normalise_period(text) == period


@pytest.mark.parametrize(
    ("year", "period", "preliminary"),
    [
        ("2025 prel", "Jan-dec", True),
        ("2025prel", "Jan-dec", True),
        ("2025 Prel.", "Jan-dec", True),
        ("2025", "Jan-jun prel", True),
        ("2025", "Jan-dec", False),
    ],
)
def test_it_marks_preliminary_figures(year, period, preliminary):
    (row,) = parse(HEADER, f"Misshandel\tArjeplog kommun\t{year}\t{period}\t12\t466,9").rows
    assert (row.year, row.preliminary) == (2025, preliminary)
    assert row.period in {"helår", "jan-jun"}


def test_it_skips_title_lines_and_trailing_notes():
    parsed = parse(
        "Anmälda brott, antal och per 100 000 inv",
        "Urval: Arjeplog",
        HEADER,
        "Misshandel\tArjeplog kommun\t2024\tJan-dec\t24\t933,9",
        "",
        "Källa: Brottsförebyggande rådet",
        "Uppgifterna för 2025 är preliminära.",
    )
    assert parsed.problems == []
    assert [(row.line, row.category, row.count) for row in parsed.rows] == [(4, "Misshandel", 24)]


def test_it_reports_a_short_line_between_rows():
    parsed = parse(
        HEADER,
        "Misshandel\tArjeplog kommun\t2024\tJan-dec\t24\t933,9",
        "Se fotnot",
        "Klotter\tArjeplog kommun\t2024\tJan-dec\t9\t350,2",
    )
    assert parsed.problems == [(3, "Region", EMPTY), (3, "År", EMPTY), (3, "Antal", EMPTY), (3, "/100 000 inv", EMPTY)]


def test_it_accepts_the_header_in_any_case_and_spacing():
    parsed = parse("brott;REGION; År ;period;ANTAL;/100000 Inv", "Klotter;Hela landet;2024;Jan-dec;48 233;457,1")
    assert [(row.region_code, row.count, row.per_100k) for row in parsed.rows] == [("00", 48233, Decimal("457.10"))]


def test_it_does_without_the_rate_and_period_columns():
    (row,) = parse("Brott\tRegion\tÅr\tAntal", "Klotter\tArjeplog kommun\t2024\t9").rows
    assert (row.period, row.count, row.per_100k) == ("helår", 9, None)


def test_it_leaves_out_echoed_ancestors_but_keeps_a_missing_leaf():
    parsed = parse(
        HEADER,
        "Totalt antal brott\tArjeplog kommun\t2024\tJan-dec\t..\t..",
        "Brott mot brottsbalken\tArjeplog kommun\t2024\tJan-dec\t..\t..",
        "Misshandel\tArjeplog kommun\t2024\tJan-dec\t24\t933,9",
        "Klotter\tArjeplog kommun\t2024\tJan-dec\t..\t..",
        "Brott mot brottsbalken\tArjeplog kommun\t2023\tJan-dec\t..\t..",
    )
    assert [(row.line, row.category, row.count) for row in parsed.rows] == [
        (4, "Misshandel", 24),
        (5, "Klotter", None),
        (6, "Brott mot brottsbalken", None),
    ]


def test_it_derives_parents_from_indentation():
    parsed = parse(
        HEADER,
        "Totalt antal brott\tArjeplog kommun\t2024\tJan-dec\t341\t13 268,5",
        "  Brott mot brottsbalken\tArjeplog kommun\t2024\tJan-dec\t290\t11 284,0",
        "    Våldtäkt\tArjeplog kommun\t2024\tJan-dec\t..\t..",
        "    Skadegörelse\tArjeplog kommun\t2024\tJan-dec\t30\t1 167,3",
        "  Vapenlagen\tArjeplog kommun\t2024\tJan-dec\t4\t155,6",
    )
    assert parsed.parents == {
        "Totalt antal brott": None,
        "Brott mot brottsbalken": "Totalt antal brott",
        "Våldtäkt": "Brott mot brottsbalken",
        "Skadegörelse": "Brott mot brottsbalken",
        "Vapenlagen": "Totalt antal brott",
    }


def test_it_reports_the_same_figure_twice():
    parsed = parse(
        HEADER,
        "Klotter\tArjeplog kommun\t2024\tJan-dec\t9\t350,2",
        "Klotter\tArjeplog kommun\t2024\tHelår\t10\t389,1",
    )
    assert parsed.problems == [(3, "Brott", DUPLICATE.format(line=2))]


def test_it_quotes_the_cell_that_is_not_a_number():
    parsed = parse(HEADER, "Klotter\tArjeplog kommun\t2024\tJan-dec\t9\t3,50,2")
    assert parsed.problems == [(2, "/100 000 inv", NOT_A_NUMBER.format(value="3,50,2"))]
    assert parsed.rows == []
