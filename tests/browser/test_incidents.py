from __future__ import annotations

from django.utils import timezone
from playwright.sync_api import Page, expect

from samverkan.core import clock
from samverkan.sources.incidents.models import Incident
from tests.browser.fixtures import assert_accessible, log_in


def test_it_logs_an_incident_on_the_map_and_shows_it_in_this_week(page: Page, world):
    log_in(page, "alice")
    page.goto("/kartlaggning/incidenter/ny/")
    expect(page.locator("#incident-map .leaflet-overlay-pane path")).to_have_count(1)  # Arjeplog's outline
    assert_accessible(page)

    when = timezone.localtime(clock.now())  # now, to the minute: the week view opens on this week, today included
    page.locator("#id_occurred_from").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Kategori").select_option("Klotter")
    page.get_by_label("2 – medel").check()
    page.locator("#incident-map").click()
    expect(page.get_by_label("Latitud")).not_to_have_value("")
    lat = float(page.get_by_label("Latitud").input_value())
    lng = float(page.get_by_label("Longitud").input_value())
    assert 66.0 < lat < 67.0 and 17.0 < lng < 18.0

    page.get_by_label("Beskrivning").fill("Pojke 850512-1234 klottrade på skolan")
    page.get_by_role("button", name="Logga händelsen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("#id_description_error")).to_contain_text("personnummer")
    expect(page.get_by_label("Latitud")).to_have_value(f"{lat}")
    assert not Incident.objects.exists()
    assert_accessible(page)

    page.get_by_label("Beskrivning").fill("Klotter på skolans gavel mot parkeringen")
    page.get_by_role("button", name="Logga händelsen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Klotter, Arjeplog")
    incident = Incident.objects.get()
    assert (round(incident.lat, 6), round(incident.lng, 6)) == (round(lat, 6), round(lng, 6))
    assert_accessible(page)

    # The overview counts it among this week's incidents and links to the week, which opens on this week.
    page.goto("/")
    week_link = page.locator('a[href="/kartlaggning/incidenter/vecka/?kommun=2506"]')
    expect(week_link).to_have_text("Arjeplog: 1")
    assert_accessible(page)
    week_link.click()
    iso_week = incident.occurred_from.astimezone(timezone.get_current_timezone()).isocalendar().week
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"vecka {iso_week}")
    row = page.locator("section", has=page.get_by_role("heading", name="Efter kategori")).get_by_role(
        "row", name="Klotter"
    )
    expect(row.get_by_role("cell").first).to_have_text("1")
    expect(page.locator("section", has=page.get_by_role("heading", name="Veckans händelser"))).to_contain_text(
        "Klotter"
    )
    expect(page.locator(".map .leaflet-overlay-pane path")).to_have_count(2)  # the outline and the incident
    assert_accessible(page)
