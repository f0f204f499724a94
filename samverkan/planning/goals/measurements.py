"""An indicator's measurements, read live from its source, and its baseline from an adopted lägesbild.

Nothing is copied: a newly imported file shows up in the measurements at once. Counting happens
in the database.
- Yearly series give one value a year, dated 31 December: reported crimes (Brå's whole-year
  figure of the category), police events of the type (summaries never count), logged incidents
  of the category, Kolada (the KPI's total for both genders) and imported indicators. Police
  events and incidents count a year once it is over (read through their source series); a year
  without any of them, after the first one the municipality's source holds, counts 0.
- The safety survey gives one value per closed wave of the municipality, dated the day it opened
  (waves opened the same day in the order they were stored): the problem index (0–6), one item's
  index, or the share (per cent) unsafe late in the evening or victim of a crime in the last 12 months.
- A manual series gives the values entered by hand.
The baseline is the same figure in the adopted lägesbild the indicator starts from, dated at the
end of its period.

"The latest value" has one definition, `followed` below: of the measurements dated after the
baseline, the last one dated on or before the end of the period asked for, and never after today.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from samverkan.core import clock
from samverkan.organisations.models import Municipality
from samverkan.planning.goals.models import Indicator
from samverkan.situation.models import Baseline
from samverkan.situation.selectors import baseline_picture
from samverkan.sources.bra.series import crime_series, crime_years
from samverkan.sources.incidents.series import first_incident_month, incident_series
from samverkan.sources.indicators.series import indicator_series, indicator_years
from samverkan.sources.kolada.series import kpi_series, kpi_years
from samverkan.sources.police_events.parse import type_key
from samverkan.sources.police_events.series import first_event_month, police_event_series
from samverkan.sources.surveys.models import Wave
from samverkan.sources.surveys.series import WaveFigures, wave_figures

S = Indicator.Series
SURVEY_SERIES = {S.SURVEY_INDEX, S.SURVEY_ITEM, S.SURVEY_UNSAFE, S.SURVEY_VICTIMS}


@dataclass(frozen=True)
class Measurement:
    date: datetime.date
    value: float
    label: str
    n: int | None = None  # the answers a survey figure or imported share rests on, when known


def _year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def _yearly(rows: Iterable[tuple]) -> list[Measurement]:
    """(year, value) or (year, value, n) rows as measurements dated 31 December."""
    return [Measurement(_year_end(year), float(value), str(year), *rest) for year, value, *rest in rows]


def _counted_years(first_year: int, counts: dict[int, int], today: datetime.date) -> list[Measurement]:
    """A count a year from the source's first year to the last one over by `today`, 0 where none."""
    return _yearly((year, counts.get(year, 0)) for year in range(first_year, today.year))


def _counted(first_month, read, municipality: Municipality, key: str, today: datetime.date) -> list[Measurement]:
    """A count a year of a counted source (police events of a type, incidents of a category), from the year of
    its first record in the municipality to the last one over."""
    first = first_month(municipality=municipality)
    if first is None or first[0] >= today.year:
        return []
    series = read(municipality=municipality, start=datetime.date(first[0], 1, 1), end=_year_end(today.year - 1))
    return _counted_years(first[0], series.by_year(key), today)


def _survey_figure(series: str, key: str, figures: WaveFigures) -> tuple[float, int] | None:
    """The series' value in the wave's figures and the answers it rests on; None when the wave has none."""
    if series == S.SURVEY_INDEX:
        value, n = figures.problem_index, figures.respondents
    elif series == S.SURVEY_ITEM:
        item = figures.item(key)
        value, n = (item.index, item.n) if item else (None, 0)
    else:
        share = figures.unsafe_evening_share if series == S.SURVEY_UNSAFE else figures.victimisation_share
        value, n = (share.value * 100, figures.respondents) if share else (None, 0)
    return None if value is None else (value, n)


