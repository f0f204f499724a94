"""The situation picture as facts: every figure of a municipality's lägesbild, exact, typed and versioned.

A `SituationPicture` is built only from the sources' series (selectors.picture_for) and holds exact
figures, so it never leaves its owners as it is: `audience.for_audience` is the one way to a figure
anyone sees. Its JSON has stable keys and no translated text or URLs, so an adopted baseline stores it
as it is and any later version of the product reads it back (`from_json` upgrades older schemas).
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any

from samverkan.situation.lib.themes import Theme
from samverkan.sources.police_events.parse import type_key

SCHEMA_VERSION = 2


@dataclass(frozen=True)
class Region:
    code: str
    name: str


@dataclass(frozen=True)
class YearPopulation:
    year: int
    residents: int | None  # on 31 December of the year, or the latest year before it
    residents_year: int | None  # the year that residents figure is from
    present: float | None  # mean present population over the year's months, when every month is known


@dataclass(frozen=True)
class CategoryFact:
    """One incident category: its incidents in the period and in the period before."""

    category: str
    focus_area: str
    count: int
    previous: int
    severity_sum: int


@dataclass(frozen=True)
class MonthFact:
    year: int
    month: int
    count: int
    present: float | None  # the month's present population (residents and visitors)


@dataclass(frozen=True)
class SeasonFact:
    """One calendar month summed over the season years."""

    month: int
    incidents: int
    police_events: int
    present: float | None  # mean present population of the month over those years


@dataclass(frozen=True)
class NamedSeason:
    name: str
    months: tuple[int, ...]
    expected_visitors: int


@dataclass(frozen=True)
class EventFact:
    type_key: str
    type: str
    count: int
    previous: int


@dataclass(frozen=True)
class CrimeFact:
    category: str
    year: int
    count: int | None
    preliminary: bool


@dataclass(frozen=True)
class RegionalCrime:
    """A Brå category's count and rate in the county or the whole country (the levels a theme is set against)."""

    category: str
    region: str
    year: int
    count: int | None
    per_100k: float | None


@dataclass(frozen=True)
class ItemFact:
    key: str
    text: str  # the question as asked (Swedish): data, not a label of the product
    index: float | None
    n: int


@dataclass(frozen=True)
class AreaFact:
    delomrade: str
    respondents: int
    problem_index: float | None


@dataclass(frozen=True)
class WaveFact:
    wave_id: int
    name: str
    opened_on: datetime.date
    respondents: int
    problem_index: float | None
    unsafe_evening_share: float | None  # 0–1
    victimisation_share: float | None  # 0–1
    items: tuple[ItemFact, ...]
    areas: tuple[AreaFact, ...]


@dataclass(frozen=True)
class KpiFact:
    kpi: str
    title: str
    region: str
    year: int
    value: float | None


@dataclass(frozen=True)
class IndicatorFact:
    key: str
    name: str
    region: str
    year: int
    value: float | None
    n: int | None


@dataclass(frozen=True)
class CellFact:
    h3: str
    count: int


@dataclass(frozen=True)
class RaisedFact:
    """A problem raised in a dialogue up to a year before the period's end."""

    problem: str
    focus_area: str
    prioritised_by: int
    dialogue_id: int
    participants: int


@dataclass(frozen=True)
class CitizenReportFact:
    """Citizens' reports of unsafe places received in the period, of one category (sources.citizen_reports)."""

    category: str  # the category's key (CitizenReport.Category)
    count: int
    accepted: int  # of them, taken into the incident log


@dataclass(frozen=True)
class ComparisonCrime:
    region: str
    year: int
    per_100k: float | None
    preliminary: bool


@dataclass(frozen=True)
class ComparisonSurvey:
    region: str
    wave: str
    respondents: int
    problem_index: float | None


@dataclass(frozen=True)
class Conclusion:
    problem: str  # "" for the overall summary
    text: str


