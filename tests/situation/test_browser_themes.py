"""In Chromium: the coordinator adds an entry to a theme, is told when the theme counts it already, and removes it;
the page passes axe, shows no English and fits the window, with the form's errors too."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from samverkan.situation.models import ThemeEntry
from tests.browser.fixtures import assert_accessible, log_in
from tests.browser.language import assert_swedish
from tests.browser.layout import assert_fits


def test_the_coordinator_adds_and_removes_an_entry(page: Page, world):
    log_in(page, "alice")
    page.goto("/lagesbild/teman/?kommun=2506")
    graffiti = page.locator("#theme-graffiti")
    expect(graffiti.locator(".own")).to_have_count(0)
    page.locator("#id_theme").select_option("graffiti")
    page.locator("#id_source").select_option("keywords")
    page.locator("#id_entry").fill("Sprayburk")
    page.locator("#id_entry").press("Enter")
    expect(graffiti.locator(".own")).to_have_text(["sprayburk kommunens egen Ta bort: Klotter, sprayburk"])
    assert list(ThemeEntry.objects.values_list("entry", flat=True)) == ["sprayburk"]

    page.locator("#id_theme").select_option("graffiti")
    page.locator("#id_source").select_option("keywords")
    page.locator("#id_entry").fill("Sprayburk")
    page.locator("#id_entry").press("Enter")
    expect(page.locator("#id_entry_error")).to_be_visible()
    expect(page.locator("#id_entry")).to_have_value("Sprayburk")
    assert_accessible(page)
    assert_swedish(page)
    assert_fits(page)

    graffiti.locator(".own button").click()
    expect(graffiti.locator(".own")).to_have_count(0)
    assert not ThemeEntry.objects.exists()
