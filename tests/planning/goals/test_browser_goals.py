"""A goal in a real browser: the list, a chart per indicator beside its table, and a value entered by hand."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from samverkan.planning.goals.models import Indicator
from tests.browser.fixtures import assert_accessible, log_in
from tests.planning.goals.conftest import measure, separate_goal

S = Indicator.Series


def to_english(page: Page) -> None:
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Byt").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_it_shows_a_goal_with_its_charts_and_takes_a_value_entered_by_hand(page: Page, figures, baseline):
    goal = separate_goal(figures, "Tryggare Arjeplog")
    measure(goal, S.SURVEY_UNSAFE, name="Otrygga sent på kvällen", baseline=baseline, target=10)
    walks = measure(goal, S.MANUAL, name="Trygghetsvandringar", baseline=baseline, baseline_value=2, target=6)
    log_in(page, "alice")
    to_english(page)
    page.goto("/mal/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Goals")
    expect(page.locator("tr", has_text="Otrygga sent på kvällen").locator(".status")).to_have_text("Off track")
    assert_accessible(page)

    page.get_by_role("link", name="Tryggare Arjeplog").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tryggare Arjeplog")
    expect(page.get_by_role("img", name="Otrygga sent på kvällen, Arjeplog")).to_be_visible()
    expect(page.get_by_role("img", name="Trygghetsvandringar, Arjeplog")).to_be_visible()
    table = page.get_by_role("table", name="Otrygga sent på kvällen in Arjeplog: baseline, measurements and target")
    expect(table.get_by_role("row", name="Trygghetsmätning 2025")).to_contain_text("25%")  # English: no space before %
    page.get_by_text("How the status is set").click()
    assert_accessible(page)

    section = page.locator(f'section[data-indicator="{walks.pk}"]')
    section.get_by_label("Measured on").fill("2025-09-01")
    section.get_by_label("Value").fill("5")
    section.get_by_role("button", name="Enter the value").click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(section.locator(".status")).to_have_text("On track")  # 2 -> 5 of 6 after about a third of the time
    expect(section.get_by_role("row", name="2025-09-01")).to_contain_text("5")
    assert_accessible(page)
