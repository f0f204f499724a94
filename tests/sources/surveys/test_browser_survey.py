"""The web survey in a real browser: a coordinator opens it, a stranger answers, the count rises."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from samverkan.sources.surveys.bank import QUESTION_BY_KEY
from samverkan.sources.surveys.models import Response, Wave
from tests.browser.fixtures import assert_accessible, log_in


def to_english(page: Page) -> None:
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Byt").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_it_is_answered_anonymously_and_the_coordinator_sees_the_count_rise(
    page: Page, browser: Browser, live_server, world
):
    log_in(page, "alice")
    to_english(page)
    page.goto("/kartlaggning/enkater/")
    assert_accessible(page)
    page.get_by_role("link", name="Open a web survey").click()
    assert_accessible(page)
    page.get_by_label("Name").fill("Trygghetsmätning 2026")
    page.get_by_role("combobox", name="Municipality").select_option(label="Arjeplog")
    page.get_by_label("Parts of the municipality (delområden)").fill("Centrum\nSlagnäs")
    page.get_by_role("button", name="Open the survey").click()
    expect(page).to_have_url(re.compile(r"/kartlaggning/enkater/\d+/lank/$"))
    wave = Wave.objects.get()
    assert page.url.endswith(f"/kartlaggning/enkater/{wave.pk}/lank/")
    expect(page.get_by_role("img", name="QR code for the link below")).to_be_visible()
    assert_accessible(page)
    link = page.get_by_role("link", name=re.compile("svara")).get_attribute("href")
    assert link is not None
    page.get_by_role("link", name="Trygghetsmätning 2026").click()
    expect(page.locator(".respondents")).to_have_text("0")
    assert_accessible(page)

    stranger = browser.new_context(base_url=live_server.url, locale="sv-SE").new_page()
    stranger.goto(link)
    expect(stranger.get_by_role("heading", level=1)).to_contain_text("Arjeplog")
    expect(stranger.get_by_role("group", name="Klotter")).to_be_visible()
    to_english(stranger)
    assert_accessible(stranger)
    stranger.get_by_label("Which part of the municipality do you live in?").select_option("Slagnäs")
    stranger.get_by_role("group", name="Graffiti").get_by_label("A fairly big problem").check()
    stranger.get_by_role("group", name=QUESTION_BY_KEY["trygg_kvall"].en).get_by_label("Fairly unsafe").check()
    stranger.get_by_label("What makes you feel unsafe? (optional)").fill("Mörkt vid busshållplatsen")
    stranger.locator("[data-map]").click()  # the middle of the municipality
    expect(stranger.locator("#id_unsafe_lat")).not_to_have_value("")
    stranger.get_by_role("button", name="Send my answers").click()
    expect(stranger.get_by_role("heading", level=1)).to_have_text("Thank you for your answers")
    assert_accessible(stranger)
    cookies = {cookie["name"] for cookie in stranger.context.cookies()}
    assert cookies == {"csrftoken", "django_language", f"survey_{wave.pk}"}
    stranger.goto(link)
    expect(stranger.get_by_role("heading", level=1)).to_have_text("You have already answered")
    stranger.context.close()

    response = Response.objects.get()
    assert (response.delomrade, response.free_text) == ("Slagnäs", "Mörkt vid busshållplatsen")
    assert response.unsafe_lat is not None and response.unsafe_lng is not None
    assert 66 < response.unsafe_lat < 67 and 17 < response.unsafe_lng < 18
    page.reload()
    expect(page.locator(".respondents")).to_have_text("1")
    expect(page.get_by_text("Mörkt vid busshållplatsen")).to_be_visible()
    assert_accessible(page)
