"""In a real browser: the coordinator looks at the follow-up, writes the annual report's summary, generates
the report and finds the kept version."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from samverkan.followup.reports.models import GeneratedReport
from tests.browser.fixtures import assert_accessible, log_in


def to_english(page: Page) -> None:
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Byt").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_it_is_written_generated_and_kept(page: Page, live_server, year):
    log_in(page, "alice")
    to_english(page)
    page.goto("/uppfoljning/")
    assert_accessible(page)
    page.get_by_role("link", name="Follow-up of Arjeplog").click()
    expect(page.locator(".activities-overdue")).to_contain_text("Drogutbildning")
    assert_accessible(page)
    page.goto("/uppfoljning/")
    page.get_by_role("link", name=re.compile("^Evaluation: ")).click()
    expect(page.get_by_role("link", name="Start next agreement")).to_be_visible()
    assert_accessible(page)
    page.goto("/uppfoljning/")
    page.get_by_role("link", name=re.compile(r"^Annual report 2025\s*, Arjeplog$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual report 2025: Arjeplog")
    assert_accessible(page)
    page.get_by_role("textbox", name="Summary").fill("Ett lugnt år med färre anmälningar.")
    page.get_by_role("button", name="Save the texts").click()
    expect(page.locator(".report-preview")).to_contain_text("Ett lugnt år med färre anmälningar.")
    page.get_by_role("button", name="Generate the report").click()
    expect(page).to_have_url(re.compile(r"/uppfoljning/rapport/\d+/$"))
    assert_accessible(page)
    expect(page.get_by_role("heading", name="Minska klottret")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Klotter"))).to_be_visible()
    report = GeneratedReport.objects.get()
    assert report.data["narratives"]["summary"] == "Ett lugnt år med färre anmälningar."
