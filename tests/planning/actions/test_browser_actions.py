"""Following up the plan in a real browser: log an occurrence, then set a status in the activity list."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from samverkan.planning.actions.models import Activity
from tests.browser.fixtures import assert_accessible, log_in
from tests.planning.actions.conftest import DRUGS, MEET, log_times


def to_english(page: Page) -> None:
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Byt").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_it_logs_an_occurrence_and_edits_a_status_inline(page: Page, world, arjeplog_plan):
    log_times(arjeplog_plan.meet, 5, world.bob)
    log_in(page, "alice")
    to_english(page)
    page.goto("/handlingsplaner/")
    assert_accessible(page)
    page.get_by_role("link", name=arjeplog_plan.plan.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(arjeplog_plan.plan.title)
    expect(page.locator(f"#progress-{arjeplog_plan.meet.pk}")).to_have_text("5 of 10")
    assert_accessible(page)

    page.get_by_role("link", name=MEET).click()
    assert_accessible(page)
    page.get_by_label("Date").fill("2025-06-05")
    page.get_by_label("What was done").fill("Polisen på nationaldagsfirandet")
    page.get_by_label("Where").fill("Kyrkparken")
    page.get_by_label("People reached").fill("-4")
    page.get_by_role("button", name="Log the occurrence").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("What was done")).to_have_value("Polisen på nationaldagsfirandet")
    assert_accessible(page)
    page.get_by_label("People reached").fill("120")
    page.get_by_role("button", name="Log the occurrence").click()
    expect(page.get_by_role("cell", name="Polisen på nationaldagsfirandet")).to_be_visible()
    expect(page.locator(f"#progress-{arjeplog_plan.meet.pk}")).to_have_text("6 of 10")
    assert_accessible(page)

    page.get_by_role("link", name=arjeplog_plan.plan.title).click()
    page.get_by_label(f"Status: {DRUGS}").select_option(label="Done")
    page.get_by_label(f"Comment: {DRUGS}").fill("Föräldramöte 850512-1234")
    page.get_by_role("button", name="Save statuses").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label(f"Comment: {DRUGS}")).to_have_value("Föräldramöte 850512-1234")
    assert Activity.objects.get(pk=arjeplog_plan.drugs.pk).status == Activity.Status.NOT_STARTED
    assert_accessible(page)
    page.get_by_label(f"Comment: {DRUGS}").fill("Föräldramöte i aulan, 40 deltagare")
    page.get_by_role("button", name="Save statuses").click()
    expect(page.get_by_role("status")).to_contain_text("saved")
    expect(page.get_by_label(f"Status: {DRUGS}")).to_have_value("utford")
    expect(page).to_have_url(re.compile(rf"/handlingsplaner/{arjeplog_plan.plan.pk}/$"))
    assert_accessible(page)
    drugs = Activity.objects.get(pk=arjeplog_plan.drugs.pk)
    assert (drugs.status, drugs.status_comment) == ("utford", "Föräldramöte i aulan, 40 deltagare")

    page.get_by_role("link", name="Add an activity").click()
    expect(page.get_by_role("group", name="Goals")).to_contain_text(arjeplog_plan.goal.title)
    assert_accessible(page)
