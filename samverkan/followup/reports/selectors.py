"""Reading the annual report and the continuous follow-up: where a user may read or write them, and every
figure in them, as plain data.

A report, evaluation or follow-up of a period shows the goals, activities, meetings and promises of that
period (the agreements in force then) and nothing dated later: a report of a past year regenerated today
is the report it was. Goal figures are read through planning.goals.selectors.follow_up, as the viewer
may see them: in full for the parties to the municipality's picture (its own organisation and the police
of its area), with /mal/'s rule for anyone else. A kept report holds the figures in full, so only the
parties to every municipality of it reach it. The returned dict is what the web version, the PDF and the
kept report all show.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass

from django.db.models import Max, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.reports.commitments import agreements_follow_up
from samverkan.followup.reports.freshness import CADENCE_DAYS, freshness
from samverkan.followup.reports.models import GeneratedReport, ReportNarrative
from samverkan.followup.reports.status import goal_colour
from samverkan.organisations.access import municipality_in_reach, scope_for, sees_internal_figures
from samverkan.organisations.models import CollaborationGroup, Municipality, Organisation, User
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.actions.selectors import (
    DUE_WITHIN,
    activity_progress,
    activity_status_on,
    due_activities,
    open_activities,
    overdue_activities,
)
from samverkan.planning.effects.presentation import effects_in
from samverkan.planning.goals.models import Goal
from samverkan.planning.goals.presentation import STATUS_LABELS, chart_for, indicator_view
from samverkan.planning.goals.selectors import FollowUp, goals_in_force
from samverkan.planning.goals.selectors import follow_up as goal_follow_up
from samverkan.planning.promises.models import PromiseActivity, Suggestion
from samverkan.planning.promises.selectors import current_sets, head_sets, promise_activity_progress, shown_promises
from samverkan.situation.audience import ShownPicture, for_audience
from samverkan.situation.models import Baseline
from samverkan.situation.selectors import (
    INTERNAL,
    TOTAL_CRIME,
    Period,
    audience_for,
    baseline_picture,
    joint_municipalities,
    picture_for,
)
from samverkan.sources.dialogues.models import Dialogue
from samverkan.sources.models import ImportRun

TOP_PROBLEMS = 5
NO_RHYTHM = _("no rhythm agreed")
BEHIND_RHYTHM = _("Behind the rhythm")
ON_RHYTHM = _("On rhythm")
FEWER_THAN_AGREED = _("Fewer than agreed")
NOT_LINKED = _("not linked to the action plan")


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
    municipality, can_write = municipality_in_reach(user, code)
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


def sees_place_figures(user: User | None, place: Place) -> bool:
    """A party to the picture of every municipality of the place: sees its figures in full. No user: the
    command line, which generates the report for the leaderships."""
    return user is None or all(sees_internal_figures(user, m) for m in place.municipalities)


def generated_reports(place: Place, year: int, user: User) -> QuerySet[GeneratedReport]:
    """The kept versions, for those who see the place's figures in full (none for anyone else)."""
    if not sees_place_figures(user, place):
        return GeneratedReport.objects.none()
    return GeneratedReport.objects.filter(year=year, **place.owner()).select_related("generated_by").defer("pdf")


def _indicator_row(follow_up: FollowUp) -> dict:
    view = indicator_view(follow_up)
    return {
        "name": follow_up.indicator.name,
        "status": view.status,
        "status_label": view.status_label,
        "trend": view.trend_label,
        "baseline": view.baseline.text if view.baseline else "",
        "baseline_date": view.baseline.date.isoformat() if view.baseline else "",
        "latest": view.latest.text if view.latest else "",
        "latest_date": view.latest.date.isoformat() if view.latest else "",
        "target": view.target,
        "target_date": follow_up.indicator.target_date.isoformat(),
        "chart": chart_for(follow_up, view),
    }


def goal_statuses(
    municipality: Municipality,
    *,
    goals: QuerySet[Goal],
    until: datetime.date,
    user: User | None,
    today: datetime.date | None = None,
) -> list[dict]:
    """The goals, each indicator measured in the municipality with its latest value up to `until` (never after
    today) and its status, as the user may see them."""
    result = []
    goals = goals.prefetch_related("indicators__baseline", "indicators__municipality", "indicators__manual_values")
    for goal in goals.order_by("focus_area__order", "title"):
        indicators = [
            _indicator_row(goal_follow_up(indicator, user=user, until=until, today=today))
            for indicator in goal.indicators.all()
            if indicator.municipality_id == municipality.pk
        ]
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


def _activities(municipality: Municipality, period: Period, until: datetime.date) -> dict[str, list[dict]]:
    """The adopted plan's activities that ran during the period: done by its end, and the others with the
    reason given; each with what was carried out by then (`until`: the period's end, or today before that)."""
    activities = Activity.objects.filter(
        plan__municipality=municipality,
        plan__status=ActionPlan.Status.ADOPTED,
        starts_on__lte=period.end,
        ends_on__gte=period.start,
    ).order_by("starts_on", "title")
    rows: dict[str, list[dict]] = {"done": [], "not_done": []}
    for activity in activities:
        status, comment = activity_status_on(activity, until)
        held, target = activity_progress(activity, until=until)
        row = {
            "title": activity.title,
            "responsible": activity.get_responsible_display(),
            "status": str(Activity.Status(status).label),
            "held": held,
            "target": target,
            "target_text": activity.target_text,
            "reason": comment,
        }
        rows["done" if status == Activity.Status.DONE else "not_done"].append(row)
    return rows


