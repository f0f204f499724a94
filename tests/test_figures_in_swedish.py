"""Every figure a Swedish page prints has a decimal comma: the demo's pages, crawled as Arjeplog's coordinator
and as the police contact by following links from the start page, show no number with a decimal point and no
float printed as it is in their text, charts included.

The text is what a reader sees: text nodes outside <script> and <style>, attributes left out (coordinates in
SVG paths, ids, URLs in href). Dates (2026-11-30) and times (14:30) have no point between digits to trip on.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.test import Client

from samverkan.organisations.models import User

DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")
# A float printed as it is ("4,333333333333333"); a coordinate has its six decimals, a figure at most two.
TOO_MANY_DECIMALS = re.compile(r"(?<![\d,])\d+,\d{7,}(?![\d,])")
MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
# Not figures: a time after a date ("28 oktober 09.33", Swedish writes a point in a time), a licence's version.
NOT_FIGURES = re.compile(
    rf"\b\d{{1,2}} (?:{MONTHS})(?: \d{{4}})?,? (?:kl\. )?\d{{2}}\.\d{{2}}\b|\bCC BY(?:-SA)? \d\.\d\b"
)
SKIPPED = ("/logout", "/logga-ut", "/admin/", "/static/", "/media/", "/api/", "/i18n/")
DOWNLOADS = (".pdf", ".csv", ".xlsx", ".ics", ".json", ".geojson", ".zip", ".xml", ".txt")
PER_KIND = 2  # pages read per kind of page (its path with the ids made "N")


class _Text(HTMLParser):
    """The text nodes of a page outside <script> and <style>, and its same-site links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.texts.append(data.strip())


def figures_with_a_point(html: str) -> tuple[list[str], list[str]]:
    """(the texts with a number written with a decimal point or more than two decimals, the page's links)."""
    parser = _Text()
    parser.feed(html)
    figures = [(text, NOT_FIGURES.sub("", text)) for text in parser.texts]
    bad = [text for text, rest in figures if DECIMAL_POINT.search(rest) or TOO_MANY_DECIMALS.search(rest)]
    return bad, parser.links


def _followed(href: str) -> str | None:
    path = urldefrag(href).url
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(SKIPPED) or parts.path.lower().endswith(DOWNLOADS) or parts.path.endswith("/pdf/"):
        return None
    if "format=" in parts.query:  # an export: a PDF or a file, no page
        return None
    return path


def _kind(path: str) -> str:
    return re.sub(r"\d+", "N", urlsplit(path).path)


def crawl(client: Client, start: str = "/") -> tuple[int, dict[str, list[str]]]:
    """How many pages were read by following links from `start` (PER_KIND of each kind), and those with texts
    that print a decimal point, with the texts."""
    seen, queue, found, read, kinds = {start}, [start], {}, 0, Counter[str]()
    while queue:
        url = queue.pop(0)
        kinds[_kind(url)] += 1
        if kinds[_kind(url)] > PER_KIND:
            continue
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="sv")
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        read += 1
        bad, links = figures_with_a_point(response.content.decode())
        if bad:
            found[url] = bad
        for href in links:
            path = _followed(href)
            if path and path not in seen:
                seen.add(path)
                queue.append(path)
    return read, found


def test_it_finds_a_decimal_point_and_a_raw_float_but_not_a_date_or_an_attribute():
    page = """<p>Index 76.4 av 100</p><p>4,333333333333333 per månad</p><p>(66,051234, 17,888)</p>
    <p>2026-11-30 kl. 14:30</p><p>28 oktober 09.33</p>
    <p>Kolada (CC BY 4.0)</p><p>28 oktober 09.33: 4.5 per 1 000</p>
    <svg><path d="M 1.5 2.5"/><text x="10.5">12,5</text></svg><script>var a = 1.5;</script>
    <a href="/v1.2/">länk</a>"""
    bad, links = figures_with_a_point(page)
    assert bad == ["Index 76.4 av 100", "4,333333333333333 per månad", "28 oktober 09.33: 4.5 per 1 000"]
    assert links == ["/v1.2/"]


@pytest.mark.parametrize("username", ["arjeplog.samordnare", "polis.kontaktperson"])
def test_no_swedish_page_prints_a_figure_with_a_decimal_point(demo, client, username):
    client.force_login(User.objects.get(username=username))
    read, found = crawl(client)
    assert read >= 40, "the crawl should reach the pages of every app"
    assert found == {}, "\n".join(f"{url}: {texts}" for url, texts in found.items())
