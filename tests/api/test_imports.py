"""An import through the API is the upload page's: all or nothing, with the same line-level messages."""

from __future__ import annotations

import datetime
import hashlib

import pytest

from samverkan.core import clock
from samverkan.sources.incidents.models import Incident
from samverkan.sources.models import ImportRun

HEADER = "id,occurred_from,occurred_to,kommunkod,lat,lng,sweref_n,sweref_e,place,category,severity,status,description\n"


def _day() -> str:
    return (clock.today() - datetime.timedelta(days=10)).isoformat()


def checksum() -> tuple[int, int, str]:
    rows = list(Incident.objects.order_by("pk").values_list())
    return Incident.objects.count(), ImportRun.objects.count(), hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.mark.usefixtures("in_english")
def test_it_changes_nothing_for_a_bad_file_and_names_the_line(world, api_as):
    good = f"est-1,{_day()} 22:10,,2506,66.5,17.5,,,,Klotter,2,ny,Klotter vid hamnen\n"
    bad = f"est-2,{_day()} 10:00,,2506,66.5,17.5,,,,Klotter,4,,ok\n"
    before = checksum()
    answer = api_as(world.alice).upload("/api/imports/incidents", "est.csv", (HEADER + good + bad).encode())
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "import_failed"
    assert [(p["file"], p["line"], p["field"], p["message"]) for p in error["problems"]] == [
        ("est.csv", 3, "severity", "'4' is not 1, 2 or 3")
    ]
    assert "est.csv:3: severity: '4' is not 1, 2 or 3" in error["message"]
    assert checksum() == before


def test_it_imports_a_good_file_and_lists_the_run(world, api_as):
    api = api_as(world.alice)
    data = (HEADER + f"est-1,{_day()} 22:10,,2506,66.5,17.5,,,,Klotter,2,ny,Klotter vid hamnen\n").encode()
    answer = api.upload("/api/imports/incidents", "est.csv", data)
    assert answer.status_code == 201
    assert answer.json() == {"source": "incidents", "name": "est.csv", "created": 1, "updated": 0, "skipped": 0}
    run = Incident.objects.get().run
    assert run is not None and run.by == world.alice
    again = api.upload("/api/imports/incidents", "est.csv", data)
    assert (again.status_code, again.json()["skipped"]) == (200, 1)
    runs = api.get("/api/imports").json()
    assert [(run["source"], run["created"]) for run in runs["items"]] == [("incidents", 1)]


def test_it_refuses_another_municipalitys_rows_and_readers(world, api_as):
    data = (HEADER + f"est-1,{_day()} 22:10,,2506,66.5,17.5,,,,Klotter,2,ny,Klotter vid hamnen\n").encode()
    other = api_as(world.charlie).upload("/api/imports/incidents", "est.csv", data)
    assert other.status_code == 422 and other.json()["error"]["problems"][0]["field"]
    assert api_as(world.lena).upload("/api/imports/incidents", "est.csv", data).status_code == 403
    assert api_as(world.alice).upload("/api/imports/no_such_source", "est.csv", data).status_code == 404
    assert Incident.objects.count() == 0
