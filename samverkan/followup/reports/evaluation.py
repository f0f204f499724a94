"""The evaluation (utvärdering) of an agreement period: per focus area, what was planned, done and achieved
against the baselines, and per commitment of part 1 and item of part 2 a status and a written assessment,
first suggested from the data.

Figures: `evaluation_result` computes them for one scope (a municipality, or the police area jointly) as typed,
frozen results; `evaluation_for` gives the whole agreement's figures as the viewer may see them (the overview
page). The kept evaluation (models.Evaluation) holds the figures in full, as last refreshed while a draft, and
frozen with its assessments once every party has confirmed it (adopted); a new version is a new draft.

The goals are the agreement's (its common goals and its part 2s' separate ones, never a later agreement's),
with their figures up to the period's end or today (planning.goals.selectors.follow_up).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import Agreement, CommitmentFollowUp, CommunicationItem, Section
from samverkan.core import clock
from samverkan.core.pdf import pdf_from_template
from samverkan.followup.reports.models import Evaluation, EvaluationConfirmation, EvaluationItem
from samverkan.followup.reports.selectors import (
    Place,
    goal_statuses,
    meetings_in_year,
    place_for_area,
    place_for_municipality,
    sees_place_figures,
)
from samverkan.organisations.access import scope_for, sees_internal_figures
from samverkan.organisations.models import Municipality, Organisation, User
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.actions.selectors import activity_progress, activity_status_on
from samverkan.planning.effects.presentation import ReportedEffect, effects_in
from samverkan.planning.goals.models import Goal
from samverkan.planning.goals.selectors import goals_of_agreement
from samverkan.planning.goals.status import GREEN, GREY
from samverkan.planning.promises.selectors import head_sets, promise_activity_progress
from samverkan.situation.audience import ShownPicture, for_audience
from samverkan.situation.models import Baseline
from samverkan.situation.selectors import INTERNAL, TOTAL_CRIME, Period, baseline_picture, picture_for

Status = EvaluationItem.Status
TOP_PROBLEMS = 5

ADOPTED = _("The evaluation is adopted and cannot be changed; start a new version instead.")
NOT_ADOPTED = _("Only an adopted evaluation gets a new version.")
DRAFT_EXISTS = _("A draft of this evaluation is already being worked on.")
ALREADY_STARTED = _("The evaluation of this agreement period has already been started.")
NOT_A_PARTY = _("You do not confirm the evaluation for any of its parties.")
ALREADY_CONFIRMED = _("Your party has already confirmed this version.")
NOT_OF_THE_AGREEMENT = _("%(scope)s is not a party to %(agreement)s.")

ACTIVITIES_TEXT = _("Activities: %(done)s of %(total)s carried out.")
NOT_DONE_TEXT = _("Not carried out: %(activities)s.")
GOALS_TEXT = _("Goals: %(on_track)s of %(measured)s measured on track (%(total)s in all).")
PROMISES_TEXT = _("Medborgarlöften: %(kept)s of %(total)s kept.")
MEETINGS_TEXT = _("Meetings: the agreed rhythm held in %(met)s of %(total)s group years.")
COMMUNICATION_TEXT = _("Communication plan: %(done)s of %(total)s activities carried out.")
FOLLOW_UP_TEXT = _("Follow-up %(year)s: %(status)s.")
NO_DATA = _("No figures in Samverkan belong to this; assess it by hand.")

# A commitment's yearly follow-up, read as the evaluation's status.
FOLLOW_UP_STATUS: dict[str, Status] = {
    CommitmentFollowUp.Status.DONE: Status.DONE,
    CommitmentFollowUp.Status.ONGOING: Status.PARTLY,
    CommitmentFollowUp.Status.NOT_STARTED: Status.NOT_DONE,
    CommitmentFollowUp.Status.CANCELLED: Status.NOT_DONE,
}
# The part-2 sections the data says something about.
ASSESSED_SECTIONS = (
    Section.Kind.LOCAL_GOALS,
    Section.Kind.IMPLEMENTATION,
    Section.Kind.FOLLOW_UP,
    Section.Kind.PROMISES,
)


# ---------------------------------------------------------------------------------------------- the figures


@dataclass(frozen=True)
class YearFigures:
    year: int
    planned: int
    done: int
    carried_out: int


@dataclass(frozen=True)
class IndicatorFigures:
    name: str
    status: str
    status_label: str
    baseline: str
    baseline_date: str
    latest: str
    latest_date: str
    target: str
    target_date: str


@dataclass(frozen=True)
class GoalOutcome:
    title: str
    municipality: str
    focus_area: str
    common: bool
    status: str
    status_label: str
    indicators: tuple[IndicatorFigures, ...]


@dataclass(frozen=True)
class ActivityOutcome:
    title: str
    municipality: str
    done: bool
    status: str
    held: int
    target: int | None
    reason: str


@dataclass(frozen=True)
class PromiseOutcome:
    municipality: str
    promise_set: str
    text: str
    kept: bool | None  # None: no activity of it is linked to the action plan, so nothing is counted
    progress: tuple[str, ...]
    followup: tuple[str, ...]


@dataclass(frozen=True)
class FocusAreaResult:
    id: int
    name: str
    short_name: str
    years: tuple[YearFigures, ...]
    goals: tuple[GoalOutcome, ...]
    activities: tuple[ActivityOutcome, ...]
    promises: tuple[PromiseOutcome, ...]

    @property
    def activities_done(self) -> int:
        return sum(1 for a in self.activities if a.done)


@dataclass(frozen=True)
class Totals:
    crimes: int | None
    police_events: int
    incidents: int | None  # None when a suppressed category is part of it
    problems: tuple[str, ...]


@dataclass(frozen=True)
class SituationComparison:
    """A municipality's latest picture against its baseline (the adopted lägesbild before it)."""

    municipality: str
    latest_from: str
    latest_to: str
    latest: Totals
    baseline_version: int | None
    baseline_from: str
    baseline_to: str
    baseline: Totals | None


