from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from samverkan.demo import DEMO_PASSWORD
from tests.browser.fixtures import assert_accessible, log_in

# CI keeps what lands here: a picture of the hotspot map as Chromium drew it.
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-results"


def test_it_shows_arjeplogs_lagesbild_with_the_demo_data(demo, page: Page):
    log_in(page, "arjeplog.samordnare", DEMO_PASSWORD)
    page.goto("/lagesbild/kommun/2506/?start=2025-01-01&end=2025-12-31")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lägesbild: Arjeplog")
    for section in (
        "I korthet",
        "Rangordnade problem",
        "Händelser",
        "Årshjulet (säsonger)",
        "Hotspots",
        "Anmälda brott (Brå)",
        "Polisens händelser",
        "Trygghetsmätning",
        "Nyckeltal och andra indikatorer",
        "Slutsatser",
    ):
        expect(page.get_by_role("heading", level=2, name=section, exact=True)).to_be_visible()
    hexagons = page.locator("[data-map] .leaflet-overlay-pane path")
    expect(hexagons.first).to_be_visible()
    assert hexagons.count() > 5  # the outline and the cells
    assert page.locator("figure.chart svg[role=img]").count() >= 7
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("[data-glance=where]").screenshot(path=ARTIFACTS / "lagesbild-arjeplog-hotspots.png")
    assert (ARTIFACTS / "lagesbild-arjeplog-hotspots.png").stat().st_size > 10_000
    assert_accessible(page)
