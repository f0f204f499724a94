from __future__ import annotations

import pytest

from samverkan.sources.indicators.parse import IndicatorRow, parse_indicators
from samverkan.sources.parsing import Problems, Source

from .conftest import DATA


def parse(path) -> tuple[list[IndicatorRow], list[str]]:
    problems = Problems(path.name)
    rows = parse_indicators(Source(str(path), path.read_bytes()), problems)
    return rows, [str(problem) for problem in problems.items]


def test_it_reads_a_utf8_comma_file_with_empty_values_and_n():
    rows, problems = parse(DATA / "can_arjeplog.csv")
    assert problems == []
    assert rows[0] == IndicatorRow(
        2, "Alkoholkonsumenter, årskurs 9", "Arjeplog", 2024, 38.5, 26, "CAN Skolelevers drogvanor Norrbotten 2024"
    )
    assert rows[5] == IndicatorRow(
        7, "Tillsynsbesök alkohol (antal)", "Arjeplog", 2024, 14.0, None, "Kommunens tillsynsregister"
    )
    assert rows[6] == IndicatorRow(8, "Rökare, årskurs 9", "Arjeplog", 2025, None, None, "För få svar för att redovisa")


def test_it_reads_an_iso_8859_1_semicolon_file_with_decimal_commas():
    rows, problems = parse(DATA / "can_arvidsjaur_latin1.csv")
    assert problems == []
    assert [(row.indicator, row.municipality, row.year, row.value, row.n) for row in rows] == [
        ("Snusare, årskurs 9", "Arvidsjaur", 2024, 14.3, 56),
        ("Snusare, årskurs 9", "2505", 2025, 12.0, 49),
        ("Andel tillsynsbesök med brister (%)", "Arvidsjaurs kommun", 2024, 18.8, 16),
        ("Spel om pengar, gymnasiet år 2", "Arvidsjaur", 2024, None, 41),
    ]


@pytest.mark.usefixtures("in_english")
def test_it_refuses_another_header():
    assert parse(DATA / "bad_header.csv") == (
        [],
        ["bad_header.csv:1: header: expected indicator,municipality,year,value,n,source"],
    )


@pytest.mark.usefixtures("in_english")
def test_it_refuses_a_personnummer_in_the_source_note(tmp_path):
    path = tmp_path / "can.csv"
    path.write_text("indicator,municipality,year,value,n,source\nRökare,Arjeplog,2024,9.5,21,Svar från 19900101-1234\n")
    assert parse(path) == ([], ["can.csv:2: source: contains a personal identity number; remove it"])