@dataclass(frozen=True)
class MeetingYear:
    group: str
    year: int
    held: int
    per_year: int | None

    @property
    def met(self) -> bool | None:
        return None if self.per_year is None else self.held >= self.per_year


@dataclass(frozen=True)
class CommunicationOutcome:
    message: str
    audience: str
    channel: str
    when: str
    planned_on: str
    done_on: str
    done: bool


@dataclass(frozen=True)
class EvaluationResult:
    """Every figure of an evaluation of one scope, up to `until` (the period's end, or today before it)."""

    agreement: str
    scope: str
    joint: bool
    starts_on: str
    ends_on: str
    until: str
    situation: tuple[SituationComparison, ...]
    focus_areas: tuple[FocusAreaResult, ...]
    activities: tuple[ActivityOutcome, ...]
    promises: tuple[PromiseOutcome, ...]
    meetings: tuple[MeetingYear, ...]
    communication: tuple[CommunicationOutcome, ...]
    effects: tuple[ReportedEffect, ...] = ()  # the activities with an area (planning.effects)

    def as_json(self) -> dict:
        return asdict(self)


def _years(agreement: Agreement) -> list[int]:
    return list(range(agreement.starts_on.year, agreement.ends_on.year + 1))


def _goals(agreement: Agreement, municipalities: list[Municipality], until_today: datetime.date, user) -> list:
    return [
        GoalOutcome(
            title=goal["title"],
            municipality=m.name,
            focus_area=goal["focus_area"],
            common=goal["common"],
            status=goal["status"],
            status_label=goal["status_label"],
            indicators=tuple(
                IndicatorFigures(**{name: str(row[name]) for name in IndicatorFigures.__dataclass_fields__})
                for row in goal["indicators"]
            ),
        )
        for m in municipalities
        for goal in goal_statuses(
            m, goals=goals_of_agreement(m, agreement), until=agreement.ends_on, user=user, today=until_today
        )
    ]


def _outcome(activity: Activity, until: datetime.date) -> ActivityOutcome:
    status, comment = activity_status_on(activity, until)
    held, target = activity_progress(activity, until=until)
    return ActivityOutcome(
        title=activity.title,
        municipality=activity.plan.municipality.name,
        done=status == Activity.Status.DONE,
        status=str(Activity.Status(status).label),
        held=held,
        target=target,
        reason=comment,
    )


def _mostly_within(starts_on: datetime.date, ends_on: datetime.date, agreement: Agreement) -> bool:
    """Whether most of the days from `starts_on` to `ends_on` fall in the agreement period: a plan or promise set
    that only touches it (the next period's, begun a few days before it ends) belongs to the next one."""
    overlap = (min(ends_on, agreement.ends_on) - max(starts_on, agreement.starts_on)).days + 1
    return overlap * 2 > (ends_on - starts_on).days + 1


def _adopted_activities(agreement: Agreement, municipalities: list[Municipality]):
    return Activity.objects.filter(
        plan__municipality__in=municipalities,
        plan__status=ActionPlan.Status.ADOPTED,
        starts_on__lte=agreement.ends_on,
        ends_on__gte=agreement.starts_on,
    ).select_related("plan__municipality")


