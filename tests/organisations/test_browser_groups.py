"""A coordinator keeps her group in the browser: creates it, adds a member (a refused name keeps what was typed),
removes one and renames the group, with axe on each page."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from samverkan.organisations.models import CollaborationGroup
from tests.browser.fixtures import assert_accessible, log_in


def to_english(page: Page) -> None:
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Byt").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_it_creates_a_group_and_keeps_its_members(page: Page, world):
    log_in(page, "alice")
    to_english(page)
    page.get_by_role("link", name="Collaboration groups").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Collaboration groups")
    assert_accessible(page)

    page.get_by_role("link", name="New group").click()
    expect(page.get_by_label("Arjeplog")).to_be_checked()  # her one municipality
    page.get_by_label("Name").fill("Trygghetsrådet")
    page.get_by_label("Purpose").fill("Samordnar trygghetsarbetet i centrum.")
    assert_accessible(page)
    page.get_by_role("button", name="Save the group").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trygghetsrådet")
    expect(page.get_by_text("The group has no members yet.")).to_be_visible()
    assert_accessible(page)

    page.get_by_text("Add a member", exact=True).first.click()  # the folded form's summary
    form = page.locator("form", has=page.get_by_role("button", name="Add a member"))
    form.get_by_label("Name").fill("Mikael 850512-1234")
    form.get_by_label("Organisation").select_option(label="LPO Piteå älvdal")
    form.get_by_label("Role").select_option(label="Police contact")
    form.get_by_role("button", name="Add a member").click()
    expect(page.get_by_text("personal identity number")).to_be_visible()
    form = page.locator("form", has=page.get_by_role("button", name="Add a member"))
    expect(form.get_by_label("Name")).to_have_value("Mikael 850512-1234")
    assert_accessible(page)
    form.get_by_label("Name").fill("Mikael Forsberg")
    form.get_by_role("button", name="Add a member").click()
    members = page.locator("section", has=page.get_by_role("heading", name="Members"))
    expect(members.get_by_role("listitem")).to_have_count(1)
    expect(members.get_by_role("listitem")).to_contain_text("Mikael Forsberg, Police contact, LPO Piteå älvdal")
    assert_accessible(page)

    page.get_by_role("button", name="Remove Mikael Forsberg").click()
    expect(page.get_by_text("The group has no members yet.")).to_be_visible()

    page.get_by_role("link", name="Rename or describe the group").click()
    page.get_by_label("Name").fill("Brottsförebyggande rådet")
    page.get_by_role("button", name="Save the group").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Brottsförebyggande rådet")
    assert CollaborationGroup.objects.get().name == "Brottsförebyggande rådet"
    assert_accessible(page)
