"""Done when (issue 12): on a phone-sized window an anonymous citizen files a report and follows its receipt link;
the coordinator reviews and answers it, and the receipt shows the answer. Axe on each page."""

from __future__ import annotations

import io
import re

from django.conf import settings
from PIL import Image
from playwright.sync_api import Browser, Page, ViewportSize, expect

from samverkan.sources.citizen_reports.models import CitizenReport, ReportPhoto
from tests.browser.fixtures import OFF_SITE, assert_accessible, log_in
from tests.sources.citizen_reports.conftest import GPS_IFD, photo_with_exif

PHONE: ViewportSize = {"width": 390, "height": 844}
ANSWER = "Tack! Gatuenheten byter lamporna i gångtunneln den här veckan."


def phone(browser: Browser, base_url: str) -> Page:
    context = browser.new_context(base_url=base_url, locale="sv-SE", viewport=PHONE)
    context.route(OFF_SITE, lambda route: route.abort())
    return context.new_page()


def in_english(page: Page, base_url: str) -> None:
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": base_url}])


def fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide in {PHONE['width']}"


def test_a_citizen_files_a_report_on_a_phone_and_follows_it_to_the_answer(browser: Browser, live_server, world):
    citizen = phone(browser, live_server.url)
    in_english(citizen, live_server.url)
    citizen.goto("/medborgarloften/")
    assert_accessible(citizen)
    citizen.get_by_role("link", name="Report an unsafe place").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Report an unsafe place")
    assert_accessible(citizen)
    citizen.get_by_role("link", name="Report an unsafe place in Arjeplog").click()
    expect(citizen.locator("#citizen-report-map .leaflet-overlay-pane path")).to_have_count(1)  # Arjeplog's outline
    assert_accessible(citizen)
    fits(citizen)

    citizen.locator("#citizen-report-map").click()  # the middle of Arjeplog
    expect(citizen.locator("#id_lat")).not_to_have_value("")
    citizen.get_by_label("Poor lighting").check()
    citizen.get_by_label("What makes the place unsafe?").fill("Mörkt i gångtunneln. Ring mig på 070-1234567")
    citizen.get_by_label("Photo (optional)").set_input_files(
        {"name": "tunneln.jpg", "mimeType": "image/jpeg", "buffer": photo_with_exif()}
    )
    citizen.get_by_role("button", name="Send the report").click()
    expect(citizen.get_by_role("alert")).to_be_visible()
    expect(citizen.locator("#id_text_error")).to_be_visible()
    assert not CitizenReport.objects.exists()
    assert_accessible(citizen)

    citizen.get_by_label("What makes the place unsafe?").fill("Mörkt i gångtunneln, alla lampor är trasiga.")
    citizen.get_by_label("Photo (optional)").set_input_files(
        {"name": "tunneln.jpg", "mimeType": "image/jpeg", "buffer": photo_with_exif()}
    )
    citizen.get_by_role("button", name="Send the report").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Your report to Arjeplog")
    assert_accessible(citizen)
    fits(citizen)
    report = CitizenReport.objects.get()
    assert 66.0 < report.lat < 67.0 and 17.0 < report.lng < 18.0
    stored = Image.open(io.BytesIO(bytes(ReportPhoto.objects.get(report=report).image)))
    assert dict(stored.getexif()) == {} and not stored.getexif().get_ifd(GPS_IFD)

    receipt = citizen.locator("a.receipt").get_attribute("href")
    assert receipt is not None and report.token in receipt
    citizen.goto(receipt)
    expect(citizen.locator("[data-status]")).to_have_text("Received")
    assert_accessible(citizen)

    coordinator = phone(browser, live_server.url)
    log_in(coordinator, "alice")
    in_english(coordinator, live_server.url)
    coordinator.goto("/kartlaggning/medborgartips/")
    expect(coordinator.get_by_role("heading", level=1)).to_have_text("Citizen reports in Arjeplog")
    assert_accessible(coordinator)
    fits(coordinator)
    coordinator.get_by_role("link", name=re.compile(r"^\d{4}-\d\d-\d\d")).click()
    expect(coordinator.get_by_role("img", name="The photo the citizen sent")).to_be_visible()
    assert coordinator.get_by_role("img", name="The photo the citizen sent").evaluate("i => i.naturalWidth") == 800
    assert_accessible(coordinator)
    coordinator.get_by_label("Accept into the incident log").check()
    coordinator.get_by_role("button", name="Save the review").click()
    expect(coordinator.get_by_role("link", name="The incident")).to_be_visible()
    assert_accessible(coordinator)
    coordinator.locator("#id_status").select_option(label="In hand")
    coordinator.get_by_label("Answer to the citizen").fill(ANSWER)
    coordinator.get_by_role("button", name="Save", exact=True).click()
    expect(coordinator.get_by_label("Answer to the citizen")).to_have_value(ANSWER)
    report.refresh_from_db()
    assert report.incident is not None
    assert (report.status, report.decision, report.incident.description) == (
        "hanteras",
        "godkand",
        "Mörkt i gångtunneln, alla lampor är trasiga.",
    )

    citizen.reload()
    expect(citizen.locator("[data-status]")).to_have_text("In hand")
    expect(citizen.locator(".answer")).to_contain_text(ANSWER)
    assert_accessible(citizen)
    fits(citizen)