def _period_activities(agreement: Agreement, municipalities: list[Municipality], until: datetime.date) -> list:
    """The adopted plans' activities of the period, whether or not they serve a goal."""
    activities = _adopted_activities(agreement, municipalities).order_by("starts_on", "title")
    return [_outcome(a, until) for a in activities if _mostly_within(a.starts_on, a.ends_on, agreement)]


def _promises(agreement: Agreement, municipalities: list[Municipality], until: datetime.date) -> list:
    """The published medborgarlöften of the period, each with whether its counted activities reached their
    targets by `until`; with the focus areas its linked activities serve."""
    sets = head_sets().filter(
        municipality__in=municipalities, starts_on__lte=agreement.ends_on, ends_on__gte=agreement.starts_on
    )
    found = []
    for promise_set in sets.select_related("municipality").order_by("municipality__name", "starts_on"):
        if not _mostly_within(promise_set.starts_on, promise_set.ends_on, agreement):
            continue
        for promise in promise_set.promises.prefetch_related("activities__activity__goals"):
            activities = list(promise.activities.all())
            counted = [(a, promise_activity_progress(a, until=until)) for a in activities if a.activity_id]
            counted = [(a, p) for a, p in counted if p.planned]
            outcome = PromiseOutcome(
                municipality=promise_set.municipality.name,
                promise_set=promise_set.title,
                text=promise.text,
                kept=all(p.complete for _a, p in counted) if counted else None,
                progress=tuple(f"{a.what}: {p.text} {a.unit}".strip() for a, p in counted),
                followup=tuple(a.followup for a in activities if a.followup),
            )
            areas = {g.focus_area_id for a in activities if a.activity for g in a.activity.goals.all()}
            found.append((outcome, areas))
    return found


def _totals(shown: ShownPicture, year: int) -> Totals:
    crimes = [c.count for c in shown.crime_statistics if c.category == TOTAL_CRIME and c.year == year]
    return Totals(
        crimes=crimes[0] if crimes else None,
        police_events=sum(e.count for e in shown.police_events),
        incidents=shown.incidents_total(),
        problems=tuple(p.name for p in shown.problems[:TOP_PROBLEMS]),
    )


def _situation(municipality: Municipality, until: datetime.date) -> SituationComparison:
    """The last whole year up to `until` against the latest baseline adopted for a period that ended before it."""
    latest = Period.last_full_year(until + datetime.timedelta(days=1))
    baseline = Baseline.objects.filter(municipality=municipality, end__lt=latest.end).first()
    return SituationComparison(
        municipality=municipality.name,
        latest_from=latest.start.isoformat(),
        latest_to=latest.end.isoformat(),
        latest=_totals(for_audience(picture_for(municipality=municipality, period=latest), INTERNAL), latest.end.year),
        baseline_version=baseline.version if baseline else None,
        baseline_from=baseline.start.isoformat() if baseline else "",
        baseline_to=baseline.end.isoformat() if baseline else "",
        baseline=_totals(for_audience(baseline_picture(baseline), INTERNAL), baseline.end.year) if baseline else None,
    )


def _meetings(agreement: Agreement, municipalities: list[Municipality], until: datetime.date) -> list[MeetingYear]:
    now = min(clock.now(), datetime.datetime.combine(until, datetime.time.max, timezone.get_current_timezone()))
    return [
        MeetingYear(group=row["group"], year=year, held=row["held"], per_year=row["per_year"])
        for year in range(agreement.starts_on.year, until.year + 1)
        for row in meetings_in_year(municipalities, year, now)
    ]


def _communication(agreement: Agreement, municipalities: list[Municipality], until: datetime.date) -> list:
    items = CommunicationItem.objects.filter(
        Q(agreement=agreement) | Q(agreement__in=_part2s(agreement, municipalities))
    ).order_by("agreement__part", "id")
    return [
        CommunicationOutcome(
            message=item.message,
            audience=item.audience,
            channel=item.channel,
            when=item.when,
            planned_on=item.planned_on.isoformat() if item.planned_on else "",
            done_on=item.done_on.isoformat() if item.done_on else "",
            done=item.done_on is not None and item.done_on <= until,
        )
        for item in items
    ]


def _part2s(agreement: Agreement, municipalities: list[Municipality]):
    """The municipalities' part 2s under the agreement, not replaced by a revision."""
    return (
        Agreement.objects.filter(strategic=agreement, part=Agreement.Part.LOCAL, municipalities__in=municipalities)
        .filter(revision__isnull=True)
        .distinct()
        .order_by("title")
    )


