"""In Chromium: the hotspot table's place name links to its cell, which the map centres and highlights."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from samverkan.organisations.models import NamedPlace
from tests.browser.fixtures import assert_accessible, log_in

QUERY = "?start=2025-01-01&end=2025-12-31"


def test_the_place_of_a_hotspot_cell_shows_the_cell_on_the_map(page: Page, picture):
    NamedPlace.objects.create(municipality=picture.arjeplog, name="Torget, Arjeplog", lat=66.5003, lng=17.5)
    log_in(page, "alice")
    page.goto(f"/lagesbild/kommun/2506/{QUERY}")
    cell = page.locator("[data-map] path.map-cell")
    expect(cell).to_have_count(1)  # the one cell of the picture's incidents
    expect(cell).to_have_attribute("stroke-width", "1")
    page.locator("#hotspots summary").click()
    link = page.locator("#hotspots").get_by_role("link", name="Torget, Arjeplog")
    link.focus()
    page.keyboard.press("Enter")
    expect(cell).to_have_attribute("stroke-width", "4")
    expect(page.locator(".leaflet-tooltip")).to_be_visible()
    assert_accessible(page)
