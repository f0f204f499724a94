"""Goals, activities of the action plans and their occurrences, with a token, scoped as their pages.

Lists read what the user reaches (planning.goals.selectors.goals_for_user; an activity or occurrence by its plan's
municipality, organisations.access.scope_for); one object through planning.access (404 outside reach). An
activity's status is set as the action plan's page sets it (actions.services.activity_set_status), and an
occurrence logged as the activity's page logs it (actions.services.occurrence_log), by those who write for its
municipality (403 for one who only reads).
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from ninja import Field, Query, Router, Schema, Status

from samverkan.api.errors import NOT_FOUND, PRIVATE_ERRORS, ApiError, forbidden
from samverkan.api.incidents import refused
from samverkan.api.params import MAX_ID, MunicipalityPeriodParams, Text, id_path, page_of
from samverkan.organisations.access import scope_for
from samverkan.planning.access import get_activity_for_user, get_goal_for_user
from samverkan.planning.actions import services as actions
from samverkan.planning.actions.models import Activity, Occurrence
from samverkan.planning.goals.models import Goal
from samverkan.planning.goals.selectors import goals_for_user

router = Router(tags=["planning"])

ActivityStatus = Literal["ej_paborjad", "pagar", "utford", "installd"]


class GoalOut(Schema):
    id: int
    title: str
    description: str
    focus_area: str
    municipality: str | None  # kommunkod; null: a common goal of the whole agreement
    agreement: int


class GoalPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[GoalOut]


class ActivityOut(Schema):
    id: int
    plan: int
    municipality: str
    title: str
    description: str
    responsible: str
    kind: str
    horizon: str
    starts_on: datetime.date
    ends_on: datetime.date
    target_count: int | None
    target_text: str
    status: ActivityStatus
    status_comment: str
    status_changed_at: datetime.datetime | None
    goals: list[int]


class ActivityPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ActivityOut]


class OccurrenceOut(Schema):
    id: int
    activity: int
    municipality: str
    held_on: datetime.date
    what: str
    where: str
    reached: int | None


class OccurrencePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[OccurrenceOut]


class ActivityParams(MunicipalityPeriodParams):
    status: ActivityStatus | None = None


class OccurrenceParams(MunicipalityPeriodParams):
    activity: int | None = Field(None, ge=1, le=MAX_ID)


class OccurrenceIn(Schema):
    activity: int = Field(ge=1, le=MAX_ID)
    held_on: datetime.date = Field(description="The day it was carried out: not in the future.")
    what: Text = Field(min_length=1, max_length=300)
    where: Text = Field("", max_length=200)
    reached: int | None = Field(None, ge=0, le=MAX_ID, description="People reached.")


class ActivityStatusIn(Schema):
    status: ActivityStatus
    comment: Text = Field("", max_length=500)


def _goal_out(goal: Goal) -> GoalOut:
    return GoalOut(
        id=goal.pk,
        title=goal.title,
        description=goal.description,
        focus_area=goal.focus_area.short_name,
        municipality=goal.municipality.code if goal.municipality else None,
        agreement=goal.agreement_id,
    )


def _activity_out(activity: Activity) -> ActivityOut:
    return ActivityOut(
        id=activity.pk,
        plan=activity.plan_id,
        municipality=activity.plan.municipality.code,
        title=activity.title,
        description=activity.description,
        responsible=activity.responsible,
        kind=activity.kind,
        horizon=activity.horizon,
        starts_on=activity.starts_on,
        ends_on=activity.ends_on,
        target_count=activity.target_count,
        target_text=activity.target_text,
        status=activity.status,  # type: ignore[arg-type]  # one of Activity.Status
        status_comment=activity.status_comment,
        status_changed_at=activity.status_changed_at,
        goals=[goal.pk for goal in activity.goals.all()],
    )


def _occurrence_out(occurrence: Occurrence) -> OccurrenceOut:
    return OccurrenceOut(
        id=occurrence.pk,
        activity=occurrence.activity_id,
        municipality=occurrence.activity.plan.municipality.code,
        held_on=occurrence.held_on,
        what=occurrence.what,
        where=occurrence.where,
        reached=occurrence.reached,
    )


@router.get("/goals", response={200: GoalPage, **PRIVATE_ERRORS}, summary="List goals")
def goal_list(request, params: Query[MunicipalityPeriodParams]):
    """The goals the user reaches: of the municipalities the user reads, and the common goals of the agreements
    the user sees. `municipality` keeps a municipality's own goals; the period is not used."""
    goals = goals_for_user(request.user).order_by("id")
    if params.municipality:
        goals = goals.filter(municipality__code=params.municipality)
    return page_of(GoalPage, goals, params, _goal_out)


