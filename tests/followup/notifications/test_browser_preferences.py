"""In a browser: the choices are labelled radio buttons, pass axe, and are saved."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from samverkan.followup.notifications.models import Preference
from tests.browser.fixtures import assert_accessible, log_in


def test_it_lets_alice_choose_overdue_activities_at_once(page: Page, live_server, world):
    log_in(page, "alice")
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Byt").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto("/aviseringar/")
    assert_accessible(page)
    group = page.get_by_role("group", name="Overdue activities")
    group.get_by_label("Immediately, one email each").check()
    page.get_by_role("group", name="New suggestions from citizens").get_by_label("Never").check()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Your notification choices are saved.")).to_be_visible()
    assert_accessible(page)
    expect(
        page.get_by_role("group", name="Overdue activities").get_by_label("Immediately, one email each")
    ).to_be_checked()
    saved = dict(Preference.objects.filter(user=world.alice).values_list("kind", "frequency"))
    assert saved["activity_overdue"] == "immediately"
    assert saved["new_suggestion"] == "never"
    assert saved["activity_due"] == "weekly"
