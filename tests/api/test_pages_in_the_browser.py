"""The API's two pages, the reference and the account's tokens, pass axe and fit a phone."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.fixtures import assert_accessible, log_in
from tests.browser.layout import assert_fits


def test_the_reference_page_is_accessible_and_fits(page: Page, world):
    page.goto("/api/docs/")
    expect(page.locator("h3").first).to_be_visible()
    assert_accessible(page)
    assert_fits(page)


def test_a_user_makes_a_token_sees_it_once_and_revokes_it(page: Page, world):
    log_in(page, "alice")
    page.goto("/konto/api-nycklar/")
    assert_accessible(page)
    page.locator("#id_name").fill("GIS-exporten")
    page.locator("form.stacked button[type=submit]").click()
    secret = page.locator("code.secret")
    expect(secret).to_contain_text("smv_")
    assert_accessible(page)
    assert_fits(page)
    page.locator("table button[type=submit]").click()
    expect(page.locator("code.secret")).to_have_count(0)
    expect(page.locator("table button[type=submit]")).to_have_count(0)
    assert_accessible(page)
