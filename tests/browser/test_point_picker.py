"""The maps' point pickers in Chromium: a named place found by the search and picked, "Use my position" refused
and then given, the nearest place named under the map and a warning far from every place; axe on each state.
In English (the language cookie), so the messages are the msgids."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from samverkan.organisations.models import NamedPlace
from samverkan.sources.surveys.bank import QUESTION_BY_KEY
from samverkan.sources.surveys.models import Response
from tests.browser.fixtures import assert_accessible, log_in
from tests.sources.surveys.conftest import open_wave


@pytest.fixture
def places(world) -> None:
    NamedPlace.objects.create(municipality=world.arjeplog, name="Torget, Arjeplog", kind="square", lat=66.5, lng=17.5)
    NamedPlace.objects.create(municipality=world.arjeplog, name="Laisvall", kind="village", lat=66.08, lng=17.17)
    NamedPlace.objects.create(municipality=world.arvidsjaur, name="Torget, Arvidsjaur", lat=65.59, lng=19.18)


def in_english(page: Page, live_server) -> None:
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])


def test_it_picks_a_searched_place_and_the_staffs_position_and_names_the_nearest(page: Page, live_server, places):
    log_in(page, "alice")
    in_english(page, live_server)
    page.goto("/kartlaggning/incidenter/ny/")
    search = page.get_by_label("Search for a named place")
    search.fill("torg")
    results = page.get_by_role("list", name="Named places found")
    expect(results.get_by_role("button")).to_have_text(["Torget, Arjeplog (square)"])  # Arjeplog's only
    assert_accessible(page)
    results.get_by_role("button", name="Torget, Arjeplog (square)").click()
    expect(page.get_by_label("Latitude")).to_have_value("66.500000")
    expect(page.get_by_label("Longitude")).to_have_value("17.500000")
    status = page.get_by_role("status")
    expect(status).to_have_text("0.0 km from Torget, Arjeplog")
    square = NamedPlace.objects.get(name="Torget, Arjeplog")
    expect(page.get_by_label("Named place", exact=True)).to_have_value(str(square.pk))

    position = page.get_by_role("button", name="Use my position")
    position.click()  # no permission given: refused
    expect(status).to_contain_text("Your browser did not share your position")
    assert_accessible(page)

    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": 66.9, "longitude": 17.9})  # about 50 km north of the square
    position.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Latitude")).to_have_value("66.900000")
    expect(status).to_contain_text(re.compile(r"^\d+\.\d km from Torget, Arjeplog\. The point is more than 5 km"))
    expect(status).to_have_class(re.compile(r"\bwarning\b"))
    assert_accessible(page)


def test_a_citizen_finds_a_place_with_the_keyboard_and_is_never_asked_for_coordinates(
    page: Page, live_server, places, world
):
    wave = open_wave(world.arjeplog, "trygg_kvall")
    in_english(page, live_server)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reverse("survey_answer", args=[wave.token]))
    expect(page.get_by_text(re.compile("coordinates|decimal degrees", re.I))).to_have_count(0)
    expect(page.get_by_label("Latitude")).to_have_count(0)
    page.get_by_label("Search for a named place").fill("lais")
    page.keyboard.press("Enter")  # the first place found; the form is not sent
    expect(page.get_by_role("status")).to_have_text("0.0 km from Laisvall")
    assert_accessible(page)
    page.get_by_label("Or choose the nearest named place").select_option("Torget, Arjeplog")
    expect(page.get_by_role("status")).to_have_text("0.0 km from Torget, Arjeplog")
    page.get_by_role("group", name=QUESTION_BY_KEY["trygg_kvall"].en).get_by_label("Fairly unsafe").check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your answers")
    assert Response.objects.values_list("unsafe_lat", "unsafe_lng").get() == (66.5, 17.5)


def test_the_map_draws_the_configured_tiles_with_their_attribution(page: Page, live_server, places, settings):
    # Tiles from the live server itself (no network; the CSP allows the site's own images): they need not exist.
    settings.MAP_TILE_URL = f"{live_server.url}/kartplattor/{{z}}/{{x}}/{{y}}.png"
    settings.MAP_TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url) if "/kartplattor/" in request.url else None)
    log_in(page, "alice")
    page.goto("/kartlaggning/incidenter/ny/")
    tiles = page.locator("#incident-map img.leaflet-tile")
    expect(tiles.first).to_be_attached()
    expect(tiles.first).to_have_attribute("referrerpolicy", "strict-origin-when-cross-origin")
    assert requested and all(re.search(r"/kartplattor/\d+/\d+/\d+\.png$", url) for url in requested)
    link = page.locator("#incident-map .leaflet-control-attribution").get_by_role("link", name="OpenStreetMap")
    expect(link).to_have_attribute("href", "https://www.openstreetmap.org/copyright")
    assert_accessible(page)
