"""In a real browser: the coordinator agrees a group's meeting rhythm, and the police contact reads the joint
follow-up of the police area."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from samverkan.followup.reports.models import MeetingRhythm
from tests.browser.fixtures import assert_accessible, log_in
from tests.followup.reports.conftest import collaboration_group
from tests.followup.reports.test_browser_reports import to_english


def test_it_agrees_the_rhythm_and_shows_the_joint_follow_up(page: Page, live_server, world):
    collaboration_group("Lokala BRÅ", world.arjeplog)
    log_in(page, "alice")
    to_english(page)
    page.goto("/uppfoljning/kommun/2506/")
    expect(page.locator(".rhythm")).to_contain_text("no rhythm agreed")
    page.get_by_label("Meetings per year").fill("0")
    page.get_by_role("button", name="Save the rhythm of Lokala BRÅ").click()
    expect(page.get_by_label("Meetings per year")).to_have_value("0")
    assert_accessible(page)
    page.get_by_label("Meetings per year").fill("6")
    page.get_by_role("button", name="Save the rhythm of Lokala BRÅ").click()
    expect(page.locator(".rhythm")).to_contain_text("6 meetings a year")
    assert_accessible(page)
    assert MeetingRhythm.objects.get().per_year == 6
    page.context.clear_cookies()
    log_in(page, "bob")
    to_english(page)
    page.goto("/uppfoljning/")
    page.get_by_role("link", name="Joint follow-up of LPO Piteå älvdal").click()
    expect(page.locator('[data-municipality="2506"] .rhythm')).to_contain_text("Lokala BRÅ")
    expect(page.locator('[data-municipality="2505"]')).to_contain_text("The municipality takes part in no")
    assert_accessible(page)
