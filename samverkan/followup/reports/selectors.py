"""Reading the annual report: where a user may read or write it, and every figure in it, as plain data.

The figures are the municipality's own (nothing suppressed): the report goes to the leadership of
the police and of the municipality, and only their coordinators and police contacts generate it.
The returned dict is what the web version, the PDF and the kept report all show.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.reports.freshness import freshness
from samverkan.followup.reports.models import GeneratedReport, ReportNarrative
from samverkan.followup.reports.status import goal_colour
from samverkan.organisations.access import get_municipality_for_user, scope_for
from samverkan.organisations.models import CollaborationGroup, Municipality, Organisation, User
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.actions.selectors import goals_for_municipality
from samverkan.planning.goals.presentation import STATUS_LABELS, chart_for, indicator_view
from samverkan.planning.goals.selectors import follow_up as goal_follow_up
from samverkan.planning.promises.models import Suggestion
from samverkan.planning.promises.selectors import current_sets, head_sets, promise_activity_progress, shown_promises
from samverkan.situation.models import Baseline
from samverkan.situation.selectors import (
    INTERNAL,
    TOTAL_CRIME,
    Period,
    joint_municipalities,
    situation_for_municipality,
)
from samverkan.sources.dialogues.models import Dialogue
from samverkan.sources.models import ImportRun

TOP_PROBLEMS = 5
NO_RHYTHM = _("no rhythm agreed")
BEHIND_RHYTHM = _("Behind the rhythm")
ON_RHYTHM = _("On rhythm")
FEWER_THAN_AGREED = _("Fewer than agreed")
DONE_IN_YEAR = _("Done in %(year)s: %(count)s %(unit)s")  # "Utfört 2025: 6 medborgarmöten"


@dataclass(frozen=True)
class Place:
    """What a report is about: one municipality, or the joint report of a police area."""

    municipality: Municipality | None
    police_area: Organisation | None
    municipalities: list[Municipality]
    can_write: bool

    @property
    def name(self) -> str:
        return str(self.municipality.name if self.municipality else self.police_area)

    def owner(self) -> dict:
        """The owner as model fields: municipality=… or police_area=…."""
        return {"municipality": self.municipality} if self.municipality else {"police_area": self.police_area}


def place_for_municipality(user: User, code: str) -> Place:
    municipality, can_write = get_municipality_for_user(user, code)
    return Place(municipality, None, [municipality], can_write)


def visible_police_areas(user: User) -> list[Organisation]:
    """The police areas whose every taking-part municipality the user reads: the joint report holds them all."""
    read = scope_for(user).read_municipalities
    areas = Organisation.objects.filter(kind=Organisation.Kind.POLICE_AREA).order_by("name")
    return [area for area in areas if (ids := {m.id for m in joint_municipalities(area)}) and ids <= read]


def place_for_area(user: User, area_id: int) -> Place:
    area = next((a for a in visible_police_areas(user) if a.pk == area_id), None)
    if area is None:
        raise Http404
    return Place(None, area, joint_municipalities(area), area.pk in scope_for(user).write_organisations)


def narratives(place: Place, year: int) -> dict[str, str]:
    """Every section's text, empty where nothing is written yet."""
    written = dict(ReportNarrative.objects.filter(year=year, **place.owner()).values_list("section", "text"))
    return {key: written.get(key, "") for key in ReportNarrative.Section.values}


def generated_reports(place: Place, year: int) -> QuerySet[GeneratedReport]:
    return GeneratedReport.objects.filter(year=year, **place.owner()).select_related("generated_by").defer("pdf")


def get_report_for_user(user: User, pk: int) -> GeneratedReport:
    """A kept report, for whoever reads its municipality (or every municipality of its police area); 404 else."""
    report = GeneratedReport.objects.filter(pk=pk).select_related("municipality", "police_area").first()
    if report is None:
        raise Http404
    if report.municipality:
        place_for_municipality(user, report.municipality.code)
    else:
        place_for_area(user, report.police_area_id)
    return report


def goal_statuses(municipality: Municipality, until: datetime.date) -> list[dict]:
    result = []
    goals = goals_for_municipality(municipality).prefetch_related(
        "indicators__baseline", "indicators__municipality", "indicators__manual_values"
    )
    for goal in goals.order_by("focus_area__order", "title"):
        indicators = []
        for indicator in goal.indicators.all():
            if indicator.municipality_id != municipality.pk:
                continue
            follow_up = goal_follow_up(indicator, user=None, until=until)
            view = indicator_view(follow_up)
            indicators.append(
                {
                    "name": indicator.name,
                    "status": view.status,
                    "status_label": view.status_label,
                    "trend": view.trend_label,
                    "baseline": view.baseline.text if view.baseline else "",
                    "baseline_date": view.baseline.date.isoformat() if view.baseline else "",
                    "latest": view.latest.text if view.latest else "",
                    "latest_date": view.latest.date.isoformat() if view.latest else "",
                    "target": view.target,
                    "target_date": indicator.target_date.isoformat(),
                    "chart": chart_for(follow_up, view),
                }
            )
        colour = goal_colour(i["status"] for i in indicators)
        result.append(
            {
                "title": goal.title,
                "focus_area": goal.focus_area.short_name,
                "common": goal.is_common,
                "status": colour,
                "status_label": str(STATUS_LABELS[colour]),
                "indicators": indicators,
            }
        )
    return result


