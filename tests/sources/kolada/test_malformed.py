from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from .conftest import DATA, run, state


def failing(path) -> list[str]:
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"^nothing was imported: \d+ problem\(s\)$"):
        call_command("import_kolada", str(path), stdout=io.StringIO(), stderr=err)
    return err.getvalue().splitlines()


@pytest.mark.usefixtures("in_english")
def test_it_reports_every_problem_by_entry_and_field_and_imports_nothing(world):
    run(DATA / "kolada_arjeplog.json")
    before = state()
    assert failing(DATA / "kolada_malformed.json") == [
        "kolada_malformed.json:2: municipality: '25' is not a Kolada municipality or region id",
        "kolada_malformed.json:2: period: '20x3' is not a year",
        "kolada_malformed.json:3: values[1].gender: unknown gender 'X' (expected T, K or M)",
        "kolada_malformed.json:4: values[0].value: 'n/a' is not a number",
        "kolada_malformed.json:5: municipality: unknown municipality '9999'",
        "kolada_malformed.json:6: kpi: is missing",
    ]
    assert state() == before


@pytest.mark.usefixtures("in_english")
def test_it_refuses_an_error_page_saved_instead_of_json(world, tmp_path):
    path = tmp_path / "kolada.json"
    path.write_text("<html><body>503 Service Unavailable</body></html>")
    before = state()
    assert failing(path) == ["kolada.json: json: is not valid JSON: Expecting value: line 1 column 1 (char 0)"]
    assert state() == before


@pytest.mark.usefixtures("in_english")
def test_it_refuses_a_value_repeated_in_the_file(world, tmp_path):
    entry = '{"kpi": "N07403", "municipality": "2506", "period": 2023, "values": [{"gender": "T", "value": 1.0}]}'
    path = tmp_path / "kolada.json"
    path.write_text(f'{{"count": 2, "values": [{entry}, {entry}]}}')
    assert failing(path) == ["kolada.json:2: values: N07403 2506 2023 T repeats kolada.json:1"]
    assert state()[1] == 0