def evaluation_result(
    agreement: Agreement,
    municipalities: list[Municipality],
    *,
    scope: str,
    joint: bool,
    today: datetime.date,
    user: User | None = None,
    situation: bool = True,
) -> EvaluationResult:
    """The figures of the agreement period in the municipalities, as the user may see them (no user: in full)."""
    until = min(agreement.ends_on, today)
    goals = _goals(agreement, municipalities, today, user)
    promises = _promises(agreement, municipalities, until)
    areas = []
    for area in agreement.focus_areas.order_by("order", "name"):
        activities = (
            _adopted_activities(agreement, municipalities)
            .filter(
                goals__in=Goal.objects.filter(
                    Q(agreement=agreement) | Q(agreement__strategic=agreement), focus_area=area
                )
            )
            .distinct()
        )
        years = []
        for year in _years(agreement):
            start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            running = activities.filter(starts_on__lte=end, ends_on__gte=start)
            years.append(
                YearFigures(
                    year=year,
                    planned=running.count(),
                    done=running.filter(status=Activity.Status.DONE, ends_on__lte=end).count(),
                    carried_out=running.aggregate(
                        n=Count("occurrences", filter=Q(occurrences__held_on__range=(start, end)), distinct=True)
                    )["n"],
                )
            )
        areas.append(
            FocusAreaResult(
                id=area.pk,
                name=area.name,
                short_name=area.short_name,
                years=tuple(years),
                goals=tuple(g for g in goals if g.focus_area == area.short_name),
                activities=tuple(_outcome(a, until) for a in activities.order_by("starts_on", "title")),
                promises=tuple(outcome for outcome, ids in promises if area.pk in ids),
            )
        )
    return EvaluationResult(
        agreement=agreement.title,
        scope=scope,
        joint=joint,
        starts_on=agreement.starts_on.isoformat(),
        ends_on=agreement.ends_on.isoformat(),
        until=until.isoformat(),
        situation=tuple(_situation(m, until) for m in municipalities) if situation else (),
        focus_areas=tuple(areas),
        activities=tuple(_period_activities(agreement, municipalities, until)),
        promises=tuple(outcome for outcome, _ids in promises),
        meetings=tuple(_meetings(agreement, municipalities, until)),
        communication=tuple(_communication(agreement, municipalities, until)),
        effects=tuple(
            reported
            for m in municipalities
            for reported in effects_in(
                m,
                start=agreement.starts_on,
                end=agreement.ends_on,
                today=today,
                owner=user is None or sees_internal_figures(user, m),
            )
        ),
    )


def sees_agreement_figures(user: User | None, agreement: Agreement) -> bool:
    """A party to the picture of every municipality of the agreement (no user: in full)."""
    return user is None or all(sees_internal_figures(user, m) for m in agreement.municipalities.all())


def latest_baselines(agreement: Agreement) -> list[tuple[Municipality, Baseline]]:
    """The latest adopted lägesbild of each of the agreement's municipalities: the next agreement's basis."""
    found = ((m, Baseline.objects.filter(municipality=m).first()) for m in agreement.municipalities.order_by("name"))
    return [(m, b) for m, b in found if b is not None]


def evaluation_for(agreement: Agreement, *, today: datetime.date, user: User | None) -> dict:
    """The whole agreement's figures per focus area, as the user may see them (the overview page): each goal with
    its status at the end of the period (or today), and per year the activities that ran, were done and the
    times they were carried out."""
    result = evaluation_result(
        agreement,
        list(agreement.municipalities.order_by("name")),
        scope=agreement.title,
        joint=True,
        today=today,
        user=user,
        situation=False,
    )
    return {
        **result.as_json(),
        "from": result.starts_on,
        "to": result.ends_on,
        "baselines": [
            {
                "municipality": m.name,
                "version": b.version,
                "from": b.start.isoformat(),
                "to": b.end.isoformat(),
            }
            for m, b in latest_baselines(agreement)
        ],
    }


# ------------------------------------------------------------------------------------ suggested assessments


@dataclass(frozen=True)
class Suggested:
    status: str
    text: str


def _by_share(done: int, total: int) -> str:
    if total == 0:
        return Status.NOT_ASSESSED
    return Status.DONE if done == total else Status.NOT_DONE if done == 0 else Status.PARTLY


