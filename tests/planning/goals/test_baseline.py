"""The baseline: an indicator's figure in the adopted lägesbild, dated at its end and kept with the indicator."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from samverkan.planning.goals import services
from samverkan.planning.goals.measurements import Measurement, baseline_for, measurements
from samverkan.planning.goals.models import Indicator
from samverkan.situation import services as situation_services
from samverkan.situation.selectors import Period, picture_for
from samverkan.sources.kolada.models import Kpi
from tests.planning.goals.conftest import YOUNG_DRINKERS, adopt, common_goal, measure
from tests.situation.conftest import log

S = Indicator.Series
END_2024 = datetime.date(2024, 12, 31)
PERIOD = "2024-01-01 – 2024-12-31"


@pytest.mark.parametrize(
    ("series", "key", "value", "n"),
    [
        (S.INCIDENTS, "Klotter", 2.0, None),
        (S.INCIDENTS, "Inbrott", 0.0, None),  # none logged in the period
        (S.POLICE_EVENTS, "Rattfylleri", 2.0, None),
        (S.CRIME, "Skadegörelse", 40.0, None),
        (S.KOLADA, "N07403", 1200.0, None),
        (S.INDICATOR, YOUNG_DRINKERS, 30.0, 20),
        (S.SURVEY_INDEX, "", 3.0, 10),  # the 2022 wave: the latest the lägesbild of 2024 had
        (S.SURVEY_ITEM, "problem_klotter", 3.0, 10),
        (S.SURVEY_UNSAFE, "", 20.0, 10),
        (S.SURVEY_VICTIMS, "", 10.0, 10),
    ],
)
def test_it_takes_the_figure_from_the_adopted_lagesbild_dated_at_its_end(figures, baseline, series, key, value, n):
    indicator = measure(common_goal(figures), series, key, baseline=baseline)
    assert baseline_for(indicator) == Measurement(END_2024, value, PERIOD, n)
    assert Indicator.objects.get(pk=indicator.pk).baseline_value == value


def test_it_takes_the_latest_wave_of_a_lagesbild_with_several(figures):
    period = Period(datetime.date(2022, 1, 1), datetime.date(2025, 12, 31))
    picture = picture_for(municipality=figures.arjeplog, period=period)
    several = situation_services.baseline_adopt(picture=picture, by=figures.alice, municipality=figures.arjeplog)
    index = measure(common_goal(figures), S.SURVEY_INDEX, baseline=several)
    assert baseline_for(index) == Measurement(datetime.date(2025, 12, 31), 2.0, "2022-01-01 – 2025-12-31", 4)


def test_it_keeps_the_baseline_when_newer_data_about_its_period_arrives(figures, baseline):
    klotter = measure(common_goal(figures), S.INCIDENTS, "Klotter", baseline=baseline)
    log(figures, "2024-11-11", "Klotter")
    kept = baseline_for(klotter)
    assert kept is not None and kept.value == 2.0
    assert [m.value for m in measurements(klotter) if m.date == END_2024] == [3.0]


def test_it_takes_the_value_entered_by_hand_when_the_lagesbild_has_no_figure(figures, baseline):
    walks = measure(common_goal(figures), S.MANUAL, baseline=baseline, baseline_value=4)
    assert baseline_for(walks) == Measurement(END_2024, 4.0, PERIOD)
    Kpi.objects.create(id="N07540", title="Anmälda brott totalt, antal/100 000 inv")  # imported after the adoption
    total = measure(common_goal(figures), S.KOLADA, "N07540")
    services.indicator_set_baseline(indicator=total, baseline=baseline, value=9800)
    assert baseline_for(Indicator.objects.get(pk=total.pk)) == Measurement(END_2024, 9800.0, PERIOD)


def test_it_prefers_the_lagesbilds_figure_to_a_value_entered_by_hand(figures, baseline):
    klotter = measure(common_goal(figures), S.INCIDENTS, "Klotter", baseline=baseline, baseline_value=99)
    assert klotter.baseline_value == 2.0


def test_it_asks_for_the_value_by_hand_when_the_lagesbild_has_no_figure(figures, baseline):
    with pytest.raises(ValidationError) as error:
        measure(common_goal(figures), S.MANUAL, baseline=baseline)
    assert error.value.message_dict == {"baseline_value": [str(services.BASELINE_VALUE_REQUIRED)]}


def test_it_sets_the_baseline_of_an_indicator_afterwards(figures, baseline):
    damage = measure(common_goal(figures), S.CRIME, "Skadegörelse")
    assert baseline_for(damage) is None
    services.indicator_set_baseline(indicator=damage, baseline=baseline)
    stored = Indicator.objects.get(pk=damage.pk)
    assert (stored.baseline, stored.baseline_value) == (baseline, 40.0)
    assert baseline_for(stored) == Measurement(END_2024, 40.0, PERIOD)


def test_it_refuses_a_lagesbild_of_another_municipality(figures):
    arvidsjaurs = adopt(figures, figures.arvidsjaur)
    with pytest.raises(ValidationError) as error:
        measure(common_goal(figures), S.CRIME, "Skadegörelse", baseline=arvidsjaurs)
    assert error.value.message_dict == {"baseline": [str(services.BASELINE_OTHER_MUNICIPALITY)]}


def test_it_refuses_a_baseline_value_without_a_lagesbild(figures):
    with pytest.raises(ValidationError) as error:
        measure(common_goal(figures), S.MANUAL, baseline_value=3)
    assert error.value.message_dict == {"baseline": [str(services.BASELINE_VALUE_WITHOUT_BASELINE)]}
