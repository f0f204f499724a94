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

from django.db.models import Count, Min
from django.db.models.functions import ExtractYear
from django.utils import timezone

from samverkan.core import clock
from samverkan.organisations.models import Municipality
from samverkan.planning.goals.models import Indicator
from samverkan.situation.models import Baseline
from samverkan.situation.selectors import baseline_picture
from samverkan.sources.bra.models import CrimeStatistic
from samverkan.sources.bra.parse import WHOLE_YEAR
from samverkan.sources.incidents.models import Incident
from samverkan.sources.indicators.models import IndicatorValue
from samverkan.sources.kolada.models import KpiValue
from samverkan.sources.police_events.parse import type_key
from samverkan.sources.police_events.series import first_event_month, police_event_series
from samverkan.sources.surveys.models import Wave
from samverkan.sources.surveys.selectors import SurveyResults, survey_results

S = Indicator.Series
UNSAFE_QUESTION = "trygg_kvall"
VICTIM_QUESTION = "utsatt_12man"
SHARES = {S.SURVEY_UNSAFE: UNSAFE_QUESTION, S.SURVEY_VICTIMS: VICTIM_QUESTION}
SURVEY_SERIES = {S.SURVEY_INDEX, S.SURVEY_ITEM, *SHARES}


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


def _police_events(municipality: Municipality, key: str, today: datetime.date) -> list[Measurement]:
    first = first_event_month(municipality=municipality)
    if first is None or first[0] >= today.year:
        return []
    series = police_event_series(
        municipality=municipality, start=datetime.date(first[0], 1, 1), end=_year_end(today.year - 1)
    )
    return _counted_years(first[0], series.by_year(key), today)


def _incidents(municipality: Municipality, category: str, today: datetime.date) -> list[Measurement]:
    incidents = Incident.objects.filter(municipality=municipality)
    first = incidents.aggregate(first=Min("occurred_from"))["first"]
    if first is None:
        return []
    year_starts = datetime.datetime(today.year, 1, 1, tzinfo=timezone.get_current_timezone())
    counts = dict(
        incidents.filter(category__name=category, occurred_from__lt=year_starts)
        .annotate(year=ExtractYear("occurred_from"))
        .values("year")
        .annotate(count=Count("id"))
        .values_list("year", "count")
    )
    return _counted_years(timezone.localtime(first).year, counts, today)


def _survey_figure(series: str, key: str, results: SurveyResults) -> tuple[float, int] | None:
    """The series' value in the results and the answers it rests on; None when the wave has none."""
    if series == S.SURVEY_INDEX:
        value, n = results.overall, results.respondents
    elif series == S.SURVEY_ITEM:
        item = next((item for item in results.items if item.question.key == key), None)
        value, n = (item.index, item.n) if item else (None, 0)
    else:
        share = results.share_for(SHARES[series])
        value, n = (share.value * 100, results.respondents) if share else (None, 0)
    return None if value is None else (value, n)


def measurements(indicator: Indicator, *, today: datetime.date | None = None) -> list[Measurement]:
    """Every measurement of the indicator in its municipality, oldest first; counted years are those over by
    `today` (the clock's today when not given)."""
    municipality, key = indicator.municipality, indicator.key
    today = today or clock.today()
    match indicator.series:
        case S.CRIME:
            rows = CrimeStatistic.objects.filter(
                region_code=municipality.code, period=WHOLE_YEAR, category__name=key, count__isnull=False
            )
            return _yearly(rows.order_by("year").values_list("year", "count"))
        case S.POLICE_EVENTS:
            return _police_events(municipality, key, today)
        case S.INCIDENTS:
            return _incidents(municipality, key, today)
        case S.KOLADA:
            rows = KpiValue.objects.filter(
                kpi_id=key, region_code=municipality.code, gender=KpiValue.Gender.TOTAL, value__isnull=False
            )
            return _yearly(rows.order_by("year").values_list("year", "value"))
        case S.INDICATOR:
            rows = IndicatorValue.objects.filter(indicator__key=key, region_code=municipality.code, value__isnull=False)
            return _yearly(rows.order_by("year").values_list("year", "value", "n"))
        case S.MANUAL:
            return [
                Measurement(v.measured_on, v.value, v.measured_on.isoformat())
                for v in indicator.manual_values.order_by("measured_on")
            ]
        case _:
            return _survey(indicator)


def _survey(indicator: Indicator) -> list[Measurement]:
    result = []
    waves = Wave.objects.filter(municipality=indicator.municipality, closed_on__isnull=False)
    for wave in waves.order_by("opened_on", "pk"):
        figure = _survey_figure(indicator.series, indicator.key, survey_results(wave=wave))
        if figure is not None:
            result.append(Measurement(wave.opened_on, figure[0], wave.name, figure[1]))
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
            value = {
                S.SURVEY_INDEX: wave.problem_index,
                S.SURVEY_UNSAFE: wave.unsafe_evening_share,
                S.SURVEY_VICTIMS: wave.victimisation_share,
            }[series]
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