@dataclass(frozen=True)
class SituationPicture:
    schema: int
    municipality: Region
    county: Region
    start: datetime.date
    end: datetime.date
    generated_at: datetime.datetime
    population: tuple[YearPopulation, ...]  # the trend years, oldest first; the last is the period's year
    present_mean: float | None  # over the period's months, when every month is known
    categories: tuple[CategoryFact, ...]
    months: tuple[MonthFact, ...]
    season_years: tuple[int, int]
    seasons: tuple[SeasonFact, ...]
    named_seasons: tuple[NamedSeason, ...]
    police_events: tuple[EventFact, ...]
    crime: tuple[CrimeFact, ...]
    survey: tuple[WaveFact, ...]
    kolada: tuple[KpiFact, ...]
    indicators: tuple[IndicatorFact, ...]
    hotspot_resolution: int
    cells: tuple[CellFact, ...]
    raised: tuple[RaisedFact, ...]
    comparison_regions: tuple[Region, ...]
    comparison_crime: tuple[ComparisonCrime, ...]
    comparison_survey: tuple[ComparisonSurvey, ...]
    conclusions: tuple[Conclusion, ...]
    # Last and with defaults: a picture adopted before these existed has none of them.
    citizen_reports: tuple[CitizenReportFact, ...] = ()
    themes: tuple[Theme, ...] = ()  # the mapping the problems are ranked on; none: the product's default
    regional_crime: tuple[RegionalCrime, ...] = ()  # the county's and the country's, by category
    # No estimate of its own of the present population: the residents stand for it (present, months, seasons).
    present_from_residents: bool = False

    @property
    def residents(self) -> int | None:
        return self.population[-1].residents if self.population else None

    def category(self, name: str) -> CategoryFact | None:
        return next((c for c in self.categories if c.category == name), None)

    def police_event(self, type_key: str) -> EventFact | None:
        return next((e for e in self.police_events if e.type_key == type_key), None)

    def crime_count(self, category: str, year: int) -> int | None:
        return next((c.count for c in self.crime if (c.category, c.year) == (category, year)), None)

    def kpi_value(self, kpi: str, year: int) -> float | None:
        code = self.municipality.code
        return next((k.value for k in self.kolada if (k.kpi, k.region, k.year) == (kpi, code, year)), None)

    def indicator(self, key: str, year: int) -> IndicatorFact | None:
        code = self.municipality.code
        return next((i for i in self.indicators if (i.key, i.region, i.year) == (key, code, year)), None)

    def latest_wave(self) -> WaveFact | None:
        return max(self.survey, key=lambda wave: (wave.opened_on, wave.wave_id), default=None)

    def to_json(self) -> dict[str, Any]:
        return encode(self)


@dataclass(frozen=True)
class JointPicture:
    """The joint lägesbild of a police area: the picture of each municipality that takes part."""

    schema: int
    police_area: str
    start: datetime.date
    end: datetime.date
    pictures: tuple[SituationPicture, ...]

    def to_json(self) -> dict[str, Any]:
        return encode(self)


def encode(value: Any) -> Any:
    """A dataclass (and what it holds) as JSON-ready data: lists for tuples, ISO text for dates."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    return value


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    """A dataclass's field types, resolved once (resolving the annotations compiles each of them)."""
    return typing.get_type_hints(kind)


