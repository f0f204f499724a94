"""Named places: the bundled ones, the import command, and the public JSON the point pickers ask."""

from __future__ import annotations

import io
import json
import math
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from samverkan.core import clock
from samverkan.organisations.geography import municipality_at
from samverkan.organisations.models import NamedPlace
from samverkan.sources.incidents.services import IncidentReport, incident_report

DEGREE_KM = 2 * math.pi * 6371.0088 / 360  # one degree of latitude on the sphere


def run(name: str, *args: str) -> str:
    out = io.StringIO()
    call_command(name, *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_loads_the_bundled_places_with_the_municipalities_each_inside_its_own(db):
    assert run("load_municipalities").splitlines()[-1] == "named places: 26 created, 0 updated, 0 unchanged"
    assert run("load_municipalities").splitlines()[-1] == "named places: 0 created, 0 updated, 26 unchanged"
    places = NamedPlace.objects.select_related("municipality")
    assert {p.municipality.code for p in places} == {"2505", "2506"}
    outside = [p.name for p in places if municipality_at(p.lat, p.lng, [p.municipality]) is None]
    assert outside == []
    square = NamedPlace.objects.get(name="Torget, Arjeplog")
    assert (square.kind, square.municipality.name) == ("square", "Arjeplog")


def test_it_imports_a_file_and_updates_by_name(world, tmp_path):
    NamedPlace.objects.create(municipality=world.arjeplog, name="Torget", lat=66.0, lng=17.0)
    path = tmp_path / "platser.csv"
    path.write_text("municipality,name,kind,lat,lng\n2506,Torget,square,66.5,17.5\n2505,Moskosel,village,65.86,19.45\n")
    assert run("import_named_places", str(path)).strip() == "named places: 1 created, 1 updated, 0 unchanged"
    assert list(NamedPlace.objects.values_list("municipality__code", "name", "kind", "lat", "lng")) == [
        ("2506", "Torget", "square", 66.5, 17.5),
        ("2505", "Moskosel", "village", 65.86, 19.45),
    ]


def test_it_imports_nothing_from_a_file_with_a_problem(world, tmp_path):
    path = tmp_path / "platser.csv"
    path.write_text(
        "municipality,name,kind,lat,lng\n2506,Torget,square,66.5,17.5\n9999,Ingenstans,village,60,15\n"
        "2505,Moskosel,town,65.86,19.45\n"
    )
    with pytest.raises(CommandError) as raised:
        run("import_named_places", str(path))
    assert str(raised.value) == (
        "nothing imported:\nplatser.csv:4: kind: 'town' is not one of village, square, school, station, other"
    )
    path.write_text("municipality,name,kind,lat,lng\n2506,Torget,square,66.5,17.5\n9999,Ingenstans,village,60,15\n")
    with pytest.raises(CommandError) as raised:
        run("import_named_places", str(path))
    assert str(raised.value) == "nothing imported:\nplatser.csv:3: municipality: no municipality has the code 9999"
    assert not NamedPlace.objects.exists()


@pytest.fixture
def square(world) -> NamedPlace:
    return NamedPlace.objects.create(
        municipality=world.arjeplog, name="Torget, Arjeplog", kind="square", lat=66.05, lng=17.5
    )


def test_it_finds_places_by_part_of_the_name_without_login(client, world, square):
    NamedPlace.objects.create(municipality=world.arjeplog, name="Arjeplog", kind="village", lat=66.06, lng=17.51)
    NamedPlace.objects.create(municipality=world.arvidsjaur, name="Torget, Arvidsjaur", lat=65.6, lng=19.1)
    body = client.get("/platser/2506/", {"q": "torg"}).json()
    assert [(p["name"], p["lat"], p["lng"]) for p in body["places"]] == [("Torget, Arjeplog", 66.05, 17.5)]
    assert [p["name"] for p in client.get("/platser/2506/", {"q": "arj"}).json()["places"]] == [
        "Arjeplog",
        "Torget, Arjeplog",
    ]
    assert [p["name"] for p in client.get("/platser/2505,2506/", {"q": "torget"}).json()["places"]] == [
        "Torget, Arjeplog",
        "Torget, Arvidsjaur",
    ]
    assert len(client.get("/platser/2506/").json()["places"]) == 2


def test_it_names_the_nearest_place_and_its_distance(client, world, square, in_english):
    north = 66.05 + 1.2 / DEGREE_KM  # 1.2 km due north of the square
    body = client.get("/platser/2506/", {"lat": f"{north:.6f}", "lng": "17.5"}).json()
    assert body["nearest"]["name"] == "Torget, Arjeplog"
    assert body["nearest"]["km"] == pytest.approx(1.2, abs=0.001)
    assert (body["text"], body["far"], body["warning"]) == ("1.2 km from Torget, Arjeplog", False, "")


def test_it_says_it_in_swedish_with_a_decimal_comma(client, world, square):
    north = 66.05 + 1.2 / DEGREE_KM
    body = client.get("/platser/2506/", {"lat": f"{north:.6f}", "lng": "17.5"}).json()
    assert body["text"] == "1,2 km från Torget, Arjeplog"


def test_it_warns_when_the_point_is_far_from_every_place(client, world, square, in_english):
    body = client.get("/platser/2506/", {"lat": "66.5", "lng": "17.5"}).json()  # 0.45° north: about 50 km
    assert body["text"] == f"{0.45 * DEGREE_KM:.1f} km from Torget, Arjeplog"
    assert body["far"] is True
    assert body["warning"] == "The point is more than 5 km from every named place. Check that it is where you mean."


def test_it_answers_without_places_and_refuses_bad_input(client, world, in_english):
    assert client.get("/platser/2506/", {"lat": "66.5", "lng": "17.5"}).json() == {
        "nearest": None,
        "text": "This municipality has no named places yet.",
    }
    bad = client.get("/platser/2506/", {"lat": "north", "lng": "17.5"})
    assert (bad.status_code, bad.json()) == (400, {"error": "lat and lng must be decimal degrees."})
    assert client.get("/platser/9999/").status_code == 404
    assert client.get("/platser/2506,abc/").status_code == 404
    assert client.post("/platser/2506/").status_code == 405


def test_the_page_config_carries_the_tiles_and_their_attribution_when_configured(client, world, settings):
    settings.MAP_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
    client.force_login(world.alice)
    page = client.get("/kartlaggning/incidenter/ny/").content.decode()
    start = page.index('<script id="incident-map-config" type="application/json">') + len(
        '<script id="incident-map-config" type="application/json">'
    )
    config = json.loads(page[start : page.index("</script>", start)])
    assert config["tiles"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert config["attribution"] == settings.MAP_TILE_ATTRIBUTION
    assert config["places_url"] == "/platser/2506/"


def test_the_tests_run_without_tiles(client, world):
    client.force_login(world.alice)
    assert '"tiles": ""' in client.get("/kartlaggning/incidenter/ny/").content.decode()


def test_the_default_is_openstreetmap_with_its_attribution(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.MAP_TILE_URL, s.MAP_TILE_ATTRIBUTION)"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MAP_TILE")}
    environment |= {"DJANGO_SETTINGS_MODULE": "samverkan.settings", "SAMVERKAN_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True)
    url, attribution = result.stdout.strip().split(" ", 1)
    assert url == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert 'href="https://www.openstreetmap.org/copyright"' in attribution and "OpenStreetMap" in attribution


def test_the_incident_page_says_how_far_the_point_is_from_the_nearest_place(client, world, square):
    when = timezone.localtime(clock.now()).replace(microsecond=0)
    report = IncidentReport(
        occurred_from=when,
        occurred_to=None,
        lat=round(66.05 + 1.2 / DEGREE_KM, 6),  # 1.2 km due north of the square
        lng=17.5,
        category="Klotter",
        severity=2,
        description="Klotter på väggen",
    )
    incident = incident_report(report=report, by=world.alice, allowed=[world.arjeplog])
    client.force_login(world.alice)
    assert "1,2 km från Torget, Arjeplog" in client.get(incident.get_absolute_url()).content.decode()
