"""The done-when of the renewal (issue 11), in a real browser on the demo data, as Arjeplog's coordinator and the
police contact: the evaluation of the period is adopted, the next agreement is started and signed and comes into
force on its start date, Arjeplog's part 2 shows its linked goals, plan and promises, a citizen comments on the
draft promises and reads the public answer, and the promises are signed and published.

Every date comes from the demo's calendar and the clock (the demo moves its story to today's year)."""

from __future__ import annotations

import datetime
import re
import zoneinfo

import time_machine
from playwright.sync_api import Browser, Page, ViewportSize, expect

from samverkan.agreements.models import Agreement
from samverkan.core import clock
from samverkan.demo import DEMO_PASSWORD
from samverkan.followup.reports.models import Evaluation
from samverkan.planning.actions.models import ActionPlan
from samverkan.planning.promises.models import Comment, PromiseSet
from tests.browser.fixtures import assert_accessible, log_in

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
PHONE: ViewportSize = {"width": 390, "height": 844}
COMMENT = "Ta med skolvägarna i Laisvall också, där kör mopederna fort på morgnarna."
SUMMARY = "Tre synpunkter: kontroller vid skolvägarna i byarna, polisen i byarna och kvällsvandringar i centrum."
ANSWER = "Tack! Kontrollerna vid skolvägarna gäller alla byar, även Laisvall."


def to_english(page: Page) -> None:
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Byt").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def staff(browser: Browser, base_url: str, username: str) -> Page:
    """A logged-in page of its own browser context, in English."""
    page = browser.new_context(base_url=base_url, locale="sv-SE").new_page()
    log_in(page, username, DEMO_PASSWORD)
    to_english(page)
    return page


def sign(page: Page, name: str, title: str, organisation: str, day: datetime.date) -> None:
    """Record a signatory who signed on `day` on the agreement's page."""
    folded = page.locator("details").filter(has_text="Add signatory")
    folded.locator("summary").click()
    folded.get_by_label("Name").fill(name)
    folded.get_by_label("Title").fill(title)
    folded.get_by_label("Organisation").select_option(label=organisation)
    folded.get_by_label("Signed on").fill(day.isoformat())
    folded.get_by_role("button", name="Add signatory").click()
    expect(page.get_by_role("cell", name=name, exact=True)).to_be_visible()