def _decode(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return _decode(options[0], value)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        # A field added later with a default (citizen_reports) is missing from pictures adopted before it.
        return kind(
            **{
                f.name: _decode(hints[f.name], value[f.name])
                for f in dataclasses.fields(kind)
                if f.name in value or f.default is dataclasses.MISSING
            }
        )
    if kind is datetime.datetime:
        return datetime.datetime.fromisoformat(value)
    if kind is datetime.date:
        return datetime.date.fromisoformat(value)
    if kind is float:
        return float(value)
    return value


def from_json(data: dict[str, Any]) -> SituationPicture:
    """The picture a JSON document holds; older schemas are upgraded first."""
    if data.get("schema") is None:
        data = _upgrade_v1(data)
    return _decode(SituationPicture, data)


def joint_from_json(data: dict[str, Any]) -> JointPicture:
    return _decode(JointPicture, data)


def _number(value: Any) -> Any:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _upgrade_v1(old: dict[str, Any]) -> dict[str, Any]:
    """A baseline adopted before schema 2 (an internal view's dict, with labels): its facts, as far as it
    held them. Hotspot cells, months and seasons come through; dialogue evidence does not."""
    end = datetime.date.fromisoformat(old["to"])
    first, last = old.get("seasons", {}).get("years", [end.year, end.year])
    years = last - first + 1
    previous = {r["category"]: r["previous"] for r in old.get("incidents", [])}
    seasons = {r["month"]: r for r in old.get("seasons", {}).get("months", [])}
    return {
        "schema": SCHEMA_VERSION,
        "municipality": {"code": old["municipality"], "name": old["name"]},
        "county": {"code": old["municipality"][:2], "name": old.get("county", "")},
        "start": old["from"],
        "end": old["to"],
        "generated_at": old.get("generated_at", old["to"] + "T00:00:00+00:00"),
        "population": [
            {
                "year": end.year,
                "residents": old.get("population", {}).get("residents"),
                "residents_year": None,
                "present": None,
            }
        ],
        "present_mean": old.get("population", {}).get("present_population_mean"),
        "categories": [
            {
                "category": r["category"],
                "focus_area": r.get("focus_area", ""),
                "count": _number(r["count"]) or 0,
                "previous": _number(previous.get(r["category"])) or 0,
                "severity_sum": 0,
            }
            for r in old.get("incidents", [])
        ],
        "months": [
            {
                "year": int(r["month"][:4]),
                "month": int(r["month"][5:7]),
                "count": _number(r["count"]) or 0,
                "present": r.get("present_population"),
            }
            for r in old.get("incidents_by_month", [])
        ],
        "season_years": [first, last],
        "seasons": [
            {
                "month": month,
                "incidents": round(r.get("incidents", 0) * years),
                "police_events": round(r.get("police_events", 0) * years),
                "present": r.get("present_population"),
            }
            for month, r in ((m, seasons.get(m, {})) for m in range(1, 13))
        ],
        "named_seasons": [
            {"name": s["name"], "months": s["months"], "expected_visitors": s.get("expected_visitors", 0)}
            for s in old.get("seasons", {}).get("named_seasons", [])
        ],
        "police_events": [
            {"type_key": type_key(r["type"]), "type": r["type"], "count": r["count"], "previous": r["previous"]}
            for r in old.get("police_events", [])
        ],
        "crime": [
            {"category": r["category"], "year": r["year"], "count": r["count"], "preliminary": r["preliminary"]}
            for r in old.get("crime_statistics", [])
        ],
        "survey": [
            {
                "wave_id": 0,
                "name": w["wave"],
                "opened_on": w["opened_on"],
                "respondents": w["respondents"],
                "problem_index": w["problem_index"],
                "unsafe_evening_share": w["unsafe_evening_share"],
                "victimisation_share": w["victimisation_share"],
                "items": [{k: i[k] for k in ("key", "text", "index", "n")} for i in w["items"]],
                "areas": w.get("areas", []),
            }
            for w in old.get("survey", [])
        ],
        "kolada": [{k: r[k] for k in ("kpi", "title", "region", "year", "value")} for r in _key(old, "kolada")],
        "indicators": [
            {k: r[k] for k in ("key", "name", "region", "year", "value", "n")} for r in _key(old, "indicators")
        ],
        "hotspot_resolution": old.get("hotspot_resolution", 9),
        "cells": [{"h3": c["h3"], "count": c["count"]} for c in old.get("hotspots", [])],
        "raised": [],
        "comparison_regions": old.get("comparison", {}).get("regions", []),
        "comparison_crime": [
            {
                "region": r["region"],
                "year": r["year"],
                "per_100k": None if r["per_1000_residents"] is None else r["per_1000_residents"] * 100,
                "preliminary": r["preliminary"],
            }
            for r in old.get("comparison", {}).get("crime_per_1000", [])
        ],
        "comparison_survey": [
            {k: r[k] for k in ("region", "wave", "respondents", "problem_index")}
            for r in old.get("comparison", {}).get("survey", [])
        ],
        "conclusions": [{"problem": "", "text": old.get("conclusions", {}).get("overall", "")}]
        + [{"problem": p, "text": t} for p, t in old.get("conclusions", {}).get("problems", {}).items()],
    }


def _key(old: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return old.get("key_figures", {}).get(name, [])