def _activities_suggested(activities: Iterable[ActivityOutcome]) -> Suggested | None:
    activities = list(activities)
    if not activities:
        return None
    done = sum(1 for a in activities if a.done)
    lines = [ACTIVITIES_TEXT % {"done": done, "total": len(activities)}]
    missing = [f"{a.title} ({a.reason})" if a.reason else a.title for a in activities if not a.done]
    if missing:
        lines.append(NOT_DONE_TEXT % {"activities": "; ".join(missing)})
    return Suggested(_by_share(done, len(activities)), " ".join(lines))


def _goals_suggested(goals: Iterable[GoalOutcome]) -> Suggested | None:
    goals = list(goals)
    measured = [g for g in goals if g.status != GREY]
    if not goals:
        return None
    on_track = sum(1 for g in measured if g.status == GREEN)
    text = GOALS_TEXT % {"on_track": on_track, "measured": len(measured), "total": len(goals)}
    return Suggested(_by_share(on_track, len(measured)), text)


def _promises_suggested(promises: Iterable[PromiseOutcome]) -> Suggested | None:
    counted = [p for p in promises if p.kept is not None]
    if not counted:
        return None
    kept = sum(1 for p in counted if p.kept)
    return Suggested(_by_share(kept, len(counted)), PROMISES_TEXT % {"kept": kept, "total": len(counted)})


def _meetings_suggested(meetings: Iterable[MeetingYear]) -> Suggested | None:
    agreed = [m for m in meetings if m.met is not None]
    if not agreed:
        return None
    met = sum(1 for m in agreed if m.met)
    return Suggested(_by_share(met, len(agreed)), MEETINGS_TEXT % {"met": met, "total": len(agreed)})


def _communication_suggested(items: Iterable[CommunicationOutcome]) -> Suggested | None:
    items = list(items)
    if not items:
        return None
    done = sum(1 for i in items if i.done)
    return Suggested(_by_share(done, len(items)), COMMUNICATION_TEXT % {"done": done, "total": len(items)})


def _combined(first: Suggested | None, *more: Suggested | None) -> Suggested:
    """The first suggestion's status (the most direct evidence), with every suggestion's figures."""
    found = [s for s in (first, *more) if s is not None]
    if not found:
        return Suggested(Status.NOT_ASSESSED, str(NO_DATA))
    status = next((s.status for s in found if s.status != Status.NOT_ASSESSED), Status.NOT_ASSESSED)
    return Suggested(status, " ".join(s.text for s in found))


def _follow_up_suggested(commitment_id: int, until: datetime.date) -> Suggested | None:
    latest = CommitmentFollowUp.objects.filter(commitment_id=commitment_id, year__lte=until.year).order_by("-year")
    follow_up = latest.first()
    if follow_up is None:
        return None
    text = FOLLOW_UP_TEXT % {"year": follow_up.year, "status": follow_up.get_status_display()}
    return Suggested(FOLLOW_UP_STATUS[follow_up.status], f"{text} {follow_up.comment}".strip())


def _area(result: EvaluationResult, focus_area_id: int | None) -> FocusAreaResult | None:
    return next((a for a in result.focus_areas if a.id == focus_area_id), None)


def _area_suggested(area: FocusAreaResult) -> Suggested:
    return _combined(
        _activities_suggested(area.activities), _goals_suggested(area.goals), _promises_suggested(area.promises)
    )


def _commitment_suggested(commitment, result: EvaluationResult, until: datetime.date) -> Suggested:
    area = _area(result, commitment.focus_area_id)
    if area is None:
        return _combined(_follow_up_suggested(commitment.pk, until))
    return _combined(
        _follow_up_suggested(commitment.pk, until),
        _activities_suggested(area.activities),
        _goals_suggested(area.goals),
    )


def _section_suggested(section: Section, result: EvaluationResult, municipality: str) -> Suggested:
    goals = [g for a in result.focus_areas for g in a.goals if g.municipality == municipality]
    if section.kind == Section.Kind.LOCAL_GOALS:
        return _combined(_goals_suggested(goals))
    if section.kind == Section.Kind.IMPLEMENTATION:
        return _combined(_activities_suggested(a for a in result.activities if a.municipality == municipality))
    if section.kind == Section.Kind.FOLLOW_UP:
        return _combined(_meetings_suggested(result.meetings), _communication_suggested(result.communication))
    return _combined(_promises_suggested(p for p in result.promises if p.municipality == municipality))


@dataclass(frozen=True)
class Wanted:
    """An item the evaluation assesses, with what the data suggests for it."""

    kind: str
    key: dict
    part: int
    label: str
    suggested: Suggested


