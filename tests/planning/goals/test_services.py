"""Writing goals, indicators and values entered by hand: what the services keep consistent."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from samverkan.core.privacy import PERSONNUMMER_REFUSED
from samverkan.organisations.models import FocusArea
from samverkan.planning.goals import services
from samverkan.planning.goals.models import Indicator, ManualValue
from tests.planning.goals.conftest import common_goal, measure, separate_goal

S = Indicator.Series


def errors(call, *args, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        call(*args, **kwargs)
    return error.value.message_dict


def test_it_creates_a_common_and_a_separate_goal(world):
    common, separate = common_goal(world), separate_goal(world)
    assert (common.is_common, common.agreement, common.municipality) == (True, world.part1, None)
    assert (separate.is_common, separate.agreement) == (False, world.arjeplog_part2)
    assert separate.municipality == world.arjeplog


def test_it_keeps_a_separate_goal_inside_its_agreements_municipalities(world):
    bra = FocusArea.objects.get(short_name="BRÅ")
    assert errors(
        services.goal_create,
        agreement=world.arjeplog_part2,
        focus_area=bra,
        municipality=world.arvidsjaur,
        title="Mål",
        description="",
    ) == {"municipality": [str(services.MUNICIPALITY_OUTSIDE_AGREEMENT)]}


def test_it_keeps_a_goal_inside_its_agreements_focus_areas(world):
    traffic = FocusArea.objects.create(short_name="Trafik", name="Trafiksäkerhet")
    assert errors(
        services.goal_create, agreement=world.part1, focus_area=traffic, municipality=None, title="Mål", description=""
    ) == {"focus_area": [str(services.FOCUS_AREA_OUTSIDE_AGREEMENT)]}
    goal = common_goal(world)
    assert errors(services.goal_update, goal=goal, focus_area=traffic, title="Mål", description="") == {
        "focus_area": [str(services.FOCUS_AREA_OUTSIDE_AGREEMENT)]
    }


def test_it_refuses_a_personal_identity_number_in_the_free_text(world):
    goal = common_goal(world)
    assert errors(
        services.goal_update, goal=goal, focus_area=goal.focus_area, title="Mål", description="Gäller 19850101-1234"
    ) == {"description": [str(PERSONNUMMER_REFUSED)]}
    walks = measure(goal, S.MANUAL)
    assert errors(
        services.manual_value_save,
        indicator=walks,
        measured_on=datetime.date(2025, 1, 1),
        value=1,
        note="Ledd av 850101-1234",
        by=world.alice,
    ) == {"note": [str(PERSONNUMMER_REFUSED)]}


def test_it_measures_a_separate_goal_in_its_own_municipality_only(world):
    assert errors(measure, separate_goal(world), S.SURVEY_INDEX, municipality=world.arvidsjaur) == {
        "municipality": [str(services.INDICATOR_OUTSIDE_GOAL)]
    }


def test_it_measures_a_common_goal_in_the_agreements_municipalities_only(world):
    assert errors(measure, common_goal(world), S.SURVEY_INDEX, municipality=world.lulea) == {
        "municipality": [str(services.MUNICIPALITY_OUTSIDE_AGREEMENT)]
    }


@pytest.mark.parametrize(
    ("series", "key", "message"),
    [
        (S.CRIME, "", services.KEY_REQUIRED),
        (S.POLICE_EVENTS, " ", services.KEY_REQUIRED),
        (S.MANUAL, "Klotter", services.KEY_FOR_MANUAL),
        (S.CRIME, "Sådant brott finns inte", str(services.UNKNOWN_KEY) % {"key": "Sådant brott finns inte"}),
        (S.INCIDENTS, "Älgjakt", str(services.UNKNOWN_KEY) % {"key": "Älgjakt"}),
        (S.SURVEY_ITEM, "trygg_kvall", str(services.UNKNOWN_KEY) % {"key": "trygg_kvall"}),
        (S.KOLADA, "N00000", str(services.UNKNOWN_KEY) % {"key": "N00000"}),
        (S.INDICATOR, "okand", str(services.UNKNOWN_KEY) % {"key": "okand"}),
    ],
)
def test_it_checks_which_series_an_indicator_reads(world, series, key, message):
    assert errors(measure, common_goal(world), series, key) == {"key": [str(message)]}


def test_it_accepts_a_standard_incident_category_before_the_municipality_used_any(world):
    assert measure(common_goal(world), S.INCIDENTS, "Klotter", municipality=world.arvidsjaur).key == "Klotter"


def test_it_changes_an_indicators_target_but_not_what_it_measures(world):
    goal = common_goal(world)
    index = measure(goal, S.SURVEY_INDEX, target=2.0)
    services.indicator_update(
        indicator=index,
        name="Problemindex",
        key="",
        target_value=1.5,
        direction=Indicator.Direction.DOWN,
        target_date=datetime.date(2027, 12, 31),
        baseline=None,
    )
    stored = Indicator.objects.get(pk=index.pk)
    assert (stored.name, stored.target_value, stored.target_date) == ("Problemindex", 1.5, datetime.date(2027, 12, 31))
    assert (stored.series, stored.municipality, stored.goal) == (S.SURVEY_INDEX, world.arjeplog, goal)


def test_it_replaces_a_value_entered_the_same_day_and_refuses_values_for_other_series(world):
    goal = common_goal(world)
    walks = measure(goal, S.MANUAL)
    day = datetime.date(2025, 5, 1)
    services.manual_value_save(indicator=walks, measured_on=day, value=2, note="", by=world.alice)
    services.manual_value_save(indicator=walks, measured_on=day, value=3, note="Rättat", by=world.bob)
    assert list(ManualValue.objects.values_list("value", "note", "entered_by")) == [(3.0, "Rättat", world.bob.pk)]
    index = measure(goal, S.SURVEY_INDEX)
    with pytest.raises(ValidationError) as error:
        services.manual_value_save(indicator=index, measured_on=day, value=1, note="", by=world.alice)
    assert error.value.messages == [str(services.NOT_MANUAL)]
