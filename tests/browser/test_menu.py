"""On a phone the main menu folds behind a menu button that works with mouse and keyboard; without JavaScript, and on
a wide window, the menu is simply shown."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from samverkan.organisations.models import User
from tests.browser.fixtures import assert_accessible, log_in
from tests.browser.layout import DESKTOP, PHONE, assert_fits


def _tab(browser: Browser, live_server, size: tuple[int, int], javascript: bool = True) -> Page:
    context = browser.new_context(
        base_url=live_server.url,
        locale="sv-SE",
        viewport={"width": size[0], "height": size[1]},
        java_script_enabled=javascript,
    )
    return context.new_page()


def _log_in(page: Page, user: User, live_server, settings) -> None:
    """Alice's session without the login page, whose axe check needs JavaScript."""
    settings.REQUIRE_2FA = False
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


@pytest.fixture
def phone(browser: Browser, live_server, world) -> Iterator[Page]:
    page = _tab(browser, live_server, PHONE)
    log_in(page, "alice")
    yield page
    page.context.close()


def test_it_folds_the_menu_behind_a_button_on_a_phone(phone: Page):
    phone.goto("/mal/")
    button = phone.locator("button[aria-controls='main-menu']")
    menu = phone.locator("#main-menu")
    goals = menu.get_by_role("link", name="Mål", exact=True)
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    nav = phone.locator(".site-header nav").bounding_box()
    assert nav is not None and nav["height"] < 60  # one row, not four
    assert_accessible(phone)
    assert_fits(phone)

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(goals).to_be_visible()
    expect(goals).to_have_attribute("aria-current", "page")
    assert_accessible(phone)
    button.click()
    expect(menu).to_be_hidden()

    # The keyboard: Tab reaches the button with a visible focus, Enter opens, Tab goes into the menu, Escape closes
    # it and gives the focus back to the button, Space opens again.
    phone.get_by_role("button", name="Logga ut").focus()
    phone.keyboard.press("Tab")
    expect(button).to_be_focused()
    outline = button.evaluate("e => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]")
    assert outline[0] != "none" and outline[1] >= 2, outline
    phone.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    phone.keyboard.press("Tab")
    expect(menu.get_by_role("link").first).to_be_focused()
    phone.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(button).to_be_focused()
    phone.keyboard.press("Space")
    expect(menu).to_be_visible()
    menu.get_by_role("link", name="Handlingsplaner").click()
    expect(phone).to_have_url(re.compile(r"/handlingsplaner/$"))
    expect(phone.locator("#main-menu")).to_be_hidden()  # folded again on the next page


def test_it_shows_the_menu_without_a_button_on_a_wide_window(browser: Browser, live_server, world):
    page = _tab(browser, live_server, DESKTOP)
    try:
        log_in(page, "alice")
        page.goto("/mal/")
        expect(page.locator("#main-menu").get_by_role("link", name="Handlingsplaner")).to_be_visible()
        expect(page.locator("button[aria-controls='main-menu']")).to_be_hidden()
    finally:
        page.context.close()


def test_it_shows_the_menu_open_on_a_phone_without_javascript(browser: Browser, live_server, world, settings):
    page = _tab(browser, live_server, PHONE, javascript=False)
    try:
        _log_in(page, world.alice, live_server, settings)
        page.goto("/mal/")
        expect(page.locator("#main-menu").get_by_role("link", name="Handlingsplaner")).to_be_visible()
        expect(page.locator("button[aria-controls='main-menu']")).to_be_hidden()
        assert_fits(page)
    finally:
        page.context.close()
