"""The first screen of the lägesbild reads the picture as the audience sees it, and the key figures are named by
their regions, never by their codes."""

from __future__ import annotations

from dataclasses import replace

from samverkan.situation.audience import INTERNAL, PUBLIC, KeyFigures, for_audience
from samverkan.situation.picture import KpiFact
from samverkan.situation.presentation import glance, key_figure_panels
from samverkan.situation.selectors import picture_for
from tests.situation.conftest import YEAR

THIN = "\u202f"  # Swedish's space between thousands


def test_the_first_screen_shows_the_pictures_own_ranking_and_its_trend(picture):
    raw = picture_for(municipality=picture.arjeplog, period=YEAR)
    shown = for_audience(raw, INTERNAL)
    first = glance(shown)
    assert first.problems == shown.problems[:3]
    incidents, events = first.trends[0], first.trends[1]
    # 2025: Klotter ×4 and Brand ×1; 2024: Klotter ×1. Police events: 3 against 1 (the summary not counted).
    assert (incidents.now, incidents.before, incidents.direction) == ("5", "1", "up")
    assert (events.now, events.before, events.direction) == ("3", "1", "up")


def test_the_public_first_screen_adds_up_no_count_it_may_not_see(picture):
    first = glance(for_audience(picture_for(municipality=picture.arjeplog, period=YEAR), PUBLIC))
    incidents = first.trends[0]
    # Brand's single incident is "<3" to the public, and so is any sum that holds it.
    assert (incidents.now, incidents.before, incidents.direction) == ("–", "–", "")


def test_it_names_each_key_figures_regions_and_writes_its_figures_by_kind(picture):
    shown = for_audience(picture_for(municipality=picture.arjeplog, period=YEAR), PUBLIC)
    title = "Anmälda våldsbrott, antal/100 000 inv"
    values = {("00", 2024): 1020.4, ("25", 2024): 1049.6, ("2506", 2024): 1150.0, ("2506", 2025): 980.2}
    kolada = tuple(KpiFact("N07403", title, code, year, value) for (code, year), value in values.items())
    [panel] = key_figure_panels(replace(shown, key_figures=KeyFigures(kolada, ())))
    assert panel.title == title
    assert panel.regions == ("Arjeplog", "Norrbottens län", "Hela landet")
    # Per 100 000 residents: no decimals (core/numbers.py); a year a region lacks is "–".
    assert [(row.year, row.values) for row in panel.rows] == [
        (2024, (f"1{THIN}150", f"1{THIN}050", f"1{THIN}020")),
        (2025, ("980", "–", "–")),
    ]
    assert panel.summary.startswith("Arjeplog: 980 ") and panel.summary.endswith(" 2025.")
    assert "Hela landet" in panel.svg and ">00<" not in panel.svg
