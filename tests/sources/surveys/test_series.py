"""The dated figures per wave other layers read: the waves of a window, and the latest wave before a day."""

from __future__ import annotations

import datetime

from samverkan.organisations.models import Municipality
from samverkan.sources.surveys.indices import Share
from samverkan.sources.surveys.series import AreaFigures, ItemFigure, latest_wave_before, survey_figures
from tests.sources.surveys.conftest import import_survey

D = datetime.date


def three_waves() -> None:
    """The same file as three waves: 2024 (the whole year), spring 2025 and autumn 2025."""
    import_survey("trygghet-2025-utf8.csv", "--wave", "Höst", "--opened-on", "2025-10-06", "--closed-on", "2025-11-16")
    import_survey("trygghet-2025-utf8.csv", "--wave", "Vår", "--opened-on", "2025-03-03", "--closed-on", "2025-03-31")
    import_survey("trygghet-2025-utf8.csv", "--wave", "2024")


def test_it_gives_the_waves_opened_in_the_window_oldest_first(world):
    three_waves()
    figures = survey_figures(municipality=world.arjeplog, start=D(2025, 1, 1), end=D(2025, 12, 31))
    assert [(f.name, f.opened_on, f.closed_on) for f in figures] == [
        ("Vår", D(2025, 3, 3), D(2025, 3, 31)),
        ("Höst", D(2025, 10, 6), D(2025, 11, 16)),
    ]
    assert survey_figures(municipality=world.arjeplog, start=D(2025, 3, 4), end=D(2025, 10, 5)) == []


def test_it_computes_the_figures_of_a_wave(world):
    three_waves()
    (autumn,) = survey_figures(municipality=world.arjeplog, start=D(2025, 7, 1), end=D(2025, 12, 31))
    # By hand from Arjeplog's four respondents in the file.
    assert autumn.respondents == 4
    assert autumn.items == (
        ItemFigure("problem_nedskrapning", "Nedskräpning", 8 / 3, 3),  # 2, 6, 0; "vet ej" left out
        ItemFigure("problem_buskorning", "Buskörning med moped, A-traktor eller snöskoter", 16 / 3, 3),
        ItemFigure("problem_fortkorning", "Bilar som kör för fort", 4.0, 3),
    )
    assert autumn.problem_index == 4.0
    assert autumn.unsafe_evening_share == Share(2, 4)
    assert autumn.victimisation_share == Share(1, 3)
    assert autumn.areas == (AreaFigures("Centrum", 2, 5.0), AreaFigures("Slagnäs", 1, 2.0))
    speeding = autumn.item("problem_fortkorning")
    assert speeding is not None and speeding.index == 4.0
    assert autumn.item("problem_klotter") is None


def latest_name(municipality: Municipality, day: datetime.date) -> str | None:
    figures = latest_wave_before(municipality=municipality, day=day)
    return None if figures is None else figures.name


def test_it_finds_the_latest_wave_opened_on_or_before_a_day(world):
    three_waves()
    assert latest_name(world.arjeplog, D(2025, 10, 6)) == "Höst"
    assert latest_name(world.arjeplog, D(2025, 10, 5)) == "Vår"
    assert latest_name(world.arjeplog, D(2024, 12, 31)) == "2024"
    assert latest_name(world.arjeplog, D(2023, 12, 31)) is None
    assert latest_name(world.lulea, D(2025, 12, 31)) is None


def test_it_reads_any_number_of_waves_in_three_queries(world, django_assert_num_queries):
    three_waves()
    with django_assert_num_queries(3):
        survey_figures(municipality=world.arjeplog, start=D(2024, 1, 1), end=D(2025, 12, 31))
