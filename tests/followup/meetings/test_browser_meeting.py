"""The done-when, in a real browser on the demo data: Arjeplog's coordinator prepares the next meeting's
agenda (which lists the overdue activity), records a decision and finds it in the action plan."""

from __future__ import annotations

import re

from django.utils import timezone
from playwright.sync_api import Page, expect

from samverkan.demo import DEMO_PASSWORD
from samverkan.followup.meetings.models import Decision, Meeting
from samverkan.planning.actions.models import ActionPlan, Activity
from tests.browser.fixtures import assert_accessible, log_in


def to_english(page: Page) -> None:
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Byt").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_it_prepares_the_agenda_records_a_decision_and_shows_it_in_the_plan(demo, page: Page):
    overdue = Activity.objects.get(
        plan__municipality__code="2506", plan__status="antagen", ends_on__lt=timezone.localdate(), status="pagar"
    )
    draft = ActionPlan.objects.get(municipality__code="2506", status=ActionPlan.Status.DRAFT)
    upcoming = Meeting.objects.filter(group__name="Folkhälsorådet").order_by("-starts_at").first()
    assert upcoming is not None

    log_in(page, "arjeplog.samordnare", DEMO_PASSWORD)
    to_english(page)
    page.goto("/moten/")
    assert_accessible(page)
    page.get_by_role("region", name="Folkhälsorådet").get_by_role("table").first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/moten/{upcoming.pk}/$"))
    assert_accessible(page)

    page.get_by_role("link", name="Prepare the agenda").click()
    assert_accessible(page)
    agenda = page.get_by_label("Agenda")
    expect(agenda).to_have_value(re.compile(f"Overdue activity: {re.escape(overdue.title)}"))
    agenda.fill(agenda.input_value() + "\nÖvriga frågor")
    page.get_by_role("button", name="Save the agenda").click()
    expect(
        page.get_by_role("region", name="Agenda").get_by_role("listitem").filter(has_text=overdue.title)
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Record a decision").click()
    assert_accessible(page)
    page.get_by_label("Decision").fill("Grannsamverkan startas i Centrum under våren")
    page.get_by_label("Action plan").select_option(value=str(draft.pk))
    page.get_by_role("combobox", name="Responsible", exact=True).select_option("bada")
    page.get_by_label("Responsible role").fill("kommunpolis och trygghetssamordnare")
    page.get_by_label("Due date").fill("2027-05-31")
    page.get_by_role("button", name="Record the decision").click()

    expect(page.get_by_role("link", name="Grannsamverkan startas i Centrum under våren")).to_be_visible()
    decision = Decision.objects.get(meeting=upcoming)
    activity = decision.activity
    assert activity is not None
    expect(page).to_have_url(re.compile(re.escape(activity.plan.get_absolute_url()) + "$"))
    expect(page.get_by_role("link", name="Grannsamverkan startas i Centrum under våren")).to_be_visible()
    assert_accessible(page)
    assert (activity.role, activity.ends_on.isoformat()) == (
        "kommunpolis och trygghetssamordnare",
        "2027-05-31",
    )

    page.goto(upcoming.get_absolute_url())
    expect(page.get_by_role("region", name="Decisions").get_by_role("link", name=activity.title)).to_be_visible()
    assert_accessible(page)
