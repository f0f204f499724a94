"""Every page of the product, opened in Chromium by someone who may read it, passes the axe check and fits the
window at 1 280 px and at 390 px (tests/browser/layout.py).

The pages come from the URL configuration through the permission matrix (tests/test_permission_matrix.py): each
URL whose rule answers a GET with 200 is opened on each of its own targets (the first municipality, the shared
things, each named variant) as the first identity the rule gives a 200, the anonymous visitor for a public page.
A URL without a rule fails the matrix and this test, so a new page is never left out. Files (PDF, CSV, XLSX,
iCalendar, feeds) are not pages: the exporters' tests read them. In Swedish, no page shows English outside
lang="en" (tests/browser/language.py), neither in Chromium nor as the test client serves it to each other identity
that may read it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import weasyprint
from auditlog.context import disable_auditlog
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Browser, Page

from tests.browser.fixtures import assert_accessible
from tests.browser.language import assert_swedish, assert_swedish_html
from tests.browser.layout import assert_fits
from tests.permissions import IDENTITIES, Cast, build_cast, relation
from tests.test_permission_matrix import NAMES, RULES, STUB_PDF, _url

# The targets that repeat another's page for another municipality or police area.
REPEATS = frozenset({"other_municipality", "other_area", "other_shared"})
# Staff before the visitor: a page that both may read is opened logged in, unless it is public.
ORDER = ["alice", "bob", "charlie", "kerstin", "klas", "lena", "rita", "ada", "anonymous"]


def pages(cast: Cast) -> Iterator[tuple[str, str, list[str]]]:
    """(identity, URL, the other identities that may read it) of every page, from the rules of the URL configuration."""
    identities = sorted(IDENTITIES, key=lambda identity: ORDER.index(identity.name))
    public = identities[-1:] + identities[:-1]  # the visitor first on a public page
    for name in NAMES:
        assert name in RULES, f"no permission rule for {name}: add one to tests/test_permission_matrix.py"
        rule = RULES[name]
        for target, call in rule.targets(cast).items():
            if target.split("+")[0] in REPEATS:
                continue
            readers = [
                identity.name
                for identity in (public if rule.public else identities)
                if rule.expected("get", target, relation(identity, target.split("+")[0])) == 200
            ]
            if readers:
                yield readers[0], _url(name, call), readers[1:]


@pytest.fixture
def cast(transactional_db, monkeypatch) -> Cast:
    # The PDFs are not opened here: WeasyPrint's second a page is left out of the content-type check.
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda self, *args, **kwargs: STUB_PDF)
    with disable_auditlog():
        return build_cast()


def test_every_page_is_accessible_to_whoever_may_read_it(cast: Cast, browser: Browser, live_server, settings):
    settings.REQUIRE_2FA = False
    clients: dict[str, Client] = {}
    readers: dict[str, Client] = {}  # the other identities that may read a page, without a browser
    tabs: dict[str, Page] = {}
    opened = []
    try:
        for who, url, others in pages(cast):
            if who not in clients:
                clients[who] = Client()
                context = browser.new_context(base_url=live_server.url, locale="sv-SE")
                if who != "anonymous":
                    clients[who].force_login(cast.users[who])
                    session = clients[who].cookies[settings.SESSION_COOKIE_NAME].value
                    context.add_cookies(
                        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
                    )
                tabs[who] = context.new_page()
            response = clients[who].get(url)
            assert response.status_code == 200, f"{who} GET {url}: {response.status_code}"
            if not response["Content-Type"].startswith("text/html"):
                continue
            shown = tabs[who].goto(url)
            assert shown is not None and shown.status == 200, f"{who} {url}: {shown and shown.status}"
            assert_accessible(tabs[who])
            # In Swedish, no English outside lang="en": as Chromium shows it, and as served to every other reader.
            assert_swedish(tabs[who])
            for other in others:
                if other not in readers:
                    readers[other] = Client()
                    if other != "anonymous":
                        readers[other].force_login(cast.users[other])
                assert_swedish_html(readers[other].get(url).content.decode(), f"{url} as {other}")
            assert_fits(tabs[who])
            opened.append(url)
    finally:
        for tab in tabs.values():
            tab.context.close()
    # The loop ran over the pages, not past them: the entrance, a source, the lägesbild, goals and promises.
    expected = {reverse(name) for name in ("overview", "sources", "situation", "goals", "citizens_home")}
    assert expected <= set(opened), sorted(expected - set(opened))
