"""Each kind of series read live from its source, on the hand-made figures of conftest.py."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samverkan.planning.goals import services
from samverkan.planning.goals.measurements import Measurement, measurements
from samverkan.planning.goals.models import Indicator
from tests.planning.goals.conftest import YOUNG_DRINKERS, common_goal, measure

S = Indicator.Series
D = datetime.date


def values(indicator: Indicator) -> list[tuple[datetime.date, float, str]]:
    return [(m.date, m.value, m.label) for m in measurements(indicator)]


def years_over_since_2026() -> list[int]:
    return list(range(2026, timezone.localdate().year))


def test_it_counts_incidents_of_the_category_a_year_from_the_logs_first_year_to_the_last_one_over(figures):
    klotter = measure(common_goal(figures), S.INCIDENTS, "Klotter")
    zeros = [(D(year, 12, 31), 0.0, str(year)) for year in years_over_since_2026()]
    assert values(klotter) == [
        (D(2023, 12, 31), 0.0, "2023"),
        (D(2024, 12, 31), 2.0, "2024"),
        (D(2025, 12, 31), 3.0, "2025"),
        *zeros,
    ]


def test_it_counts_police_events_of_the_type_in_any_spelling_but_never_summaries(figures):
    rattfylleri = measure(common_goal(figures), S.POLICE_EVENTS, "RATTFYLLERI ")
    zeros = [(D(year, 12, 31), 0.0, str(year)) for year in years_over_since_2026()]
    assert values(rattfylleri) == [(D(2024, 12, 31), 2.0, "2024"), (D(2025, 12, 31), 1.0, "2025"), *zeros]


def test_it_reads_bras_whole_year_figures_of_the_category(figures):
    damage = measure(common_goal(figures), S.CRIME, "Skadegörelse")
    assert values(damage) == [(D(2024, 12, 31), 40.0, "2024"), (D(2025, 12, 31), 30.0, "2025")]


def test_it_reads_koladas_total_for_the_municipality(figures):
    violence = measure(common_goal(figures), S.KOLADA, "N07403")
    assert values(violence) == [(D(2024, 12, 31), 1200.0, "2024"), (D(2025, 12, 31), 1100.0, "2025")]


def test_it_reads_an_imported_indicator_with_what_each_value_rests_on(figures):
    drinkers = measure(common_goal(figures), S.INDICATOR, YOUNG_DRINKERS)
    assert measurements(drinkers) == [
        Measurement(D(2024, 12, 31), 30.0, "2024", 20),
        Measurement(D(2025, 12, 31), 25.0, "2025", 8),
    ]


def test_it_reads_the_survey_once_per_closed_wave(figures):
    goal = common_goal(figures)
    assert measurements(measure(goal, S.SURVEY_INDEX)) == [
        Measurement(D(2022, 10, 1), 3.0, "Trygghetsmätning 2022", 10),
        Measurement(D(2025, 10, 1), 2.0, "Trygghetsmätning 2025", 4),
    ]
    assert values(measure(goal, S.SURVEY_ITEM, "problem_klotter")) == [
        (D(2022, 10, 1), 3.0, "Trygghetsmätning 2022"),
        (D(2025, 10, 1), 2.0, "Trygghetsmätning 2025"),
    ]
    assert [m.value for m in measurements(measure(goal, S.SURVEY_UNSAFE))] == [20.0, 25.0]
    assert [m.value for m in measurements(measure(goal, S.SURVEY_VICTIMS))] == [10.0, 0.0]


def test_it_skips_a_wave_that_did_not_ask_the_item(figures):
    figures.arjeplog.survey_waves.filter(name="Trygghetsmätning 2025").first().wave_questions.filter(
        question__key="problem_klotter"
    ).delete()
    klotter = measure(common_goal(figures), S.SURVEY_ITEM, "problem_klotter")
    assert [m.label for m in measurements(klotter)] == ["Trygghetsmätning 2022"]


def test_it_reads_the_values_entered_by_hand_in_date_order(figures):
    walks = measure(common_goal(figures), S.MANUAL)
    for day, value in [(D(2025, 9, 1), 5), (D(2025, 3, 1), 2)]:
        services.manual_value_save(indicator=walks, measured_on=day, value=value, note="", by=figures.alice)
    assert values(walks) == [(D(2025, 3, 1), 2.0, "2025-03-01"), (D(2025, 9, 1), 5.0, "2025-09-01")]


def test_it_measures_each_indicator_in_its_own_municipality(figures):
    arvidsjaur = measure(common_goal(figures), S.KOLADA, "N07403", municipality=figures.arvidsjaur)
    assert values(arvidsjaur) == [(D(2025, 12, 31), 800.0, "2025")]
    assert measurements(measure(common_goal(figures), S.INCIDENTS, "Klotter", municipality=figures.arvidsjaur)) == []