def measurements(indicator: Indicator, *, today: datetime.date | None = None) -> list[Measurement]:
    """Every measurement of the indicator in its municipality, oldest first; counted years are those over by
    `today` (the clock's today when not given)."""
    municipality, key = indicator.municipality, indicator.key
    codes = [municipality.code]
    today = today or clock.today()
    match indicator.series:
        case S.CRIME:
            years = crime_years(region_codes=codes)
            crimes = crime_series(region_codes=codes, years=years, categories=[key])
            return _yearly((f.year, f.count) for f in crimes if f.count is not None)
        case S.POLICE_EVENTS:
            return _counted(first_event_month, police_event_series, municipality, key, today)
        case S.INCIDENTS:
            return _counted(first_incident_month, incident_series, municipality, key, today)
        case S.KOLADA:
            kpis = kpi_series(region_codes=codes, years=kpi_years(region_codes=codes), kpis=[key])
            return _yearly((f.year, f.value) for f in kpis if f.value is not None)
        case S.INDICATOR:
            values = indicator_series(region_codes=codes, years=indicator_years(region_codes=codes), keys=[key])
            return _yearly((f.year, f.value, f.n) for f in values if f.value is not None)
        case S.MANUAL:
            return [
                Measurement(v.measured_on, v.value, v.measured_on.isoformat())
                for v in indicator.manual_values.order_by("measured_on")
            ]
        case _:
            return _survey(indicator)


def _survey(indicator: Indicator) -> list[Measurement]:
    waves = Wave.objects.filter(municipality=indicator.municipality, closed_on__isnull=False)
    result = []
    for figures in wave_figures(waves=waves.order_by("opened_on", "pk")):
        figure = _survey_figure(indicator.series, indicator.key, figures)
        if figure is not None:
            result.append(Measurement(figures.opened_on, figure[0], figures.name, figure[1]))
    return result


def baseline_figure(*, baseline: Baseline, series: str, key: str) -> tuple[float | None, int | None]:
    """The series' figure in an adopted lägesbild and the answers it rests on; (None, None) when it has none.

    Counts of the lägesbild's period (police events, incidents) are 0 when the type or category is not
    listed; yearly figures are those of the period's last year; the survey's is that of its latest wave.
    """
    picture, year = baseline_picture(baseline), baseline.end.year
    match series:
        case S.CRIME:
            count = picture.crime_count(key, year)
            return (None if count is None else float(count)), None
        case S.POLICE_EVENTS:
            event = picture.police_event(type_key(key))
            return float(event.count if event else 0), None
        case S.INCIDENTS:
            category = picture.category(key)
            return float(category.count if category else 0), None
        case S.KOLADA:
            return picture.kpi_value(key, year), None
        case S.INDICATOR:
            found = picture.indicator(key, year)
            return (found.value, found.n) if found else (None, None)
        case _ if series in SURVEY_SERIES and (wave := picture.latest_wave()) is not None:
            if series == S.SURVEY_ITEM:
                item = next((item for item in wave.items if item.key == key), None)
                return (item.index, item.n) if item else (None, None)
            shares: dict[str, float | None] = {
                S.SURVEY_INDEX: wave.problem_index,
                S.SURVEY_UNSAFE: wave.unsafe_evening_share,
                S.SURVEY_VICTIMS: wave.victimisation_share,
            }
            value = shares[series]
            if value is not None and series != S.SURVEY_INDEX:
                value *= 100
            return value, wave.respondents
    return None, None


def baseline_for(indicator: Indicator) -> Measurement | None:
    """The indicator's baseline: its figure in the adopted lägesbild (or, when that has none, the value
    stored with the indicator), dated at the end of the lägesbild's period. None without a lägesbild."""
    baseline = indicator.baseline
    if baseline is None:
        return None
    value, n = baseline_figure(baseline=baseline, series=indicator.series, key=indicator.key)
    if value is None:
        value, n = indicator.baseline_value, None
    if value is None:
        return None
    return Measurement(baseline.end, value, f"{baseline.start:%Y-%m-%d} – {baseline.end:%Y-%m-%d}", n)


def followed(points: list[Measurement], *, baseline: Measurement | None, until: datetime.date) -> list[Measurement]:
    """The measurements a follow-up up to `until` shows: dated after the baseline (all of them without one) and
    on or before `until`. The last of them is the latest value; pass an `until` no later than today."""
    return [p for p in points if (baseline is None or p.date > baseline.date) and p.date <= until]