def _activities(municipality: Municipality, period: Period) -> dict[str, list[dict]]:
    """The adopted plan's activities that ran during the year: done, and not done with the reason given."""
    activities = (
        Activity.objects.filter(
            plan__municipality=municipality,
            plan__status=ActionPlan.Status.ADOPTED,
            starts_on__lte=period.end,
            ends_on__gte=period.start,
        )
        .annotate(held=Count("occurrences", filter=Q(occurrences__held_on__range=(period.start, period.end))))
        .order_by("starts_on", "title")
    )
    rows: dict[str, list[dict]] = {"done": [], "not_done": []}
    for activity in activities:
        row = {
            "title": activity.title,
            "responsible": activity.get_responsible_display(),
            "status": activity.get_status_display(),
            "held": activity.held,
            "target": activity.target_count,
            "target_text": activity.target_text,
            "reason": activity.status_comment,
        }
        rows["done" if activity.status == Activity.Status.DONE else "not_done"].append(row)
    return rows


def _promises(municipality: Municipality, period: Period) -> list[dict]:
    """The published medborgarlöften of the year, each activity with its progress and its "Utfört: …"."""
    sets = head_sets().filter(municipality=municipality, starts_on__lte=period.end, ends_on__gte=period.start)
    result = []
    for promise_set in sets.order_by("starts_on"):
        promises = []
        for promise in promise_set.promises.prefetch_related("activities__activity"):
            activities = []
            for promise_activity in promise.activities.all():
                progress = promise_activity_progress(promise_activity)
                linked = promise_activity.activity
                held = linked.occurrences.filter(held_on__range=(period.start, period.end)).count() if linked else None
                activities.append(
                    {
                        "who": promise_activity.get_who_display(),
                        "what": promise_activity.what,
                        "progress": progress.text if progress.done is not None and progress.planned else "",
                        "unit": promise_activity.unit,
                        "done_in_year": ""
                        if held is None
                        else str(
                            DONE_IN_YEAR % {"year": period.end.year, "count": held, "unit": promise_activity.unit}
                        ).strip(),
                        "followup": promise_activity.followup,
                    }
                )
            promises.append({"text": promise.text, "activities": activities})
        result.append(
            {
                "title": promise_set.title,
                "from": promise_set.starts_on.isoformat(),
                "to": promise_set.ends_on.isoformat(),
                "status": promise_set.get_status_display(),
                "promises": promises,
            }
        )
    return result


def _feedback(municipality: Municipality, period: Period) -> dict:
    """What citizens told the parties during the year: suggestions on the promises, and citizen dialogues."""
    suggestions = Suggestion.objects.filter(
        promise__promise_set__municipality=municipality, received_on__range=(period.start, period.end)
    )
    accepted = suggestions.filter(status=Suggestion.Status.ACCEPTED).order_by("received_on", "id")
    dialogues = Dialogue.objects.filter(
        municipality=municipality, kind=Dialogue.Kind.CITIZENS, held_on__range=(period.start, period.end)
    )
    return {
        "suggestions": suggestions.count(),
        "accepted": [{"received_on": s.received_on.isoformat(), "text": s.text} for s in accepted],
        "dialogues": dialogues.count(),
    }


def _totals(data: dict, year: int) -> dict:
    crimes = [r["count"] for r in data["crime_statistics"] if r["category"] == TOTAL_CRIME and r["year"] == year]
    incidents = [r["count"] for r in data["incidents"]]
    return {
        "crimes": crimes[0] if crimes else None,
        "police_events": sum(r["count"] for r in data["police_events"]),
        "incidents": sum(incidents) if all(isinstance(c, int) for c in incidents) else None,
        "problems": [p["name"] for p in data["problems"][:TOP_PROBLEMS]],
    }


def _situation(municipality: Municipality, period: Period) -> dict:
    """The year's lägesbild against the latest baseline adopted before the year ended."""
    now = situation_for_municipality(municipality=municipality, period=period, audience=INTERNAL)
    baseline = Baseline.objects.filter(municipality=municipality, end__lt=period.end).first()
    return {
        "now": _totals(now, period.end.year),
        "baseline": {
            "version": baseline.version,
            "from": baseline.start.isoformat(),
            "to": baseline.end.isoformat(),
            **_totals(baseline.data, baseline.end.year),
        }
        if baseline
        else None,
    }