def _wanted(evaluation: Evaluation, result: EvaluationResult, municipalities: list[Municipality]) -> list[Wanted]:
    agreement = evaluation.agreement
    until = datetime.date.fromisoformat(result.until)
    wanted = [
        Wanted(EvaluationItem.Kind.FOCUS_AREA, {"focus_area_id": a.id}, 1, a.name, _area_suggested(a))
        for a in result.focus_areas
    ]
    wanted += [
        Wanted(EvaluationItem.Kind.COMMITMENT, {"commitment": c}, 1, c.text, _commitment_suggested(c, result, until))
        for c in agreement.commitments.order_by("order", "id")
    ]
    municipality = evaluation.municipality
    if municipality is None:
        return wanted
    for part2 in _part2s(agreement, municipalities):
        wanted += [
            Wanted(
                EvaluationItem.Kind.COMMITMENT, {"commitment": c}, 2, c.text, _commitment_suggested(c, result, until)
            )
            for c in part2.commitments.order_by("order", "id")
        ]
        wanted += [
            Wanted(
                EvaluationItem.Kind.SECTION,
                {"section": s},
                2,
                s.get_kind_display(),
                _section_suggested(s, result, municipality.name),
            )
            for s in part2.sections.filter(kind__in=ASSESSED_SECTIONS).order_by("order")
        ]
    return wanted


# ------------------------------------------------------------------------------------- the kept evaluation


def scope_municipalities(evaluation: Evaluation) -> list[Municipality]:
    if evaluation.municipality is not None:
        return [evaluation.municipality]
    return list(evaluation.agreement.municipalities.filter(organisations=evaluation.police_area).order_by("name"))


def parties_of(evaluation: Evaluation) -> list[Organisation]:
    """Who adopts the evaluation: for a municipality, the agreement's parties that cover it (its own
    organisation and the police of its area); jointly, the police area (the one party that reads every
    municipality of it)."""
    if evaluation.police_area is not None:
        return [evaluation.police_area]
    return list(evaluation.agreement.parties.filter(municipalities=evaluation.municipality).distinct().order_by("name"))


def _figures(evaluation: Evaluation) -> dict:
    return evaluation.data["figures"] if evaluation.is_adopted else evaluation.data


def _item_row(item: EvaluationItem) -> dict:
    return {
        "kind": item.kind,
        "part": item.part,
        "text": item.label,
        "status": item.status,
        "status_label": str(Status(item.status).label),
        "assessment": item.assessment,
        "suggested_status": item.suggested_status,
        "suggestion": item.suggestion,
    }


def evaluation_document(evaluation: Evaluation) -> dict:
    """The evaluation as the page, the PDF and the JSON show it: one entry per focus area and one per
    commitment or part-2 item, each with its status and assessment. An adopted one as it was frozen."""
    if evaluation.is_adopted:
        return evaluation.data
    figures = evaluation.data
    areas = {a["id"]: a for a in figures.get("focus_areas", [])}
    items = list(evaluation.items.all())
    return {
        "agreement": figures.get("agreement", evaluation.agreement.title),
        "scope": evaluation.scope_name,
        "joint": evaluation.municipality_id is None,
        "version": evaluation.version,
        "status": evaluation.status,
        "status_label": str(evaluation.get_status_display()),
        "from": evaluation.agreement.starts_on.isoformat(),
        "to": evaluation.agreement.ends_on.isoformat(),
        "until": figures.get("until", ""),
        "refreshed_at": timezone.localtime(evaluation.refreshed_at).isoformat(timespec="minutes")
        if evaluation.refreshed_at
        else "",
        "adopted_at": "",
        "focus_areas": [
            {
                "name": item.label,
                "short_name": areas.get(item.focus_area_id, {}).get("short_name", ""),
                **_item_row(item),
                "figures": areas.get(item.focus_area_id),
            }
            for item in items
            if item.kind == EvaluationItem.Kind.FOCUS_AREA
        ],
        "commitments": [_item_row(item) for item in items if item.kind != EvaluationItem.Kind.FOCUS_AREA],
        "conclusions": evaluation.conclusions,
        "recommendations": _lines(evaluation.recommendations),
        "confirmations": [
            {"party": c.organisation.name, "by": c.by.get_full_name() or c.by.username, "at": c.at.date().isoformat()}
            for c in evaluation.confirmations.select_related("organisation", "by")
        ],
        "figures": figures,
    }


def _lines(text: str) -> list[str]:
    return [line.strip().lstrip("-•* ").strip() for line in text.splitlines() if line.strip().lstrip("-•* ").strip()]


