"""An indicator's measurements, read live from its source, and its baseline from an adopted lägesbild.

Nothing is copied: a newly imported file shows up in the measurements at once. Counting happens
in the database.
- Yearly series give one value a year, dated 31 December: reported crimes (Brå's whole-year
  figure of the category), police events of the type (summaries never count), logged incidents
  of the category, Kolada (the KPI's total for both genders) and imported indicators. Police
  events and incidents count a year once it is over; a year without any of them, after the first
  one the municipality's source holds, counts 0.
- The safety survey gives one value per closed wave of the municipality, dated the day it opened
  (waves opened the same day in the order they were stored): the problem index (0–6), one item's
  index, or the share (per cent) unsafe late in the evening or victim of a crime in the last 12 months.
- A manual series gives the values entered by hand.
The baseline is the same figure in the adopted lägesbild the indicator starts from, dated at the
end of its period.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Min, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from samverkan.core import clock
from samverkan.planning.goals.models import Indicator
from samverkan.situation.models import Baseline
from samverkan.sources.bra.models import CrimeStatistic
from samverkan.sources.bra.parse import WHOLE_YEAR
from samverkan.sources.incidents.models import Incident
from samverkan.sources.indicators.models import IndicatorValue
from samverkan.sources.kolada.models import KpiValue
from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.police_events.parse import type_key
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


def _counted_years(records: QuerySet, counted: QuerySet, field: str) -> list[Measurement]:
    """A count a year of `counted`, from the first year `records` (the whole source) holds to the last one over."""
    first = records.aggregate(first=Min(field))["first"]
    if first is None:
        return []
    this_year = clock.today().year
    year_starts = datetime.datetime(this_year, 1, 1, tzinfo=timezone.get_current_timezone())
    counts = dict(
        counted.filter(**{f"{field}__lt": year_starts})
        .annotate(year=ExtractYear(field))
        .values("year")
        .annotate(count=Count("id"))
        .values_list("year", "count")
    )
    first_year = timezone.localtime(first).year
    return _yearly((year, counts.get(year, 0)) for year in range(first_year, this_year))


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


def measurements(indicator: Indicator) -> list[Measurement]:
    """Every measurement of the indicator in its municipality, oldest first."""
    municipality, key = indicator.municipality, indicator.key
    match indicator.series:
        case S.CRIME:
            rows = CrimeStatistic.objects.filter(
                region_code=municipality.code, period=WHOLE_YEAR, category__name=key, count__isnull=False
            )
            return _yearly(rows.order_by("year").values_list("year", "count"))
        case S.POLICE_EVENTS:
            events = PoliceEvent.objects.filter(municipality=municipality, is_summary=False)
            return _counted_years(events, events.filter(type_key=type_key(key)), "occurred_at")
        case S.INCIDENTS:
            incidents = Incident.objects.filter(municipality=municipality)
            return _counted_years(incidents, incidents.filter(category__name=key), "occurred_from")
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


def _number(value: object) -> float | None:
    """A figure of the frozen data, or None for a missing or suppressed ("<3") one."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def baseline_figure(*, baseline: Baseline, series: str, key: str) -> tuple[float | None, int | None]:
    """The series' figure in an adopted lägesbild and the answers it rests on; (None, None) when it has none.

    Counts of the lägesbild's period (police events, incidents) are 0 when the type or category is not
    listed; yearly figures are those of the period's last year; the survey's is that of its latest wave.
    """
    data, year = baseline.data, baseline.end.year
    code = data.get("municipality")
    match series:
        case S.CRIME:
            rows = data.get("crime_statistics", [])
            found = next((r["count"] for r in rows if r["category"] == key and r["year"] == year), None)
            return _number(found), None
        case S.POLICE_EVENTS if "police_events" in data:
            wanted = type_key(key)
            return _number(next((r["count"] for r in data["police_events"] if type_key(r["type"]) == wanted), 0)), None
        case S.INCIDENTS if "incidents" in data:
            return _number(next((r["count"] for r in data["incidents"] if r["category"] == key), 0)), None
        case S.KOLADA:
            rows = data.get("key_figures", {}).get("kolada", [])
            found = next((r for r in rows if (r["kpi"], r["region"], r["year"]) == (key, code, year)), None)
            return (_number(found["value"]), None) if found else (None, None)
        case S.INDICATOR:
            rows = data.get("key_figures", {}).get("indicators", [])
            found = next((r for r in rows if (r["key"], r["region"], r["year"]) == (key, code, year)), None)
            return (_number(found["value"]), found["n"]) if found else (None, None)
        case _ if series in SURVEY_SERIES and data.get("survey"):
            wave = max(data["survey"], key=lambda row: row["opened_on"])
            if series == S.SURVEY_ITEM:
                item = next((item for item in wave["items"] if item["key"] == key), None)
                return (_number(item["index"]), item["n"]) if item else (None, None)
            field = {
                S.SURVEY_INDEX: "problem_index",
                S.SURVEY_UNSAFE: "unsafe_evening_share",
                S.SURVEY_VICTIMS: "victimisation_share",
            }[series]
            value = _number(wave[field])
            if value is not None and series != S.SURVEY_INDEX:
                value *= 100
            return value, wave["respondents"]
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


def since(points: list[Measurement], baseline: Measurement | None) -> list[Measurement]:
    """The measurements dated after the baseline (all of them without one)."""
    return [p for p in points if baseline is None or p.date > baseline.date]
