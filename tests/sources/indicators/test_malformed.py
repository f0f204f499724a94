from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from .conftest import DATA, run, state


def failing(path) -> list[str]:
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"^nothing was imported: \d+ problem\(s\)$"):
        call_command("import_indicators", str(path), stdout=io.StringIO(), stderr=err)
    return err.getvalue().splitlines()


@pytest.mark.usefixtures("in_english")
def test_it_reports_every_problem_by_line_and_imports_nothing(world):
    run(DATA / "can_arjeplog.csv")
    before = state()
    assert failing(DATA / "malformed.csv") == [
        "malformed.csv:3: year: '20x4' is not a year",
        "malformed.csv:4: municipality: unknown municipality 'Atlantis'",
        "malformed.csv:5: value: '12,5' is not a number",
        "malformed.csv:6: n: 'tjugo' is not a whole number",
        "malformed.csv:7: year: Alkoholkonsumenter, årskurs 9 2506 2024 repeats line 2",
    ]
    assert state() == before


@pytest.mark.usefixtures("in_english")
def test_it_refuses_a_file_with_another_header(world):
    before = state()
    assert failing(DATA / "bad_header.csv") == [
        "bad_header.csv:1: header: expected indicator,municipality,year,value,n,source"
    ]
    assert state() == before