def _promise_progress(promise_activity: PromiseActivity, until: datetime.date) -> str:
    """One figure per promise activity: its activity's progress by `until` ("5 av 10"), or, when the target is
    not a number of times, the activity's status then."""
    progress = promise_activity_progress(promise_activity, until=until)
    if progress.done is None:
        return ""
    if progress.planned:
        return f"{progress.text} {promise_activity.unit}".strip()
    return progress.status


def _promises(municipality: Municipality, period: Period, until: datetime.date) -> list[dict]:
    """The published medborgarlöften of the period, each activity with its progress by `until`."""
    sets = head_sets().filter(municipality=municipality, starts_on__lte=period.end, ends_on__gte=period.start)
    result = []
    for promise_set in sets.order_by("starts_on"):
        promises = [
            {
                "text": promise.text,
                "activities": [
                    {
                        "who": promise_activity.get_who_display(),
                        "what": promise_activity.what,
                        "progress": _promise_progress(promise_activity, until),
                        "followup": promise_activity.followup,
                    }
                    for promise_activity in promise.activities.all()
                ],
            }
            for promise in promise_set.promises.prefetch_related("activities__activity")
        ]
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


def _totals(shown: ShownPicture, year: int) -> dict:
    crimes = [c.count for c in shown.crime_statistics if c.category == TOTAL_CRIME and c.year == year]
    return {
        "crimes": crimes[0] if crimes else None,
        "police_events": sum(e.count for e in shown.police_events),
        "incidents": shown.incidents_total(),
        "problems": [p.name for p in shown.problems[:TOP_PROBLEMS]],
    }


def _situation(municipality: Municipality, period: Period, user: User | None) -> dict:
    """The year's lägesbild against the latest baseline adopted for a period that ended before the year did,
    both as the user may see them."""
    audience = INTERNAL if user is None else audience_for(user, municipality)
    now = for_audience(picture_for(municipality=municipality, period=period), audience)
    baseline = Baseline.objects.filter(municipality=municipality, end__lt=period.end).first()
    return {
        "now": _totals(now, period.end.year),
        "baseline": {
            "version": baseline.version,
            "from": baseline.start.isoformat(),
            "to": baseline.end.isoformat(),
            **_totals(for_audience(baseline_picture(baseline), audience), baseline.end.year),
        }
        if baseline
        else None,
    }


def municipality_part(municipality: Municipality, year: int, *, user: User | None, today: datetime.date) -> dict:
    """One municipality's part of the report of `year`: nothing dated after the year, nor after today."""
    period = Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    until = min(period.end, today)
    return {
        "code": municipality.code,
        "name": municipality.name,
        "situation": _situation(municipality, period, user),
        "goals": goal_statuses(
            municipality,
            goals=goals_in_force(municipality, start=period.start, end=period.end),
            until=period.end,
            user=user,
            today=today,
        ),
        "activities": _activities(municipality, period, until),
        "effects": [
            asdict(reported)
            for reported in effects_in(
                municipality,
                start=period.start,
                end=period.end,
                today=today,
                owner=user is None or sees_internal_figures(user, municipality),
            )
        ],
        "promises": _promises(municipality, period, until),
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
    """Each group's meetings held in the year, with their dates, against the agreed rhythm when there is one: of
    the groups that had met by the year's end (a group formed later is not in it)."""
    year_ends = datetime.datetime(year + 1, 1, 1, tzinfo=timezone.get_current_timezone())
    result = []
    for group in groups_of(municipalities).filter(meetings__starts_at__lt=year_ends).distinct():
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


def annual_report(place: Place, year: int, *, user: User | None, today: datetime.date | None = None) -> dict:
    """Every figure and text of the place's annual report for the year, as the user may see it (no user: in
    full, for the leaderships)."""
    now = clock.now()
    today = today or timezone.localdate(now)
    return {
        "name": place.name,
        "joint": place.police_area is not None,
        "year": year,
        "generated_at": now.isoformat(timespec="seconds"),
        "narratives": narratives(place, year),
        "parts": [municipality_part(m, year, user=user, today=today) for m in place.municipalities],
        "meetings": meetings_in_year(place.municipalities, year, now),
        "agreements": agreements_follow_up(place.municipalities, year, today=today),
    }


def latest_imports() -> dict[str, datetime.datetime]:
    """The time (local) of the latest import run of each source with a cadence."""
    runs = ImportRun.objects.filter(source__in=CADENCE_DAYS).values("source").annotate(latest=Max("at"))
    return {run["source"]: timezone.localtime(run["latest"]) for run in runs}


def continuous_follow_up(municipality: Municipality, *, user: User | None, today: datetime.date) -> dict:
    """Where the municipality stands today: the goals of the agreements in force, activities due, overdue and
    done this year, the promises in force with their progress, and the freshness of the sources."""
    open_ones = open_activities([municipality])
    done = Activity.objects.filter(
        plan__municipality=municipality,
        plan__status=ActionPlan.Status.ADOPTED,
        status=Activity.Status.DONE,
        status_changed_at__gte=datetime.datetime(today.year, 1, 1, tzinfo=timezone.get_current_timezone()),
    ).order_by("ends_on", "title")
    return {
        "goals": goal_statuses(
            municipality,
            goals=goals_in_force(municipality, start=today, end=today),
            until=today,
            user=user,
            today=today,
        ),
        "due": due_activities(open_ones, today),
        "due_days": DUE_WITHIN.days,
        "overdue": overdue_activities(open_ones, today),
        "done": done,
        "promises": [
            shown_promises(promise_set)
            for promise_set in current_sets().filter(municipality=municipality).order_by("starts_on")
        ],
        "freshness": freshness(latest_imports()),
    }
