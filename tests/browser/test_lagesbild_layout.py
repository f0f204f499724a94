"""The lägesbild reads top-down: its first screen, then sections that open on demand; closed, the page of the
demo's picture is at most eight screens of 900 px at 1 280 px wide."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from samverkan.demo import DEMO_PASSWORD
from tests.browser.fixtures import assert_accessible, log_in

WIDTH, SCREEN = 1280, 900
SECTIONS = ("problems", "incidents", "seasons", "hotspots", "crime", "events", "survey", "figures", "conclusions")


def open_lagesbild(page: Page) -> None:
    page.set_viewport_size({"width": WIDTH, "height": SCREEN})
    log_in(page, "arjeplog.samordnare", DEMO_PASSWORD)
    page.goto("/lagesbild/kommun/2506/")  # the last full year, the demo's richest


def test_it_fits_the_closed_lagesbild_in_eight_screens(demo, page: Page):
    open_lagesbild(page)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = false)")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 8 * SCREEN, f"{height} px is more than 8 screens of {SCREEN} px"
    # The first screen says what the problems are, where, and where they are going.
    for part in ("main-problems", "where", "trend"):
        box = page.locator(f"[data-glance={part}]").bounding_box()
        assert box is not None and box["y"] < SCREEN, part
    assert_accessible(page)


def test_it_opens_each_section_by_its_summary(demo, page: Page):
    open_lagesbild(page)
    for key in SECTIONS:
        section = page.locator(f"section#{key}")
        body = section.locator("details > :not(summary)").first
        expect(body).to_be_hidden()
        section.locator("summary").first.click()
        expect(body).to_be_visible()
    # The key figures are small charts with region names, each with its table.
    figures = page.locator("section#figures figure.small-multiple")
    assert figures.count() >= 10
    first = figures.first
    expect(first.locator("svg[role=img]")).to_be_visible()
    first.locator("summary").click()
    headers = first.locator("thead th").all_inner_texts()
    assert "Arjeplog" in headers and "Norrbottens län" in headers, headers
    assert not {"00", "25", "2506"} & set(headers)
    assert_accessible(page)


def test_it_opens_the_section_the_contents_link_to(demo, page: Page):
    open_lagesbild(page)
    page.locator("nav.toc a[href='#survey']").click()
    expect(page.locator("section#survey details")).to_have_attribute("open", "")
    page.locator("nav.toc [data-sections=open]").click()
    for key in SECTIONS:
        expect(page.locator(f"section#{key} > details")).to_have_attribute("open", "")
    assert_accessible(page)
    page.locator("nav.toc [data-sections=close]").click()
    expect(page.locator("section#survey > details")).not_to_have_attribute("open", "")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what the browser sends before it prints
    for key in SECTIONS:
        expect(page.locator(f"section#{key} > details")).to_have_attribute("open", "")
