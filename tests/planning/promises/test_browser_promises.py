"""A citizen, not logged in, follows a promise: the 10th meeting with the public makes it "10 av 10"."""

from __future__ import annotations

import datetime
import re

from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from samverkan.planning.actions.models import Activity
from samverkan.planning.promises import services
from samverkan.planning.promises.models import PromiseSet
from samverkan.planning.promises.selectors import PROGRESS_TEXT
from tests.browser.fixtures import assert_accessible, log_in
from tests.planning.promises.conftest import MEET, action_activity, draft, log_occurrence, published, sign


def progress_text(done: int, planned: int, language: str) -> str:
    with translation.override(language):
        return PROGRESS_TEXT % {"done": done, "planned": planned}


def to_english(page: Page) -> None:
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Byt").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_it_shows_the_tenth_meeting_with_the_public_to_a_visitor_without_login(page: Page, world):
    activity = action_activity(world.arjeplog, title=MEET, target=10, done=9)
    promise_set = draft(world.arjeplog, world.alice)
    promise = services.promise_add(
        promise_set=promise_set,
        text="Polisen möter allmänheten på offentliga platser tio gånger per år.",
        text_en="The police meet the public in public places ten times a year.",
        by=world.alice,
    )
    services.promise_activity_add(
        promise=promise,
        who="polis",
        what=MEET,
        what_en="The police meet the public in public places",
        unit="medborgarmöten",
        activity=activity,
        by=world.alice,
    )
    sign(promise_set, world.alice)
    services.promise_set_publish(promise_set=promise_set, by=world.alice)
    PromiseSet.objects.filter(pk=promise_set.pk).update(published_at=timezone.make_aware(datetime.datetime(2025, 3, 3)))

    visitor = page  # a fresh browser context: nobody is logged in
    visitor.goto("/medborgarloften/")
    assert_accessible(visitor)
    expect(visitor.locator('a[href="/konto/logga-in/"]')).to_be_visible()
    visitor.get_by_role("link", name=re.compile("Arjeplog")).click()
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("Arjeplog")
    expect(visitor.locator(".progress-text")).to_have_text(f"{progress_text(9, 10, 'sv')} medborgarmöten")
    assert_accessible(visitor)

    # The tenth meeting is logged in the action plan, which marks the activity done.
    log_occurrence(activity, datetime.date(2025, 11, 20), what="Medborgarmöte på torget")
    assert Activity.objects.get(pk=activity.pk).status == Activity.Status.DONE

    visitor.reload()
    expect(visitor.locator(".progress-text")).to_contain_text(f"{progress_text(10, 10, 'sv')} medborgarmöten")
    expect(visitor.locator("progress")).to_have_attribute("value", "10")
    expect(visitor.locator(".last-updated")).to_have_attribute("datetime", "2025-11-20")
    assert_accessible(visitor)

    to_english(visitor)
    expect(
        visitor.get_by_role("heading", name="The police meet the public in public places ten times a year.")
    ).to_be_visible()
    expect(visitor.locator(".progress-text")).to_contain_text(f"{progress_text(10, 10, 'en')} medborgarmöten")
    assert_accessible(visitor)

    visitor.get_by_role("link", name=re.compile("Suggest or react")).click()
    assert_accessible(visitor)
    visitor.get_by_label("Your suggestion or reaction").fill("Fler möten i byarna, gärna i Slagnäs.")
    visitor.get_by_role("button", name="Send").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Thank you for your suggestion")
    assert_accessible(visitor)
    assert {cookie["name"] for cookie in visitor.context.cookies()} <= {"csrftoken", "django_language"}
    assert promise.suggestions.get().text == "Fler möten i byarna, gärna i Slagnäs."


def test_it_lets_the_coordinator_moderate_a_suggestion_on_the_staff_page(page: Page, world):
    promise_set = published(world.arjeplog, world.alice, planned=10)
    services.suggestion_submit(promise=promise_set.promises.get(), text="Fler möten i Slagnäs.")
    log_in(page, "alice")
    to_english(page)
    page.goto("/medborgarloften/personal/")
    assert_accessible(page)
    page.get_by_role("link", name=promise_set.title).click()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^Accept\b.*Fler möten i Slagnäs")).click()
    dialogue_input = page.locator(
        "section", has=page.get_by_role("heading", name="Input for the next citizen dialogue")
    )
    expect(dialogue_input).to_contain_text("Fler möten i Slagnäs.")
    assert_accessible(page)
