"""The yearly wheel and the supervision in a real browser, checked with axe on every page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from samverkan.followup.supervision import services
from samverkan.followup.supervision.models import Visit
from tests.browser.fixtures import assert_accessible, log_in
from tests.followup.supervision.conftest import HOTEL


def to_english(page: Page) -> None:
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Byt").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_it_prepares_and_ticks_tasks_on_the_wheel_and_records_a_visit(page: Page, world, car_testing):
    services.supervised_object_create(municipality=world.arjeplog, name=HOTEL, permit="alkohol")
    log_in(page, "alice")
    to_english(page)
    page.goto("/arshjul/")
    assert_accessible(page)
    page.get_by_role("link", name="Arjeplog").click()
    page.get_by_role("spinbutton", name="Year").fill("2026")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("img", name=re.compile("Yearly wheel Arjeplog 2026"))).to_be_visible()
    assert_accessible(page)

    page.get_by_role("combobox", name="Event", exact=False).first.select_option(label="Biltestsäsong")
    page.get_by_role("combobox", name="Kind of event").select_option(label="Car-testing season")
    page.get_by_role("button", name="Prepare the tasks").click()
    expect(page.get_by_role("row", name=re.compile("Information till besökare"))).to_contain_text("2025-12-08")
    assert_accessible(page)
    page.get_by_label("Done: Information till besökare (Biltestsäsong)").check()
    page.get_by_role("button", name="Save the tasks").click()
    expect(page.get_by_label("Done: Information till besökare (Biltestsäsong)")).to_be_checked()
    assert_accessible(page)

    page.goto("/tillsyn/")
    assert_accessible(page)
    page.get_by_role("link", name="Record a visit").first.click()
    page.get_by_role("combobox", name="Object").select_option(label=f"{HOTEL} (Alcohol serving permit)")
    page.get_by_label("Date").fill("2025-09-12")
    page.get_by_role("combobox", name="Kind", exact=False).first.select_option("kontrollkop")
    page.get_by_label("Findings").fill("Varning")
    page.get_by_role("button", name="Record the visit").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Findings")).to_have_value("Varning")
    assert_accessible(page)
    page.get_by_label("Findings").fill("")
    page.get_by_label("Follow-up").fill("Dialog om legitimationskontroll")
    page.get_by_role("button", name="Record the visit").click()
    expect(page.get_by_role("cell", name="Dialog om legitimationskontroll")).to_be_visible()
    assert_accessible(page)
    assert Visit.objects.get().kind == "kontrollkop"
