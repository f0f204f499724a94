"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright, with an axe check per page.

A pytest plugin (loaded once from tests/conftest.py), so browser tests anywhere in the tree share
one browser. Tests that use the `page` or `browser` fixture are marked `browser`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, Page, expect, sync_playwright

CHROMIUM = Path(os.environ.get("SAMVERKAN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BLOCKING_IMPACTS = {"serious", "critical"}
OFF_SITE = re.compile(r"^(?!https?://(localhost|127\.0\.0\.1)[:/])[a-z]+://")
# axe on the page, handing back only its blocking findings and of each only what the report names: the whole result
# (every rule's, with each failing node's HTML) took longer to hand over than to make.
AXE_RUN = """async (impacts) => {
  const results = await axe.run({resultTypes: ['violations']});
  return results.violations.filter((v) => impacts.includes(v.impact)).map((v) => (
    {id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target[0])}));
}"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if {"page", "browser"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Chromium at {CHROMIUM}: apt-get install chromium (or set SAMVERKAN_CHROMIUM)"
        )
    # Playwright runs its own event loop in this thread; Django's ORM calls in tests stay synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    # No network: a request off the live server (a map tile, say) fails instead of leaving the machine.
    context.route(OFF_SITE, lambda route: route.abort())
    page = context.new_page()
    yield page
    context.close()


def assert_accessible(page: Page) -> None:
    """Fail on any serious or critical axe violation on the page as it is now.

    A click that navigates returns once the next page has started loading: axe waits for it to finish.
    """
    page.wait_for_load_state("load")
    if not page.evaluate("typeof axe === 'object'"):  # not put in each page by the context (add_init_script)
        page.evaluate(AXE_SCRIPT)
    blocking = page.evaluate(AXE_RUN, sorted(BLOCKING_IMPACTS))
    report = "\n".join(f"{v['impact']}: {v['id']} – {v['help']} ({', '.join(v['targets'])})" for v in blocking)
    assert not blocking, f"axe found problems on {page.url}:\n{report}"


def log_in(page: Page, username: str, password: str = "password") -> None:
    page.goto("/konto/logga-in/")
    assert_accessible(page)
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    expect(page).not_to_have_url(re.compile(r"/konto/logga-in/"))