def test_it_renews_the_agreement_with_the_parties_and_the_citizens(demo, page: Page, live_server):
    today = clock.today()
    part1 = Agreement.objects.get(part=Agreement.Part.STRATEGIC)
    evaluation = Evaluation.objects.get(agreement=part1, municipality__code="2506")
    new_start = part1.ends_on + datetime.timedelta(days=1)
    new_end = datetime.date(new_start.year + 3, 12, 31)  # four years, from the day after the old end
    browser = page.context.browser
    assert browser is not None
    coordinator, police = page, staff(browser, live_server.url, "polis.kontaktperson")
    log_in(coordinator, "arjeplog.samordnare", DEMO_PASSWORD)
    to_english(coordinator)

    # The evaluation of the period: the draft the demo holds, confirmed by both parties, is adopted.
    coordinator.goto("/uppfoljning/")
    coordinator.get_by_role("link", name=f"Evaluation: {part1.title}").click()
    expect(coordinator.get_by_role("link", name="Evaluation: Arjeplog")).to_be_visible()  # the page has come
    assert_accessible(coordinator)
    coordinator.get_by_role("link", name="Evaluation: Arjeplog").click()
    expect(coordinator).to_have_url(re.compile(rf"/uppfoljning/utvardering/version/{evaluation.pk}/$"))
    assert_accessible(coordinator)
    coordinator.get_by_role("button", name="Confirm for Arjeplogs kommun").click()
    expect(coordinator.get_by_role("listitem").filter(has_text="Arjeplogs kommun: confirmed by")).to_be_visible()
    police.goto(evaluation.get_absolute_url())
    police.get_by_role("button", name=re.compile(r"^Confirm for Lokalpolisområde Piteå älvdal")).click()
    expect(police.get_by_text(re.compile(r"Adopted on \d{4}-\d\d-\d\d: this version is frozen"))).to_be_visible()
    assert_accessible(police)
    evaluation.refresh_from_db()
    assert evaluation.status == Evaluation.Status.ADOPTED

    # The next agreement: the period form proposes the four years after the old end.
    police.goto(f"/uppfoljning/utvardering/{part1.pk}/")
    police.get_by_role("link", name="Start next agreement").click()
    assert_accessible(police)
    expect(police.get_by_label("New period from")).to_have_value(new_start.isoformat())
    expect(police.get_by_label("New period to")).to_have_value(new_end.isoformat())
    police.get_by_role("button", name="Start next agreement").click()
    expect(police.get_by_role("heading", name="Proposed focus areas")).to_be_visible()
    assert_accessible(police)
    new_part1 = Agreement.objects.get(revision_of=part1)
    assert (new_part1.starts_on, new_part1.ends_on) == (new_start, new_end)
    proposals = new_part1.focus_area_proposals.count()
    assert proposals > 0
    for _ in range(proposals):
        police.get_by_role("button", name="Accept").first.click()
        expect(police.get_by_text("Saved.")).to_be_visible()
    expect(police.get_by_role("button", name="Accept")).to_have_count(0)
    assert not new_part1.focus_area_proposals.filter(accepted__isnull=True).exists()
    assert str(part1.ends_on.year) not in new_part1.title

    # Both parties sign part 1 (the police contact records the police's and Arvidsjaur's signatures, the
    # coordinator Arjeplog's), on days up to today: signed, in force only from the new start.
    police.goto(new_part1.get_absolute_url())
    sign(police, "Helena Strand", "Lokalpolisområdeschef", "Lokalpolisområde Piteå älvdal", today)
    sign(police, "Per Holmgren", "Kommunstyrelsens ordförande", "Arvidsjaurs kommun", today)
    coordinator.goto(new_part1.get_absolute_url())
    assert_accessible(coordinator)
    sign(coordinator, "Maria Stenlund", "Kommunstyrelsens ordförande", "Arjeplogs kommun", today)
    signed = f"Signed – in force from {new_start.isoformat()}"
    expect(coordinator.get_by_text(signed).first).to_be_visible()
    assert_accessible(coordinator)
    new_part1.refresh_from_db()
    assert new_part1.is_locked and new_part1.effective_status(today) == Agreement.Status.SIGNED

    # Arjeplog's new part 2, drafted under the new part 1: both parties sign it too.
    part2 = Agreement.objects.get(strategic=new_part1, municipalities__code="2506")
    coordinator.goto(part2.get_absolute_url())
    sign(coordinator, "Maria Stenlund", "Kommunstyrelsens ordförande", "Arjeplogs kommun", today)
    police.goto(part2.get_absolute_url())
    sign(police, "Helena Strand", "Lokalpolisområdeschef", "Lokalpolisområde Piteå älvdal", today)
    expect(police.get_by_text(signed).first).to_be_visible()

    # In force only on its start date: the clock moved there (the session has gone idle, so log in again).
    with time_machine.travel(datetime.datetime.combine(new_start, datetime.time(9), STOCKHOLM), tick=True):
        later = staff(browser, live_server.url, "arjeplog.samordnare")
        later.goto(new_part1.get_absolute_url())
        expect(later.get_by_text(signed)).to_have_count(0)
        expect(later.get_by_text("In force", exact=True).first).to_be_visible()
        assert_accessible(later)
        later.context.close()
    police.goto(new_part1.get_absolute_url())
    expect(police.get_by_text(signed).first).to_be_visible()

    # Part 2 as structure: the goals, the plan and the promises of Arjeplog linked to it.
    plan = ActionPlan.objects.get(municipality__code="2506", status=ActionPlan.Status.DRAFT)
    coordinator.goto(plan.get_absolute_url())
    coordinator.get_by_role("button", name="Adopt").click()
    expect(coordinator.get_by_text("Adopted").first).to_be_visible()
    coordinator.goto("/mal/nytt/")
    coordinator.get_by_label("Agreement").select_option(label=part2.title)
    coordinator.get_by_label("Focus area").select_option(index=1)
    coordinator.get_by_role("textbox", name=re.compile("^Goal")).fill("Färre buskörningar med moped i byarna")
    coordinator.get_by_role("button", name="Save", exact=True).click()
    expect(coordinator.get_by_text("The goal was created.")).to_be_visible()
    next_promises = PromiseSet.objects.get(municipality__code="2506", starts_on=new_start)
    coordinator.goto(part2.get_absolute_url())
    structure = coordinator.get_by_role("region", name=re.compile("^Linked in Arjeplog"))
    expect(structure.get_by_role("link", name="Färre buskörningar med moped i byarna")).to_be_visible()
    expect(structure.get_by_role("link", name=re.compile(re.escape(plan.title)))).to_be_visible()
    expect(structure.get_by_role("link", name=re.compile(re.escape(next_promises.title)))).to_be_visible()
    assert_accessible(coordinator)

    # A citizen, without logging in, on a phone, comments on a draft promise in the consultation.
    citizen = browser.new_context(base_url=live_server.url, locale="sv-SE", viewport=PHONE).new_page()
    citizen.goto("/medborgarloften/kommun/2506/")
    to_english(citizen)
    citizen.get_by_role("link", name="Read the draft and comment").click()
    assert_accessible(citizen)
    promise = next_promises.promises.order_by("order").first()
    assert promise is not None
    citizen.get_by_label("Which promise your comment is about").select_option(value=str(promise.pk))
    citizen.get_by_role("textbox", name="Your comment").fill(COMMENT)
    citizen.get_by_role("button", name="Send comment").click()
    assert_accessible(citizen)
    comment = Comment.objects.get(text=COMMENT)
    assert comment.promise == promise and comment.status == Comment.Status.NEW
    citizen.goto(comment.consultation.get_absolute_url())
    expect(citizen.get_by_text(COMMENT)).to_have_count(0)  # not public before it is moderated

    # The coordinator publishes it with an answer; the citizen sees the answer.
    coordinator.goto(next_promises.get_absolute_url())
    coordinator.get_by_role("link", name="Comments, answers and summary").click()
    card = coordinator.locator(f"#comment-{comment.pk}")
    card.get_by_label("Public answer").fill(ANSWER)
    card.get_by_role("button", name=re.compile("^Publish")).click()
    assert_accessible(coordinator)
    citizen.goto(comment.consultation.get_absolute_url())
    answered = citizen.locator(f"#comment-{comment.pk}")
    expect(answered).to_contain_text(COMMENT)
    expect(answered).to_contain_text(ANSWER)
    assert_accessible(citizen)

    # The promises are signed and published: the public page lists them.
    coordinator.goto(next_promises.get_absolute_url())
    for name, title in [("Helena Strand", "Lokalpolisområdeschef"), ("Maria Stenlund", "Kommunalråd")]:
        folded = coordinator.locator("details").filter(has_text="Add signatory")
        folded.locator("summary").click()
        folded.get_by_label("Name").fill(name)
        folded.get_by_label("Title").fill(title)
        folded.get_by_label("Signed on").fill(today.isoformat())
        folded.get_by_role("button", name="Add signatory").click()
    coordinator.get_by_role("button", name="Mark as signed").click()
    coordinator.get_by_role("button", name="Publish").click()
    expect(coordinator.get_by_role("link", name=today.isoformat())).to_be_visible()
    assert_accessible(coordinator)
    citizen.goto("/medborgarloften/kommun/2506/")
    coming = citizen.get_by_role("region", name="Coming promises")
    expect(coming).to_contain_text(next_promises.title)
    expect(coming).to_contain_text((promise.text_en or promise.text)[:40])  # the citizen reads in English
    assert_accessible(citizen)

    # Once the consultation has closed, the coordinator summarises it for the decision; the adopted promises
    # link the summary (the clock moved to the day after it closed; logged in again).
    consultation = comment.consultation
    after = datetime.datetime.combine(consultation.closes_on + datetime.timedelta(days=1), datetime.time(9), STOCKHOLM)
    with time_machine.travel(after, tick=True):
        later = staff(browser, live_server.url, "arjeplog.samordnare")
        later.goto(next_promises.get_absolute_url())
        later.get_by_role("link", name="Comments, answers and summary").click()
        later.locator("details").filter(has_text="Write the summary").locator("summary").click()
        later.get_by_role("textbox", name=re.compile("^Summary for the decision")).fill(SUMMARY)
        later.get_by_role("button", name="Write the summary").click()
        expect(later.get_by_role("paragraph").filter(has_text=SUMMARY)).to_be_visible()
        assert_accessible(later)
        later.context.close()
        citizen.goto("/medborgarloften/kommun/2506/")
        citizen.get_by_role("region", name="Coming promises").get_by_role(
            "link", name=re.compile("What citizens said in the consultation")
        ).click()
        expect(citizen.get_by_text(SUMMARY)).to_be_visible()
        expect(citizen.locator(f"#comment-{comment.pk}")).to_contain_text(ANSWER)
        assert_accessible(citizen)
    citizen.context.close()
    police.context.close()
