"""Every page of the product, opened in Chromium by someone who may read it, passes the axe check and fits the
window at 1 280 px and at 390 px (tests/browser/layout.py).

The pages come from the URL configuration through the permission matrix (tests/test_permission_matrix.py): each
URL whose rule answers a GET with 200 is opened on each of its own targets (the first municipality, the shared
things, each named variant) as the first identity the rule gives a 200, the anonymous visitor for a public page.
A URL without a rule fails the matrix and this test, so a new page is never left out. Files (PDF, CSV, XLSX,
iCalendar, feeds) are not pages: the exporters' tests read them. In Swedish, no page shows English outside
lang="en" (tests/browser/language.py), neither in Chromium nor as the test client serves it to each other identity
that may read it.

The URLs are split into parts, each a test of its own, so that the test workers share them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import weasyprint
from auditlog.context import disable_auditlog
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Browser, Page

from tests import snapshots
from tests.browser.fixtures import AXE_SCRIPT, assert_accessible
from tests.browser.language import assert_swedish, assert_swedish_html
from tests.browser.layout import DESKTOP, assert_fits
from tests.permissions import IDENTITIES, Cast, build_cast, relation
from tests.test_permission_matrix import NAMES, RULES, STUB_PDF, _url

# The targets that repeat another's page for another municipality or police area.
REPEATS = frozenset({"other_municipality", "other_area", "other_shared"})
# Staff before the visitor: a page that both may read is opened logged in, unless it is public.
ORDER = ["alice", "bob", "charlie", "kerstin", "klas", "lena", "rita", "ada", "anonymous"]
# The loop runs over the pages, not past them: the entrance, a source, the lägesbild, goals and promises are opened.
LANDMARKS = frozenset({"overview", "sources", "situation", "goals", "citizens_home"})
PARTS = 8


def part(index: int) -> list[str]:
    """The URL names of one part: every PARTS-th name of the URL configuration (and of the rules)."""
    return NAMES[index::PARTS]


def pages(cast: Cast, names: list[str]) -> Iterator[tuple[str, str, list[str]]]:
    """(identity, URL, the other identities that may read it) of every page of these URL names, from their rules."""
    identities = sorted(IDENTITIES, key=lambda identity: ORDER.index(identity.name))
    public = identities[-1:] + identities[:-1]  # the visitor first on a public page
    for name in names:
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


def _cast() -> Cast:
    with disable_auditlog():  # the world's making is no one's change
        return build_cast()


@pytest.fixture
def cast(transactional_db, monkeypatch) -> Cast:
    """The permission matrix's world, its rows copied in from one made once per worker (tests/snapshots.py); the
    parts share its objects and only read them."""
    # The PDFs are not opened here: WeasyPrint's second a page is left out of the content-type check.
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda self, *args, **kwargs: STUB_PDF)
    return snapshots.load_cast(_cast)


@pytest.fixture(scope="module")
def tabs(browser: Browser, live_server) -> Iterator[dict[str, Page]]:
    """A tab of each identity's own, kept from part to part (a new one starts a renderer and loads the styles and
    scripts anew), each page of it with axe as it loads (tests/browser/fixtures.py finds it there)."""
    made: dict[str, Page] = {}
    yield made
    for tab in made.values():
        tab.context.close()


@pytest.mark.parametrize("index", range(PARTS), ids=lambda index: f"part{index + 1}")
def test_every_page_is_accessible_to_whoever_may_read_it(
    index: int, cast: Cast, tabs: dict[str, Page], browser: Browser, live_server, settings
):
    settings.REQUIRE_2FA = False
    clients: dict[str, Client] = {}
    readers: dict[str, Client] = {}  # the other identities that may read a page, without a browser
    opened = []
    for who, url, others in pages(cast, part(index)):
        if who not in clients:
            clients[who] = Client()
            if who not in tabs:
                context = browser.new_context(
                    base_url=live_server.url, locale="sv-SE", viewport={"width": DESKTOP[0], "height": DESKTOP[1]}
                )
                context.add_init_script(script=AXE_SCRIPT)
                tabs[who] = context.new_page()
            tabs[who].context.clear_cookies()  # an earlier part's session went with its database
            if who != "anonymous":
                clients[who].force_login(cast.users[who])
                session = clients[who].cookies[settings.SESSION_COOKIE_NAME].value
                tabs[who].context.add_cookies(
                    [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
                )
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
    expected = {reverse(name) for name in LANDMARKS & set(part(index))}
    assert expected <= set(opened), sorted(expected - set(opened))


def test_the_parts_hold_every_url_once():
    names = [name for index in range(PARTS) for name in part(index)]
    assert sorted(names) == NAMES
    assert LANDMARKS.issubset(names)
