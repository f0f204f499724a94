"""Reading the feed into rows, without a database."""

from __future__ import annotations

import datetime
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan.sources.police_events.parse import EventRow, parse_events, type_display, type_key
from tests.sources.police_events.support import DATA

CET = datetime.timezone(datetime.timedelta(hours=1))
CEST = datetime.timezone(datetime.timedelta(hours=2))


def read(name: str) -> tuple[dict[int, EventRow], list[tuple[int | None, str, str]]]:
    problems: list[tuple[int | None, str, str]] = []
    rows = parse_events((DATA / name).read_bytes(), lambda *problem: problems.append(problem))
    return {row.event_id: row for row in rows}, problems


def test_it_reads_an_event_of_the_real_feed():
    rows, problems = read("events.json")
    assert problems == []
    assert rows[480687] == EventRow(
        line=23,
        event_id=480687,
        occurred_at=datetime.datetime(2024, 1, 1, 0, 40, 16, tzinfo=CET),
        name="31 december 00.07, Brand, Nacka",
        summary="En brand startade vid ett flerbostadshus i Eknäs.",
        url="https://polisen.se/aktuellt/handelser/2023/december/31/31-december-00.07-brand-nacka/",
        type="Brand",
        type_key="brand",
        location_name="Nacka",
        place="Nacka",
        gps_lat=59.307903,
        gps_lng=18.156042,
    )
    assert rows[650233].occurred_at == datetime.datetime(2026, 8, 21, 16, 4, 25, tzinfo=CEST)


def test_it_keeps_one_row_per_id_the_last_in_the_list():
    rows, _problems = read("events.json")
    assert len(rows) == 26
    assert rows[566158].line == 16


def test_it_takes_the_place_from_the_end_of_the_name():
    rows, _problems = read("events.json")
    assert (rows[650233].location_name, rows[650233].place) == ("Norrbottens län", "Arvidsjaur")
    assert (rows[649699].type, rows[649699].place) == ("Trafikolycka, vilt", "Arvidsjaur")
    assert rows[586066].place == ""


def test_it_unescapes_html_entities_and_trims_text():
    rows, _problems = read("events.json")
    assert rows[625364].summary == "Stökig person i matbutik på Åkerlund & Rausingsväg."
    assert rows[443120].type == "Lagen om hundar och katter"


def test_it_flags_summaries():
    rows, _problems = read("events.json")
    summaries = {row.event_id: row.type for row in rows.values() if row.is_summary}
    assert summaries == {
        650256: "Sammanfattning natt",
        565458: "Sammanfattning natt",
        480966: "Sammanfattning kväll och natt",
        480633: "Sammanfattning natt",
    }


def test_it_reads_the_gzip_archive_by_its_magic_bytes():
    rows, problems = read("archive-excerpt.json.gz")
    assert problems == []
    assert sorted(rows) == [503878, 504177, 504876, 504980, 505556, 509455, 509532, 509563, 513602, 565141]
    assert rows[565141].url.endswith("/13-januari-04.01-morddrap-forsok-uddevalla/")


def test_it_makes_one_type_of_case_and_spacing_variants():
    assert {type_key(t) for t in ("Trafikolycka, vilt", "trafikolycka, vilt", " TRAFIKOLYCKA,VILT ")} == {
        "trafikolycka, vilt"
    }
    assert type_display(type_key("Fylleri / lob")) == "Fylleri/LOB"
    assert type_display(type_key("larm  ÖVERFALL")) == "Larm Överfall"
    assert type_display(type_key("mord/dråp, försök")) == "Mord/dråp, försök"


@given(st.text(alphabet="abcåäöABCÅÄÖ ,/", max_size=30))
def test_it_gives_every_spelling_of_a_type_one_key_and_one_display(raw: str):
    key = type_key(raw)
    assert type_key(key.upper()) == key
    assert type_key(type_display(key)) == key


@pytest.mark.usefixtures("in_english")
def test_it_reports_a_file_that_is_not_json():
    problems: list = []
    assert parse_events(b"<html>Too many requests</html>", lambda *p: problems.append(p)) == []
    assert problems == [(None, "file", "not JSON: Expecting value: line 1 column 1 (char 0)")]


@pytest.mark.usefixtures("in_english")
def test_it_reports_json_that_is_not_a_list_of_events():
    problems: list = []
    parse_events(b'{"events": []}', lambda *p: problems.append(p))
    parse_events(b'[42, {"id": 1}]', lambda *p: problems.append(p))
    assert problems == [
        (None, "file", "expected a JSON list of events, not an object"),
        (1, "event", "expected an object, not a number"),
        (2, "datetime", "missing"),
        (2, "name", "missing"),
        (2, "type", "missing"),
        (2, "location", "missing"),
    ]


@pytest.mark.usefixtures("in_english")
def test_it_reports_fields_of_the_wrong_kind_or_size():
    problems: list = []
    event = {
        "id": 7,
        "datetime": "2025-01-13 6:51:13 +01:00",
        "name": "n" * 301,
        "summary": 12,
        "type": "  ",
        "location": {"name": "Arjeplog", "gps": ""},
    }
    parse_events(json.dumps([event]).encode(), lambda *p: problems.append(p))
    assert problems == [
        (1, "name", "longer than 300 characters"),
        (1, "summary", "expected text, not a number"),
        (1, "type", "missing"),
    ]
