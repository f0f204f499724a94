"""A malformed file is reported in full and nothing is written."""

from __future__ import annotations

import pytest

from tests.sources.police_events.support import import_failing, import_file, tables


@pytest.mark.usefixtures("in_english")
def test_it_reports_every_problem_by_the_events_position_and_writes_nothing(world):
    import_file("events.json")
    before = tables()
    error, lines = import_failing("malformed.json")
    assert error == "nothing was imported: 4 problem(s)"
    assert lines == [
        "malformed.json:2: id: missing",
        "malformed.json:3: datetime: not a date and time like 2018-12-28 14:32:20 +01:00: '2023-09-26 21:43:02'",
        "malformed.json:4: id: not a whole number: '449422'",
        "malformed.json:5: location.gps: not a position like \"66.051505,17.890054\": '65.592077;19.180283'",
    ]
    assert tables() == before


@pytest.mark.usefixtures("in_english")
def test_it_refuses_a_file_that_is_not_json(world, tmp_path):
    import_file("events.json")
    before = tables()
    page = tmp_path / "events.json"
    page.write_text("<!DOCTYPE html><title>Polisen</title>", encoding="utf-8")
    error, lines = import_failing(page)
    assert error == "nothing was imported: 1 problem(s)"
    assert lines == ["events.json: file: not JSON: Expecting value: line 1 column 1 (char 0)"]
    assert tables() == before