def evaluation_pdf(evaluation: Evaluation) -> bytes:
    """The tagged PDF (PDF/UA-1)."""
    return pdf_from_template("reports/evaluation_pdf.html", {"data": evaluation_document(evaluation)})


def recommendations(agreement: Agreement) -> list[str]:
    """The recommendations for the next period of the agreement's evaluations (the joint one first, then each
    municipality's): of the latest adopted version of each scope, else of its draft; each once."""
    newest: dict[tuple, Evaluation] = {}
    for evaluation in agreement.evaluations.select_related("municipality", "police_area").order_by("version"):
        key = (evaluation.municipality_id, evaluation.police_area_id)
        kept = newest.get(key)
        if kept is None or evaluation.is_adopted or not kept.is_adopted:
            newest[key] = evaluation
    chosen = sorted(newest.values(), key=lambda e: (e.municipality_id is not None, e.scope_name))
    found: list[str] = []
    for evaluation in chosen:
        for line in _lines(evaluation.recommendations):
            if line not in found:
                found.append(line)
    return found


def _refuse_if_adopted(evaluation: Evaluation) -> None:
    if evaluation.is_adopted:
        raise ValidationError(ADOPTED)


def _sync(evaluation: Evaluation, *, today: datetime.date) -> None:
    municipalities = scope_municipalities(evaluation)
    result = evaluation_result(
        evaluation.agreement,
        municipalities,
        scope=evaluation.scope_name,
        joint=evaluation.municipality_id is None,
        today=today,
    )
    evaluation.data = result.as_json()
    evaluation.refreshed_at = clock.now()
    evaluation.save(update_fields=["data", "refreshed_at"])
    evaluation.baselines.set(
        [b for m in municipalities if (b := Baseline.objects.filter(municipality=m).first()) is not None]
    )
    for order, wanted in enumerate(_wanted(evaluation, result, municipalities)):
        key = wanted.key
        item = evaluation.items.filter(kind=wanted.kind, **key).first()
        item = item or EvaluationItem(evaluation=evaluation, kind=wanted.kind, **key)
        item.part, item.label, item.order = wanted.part, wanted.label, order
        item.suggested_status, item.suggestion = wanted.suggested.status, wanted.suggested.text
        if item.edited_by_id is None:
            item.status, item.assessment = wanted.suggested.status, wanted.suggested.text
        item.save()
    evaluation.confirmations.all().delete()


def _owner(agreement: Agreement, place: Place) -> dict:
    if place.municipality is not None:
        if not agreement.municipalities.filter(pk=place.municipality.pk).exists():
            raise ValidationError(NOT_OF_THE_AGREEMENT % {"scope": place.name, "agreement": agreement})
        return {"municipality": place.municipality}
    assert place.police_area is not None  # a place is a municipality or a police area
    if not agreement.parties.filter(pk=place.police_area.pk).exists():
        raise ValidationError(NOT_OF_THE_AGREEMENT % {"scope": place.name, "agreement": agreement})
    return {"police_area": place.police_area}


@transaction.atomic
def evaluation_start(*, agreement: Agreement, place: Place, by: User | None, today: datetime.date) -> Evaluation:
    """The first draft of the scope's evaluation, its figures and suggested assessments filled in."""
    owner = _owner(agreement, place)
    if Evaluation.objects.filter(agreement=agreement, **owner).exists():
        raise ValidationError(ALREADY_STARTED)
    evaluation = Evaluation.objects.create(agreement=agreement, created_by=by, **owner)
    _sync(evaluation, today=today)
    return evaluation


@transaction.atomic
def evaluation_refresh(*, evaluation: Evaluation, by: User | None, today: datetime.date) -> Evaluation:
    """Recompute a draft's figures (also after the period ended) and the suggestions; the assessments nobody
    has written over follow them. The parties confirm again."""
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    _refuse_if_adopted(evaluation)
    _sync(evaluation, today=today)
    return evaluation


@transaction.atomic
def evaluation_save(
    *,
    evaluation: Evaluation,
    items: dict[int, tuple[str, str]],
    conclusions: str,
    recommendations: str,
    by: User,
) -> Evaluation:
    """Save the written assessments (item id -> (status, assessment)), conclusions and recommendations of a
    draft; a change asks the parties to confirm again."""
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    _refuse_if_adopted(evaluation)
    changed = False
    for item in evaluation.items.filter(pk__in=list(items)):
        status, assessment = items[item.pk]
        if (item.status, item.assessment) != (status, assessment.strip()):
            item.status, item.assessment, item.edited_by = status, assessment.strip(), by
            item.full_clean()
            item.save()
            changed = True
    if (evaluation.conclusions, evaluation.recommendations) != (conclusions.strip(), recommendations.strip()):
        evaluation.conclusions, evaluation.recommendations = conclusions.strip(), recommendations.strip()
        evaluation.full_clean(validate_constraints=False)
        evaluation.save(update_fields=["conclusions", "recommendations"])
        changed = True
    if changed:
        evaluation.confirmations.all().delete()
    return evaluation