@router.get("/goals/{pk}", response={200: GoalOut, **PRIVATE_ERRORS}, summary="One goal")
def goal_detail(request, pk: int = id_path()):
    goal, _can_write = get_goal_for_user(request, pk)
    return _goal_out(goal)


@router.get("/activities", response={200: ActivityPage, **PRIVATE_ERRORS}, summary="List activities")
def activity_list(request, params: Query[ActivityParams]):
    """The action plans' activities of the municipalities the user reads; the period keeps those under way in it."""
    activities = (
        Activity.objects.filter(plan__municipality_id__in=scope_for(request.user).read_municipalities)
        .select_related("plan__municipality")
        .prefetch_related("goals")
        .order_by("id")
    )
    if params.municipality:
        activities = activities.filter(plan__municipality__code=params.municipality)
    if params.status:
        activities = activities.filter(status=params.status)
    if params.start:
        activities = activities.filter(ends_on__gte=params.start)
    if params.end:
        activities = activities.filter(starts_on__lte=params.end)
    return page_of(ActivityPage, activities, params, _activity_out)


@router.get("/activities/{pk}", response={200: ActivityOut, **PRIVATE_ERRORS}, summary="One activity")
def activity_detail(request, pk: int = id_path()):
    activity, _can_write = get_activity_for_user(request, pk)
    return _activity_out(activity)


@router.patch("/activities/{pk}", response={200: ActivityOut, **PRIVATE_ERRORS}, summary="Set an activity's status")
def activity_status(request, body: ActivityStatusIn, pk: int = id_path()):
    """Set the status and comment, as the action plan's page does (not of a plan a newer version replaced)."""
    activity, can_write = get_activity_for_user(request, pk)
    if not can_write:
        raise forbidden()
    try:
        actions.activity_set_status(activity=activity, status=body.status, comment=body.comment, by=request.user)
    except ValidationError as error:
        raise refused(error) from error
    return _activity_out(activity)


@router.get("/occurrences", response={200: OccurrencePage, **PRIVATE_ERRORS}, summary="List occurrences")
def occurrence_list(request, params: Query[OccurrenceParams]):
    """The times the activities were carried out, of the municipalities the user reads; the period by the day."""
    occurrences = (
        Occurrence.objects.filter(activity__plan__municipality_id__in=scope_for(request.user).read_municipalities)
        .select_related("activity__plan__municipality")
        .order_by("held_on", "id")
    )
    if params.municipality:
        occurrences = occurrences.filter(activity__plan__municipality__code=params.municipality)
    if params.activity:
        occurrences = occurrences.filter(activity_id=params.activity)
    if params.start:
        occurrences = occurrences.filter(held_on__gte=params.start)
    if params.end:
        occurrences = occurrences.filter(held_on__lte=params.end)
    return page_of(OccurrencePage, occurrences, params, _occurrence_out)


@router.post("/occurrences", response={201: OccurrenceOut, **PRIVATE_ERRORS}, summary="Log an occurrence")
def occurrence_create(request, body: OccurrenceIn):
    """Log one time an activity was carried out, as the activity's page does: it counts toward the target, and the
    first one starts the activity (actions.services.occurrence_log)."""
    activity, can_write = get_activity_for_user(request, body.activity)
    if not can_write:
        raise forbidden()
    try:
        occurrence = actions.occurrence_log(
            activity=activity,
            held_on=body.held_on,
            what=body.what,
            where=body.where,
            reached=body.reached,
            by=request.user,
        )
    except ValidationError as error:
        raise refused(error) from error
    return Status(201, _occurrence_out(occurrence))


@router.get("/occurrences/{pk}", response={200: OccurrenceOut, **PRIVATE_ERRORS}, summary="One occurrence")
def occurrence_detail(request, pk: int = id_path()):
    occurrence = Occurrence.objects.select_related("activity__plan__municipality").filter(pk=pk).first()
    if occurrence is None:
        raise ApiError(404, "not_found", NOT_FOUND)
    get_activity_for_user(request, occurrence.activity_id)  # 404 outside the activity's reach
    return _occurrence_out(occurrence)
