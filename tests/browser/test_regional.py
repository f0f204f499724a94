"""In Chromium at a phone's width: the region's police contact opens the regional comparison, which passes axe and
fits the window (its wide table scrolls in its own region), and sorts it by a column heading."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.fixtures import assert_accessible, log_in
from tests.browser.layout import PHONE, assert_fits
from tests.situation.regional import build_region


def test_the_police_of_the_region_compare_its_municipalities_on_a_phone(page: Page, world):
    north = build_region(world)
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    log_in(page, "rut")
    page.goto("/lagesbild/")
    page.get_by_role("link", name="Polisregion Nord").first.click()
    rows = page.locator("tbody tr[data-municipality]")
    expect(rows).to_have_count(4)
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.municipality)") == ["2506", "2510", "2505", "2523"]
    expect(page.locator("figure.chart svg")).to_have_count(2)
    assert_accessible(page)
    assert_fits(page)

    page.locator("thead a[href$='sort=name']").click()
    expect(page.locator("th[aria-sort=ascending]")).to_have_count(1)
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.municipality)") == ["2506", "2505", "2523", "2510"]
    assert page.url.endswith(
        f"/lagesbild/region/{north.region.pk}/?start={north.period.start}&end={north.period.end}&sort=name"
    )