def confirms_for(user: User, evaluation: Evaluation) -> list[Organisation]:
    """The parties of the evaluation the user writes for and that have not confirmed it yet."""
    writes = scope_for(user).write_organisations
    confirmed = set(evaluation.confirmations.values_list("organisation_id", flat=True))
    return [p for p in parties_of(evaluation) if p.pk in writes and p.pk not in confirmed]


@transaction.atomic
def evaluation_confirm(*, evaluation: Evaluation, by: User) -> Evaluation:
    """Confirm the draft for every party the user writes for; when every party has confirmed, it is adopted:
    its contents frozen as they stand."""
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    _refuse_if_adopted(evaluation)
    parties = confirms_for(by, evaluation)
    if not parties:
        writes = scope_for(by).write_organisations
        raise ValidationError(ALREADY_CONFIRMED if any(p.pk in writes for p in parties_of(evaluation)) else NOT_A_PARTY)
    now = clock.now()
    for party in parties:
        EvaluationConfirmation.objects.create(evaluation=evaluation, organisation=party, by=by, at=now)
    confirmed = set(evaluation.confirmations.values_list("organisation_id", flat=True))
    if all(p.pk in confirmed for p in parties_of(evaluation)):
        document = evaluation_document(evaluation)
        evaluation.status, evaluation.adopted_at = Evaluation.Status.ADOPTED, now
        document.update(
            status=evaluation.status,
            status_label=str(evaluation.get_status_display()),
            adopted_at=timezone.localtime(now).isoformat(timespec="minutes"),
        )
        evaluation.data = document
        evaluation.save(update_fields=["status", "adopted_at", "data"])
    return evaluation


@transaction.atomic
def evaluation_new_version(*, evaluation: Evaluation, by: User | None, today: datetime.date) -> Evaluation:
    """A new draft after the adopted version, starting from its texts, with the figures refreshed."""
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if not evaluation.is_adopted:
        raise ValidationError(NOT_ADOPTED)
    owner = (
        {"municipality": evaluation.municipality}
        if evaluation.municipality_id
        else {"police_area": evaluation.police_area}
    )
    if Evaluation.objects.filter(agreement=evaluation.agreement, status=Evaluation.Status.DRAFT, **owner).exists():
        raise ValidationError(DRAFT_EXISTS)
    latest = Evaluation.objects.filter(agreement=evaluation.agreement, **owner).aggregate(v=Max("version"))["v"]
    draft = Evaluation.objects.create(
        agreement=evaluation.agreement,
        version=latest + 1,
        conclusions=evaluation.conclusions,
        recommendations=evaluation.recommendations,
        created_by=by,
        **owner,
    )
    for item in evaluation.items.all():
        item.pk, item.evaluation = None, draft
        item.save()
    _sync(draft, today=today)
    return draft


# ------------------------------------------------------------------------------------------------- access


def evaluation_place(user: User, agreement: Agreement, *, code: str | None = None, area_id: int | None = None) -> Place:
    """The scope's place for a party to its picture (its figures are in full); 404 for anyone else, and for a
    scope not of the agreement."""
    if code is not None:
        place = place_for_municipality(user, code)
    elif area_id is not None:
        place = place_for_area(user, area_id)
    else:
        raise Http404
    if not sees_place_figures(user, place) or agreement.part != Agreement.Part.STRATEGIC:
        raise Http404
    try:
        _owner(agreement, place)
    except ValidationError:
        raise Http404 from None
    return place


def versions_of(evaluation: Evaluation) -> list[Evaluation]:
    owner = {"municipality": evaluation.municipality_id, "police_area": evaluation.police_area_id}
    return list(Evaluation.objects.filter(agreement=evaluation.agreement_id, **owner).order_by("-version"))


def current_evaluation(agreement: Agreement, place: Place) -> Evaluation | None:
    """The scope's draft, else its latest adopted version."""
    versions = Evaluation.objects.filter(agreement=agreement, **place.owner())
    return versions.filter(status=Evaluation.Status.DRAFT).first() or versions.order_by("-version").first()
