"""Hotspot cells are called by their nearest named place and link to the cell on the map; only cells the audience
may see are named."""

from __future__ import annotations

import datetime
import json

import h3
from django.urls import reverse
from django.utils import timezone, translation

from samverkan.organisations.models import NamedPlace
from samverkan.situation.selectors import INTERNAL, PUBLIC, situation_for_municipality
from samverkan.situation.templatetags.hotspot_places import hotspot_rows
from samverkan.sources.incidents.services import IncidentReport, incident_report
from tests.situation.conftest import YEAR

QUERY = "?start=2025-01-01&end=2025-12-31"
# The picture's incidents are all at (66.5, 17.5); Arjeplog's 2,000 residents get resolution 9 cells.
CELL = h3.latlng_to_cell(66.5, 17.5, 9)


def test_it_names_the_cell_by_its_nearest_place_and_links_it_to_the_map(client, picture):
    NamedPlace.objects.create(municipality=picture.arjeplog, name="Torget, Arjeplog", lat=66.5003, lng=17.5)
    NamedPlace.objects.create(municipality=picture.arjeplog, name="Laisvall", lat=66.08, lng=17.17)
    NamedPlace.objects.create(municipality=picture.arvidsjaur, name="Nära men i Arvidsjaur", lat=66.5, lng=17.5)
    client.force_login(picture.alice)
    body = client.get(reverse("situation_municipality", args=["2506"]) + QUERY).content.decode()
    assert f'<a href="#cell-{CELL}">Torget, Arjeplog</a>' in body
    start = body.index('<script id="hotspot-map-config" type="application/json">')
    config = json.loads(body[body.index(">", start) + 1 : body.index("</script>", start)])
    assert [cell["id"] for cell in config["cells"]] == [CELL]


def test_it_gives_the_distance_when_the_nearest_place_is_not_near(picture):
    NamedPlace.objects.create(municipality=picture.arjeplog, name="Laisvall", lat=66.08, lng=17.17)
    data = situation_for_municipality(municipality=picture.arjeplog, period=YEAR, audience=INTERNAL)
    km = h3.great_circle_distance(h3.cell_to_latlng(CELL), (66.08, 17.17), unit="km")
    with translation.override("en"):
        assert [(cell.h3, name) for cell, name in hotspot_rows(data)] == [(CELL, f"{km:.1f} km from Laisvall")]


def test_it_names_no_cell_the_public_may_not_see(picture, world):
    when = datetime.datetime(2025, 4, 1, 12, tzinfo=timezone.get_current_timezone())
    lone = IncidentReport(
        occurred_from=when, occurred_to=None, lat=66.1, lng=17.9, category="Klotter", severity=2, description="Test"
    )
    incident_report(report=lone, by=world.alice, allowed=[world.arjeplog])  # a cell of 1: hidden from the public
    NamedPlace.objects.create(municipality=picture.arjeplog, name="Slagnäs", lat=66.1, lng=17.9)
    NamedPlace.objects.create(municipality=picture.arjeplog, name="Torget, Arjeplog", lat=66.5, lng=17.5)
    public = situation_for_municipality(municipality=picture.arjeplog, period=YEAR, audience=PUBLIC)
    internal = situation_for_municipality(municipality=picture.arjeplog, period=YEAR, audience=INTERNAL)
    assert [name for _, name in hotspot_rows(public)] == ["Torget, Arjeplog"]
    assert sorted(str(name) for _, name in hotspot_rows(internal)) == ["Slagnäs", "Torget, Arjeplog"]


def test_it_shows_the_cell_id_without_named_places(client, picture):
    client.force_login(picture.alice)
    body = client.get(reverse("situation_municipality", args=["2506"]) + QUERY).content.decode()
    assert f'<a href="#cell-{CELL}"><code>{CELL}</code></a>' in body