def municipality_part(municipality: Municipality, year: int) -> dict:
    period = Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    return {
        "code": municipality.code,
        "name": municipality.name,
        "situation": _situation(municipality, period),
        "goals": goal_statuses(municipality, period.end),
        "activities": _activities(municipality, period),
        "promises": _promises(municipality, period),
        "feedback": _feedback(municipality, period),
    }


def groups_of(municipalities: list[Municipality]) -> QuerySet[CollaborationGroup]:
    """The collaboration groups the municipalities take part in, with their agreed rhythm."""
    return (
        CollaborationGroup.objects.filter(municipalities__in=municipalities)
        .distinct()
        .select_related("meeting_rhythm")
        .order_by("name")
    )


def _held(group: CollaborationGroup, year: int, now: datetime.datetime) -> QuerySet[Meeting]:
    """The group's collaboration meetings of the year that have taken place by now."""
    return Meeting.objects.filter(
        group=group, kind=Meeting.Kind.GROUP, starts_at__year=year, starts_at__lte=now
    ).order_by("starts_at")


def _per_year(group: CollaborationGroup) -> int | None:
    return group.meeting_rhythm.per_year if hasattr(group, "meeting_rhythm") else None


def meetings_in_year(municipalities: list[Municipality], year: int, now: datetime.datetime) -> list[dict]:
    """Each group's meetings held in the year, with their dates, against the agreed rhythm when there is one."""
    result = []
    for group in groups_of(municipalities):
        dates = [timezone.localdate(m.starts_at).isoformat() for m in _held(group, year, now)]
        per_year = _per_year(group)
        behind = per_year is not None and len(dates) < per_year
        state = NO_RHYTHM if per_year is None else FEWER_THAN_AGREED if behind else ""
        result.append(
            {
                "group": group.name,
                "held": len(dates),
                "dates": dates,
                "per_year": per_year,
                "behind": behind,
                "state": str(state),
            }
        )
    return result


def expected_by(per_year: int, today: datetime.date) -> int:
    """The meetings a rhythm calls for by today: per year times the share of the year passed, rounded down."""
    days = (datetime.date(today.year + 1, 1, 1) - datetime.date(today.year, 1, 1)).days
    return per_year * today.timetuple().tm_yday // days


@dataclass(frozen=True)
class RhythmRow:
    group: CollaborationGroup
    held: int
    per_year: int | None
    expected: int | None

    @property
    def behind(self) -> bool:
        return self.expected is not None and self.held < self.expected

    @property
    def state(self) -> str:
        return str(NO_RHYTHM if self.per_year is None else BEHIND_RHYTHM if self.behind else ON_RHYTHM)


def meeting_rhythm(municipality: Municipality, now: datetime.datetime) -> list[RhythmRow]:
    """Each group of the municipality: the meetings held so far this year against what its rhythm calls for."""
    today = timezone.localdate(now)
    rows = []
    for group in groups_of([municipality]):
        per_year = _per_year(group)
        expected = expected_by(per_year, today) if per_year is not None else None
        rows.append(RhythmRow(group, _held(group, today.year, now).count(), per_year, expected))
    return rows


def annual_report(place: Place, year: int) -> dict:
    """Every figure and text of the place's annual report for the year."""
    return {
        "name": place.name,
        "joint": place.police_area is not None,
        "year": year,
        "generated_at": clock.now().isoformat(timespec="seconds"),
        "narratives": narratives(place, year),
        "parts": [municipality_part(m, year) for m in place.municipalities],
        "meetings": meetings_in_year(place.municipalities, year, clock.now()),
    }


DUE_WITHIN = datetime.timedelta(days=30)


def latest_imports() -> dict[str, datetime.datetime]:
    """The time of the latest import run of each source."""
    runs = ImportRun.objects.values("source").annotate(latest=Max("at"))
    return {run["source"]: run["latest"] for run in runs}


def continuous_follow_up(municipality: Municipality, today: datetime.date) -> dict:
    """Where the municipality stands today: goals, activities due, overdue and done this year, the promises
    in force, and the sources that are late."""
    activities = Activity.objects.filter(
        plan__municipality=municipality, plan__status=ActionPlan.Status.ADOPTED
    ).order_by("ends_on", "title")
    open_ones = activities.exclude(status__in=[Activity.Status.DONE, Activity.Status.CANCELLED])
    return {
        "goals": goal_statuses(municipality, today),
        "due": open_ones.filter(ends_on__gte=today, ends_on__lte=today + DUE_WITHIN),
        "overdue": open_ones.filter(ends_on__lt=today),
        "done": activities.filter(status=Activity.Status.DONE, status_changed_at__year=today.year),
        "promises": [
            shown_promises(promise_set)
            for promise_set in current_sets().filter(municipality=municipality).order_by("starts_on")
        ],
        "freshness": freshness(latest_imports()),
    }
