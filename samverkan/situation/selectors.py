"""The lägesbild: every figure of a municipality's situation picture for a period, as plain data.

All counting happens in the database (GROUP BY on indexed columns); Python only arranges the
results. The returned dict is what the page, the PDF, the JSON export and an adopted baseline
all show, so they can never disagree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, F, Q
from django.db.models.functions import ExtractMonth, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core import clock
from samverkan.core.hexagons import resolution_for
from samverkan.core.privacy import share_visible, suppress_count
from samverkan.organisations.models import Municipality, PresentPopulation, ResidentCount
from samverkan.organisations.regions import COUNTRY
from samverkan.situation.lib.hotspots import hotspots, public_cells
from samverkan.situation.lib.ranking import THEMES, Evidence, ProblemFacts, Theme, rank
from samverkan.situation.models import Conclusion, RecurringEvent
from samverkan.sources.bra.models import CrimeStatistic
from samverkan.sources.dialogues.models import RaisedProblem
from samverkan.sources.incidents.models import Incident
from samverkan.sources.indicators.models import IndicatorValue
from samverkan.sources.kolada.models import KpiValue
from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.surveys.models import Response, Wave
from samverkan.sources.surveys.selectors import survey_results

INTERNAL, PUBLIC = "internal", "public"
AUDIENCES = (INTERNAL, PUBLIC)
TREND_YEARS = 5  # yearly statistics are shown for the period's last year and the four before it
SEASON_YEARS = 3  # the årshjul averages the three years up to the period's end
DIALOGUE_WINDOW = datetime.timedelta(days=365)  # dialogues up to a year before the period's end count
TOTAL_CRIME = "Totalt antal brott"


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @classmethod
    def last_full_year(cls, today: datetime.date) -> Period:
        return cls(datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31))

    def previous(self) -> Period:
        length = self.end - self.start + datetime.timedelta(days=1)
        return Period(self.start - length, self.start - datetime.timedelta(days=1))

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """Local midnight at the start, and at the day after the end."""
        tz = timezone.get_current_timezone()
        day_after = self.end + datetime.timedelta(days=1)
        return (
            datetime.datetime.combine(self.start, datetime.time.min, tz),
            datetime.datetime.combine(day_after, datetime.time.min, tz),
        )

    def months(self) -> list[tuple[int, int]]:
        months, (year, month) = [], (self.start.year, self.start.month)
        while (year, month) <= (self.end.year, self.end.month):
            months.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months


def _rate(count: int | None, population: float | None) -> float | None:
    if count is None or not population:
        return None
    return round(count / population * 1000, 2)


def _residents(municipality: Municipality, year: int) -> int | None:
    row = ResidentCount.objects.filter(municipality=municipality, year__lte=year).order_by("-year").first()
    return row.residents if row else None


def _present_population(municipality: Municipality, months: list[tuple[int, int]]) -> float | None:
    """The mean present population over the months, or None unless every month is known."""
    keys = [year * 100 + month for year, month in months]
    rows = (
        PresentPopulation.objects.filter(municipality=municipality)
        .annotate(key=F("year") * 100 + F("month"))
        .filter(key__in=keys)
        .aggregate(n=Count("id"), mean=Avg(F("residents") + F("visitors")))
    )
    return rows["mean"] if rows["n"] == len(keys) and keys else None


def _year_months(year: int) -> list[tuple[int, int]]:
    return [(year, month) for month in range(1, 13)]


def _count(value: int, public: bool) -> int | str:
    return suppress_count(value, owner=not public)


def _incidents(municipality: Municipality, period: Period):
    start, end = period.bounds()
    return Incident.objects.filter(municipality=municipality, occurred_from__gte=start, occurred_from__lt=end)


def crime_statistics(municipality: Municipality, period: Period) -> list[dict]:
    years = range(period.end.year - TREND_YEARS + 1, period.end.year + 1)
    rows = (
        CrimeStatistic.objects.filter(region_code=municipality.code, year__in=years, period="helår")
        .select_related("category")
        .order_by("category__name", "year")
    )
    residents = {year: _residents(municipality, year) for year in years}
    present = {year: _present_population(municipality, _year_months(year)) for year in years}
    return [
        {
            "category": row.category.name,
            "year": row.year,
            "count": row.count,
            "per_1000_residents": _rate(row.count, residents[row.year]),
            "per_1000_present": _rate(row.count, present[row.year]),
            "preliminary": row.preliminary,
        }
        for row in rows
    ]


def police_events(municipality: Municipality, period: Period) -> list[dict]:
    def by_type(p: Period) -> dict[str, int]:
        start, end = p.bounds()
        rows = (
            PoliceEvent.objects.filter(
                municipality=municipality, is_summary=False, occurred_at__gte=start, occurred_at__lt=end
            )
            .values("type")
            .annotate(count=Count("id"))
        )
        return {row["type"]: row["count"] for row in rows}

    now, before = by_type(period), by_type(period.previous())
    return [
        {"type": name, "count": count, "previous": before.get(name, 0)}
        for name, count in sorted(now.items(), key=lambda item: (-item[1], item[0]))
    ]


def _incident_counts(municipality: Municipality, period: Period) -> dict[str, dict]:
    rows = (
        _incidents(municipality, period)
        .values("category__name", "category__focus_area__short_name")
        .annotate(count=Count("id"), severity=Avg("severity"))
    )
    return {
        row["category__name"]: {
            "focus_area": row["category__focus_area__short_name"] or "",
            "count": row["count"],
            "severity": row["severity"],
        }
        for row in rows
    }


def incidents(municipality: Municipality, period: Period, public: bool) -> list[dict]:
    now, before = _incident_counts(municipality, period), _incident_counts(municipality, period.previous())
    residents = _residents(municipality, period.end.year)
    present = _present_population(municipality, period.months())
    result = []
    for name, row in sorted(now.items(), key=lambda item: (-item[1]["count"], item[0])):
        shown = _count(row["count"], public)
        exact = isinstance(shown, int)
        result.append(
            {
                "category": name,
                "focus_area": row["focus_area"],
                "count": shown,
                "previous": _count(before.get(name, {}).get("count", 0), public),
                "per_1000_residents": _rate(row["count"], residents) if exact else None,
                "per_1000_present": _rate(row["count"], present) if exact else None,
            }
        )
    return result


def incidents_by_month(municipality: Municipality, period: Period, public: bool) -> list[dict]:
    rows = (
        _incidents(municipality, period)
        .annotate(month=TruncMonth("occurred_from"))
        .values("month")
        .annotate(count=Count("id"))
    )
    counts = {(row["month"].year, row["month"].month): row["count"] for row in rows}
    result = []
    for year, month in period.months():
        count = counts.get((year, month), 0)
        present = _present_population(municipality, [(year, month)])
        shown = _count(count, public)
        result.append(
            {
                "month": f"{year}-{month:02d}",
                "count": shown,
                "present_population": round(present) if present else None,
                "per_1000_present": _rate(count, present) if isinstance(shown, int) else None,
            }
        )
    return result


def seasons(municipality: Municipality, period: Period) -> dict:
    """The årshjul: a mean month over the last SEASON_YEARS years, beside the present population."""
    first = period.end.year - SEASON_YEARS + 1
    season = Period(datetime.date(first, 1, 1), datetime.date(period.end.year, 12, 31))
    start, end = season.bounds()

    def per_month(queryset, field: str) -> list[float]:
        rows = queryset.annotate(m=ExtractMonth(field)).values("m").annotate(count=Count("id"))
        counts = {row["m"]: row["count"] for row in rows}
        return [round(counts.get(month, 0) / SEASON_YEARS, 2) for month in range(1, 13)]

    incident_months = per_month(_incidents(municipality, season), "occurred_from")
    event_months = per_month(
        PoliceEvent.objects.filter(
            municipality=municipality, is_summary=False, occurred_at__gte=start, occurred_at__lt=end
        ),
        "occurred_at",
    )
    present = (
        PresentPopulation.objects.filter(municipality=municipality, year__gte=first, year__lte=period.end.year)
        .values("month")
        .annotate(mean=Avg(F("residents") + F("visitors")))
    )
    present_by_month = {row["month"]: round(row["mean"]) for row in present}
    mean = sum(incident_months) / 12
    return {
        "years": [first, period.end.year],
        "months": [
            {
                "month": month,
                "incidents": incident_months[month - 1],
                "police_events": event_months[month - 1],
                "present_population": present_by_month.get(month),
                "peak": mean > 0 and incident_months[month - 1] >= 1.3 * mean,
            }
            for month in range(1, 13)
        ],
        "named_seasons": [
            {"name": event.name, "months": event.months(), "expected_visitors": event.expected_visitors}
            for event in RecurringEvent.objects.filter(municipality=municipality)
        ],
    }


def _waves(municipality: Municipality, period: Period) -> list[Wave]:
    """The waves opened in the period, oldest first; when there is none, the latest before its end."""
    waves = Wave.objects.filter(municipality=municipality)
    in_period = list(waves.filter(opened_on__range=(period.start, period.end)).order_by("opened_on", "pk"))
    return in_period or list(waves.filter(opened_on__lte=period.end).order_by("-opened_on", "-pk")[:1])


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def survey(municipality: Municipality, period: Period, public: bool) -> list[dict]:
    result = []
    for wave in _waves(municipality, period):
        results = survey_results(wave=wave)
        visible = share_visible(results.respondents, owner=not public)
        unsafe, victims = results.share_for("trygg_kvall"), results.share_for("utsatt_12man")
        areas = []
        delomraden = (
            Response.objects.filter(wave=wave)
            .exclude(delomrade="")
            .order_by("delomrade")
            .values_list("delomrade", flat=True)
            .distinct()
        )
        for delomrade in delomraden:
            part = survey_results(wave=wave, delomrade=delomrade)
            shown = share_visible(part.respondents, owner=not public)
            areas.append(
                {
                    "delomrade": delomrade,
                    "respondents": part.respondents,
                    "problem_index": _round(part.overall, 2) if shown else None,
                }
            )
        result.append(
            {
                "wave": wave.name,
                "opened_on": wave.opened_on.isoformat(),
                "respondents": results.respondents,
                "problem_index": _round(results.overall, 2) if visible else None,
                "unsafe_evening_share": _round(unsafe.value, 4) if unsafe and visible else None,
                "victimisation_share": _round(victims.value, 4) if victims and visible else None,
                "items": [
                    {
                        "key": item.question.key,
                        "text": item.question.text_sv,
                        "index": _round(item.index, 2) if share_visible(item.n, owner=not public) else None,
                        "n": item.n,
                    }
                    for item in results.items
                ],
                "areas": areas,
                "url": reverse("survey_results", args=[wave.pk]),
            }
        )
    return result


def key_figures(municipality: Municipality, period: Period, public: bool) -> dict:
    regions = [municipality.code, municipality.county_code, COUNTRY]
    years = range(period.end.year - TREND_YEARS + 1, period.end.year + 1)
    kolada = KpiValue.objects.filter(region_code__in=regions, year__in=years, gender="T").select_related("kpi")
    indicators = IndicatorValue.objects.filter(region_code__in=regions, year__in=years).select_related("indicator")
    return {
        "kolada": [
            {"kpi": v.kpi_id, "title": v.kpi.title, "region": v.region_code, "year": v.year, "value": v.value}
            for v in kolada.order_by("kpi__title", "region_code", "year")
        ],
        "indicators": [
            {
                "key": v.indicator.key,
                "name": v.indicator.name,
                "region": v.region_code,
                "year": v.year,
                # A share of fewer than 10 is kept inside the municipality's own organisation.
                "value": v.value if v.n is None or share_visible(v.n, owner=not public) else None,
                "n": v.n,
            }
            for v in indicators.order_by("indicator__name", "region_code", "year")
        ],
    }


def hotspot_cells(municipality: Municipality, period: Period, public: bool) -> tuple[int, list[dict], list]:
    """(resolution, cells, points): Gi* per H3 cell; outside the owner only cells of 3 or more, no points."""
    resolution = resolution_for(_residents(municipality, period.end.year) or 0)
    field = f"h3_r{resolution}"
    rows = _incidents(municipality, period).values(field).annotate(count=Count("id"))
    spots = hotspots({row[field]: row["count"] for row in rows})
    if public:
        spots = public_cells(spots)
    cells = [
        {"h3": s.cell, "count": s.count, "z": round(s.z, 3), "significant": s.significant, "kind": s.kind}
        for s in spots
        if s.count > 0
    ]
    points = [] if public else list(_incidents(municipality, period).values_list("lat", "lng"))
    return resolution, cells, points


def _themes_for(names: set[str], focus: dict[str, str]) -> list[Theme]:
    known = {theme.name: theme for theme in THEMES}
    themes = [known.get(name) or Theme(name, focus.get(name, "")) for name in sorted(names)]
    themes += [t for t in THEMES if t.survey_key and t.name not in names]
    return themes


def problems(municipality: Municipality, period: Period, survey_rows: list[dict]) -> list[dict]:
    now, before = _incident_counts(municipality, period), _incident_counts(municipality, period.previous())
    themes = _themes_for(set(now) | set(before), {n: r["focus_area"] for n, r in {**before, **now}.items()})
    latest_items = {item["key"]: (item, row) for row in survey_rows[-1:] for item in row["items"]}
    raised = list(
        RaisedProblem.objects.filter(
            dialogue__municipality=municipality,
            dialogue__held_on__range=(period.end - DIALOGUE_WINDOW, period.end),
        ).select_related("dialogue", "focus_area")
    )
    participants = sum({p.dialogue_id: p.dialogue.participants for p in raised}.values())
    facts: list[ProblemFacts] = []
    incidents_url = reverse("incidents_week") + f"?kommun={municipality.code}"
    for theme in themes:
        fact = ProblemFacts(theme.name, theme.focus_area)
        if theme.name in now or theme.name in before:
            row = now.get(theme.name, {"count": 0, "severity": None, "focus_area": theme.focus_area})
            fact.focus_area = row["focus_area"] or theme.focus_area
            fact.count, fact.previous = row["count"], before.get(theme.name, {}).get("count", 0)
            fact.mean_severity = row["severity"]
            fact.evidence.append(Evidence("incidents", _("Incidents in the period"), row["count"], incidents_url))
        if theme.survey_key in latest_items:
            item, wave = latest_items[theme.survey_key]
            if item["index"] is not None:
                fact.survey_index = item["index"]
                fact.evidence.append(Evidence("survey", f"{wave['wave']}: {item['text']}", item["index"], wave["url"]))
        matched = [p for p in raised if theme.matches(p.problem)]
        for problem in matched:
            fact.evidence.append(
                Evidence("dialogue", problem.problem, problem.prioritised_by, problem.dialogue.get_absolute_url())
            )
        if matched and participants:
            fact.dialogue_share = min(sum(p.prioritised_by for p in matched) / participants, 1.0)
        raised = [p for p in raised if p not in matched]
        if fact.evidence:
            facts.append(fact)
    for problem in raised:  # raised in a dialogue, matching no theme: a problem of its own
        facts.append(
            ProblemFacts(
                problem.problem,
                problem.focus_area.short_name if problem.focus_area else "",
                dialogue_share=problem.prioritised_by / participants if participants else None,
                evidence=[
                    Evidence("dialogue", problem.problem, problem.prioritised_by, problem.dialogue.get_absolute_url())
                ],
            )
        )
    return [
        {
            "name": p.name,
            "focus_area": p.focus_area,
            "score": p.score,
            "components": p.components,
            "evidence": [e.__dict__ for e in p.evidence],
        }
        for p in rank(facts)
    ]


def comparison(municipality: Municipality, period: Period) -> dict:
    """Total reported crimes per 1,000 residents and the survey's problem index, beside the
    other municipalities of the police area, the county and the whole country."""
    neighbours = Municipality.objects.filter(
        Q(organisations__municipalities=municipality) & Q(organisations__kind="police_area")
    ).distinct()
    regions = {m.code: m.name for m in neighbours} | {municipality.code: municipality.name}
    regions[municipality.county_code] = municipality.county_name
    regions[COUNTRY] = "Hela landet"
    years = range(period.end.year - TREND_YEARS + 1, period.end.year + 1)
    crime = (
        CrimeStatistic.objects.filter(
            region_code__in=regions, year__in=years, period="helår", category__name=TOTAL_CRIME
        )
        .values("region_code", "year", "per_100k", "preliminary")
        .order_by("region_code", "year")
    )
    surveys = []
    for code in sorted(c for c in regions if len(c) == 4):
        wave = Wave.objects.filter(municipality__code=code, opened_on__lte=period.end).first()
        if wave:
            results = survey_results(wave=wave)
            surveys.append(
                {
                    "region": code,
                    "name": regions[code],
                    "wave": wave.name,
                    "respondents": results.respondents,
                    "problem_index": _round(results.overall, 2)
                    if share_visible(results.respondents, owner=False)
                    else None,
                }
            )
    return {
        "regions": [{"code": c, "name": n} for c, n in regions.items()],
        "crime_per_1000": [
            {
                "region": row["region_code"],
                "year": row["year"],
                "per_1000_residents": _round(float(row["per_100k"]) / 100, 2) if row["per_100k"] is not None else None,
                "preliminary": row["preliminary"],
            }
            for row in crime
        ],
        "survey": surveys,
    }


def conclusions(municipality: Municipality, period: Period) -> dict:
    rows = Conclusion.objects.filter(municipality=municipality, start=period.start, end=period.end)
    texts = {row.problem: row.text for row in rows}
    return {"overall": texts.pop("", ""), "problems": texts}


def situation_for_municipality(*, municipality: Municipality, period: Period, audience: str) -> dict:
    """Every figure of the municipality's lägesbild; `public` applies the suppression rules."""
    public = audience == PUBLIC
    survey_rows = survey(municipality, period, public)
    resolution, cells, points = hotspot_cells(municipality, period, public)
    residents = _residents(municipality, period.end.year)
    return {
        "municipality": municipality.code,
        "name": municipality.name,
        "county": municipality.county_name,
        "boundary": municipality.boundary,
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "audience": audience,
        "generated_at": clock.now().isoformat(timespec="seconds"),
        "population": {
            "residents": residents,
            "present_population_mean": _round(_present_population(municipality, period.months()), 0),
        },
        "crime_statistics": crime_statistics(municipality, period),
        "police_events": police_events(municipality, period),
        "incidents": incidents(municipality, period, public),
        "incidents_by_month": incidents_by_month(municipality, period, public),
        "seasons": seasons(municipality, period),
        "survey": survey_rows,
        "key_figures": key_figures(municipality, period, public),
        "hotspots": cells,
        "hotspot_resolution": resolution,
        "points": [list(p) for p in points],
        "problems": problems(municipality, period, survey_rows),
        "comparison": comparison(municipality, period),
        "conclusions": conclusions(municipality, period),
    }


