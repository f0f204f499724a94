"""Writing goals, their indicators and the values entered by hand. Who may write is the views' business
(samverkan.planning.goals.selectors); these keep the records consistent."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import Agreement
from samverkan.organisations.models import FocusArea, Municipality, User
from samverkan.planning.goals.measurements import baseline_figure
from samverkan.planning.goals.models import Goal, Indicator, ManualValue
from samverkan.situation.models import Baseline
from samverkan.sources.bra.models import CrimeCategory
from samverkan.sources.incidents.models import IncidentCategory
from samverkan.sources.incidents.services import incident_categories_for
from samverkan.sources.indicators.models import Indicator as ImportedIndicator
from samverkan.sources.kolada.models import Kpi
from samverkan.sources.surveys import bank
from samverkan.sources.surveys.models import Question

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

MUNICIPALITY_OUTSIDE_AGREEMENT = _("The municipality is not one of the agreement's.")
FOCUS_AREA_OUTSIDE_AGREEMENT = _("The focus area is not one of the agreement's.")
INDICATOR_OUTSIDE_GOAL = _("A separate goal is measured in its own municipality.")
KEY_REQUIRED = _("Say which category, type, item, key figure or indicator the series is read from.")
KEY_FOR_MANUAL = _("A series entered by hand is read from nowhere: leave this empty.")
UNKNOWN_KEY = _("There is no such series: “%(key)s”.")
BASELINE_OTHER_MUNICIPALITY = _("Choose a situation picture adopted for the municipality the indicator is measured in.")
BASELINE_VALUE_REQUIRED = _(
    "The situation picture has no figure for this series: enter the baseline value from it by hand."
)
BASELINE_VALUE_WITHOUT_BASELINE = _("Choose the adopted situation picture the baseline value comes from.")
NOT_MANUAL = _("Values are entered by hand only for a series entered by hand.")

S = Indicator.Series


def _check_goal(*, agreement: Agreement, focus_area: FocusArea, municipality: Municipality | None) -> None:
    errors = {}
    if municipality is not None and not agreement.municipalities.filter(pk=municipality.pk).exists():
        errors["municipality"] = [MUNICIPALITY_OUTSIDE_AGREEMENT]
    if agreement.focus_areas.exists() and not agreement.focus_areas.filter(pk=focus_area.pk).exists():
        errors["focus_area"] = [FOCUS_AREA_OUTSIDE_AGREEMENT]
    if errors:
        raise ValidationError(errors)


def goal_create(
    *, agreement: Agreement, focus_area: FocusArea, municipality: Municipality | None, title: str, description: str
) -> Goal:
    """A common goal (no municipality) of the whole agreement, or a separate goal of one of its municipalities."""
    _check_goal(agreement=agreement, focus_area=focus_area, municipality=municipality)
    goal = Goal(
        agreement=agreement,
        focus_area=focus_area,
        municipality=municipality,
        title=title.strip(),
        description=description.strip(),
    )
    goal.full_clean()
    goal.save()
    return goal


def goal_update(*, goal: Goal, focus_area: FocusArea, title: str, description: str) -> Goal:
    _check_goal(agreement=goal.agreement, focus_area=focus_area, municipality=goal.municipality)
    goal.focus_area, goal.title, goal.description = focus_area, title.strip(), description.strip()
    goal.full_clean()
    goal.save(update_fields=["focus_area", "title", "description"])
    return goal


def _key_exists(series: str, key: str, municipality: Municipality) -> bool:
    match series:
        case S.CRIME:
            return CrimeCategory.objects.filter(name=key).exists()
        case S.INCIDENTS:
            incident_categories_for(municipality)  # a municipality starts with the standard list
            return IncidentCategory.objects.filter(municipality=municipality, name=key).exists()
        case S.SURVEY_ITEM:
            return Question.objects.filter(key=key, kind=bank.PROBLEM).exists()
        case S.KOLADA:
            return Kpi.objects.filter(pk=key).exists()
        case S.INDICATOR:
            return ImportedIndicator.objects.filter(key=key).exists()
    return True  # police event types come and go with the feed; the survey figures need no key


def _check_key(series: str, key: str, municipality: Municipality) -> None:
    error: ValidationError | StrPromise | None
    if series == S.MANUAL:
        error = KEY_FOR_MANUAL if key else None
    elif series in {S.SURVEY_INDEX, S.SURVEY_UNSAFE, S.SURVEY_VICTIMS}:
        error = None
    elif not key:
        error = KEY_REQUIRED
    elif not _key_exists(series, key, municipality):
        error = ValidationError(UNKNOWN_KEY, params={"key": key})
    else:
        error = None
    if error is not None:
        raise ValidationError({"key": [error]})


def _set_baseline(indicator: Indicator, baseline: Baseline | None, value: float | None) -> None:
    """The figure of the series in the adopted lägesbild, or (when it has none) the value entered by hand, is
    kept with the indicator, so that the baseline never has to be worked out again."""
    if baseline is None:
        if value is not None:
            raise ValidationError({"baseline": [BASELINE_VALUE_WITHOUT_BASELINE]})
        indicator.baseline, indicator.baseline_value = None, None
        return
    if baseline.municipality_id != indicator.municipality_id:
        raise ValidationError({"baseline": [BASELINE_OTHER_MUNICIPALITY]})
    figure, _n = baseline_figure(baseline=baseline, series=indicator.series, key=indicator.key)
    if figure is None and value is None:
        raise ValidationError({"baseline_value": [BASELINE_VALUE_REQUIRED]})
    indicator.baseline, indicator.baseline_value = baseline, figure if figure is not None else value


def indicator_set_baseline(*, indicator: Indicator, baseline: Baseline, value: float | None = None) -> Indicator:
    """Start the indicator from an adopted lägesbild of its municipality; `value` when that lacks the figure."""
    _set_baseline(indicator, baseline, value)
    indicator.save(update_fields=["baseline", "baseline_value"])
    return indicator


@transaction.atomic
def indicator_create(
    *,
    goal: Goal,
    municipality: Municipality,
    name: str,
    series: str,
    key: str,
    target_value: float,
    direction: str,
    target_date: datetime.date,
    baseline: Baseline | None = None,
    baseline_value: float | None = None,
) -> Indicator:
    if goal.municipality_id is not None and goal.municipality_id != municipality.pk:
        raise ValidationError({"municipality": [INDICATOR_OUTSIDE_GOAL]})
    if goal.municipality_id is None and not goal.agreement.municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError({"municipality": [MUNICIPALITY_OUTSIDE_AGREEMENT]})
    key = key.strip()
    _check_key(series, key, municipality)
    indicator = Indicator(
        goal=goal,
        municipality=municipality,
        name=name.strip(),
        series=series,
        key=key,
        target_value=target_value,
        direction=direction,
        target_date=target_date,
    )
    _set_baseline(indicator, baseline, baseline_value)
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def indicator_update(
    *,
    indicator: Indicator,
    name: str,
    key: str,
    target_value: float,
    direction: str,
    target_date: datetime.date,
    baseline: Baseline | None,
    baseline_value: float | None = None,
) -> Indicator:
    """Everything but the goal, the municipality and the kind of series, which give the indicator its meaning."""
    key = key.strip()
    _check_key(indicator.series, key, indicator.municipality)
    indicator.name, indicator.key = name.strip(), key
    indicator.target_value, indicator.direction, indicator.target_date = target_value, direction, target_date
    _set_baseline(indicator, baseline, baseline_value)
    indicator.full_clean()
    indicator.save()
    return indicator


def manual_value_save(
    *, indicator: Indicator, measured_on: datetime.date, value: float, note: str, by: User
) -> ManualValue:
    """Enter a measurement by hand; a second one the same day replaces the first."""
    if indicator.series != S.MANUAL:
        raise ValidationError(NOT_MANUAL)
    manual = ManualValue.objects.filter(indicator=indicator, measured_on=measured_on).first() or ManualValue(
        indicator=indicator, measured_on=measured_on
    )
    manual.value, manual.note, manual.entered_by = value, note.strip(), by
    manual.full_clean()
    manual.save()
    return manual


def manual_value_delete(*, value: ManualValue) -> None:
    value.delete()
