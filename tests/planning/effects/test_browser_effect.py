"""The effect of an intervention in a real browser: the activity page's section (verdict, chart, tables) and the
area page, with its refusals, pass axe and fit a desktop's and a phone's window; the area page keeps what was typed."""

from __future__ import annotations

import datetime

import time_machine
from playwright.sync_api import Page, expect

from samverkan.organisations.lib.areas import Circle
from samverkan.planning.effects import services
from tests.browser.fixtures import assert_accessible, log_in
from tests.browser.layout import assert_fits
from tests.planning.effects.places import FAR, LIT, TODAY, VANDALISM, plant


def test_the_activity_page_shows_the_effect_and_fits(page: Page, world, lit):
    with time_machine.travel(TODAY, tick=True):
        plant(world)
        services.intervention_set(
            activity=lit.activity,
            area=Circle(LIT[0], LIT[1], 150),
            place=lit.square,
            comparison=Circle(FAR[0], FAR[1], 150),
            comparison_name="Skolan vid Kyrkbacken och idrottsplatsen",  # a long name in the legend and the table
            starts_on=datetime.date(2025, 9, 1),
            ends_on=None,
            categories=[VANDALISM],
            by=world.alice,
        )
        log_in(page, "alice")
        page.goto(lit.activity.get_absolute_url())
        section = page.locator("section.effect")
        expect(section.locator(".verdict")).to_be_visible()
        expect(section.locator("svg[role=img]")).to_be_visible()
        section.locator("details summary").click()
        expect(section.locator("table.effect-months")).to_be_visible()
        assert_accessible(page)
        assert_fits(page)
        page.locator("section.effect a.button").click()  # the area page, the stored areas outlined on its maps
        expect(page.locator("#effect-area-map path.leaflet-interactive").first).to_be_attached()
        assert_accessible(page)
        assert_fits(page)


def test_the_area_page_refuses_a_bad_radius_keeps_what_was_typed_and_fits(page: Page, world, lit):
    log_in(page, "alice")
    page.goto(lit.activity.get_absolute_url())
    page.locator("section.effect a.button").click()
    assert_accessible(page)
    assert_fits(page)
    page.locator("#id_lat").fill(str(LIT[0]))
    page.locator("#id_lng").fill(str(LIT[1]))
    page.locator("#id_radius_m").fill("0")
    page.locator("#id_starts_on").fill("2025-09-01")
    page.locator("#id_comparison_lat").fill(str(FAR[0]))
    page.locator("#id_comparison_lng").fill(str(FAR[1]))
    page.locator("#id_comparison_name").fill("Skolan")
    page.locator("form.stacked button[type=submit]").first.click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("#id_radius_m_error")).to_be_visible()
    expect(page.locator("#id_comparison_name")).to_have_value("Skolan")
    assert_accessible(page)
    assert_fits(page)


def test_a_polygon_is_drawn_by_clicking_the_map(page: Page, world, lit):
    log_in(page, "alice")
    page.goto(f"/handlingsplaner/atgarder/{lit.activity.pk}/effekt/")
    drawing = page.locator("#effect-polygon-map")
    drawing.scroll_into_view_if_needed()
    for x, y in ((100, 80), (200, 80), (150, 160)):
        drawing.click(position={"x": x, "y": y})
    corners = page.locator("#id_polygon").input_value().splitlines()
    assert len(corners) == 3
    assert all(len(corner.split(", ")) == 2 for corner in corners)
    expect(drawing.locator("path.leaflet-interactive").last).to_be_visible()  # the polygon drawn
    assert_accessible(page)
