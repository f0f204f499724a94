"""The coordinator accepts a citizen's suggestion and answers it publicly; a visitor without login reads the answer
beside the suggestion on the municipality's public page."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from samverkan.planning.promises import services
from tests.browser.fixtures import assert_accessible, log_in
from tests.planning.promises.conftest import published
from tests.planning.promises.test_browser_promises import to_english

SUGGESTION = "Bättre belysning vid busshållplatsen på Storgatan, den är mörk på kvällarna."
ANSWER = "Kommunen sätter upp två nya lampor vid hållplatsen i oktober."


def test_the_coordinator_answers_a_suggestion_and_the_visitor_reads_the_answer(
    page: Page, browser: Browser, live_server, world
):
    promise_set = published(world.arjeplog, world.alice, planned=10)
    suggestion = services.suggestion_submit(promise=promise_set.promises.get(), text=SUGGESTION)

    log_in(page, "alice")
    to_english(page)
    page.goto(promise_set.get_absolute_url())
    page.get_by_role("button", name=re.compile(r"^Accept\b.*Bättre belysning")).click()
    answer = page.locator(f"#answer-{suggestion.pk}")
    expect(answer).to_contain_text(SUGGESTION)
    assert_accessible(page)
    answer.get_by_label("Status").select_option(label="Will be done")
    answer.get_by_label("Public answer").fill(ANSWER)
    answer.get_by_role("button", name=re.compile("^Publish the answer")).click()
    expect(page.get_by_text("The answer is published with the suggestion on the public page.")).to_be_visible()
    expect(page.locator(f"#answer-{suggestion.pk}")).to_contain_text("Will be done")
    assert_accessible(page)

    visitor_context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    visitor = visitor_context.new_page()
    try:
        visitor.goto("/medborgarloften/")
        to_english(visitor)
        visitor.get_by_role("link", name=re.compile("Arjeplog")).first.click()
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Safety in Arjeplog")
        answers = visitor.locator("section", has=visitor.get_by_role("heading", name="Suggestions and answers"))
        expect(answers.locator("blockquote")).to_contain_text(SUGGESTION)
        expect(answers).to_contain_text(ANSWER)
        expect(answers).to_contain_text("Will be done")
        expect(visitor.get_by_role("heading", name=re.compile(r"^The situation in \d{4}$"))).to_be_visible()
        assert_accessible(visitor)
    finally:
        visitor_context.close()