def joint_municipalities(police_area) -> list[Municipality]:
    """The municipalities of the police area that take part in Samverkan (have an organisation here)."""
    return list(
        Municipality.objects.filter(organisations=police_area)
        .filter(organisations__kind="municipality")
        .distinct()
        .order_by("name")
    )


SHARED_TOP = 5  # a problem is shared when it is among the top five of two or more municipalities


def joint_situation(*, police_area, period: Period) -> dict:
    """The municipalities side by side, each as the public sees it, with the problems they share."""
    pictures = [
        situation_for_municipality(municipality=m, period=period, audience=PUBLIC)
        for m in joint_municipalities(police_area)
    ]
    tops: dict[str, list[str]] = {}
    for picture in pictures:
        for problem in picture["problems"][:SHARED_TOP]:
            tops.setdefault(problem["name"], []).append(picture["name"])
    return {
        "police_area": police_area.name,
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "audience": PUBLIC,
        "generated_at": clock.now().isoformat(timespec="seconds"),
        "municipalities": [
            {
                "municipality": p["municipality"],
                "name": p["name"],
                "residents": p["population"]["residents"],
                "incidents": p["incidents"],
                "crime_statistics": [c for c in p["crime_statistics"] if c["category"] == TOTAL_CRIME],
                "survey": p["survey"][-1:],
                "problems": p["problems"][:SHARED_TOP],
                "police_events": p["police_events"][:SHARED_TOP],
            }
            for p in pictures
        ],
        "shared_problems": [
            {"name": name, "municipalities": names} for name, names in sorted(tops.items()) if len(names) > 1
        ],
    }
