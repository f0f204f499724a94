"""Reading the incident log: the weekly EST view and exports."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from samverkan.core.exports import csv_text, xlsx_bytes
from samverkan.organisations.models import FocusArea, Municipality
from samverkan.sources.incidents.models import Incident, IncidentCategory

WEEKS_BEFORE = 4
EXPORT_COLUMNS = [
    "id",
    "occurred_from",
    "occurred_to",
    "kommunkod",
    "lat",
    "lng",
    "place",
    "category",
    "focus_area",
    "severity",
    "status",
    "description",
]

# The common EST categories (DOMAIN.md §3), with the focus area each belongs to.
STANDARD_CATEGORIES = [
    ("Skadegörelse", "BRÅ"),
    ("Klotter", "BRÅ"),
    ("Nedskräpning", "BRÅ"),
    ("Otrygg plats", "BRÅ"),
    ("Samling som stör ordningen", "BRÅ"),
    ("Misstänkt narkotikahandel", "ANDT-S"),
    ("Berusade personer på allmän plats", "ANDT-S"),
    ("Hot/våld mot personal", "BRÅ"),
    ("Buskörning (moped, A-traktor, snöskoter)", "BRÅ"),
    ("Brand", "BRÅ"),
    ("Inbrott", "BRÅ"),
]


def standard_categories(municipality: Municipality) -> list[IncidentCategory]:
    """The standard list as the municipality's categories, unsaved."""
    focus = {f.short_name: f for f in FocusArea.objects.all()}
    return [
        IncidentCategory(municipality=municipality, name=name, focus_area=focus.get(area), order=order)
        for order, (name, area) in enumerate(STANDARD_CATEGORIES, start=1)
    ]


def incident_categories(municipality: Municipality) -> list[IncidentCategory]:
    """The municipality's categories in use, or the standard list (unsaved) while it has none of its own: the
    first write that needs them stores them (services.incident_categories_for), so a page never writes."""
    stored = list(IncidentCategory.objects.filter(municipality=municipality).select_related("focus_area"))
    if not stored:
        return standard_categories(municipality)
    return [category for category in stored if category.active]


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def last_complete_week(today: datetime.date) -> datetime.date:
    return monday_of(today) - datetime.timedelta(days=7)


def current_week(today: datetime.date) -> datetime.date:
    """The week the weekly view opens on: this week, today included, so an incident logged today is in it."""
    return monday_of(today)


def incidents_between(
    *, municipality: Municipality, start: datetime.date, end: datetime.date, **filters
) -> QuerySet[Incident]:
    """Incidents that began on start..end-1 (local dates), with optional filters (None: no filter)."""
    tz = timezone.get_current_timezone()
    begin = datetime.datetime.combine(start, datetime.time.min, tz)
    finish = datetime.datetime.combine(end, datetime.time.min, tz)
    incidents = Incident.objects.filter(municipality=municipality, occurred_from__gte=begin, occurred_from__lt=finish)
    return incidents.filter(**{k: v for k, v in filters.items() if v}).select_related(
        "category__focus_area", "place", "municipality"
    )


@dataclass(frozen=True)
class WeekRow:
    label: str
    this_week: int
    weeks_before: list[int]  # the week before first

    @property
    def mean_before(self) -> float:
        return sum(self.weeks_before) / len(self.weeks_before)

    @property
    def change(self) -> float:
        return self.this_week - self.mean_before


@dataclass(frozen=True)
class WeeklyView:
    week: datetime.date
    weeks: list[datetime.date]  # the week, then the weeks before
    by_category: list[WeekRow]
    by_place: list[WeekRow]
    incidents: list[Incident]  # of the week itself


def _rows(incidents: list[Incident], weeks: list[datetime.date], label) -> list[WeekRow]:
    counts: dict[str, Counter] = {}
    for incident in incidents:
        week = monday_of(timezone.localtime(incident.occurred_from).date())
        counts.setdefault(label(incident), Counter())[week] += 1
    rows = [WeekRow(name, c[weeks[0]], [c[w] for w in weeks[1:]]) for name, c in counts.items()]
    return sorted(rows, key=lambda r: (-r.this_week, -r.mean_before, r.label))


def weekly_view(*, municipality: Municipality, week: datetime.date, no_place: str, **filters) -> WeeklyView:
    """The EST week: counts by category and by place for the week beside the four weeks before."""
    weeks = [week - datetime.timedelta(weeks=i) for i in range(WEEKS_BEFORE + 1)]
    incidents = list(
        incidents_between(municipality=municipality, start=weeks[-1], end=week + datetime.timedelta(days=7), **filters)
    )
    return WeeklyView(
        week=week,
        weeks=weeks,
        by_category=_rows(incidents, weeks, lambda i: i.category.name),
        by_place=_rows(incidents, weeks, lambda i: i.place.name if i.place else no_place),
        incidents=[i for i in incidents if timezone.localtime(i.occurred_from).date() >= week],
    )


def _export_row(incident: Incident, shows_text: Callable[[Incident], bool]) -> list:
    def local(value: datetime.datetime | None) -> str:
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""

    return [
        f"samverkan-{incident.pk}",
        local(incident.occurred_from),
        local(incident.occurred_to),
        incident.municipality.code,
        incident.lat,
        incident.lng,
        incident.place.name if incident.place else "",
        incident.category.name,
        incident.category.focus_area.short_name if incident.category.focus_area else "",
        incident.severity,
        incident.status,
        incident.description if shows_text(incident) else "",
    ]


def incidents_csv(incidents: list[Incident], shows_text: Callable[[Incident], bool]) -> str:
    """The export; a description is written only where `shows_text` allows (the logging organisation's own)."""
    return csv_text(EXPORT_COLUMNS, (_export_row(i, shows_text) for i in incidents))


def incidents_xlsx(incidents: list[Incident], shows_text: Callable[[Incident], bool]) -> bytes:
    return xlsx_bytes("Incidenter", EXPORT_COLUMNS, (_export_row(i, shows_text) for i in incidents))
