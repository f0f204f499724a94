from __future__ import annotations

import hashlib
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from samverkan.organisations.models import NamedPlace
from samverkan.sources.incidents.models import Incident
from samverkan.sources.models import ImportRun

BUSKORNING = "Buskörning (moped, A-traktor, snöskoter)"
HEADER = "id,occurred_from,occurred_to,kommunkod,lat,lng,sweref_n,sweref_e,place,category,severity,status,description\n"
GOOD = HEADER + (
    f'est-1,2026-01-14 22:10,,2506,66.5,17.5,,,,"{BUSKORNING}",2,ny,Snöskotrar på isen vid hamnen\n'
    "est-2,2026-01-15 01:00,2026-01-15 03:00,,,,7380000,620000,Torget,klotter,1,bedomd,Klotter på elskåp\n"
    ",2026-02-01,,,65.5,18.8,,,,Nedskräpning,1,,Skräp vid badplatsen\n"
)


def run(path, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_incidents", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def checksum() -> tuple[int, int, str]:
    rows = list(Incident.objects.order_by("pk").values_list())
    return Incident.objects.count(), ImportRun.objects.count(), hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture
def torget(world):
    # SWEREF 99 TM N 7380000, E 620000 lies inside the Arjeplog box of the test world.
    return NamedPlace.objects.create(municipality=world.arjeplog, name="Torget", lat=66.53, lng=17.6)


def test_it_imports_a_csv_and_derives_municipalities(world, torget, tmp_path):
    path = tmp_path / "est.csv"
    path.write_text(GOOD, encoding="utf-8")
    out, _err = run(path)
    assert out.strip().splitlines()[-1] == "imported: 3 created, 0 updated, 0 skipped"
    first = Incident.objects.get(import_key="id:est-1")
    assert (first.municipality.code, first.category.name, first.severity) == (
        "2506",
        "Buskörning (moped, A-traktor, snöskoter)",
        2,
    )
    assert timezone.localtime(first.occurred_from).strftime("%Y-%m-%d %H:%M") == "2026-01-14 22:10"
    second = Incident.objects.get(import_key="id:est-2")
    assert second.place == torget and second.status == "bedomd" and second.category.name == "Klotter"
    assert (round(second.lat, 3), round(second.lng, 3)) == (66.516, 17.699)
    third = Incident.objects.exclude(import_key__startswith="id:").get()
    assert third.municipality.code == "2505"
    assert first.run is not None and first.run.name == str(path) and first.run.by is None


def test_it_changes_nothing_the_second_time(world, torget, tmp_path):
    path = tmp_path / "est.csv"
    path.write_text(GOOD, encoding="utf-8")
    run(path)
    before = checksum()
    out, _err = run(path)
    assert out.strip() == "imported: 0 created, 0 updated, 3 skipped"
    assert checksum() == before


def test_it_updates_a_changed_row(world, torget, tmp_path):
    path = tmp_path / "est.csv"
    path.write_text(GOOD, encoding="utf-8")
    run(path)
    path.write_text(GOOD.replace("Snöskotrar på isen", "Snöskotrar och mopeder på isen"), encoding="utf-8")
    out, _err = run(path)
    assert out.strip() == "imported: 0 created, 1 updated, 2 skipped"
    assert Incident.objects.get(import_key="id:est-1").description == "Snöskotrar och mopeder på isen vid hamnen"


def test_it_reads_xlsx(world, torget, tmp_path):
    book = Workbook()
    for line in GOOD.splitlines():
        book.active.append(next(__import__("csv").reader([line])))
    path = tmp_path / "est.xlsx"
    book.save(path)
    out, _err = run(path, "--dry-run")
    assert out.strip().splitlines() == ["dry run: nothing was written", "imported: 3 created, 0 updated, 0 skipped"]
    assert not Incident.objects.exists()


@pytest.mark.usefixtures("in_english")
def test_it_reports_every_problem_and_writes_nothing(world, torget, tmp_path):
    bad = HEADER + (
        "a,2026-13-01 10:00,,,66.5,17.5,,,,Klotter,2,,ok\n"
        "b,2026-01-01 10:00,,2505,66.5,17.5,,,,Klotter,4,,ok\n"
        "c,2026-01-01 10:00,,,10.0,10.0,,,,Klotter,1,,ok\n"
        "d,2026-01-01 10:00,,,66.5,17.5,,,,Ufo,1,,ok\n"
        "e,2026-01-01 10:00,,,66.5,17.5,,,,Klotter,1,,Pojke 850512-1234 sprayade\n"
    )
    path = tmp_path / "bad.csv"
    path.write_text(GOOD + bad.removeprefix(HEADER), encoding="utf-8")
    before = checksum()
    with pytest.raises(CommandError):
        run(path)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_incidents", str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "bad.csv:5: occurred_from: '2026-13-01 10:00' is not a date (YYYY-MM-DD HH:MM)",
        "bad.csv:6: severity: '4' is not 1, 2 or 3",
        "bad.csv:9: description: contains a personal identity number; remove it",
    ]
    assert checksum() == before


@pytest.mark.usefixtures("in_english")
def test_it_checks_places_and_categories_against_the_municipality(world, torget, tmp_path):
    bad = HEADER + (
        "b,2026-01-01 10:00,,2505,66.5,17.5,,,,Klotter,1,,ok\n"
        "c,2026-01-01 10:00,,,10.0,10.0,,,,Klotter,1,,ok\n"
        "d,2026-01-01 10:00,,,66.5,17.5,,,,Ufo,1,,ok\n"
        "f,2026-01-01 10:00,,,66.5,17.5,,,Slottet,Klotter,1,,ok\n"
    )
    path = tmp_path / "bad.csv"
    path.write_text(bad, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_incidents", str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "bad.csv:2: kommunkod: the point lies in Arjeplog (2506)",
        "bad.csv:3: lat: 10.0, 10.0 lies in no Swedish municipality",
        "bad.csv:4: category: Arjeplog does not use the category 'Ufo'",
        "bad.csv:5: place: Arjeplog has no named place 'Slottet'",
    ]
    assert not Incident.objects.exists()


def test_it_imports_through_the_web_with_a_preview(client, world, torget):
    client.force_login(world.bob)
    upload = io.BytesIO(GOOD.encode())
    upload.name = "est.csv"
    response = client.post(reverse("import_upload", args=["incidents"]), {"file": upload})
    body = response.content.decode()
    assert response.status_code == 200
    assert not Incident.objects.exists()
    token = response.context["token"]
    assert response.context["outcome"].created == 3
    assert "Arjeplog: Klotter" in body
    response = client.post(reverse("import_confirm", args=["incidents"]), {"token": token})
    assert response.status_code == 302
    assert Incident.objects.count() == 3
    assert ImportRun.objects.get().by == world.bob
    assert Incident.objects.get(import_key="id:est-1").reporter_organisation == world.lpo


@pytest.mark.usefixtures("in_english")
def test_it_refuses_a_web_import_for_someone_elses_municipality(client, world, torget):
    client.force_login(world.alice)
    upload = io.BytesIO(GOOD.encode())
    upload.name = "est.csv"
    response = client.post(reverse("import_upload", args=["incidents"]), {"file": upload})
    assert response.status_code == 400
    assert "est.csv: municipality: you may not import data for Arvidsjaur" in response.content.decode()
    assert not Incident.objects.exists()
