from __future__ import annotations

import json

import pytest

from samverkan.sources.kolada.parse import KoladaValue, parse_kolada, region_code
from samverkan.sources.parsing import Problems


def parse(document) -> tuple[list[KoladaValue], list[str]]:
    problems = Problems("kolada.json")
    page = parse_kolada(json.dumps(document), problems)
    return page.values, [str(problem) for problem in problems.items]


def test_it_maps_kolada_ids_to_region_codes():
    assert region_code("2506") == "2506"
    assert region_code("0025") == "25"
    assert region_code("0000") == "00"
    assert region_code("0099") is None
    assert region_code("25") is None
    assert region_code("Arjeplog") is None


def test_it_keeps_a_null_value_as_missing():
    entry = {
        "kpi": "N31807",
        "municipality": "2506",
        "period": 2024,
        "values": [
            {"count": 0, "gender": "K", "status": "", "value": None},
            {"count": 1, "gender": "T", "status": "", "value": 2.2},
        ],
    }
    values, problems = parse({"count": 1, "values": [entry]})
    assert problems == []
    assert values == [
        KoladaValue(1, "N31807", "2506", 2024, "K", None, ""),
        KoladaValue(1, "N31807", "2506", 2024, "T", 2.2, ""),
    ]


def test_it_returns_the_next_page_of_v2_and_v3():
    problems = Problems("kolada.json")
    v3 = parse_kolada(json.dumps({"values": [], "next_url": "https://api.kolada.se/v3/x?page=2"}), problems)
    assert v3.next_page == "https://api.kolada.se/v3/x?page=2"
    page = parse_kolada(
        json.dumps({"count": 0, "values": [], "next_page": "https://api.kolada.se/v2/x?page=2"}), problems
    )
    assert page.next_page == "https://api.kolada.se/v2/x?page=2"


@pytest.mark.usefixtures("in_english")
def test_it_reports_what_is_not_kolada_json():
    assert parse([1, 2])[1] == ['kolada.json: values: expected an object with a list of "values"']
    problems = Problems("kolada.json")
    parse_kolada("<html>Service Unavailable</html>", problems)
    assert [str(p) for p in problems.items] == [
        "kolada.json: json: is not valid JSON: Expecting value: line 1 column 1 (char 0)"
    ]


@pytest.mark.usefixtures("in_english")
def test_it_reports_bad_entries_by_their_index():
    good = {"count": 1, "gender": "T", "status": "", "value": 1.0}
    _values, problems = parse(
        {
            "values": [
                "N07403",
                {"kpi": "n07403", "municipality": 2506, "period": True, "values": [good]},
                {"kpi": "N07403", "municipality": "2506", "period": 2023, "values": {"gender": "T"}},
                {
                    "kpi": "N07403",
                    "municipality": "2506",
                    "period": "2023",
                    "values": [good, {"gender": "T", "value": True}],
                },
            ]
        }
    )
    assert problems == [
        "kolada.json:1: values: expected an object with kpi, municipality, period and values",
        "kolada.json:2: kpi: 'n07403' is not a Kolada KPI id",
        "kolada.json:2: municipality: 2506 is not a Kolada municipality or region id",
        "kolada.json:2: period: True is not a year",
        "kolada.json:3: values: expected a list of values per gender",
        "kolada.json:4: values[1].value: True is not a number",
    ]
