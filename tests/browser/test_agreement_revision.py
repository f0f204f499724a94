from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from samverkan.agreements.models import Agreement
from tests.browser.fixtures import assert_accessible, log_in


def test_it_logs_in_opens_the_agreement_and_starts_a_revision(page: Page, world):
    log_in(page, "alice")
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")
    assert_accessible(page)

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Överenskommelser").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Överenskommelser")
    assert_accessible(page)

    page.get_by_role("link", name=world.part1.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(world.part1.title)
    focus = page.locator("ul.focus-areas > li")
    expect(focus).to_have_count(3)
    expect(focus.first).to_contain_text("ANDT-S")
    expect(page.get_by_role("heading", name="Dags att revidera")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Påbörja revidering").click()
    draft = Agreement.objects.get(revision_of=world.part1)
    expect(page).to_have_url(re.compile(rf"/overenskommelser/{draft.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(draft.title)
    expect(page.locator(".facts")).to_contain_text("Utkast")
    facts = page.locator(".facts")
    expect(facts.get_by_role("link", name=world.part1.title)).to_be_visible()
    expect(page.locator("ul.focus-areas > li")).to_have_count(3)
    expect(page.locator(".history")).to_contain_text("Upprättad som revidering av")
    assert_accessible(page)

    facts.get_by_role("link", name=world.part1.title).click()
    expect(page.locator(".facts")).to_contain_text("Under revidering")
    expect(page.get_by_role("button", name="Påbörja revidering")).to_have_count(0)


def test_it_opens_with_a_skip_link_to_the_content(page: Page, world):
    log_in(page, "alice")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Hoppa till innehållet")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_it_shows_the_outsider_a_not_found_page_for_arjeplog(page: Page, world):
    log_in(page, "charlie")
    response = page.goto(f"/overenskommelser/{world.arjeplog_part2.pk}/")
    assert response is not None and response.status == 404
    response = page.goto("/kommun/2506/")
    assert response is not None and response.status == 404


def test_it_edits_a_draft_and_shows_the_change_in_its_history(page: Page, world):
    world.arjeplog_part2.sections.create(kind="lokala_mal", body="", order=1)
    log_in(page, "alice")
    page.goto(f"/overenskommelser/{world.arjeplog_part2.pk}/")
    page.get_by_role("link", name="Redigera överenskommelse").click()
    assert_accessible(page)
    page.get_by_label("Lokala mål").fill("Minska nedskräpningen i centrum")
    page.get_by_label("Status").select_option("under_signering")
    page.get_by_role("button", name="Spara").click()
    expect(page.locator(".facts")).to_contain_text("Under signering")
    expect(page.locator("#section-lokala_mal + p")).to_have_text("Minska nedskräpningen i centrum")
    expect(page.locator(".history li").first).to_contain_text("Alice")
    expect(page.locator(".history li").first).to_contain_text("Lokala mål")
    assert_accessible(page)


def test_it_switches_to_english_and_back(page: Page, world):
    log_in(page, "alice")
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Byt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)
    page.get_by_label("Language").select_option("sv")
    page.get_by_role("button", name="Change").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")
