"""Every change to an action plan goes through here: drafting, adopting, new versions and the follow-up.

A draft is written freely. Adopting freezes its activity list and texts; the activities are then
followed up (statuses, logged occurrences) until a new version replaces the plan.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, cast

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
from samverkan.core.bounds import day_outside, supported_day
from samverkan.core.fields import validate_no_personnummer
from samverkan.organisations.models import Municipality, Organisation, User
from samverkan.planning.actions.models import ActionPlan, Activity, Occurrence, PlanAddition
from samverkan.planning.actions.selectors import goals_for_municipality
from samverkan.planning.goals.models import Goal

PLAN_EXISTS = _("{municipality} already has an action plan for this period.")
PLAN_FROZEN = _("The plan is adopted: its activities are followed up, not changed. Start a new version to change them.")
PLAN_REPLACED = _("This version of the plan has been replaced by a newer one; follow up the newer version.")
ONLY_DRAFTS_ADOPTED = _("Only a draft can be adopted.")
PLAN_EMPTY = _("Add at least one activity before adopting the plan.")
ONLY_ADOPTED_GET_VERSIONS = _("Only an adopted plan gets a new version; a draft is changed as it is.")
GOAL_ELSEWHERE = _("“{goal}” is neither a goal of {municipality} nor a common goal of its agreements.")
ONLY_ADOPTED_GET_ADDITIONS = _("Only an adopted plan gets additions; a draft is changed as it is.")
OCCURRENCE_IN_FUTURE = _("An occurrence is logged once it has taken place; this date is in the future.")

# What a new version copies of each activity; its status, comment and occurrences start afresh.
COPIED_FIELDS = [
    "title",
    "description",
    "problems",
    "responsible",
    "role",
    "starts_on",
    "ends_on",
    "kind",
    "horizon",
    "target_count",
    "target_text",
    "cost",
]


def _refuse_replaced(plan: ActionPlan) -> None:
    if plan.status == ActionPlan.Status.REPLACED:
        raise ValidationError({NON_FIELD_ERRORS: [ValidationError(PLAN_REPLACED, code="replaced")]})


def _refuse_frozen(plan: ActionPlan) -> None:
    _refuse_replaced(plan)
    if plan.status != ActionPlan.Status.DRAFT:
        raise ValidationError({NON_FIELD_ERRORS: [ValidationError(PLAN_FROZEN, code="frozen")]})


@transaction.atomic
def action_plan_create(
    *, municipality: Municipality, title: str, starts_on: datetime.date, ends_on: datetime.date, by: User
) -> ActionPlan:
    """A draft plan; one per municipality and period (a later version replaces, never overlaps)."""
    plan = ActionPlan(
        municipality=municipality, title=title.strip(), starts_on=starts_on, ends_on=ends_on, created_by=by
    )
    plan.full_clean(exclude=["version"])  # a second plan for the period is refused as overlapping, below
    overlapping = ActionPlan.objects.filter(
        municipality=municipality, starts_on__lte=ends_on, ends_on__gte=starts_on
    ).exclude(status=ActionPlan.Status.REPLACED)
    if overlapping.exists():
        message = str(PLAN_EXISTS).format(municipality=municipality.name)
        raise ValidationError({"starts_on": [ValidationError(message, code="period")]})
    plan.save()
    return plan


@transaction.atomic
def action_plan_adopt(*, plan: ActionPlan, by: User) -> ActionPlan:
    """Adopt the draft: from now on its activities are followed up, and their texts are frozen."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != ActionPlan.Status.DRAFT:
        raise ValidationError(ONLY_DRAFTS_ADOPTED, code="status")
    if not plan.activities.exists():
        raise ValidationError(PLAN_EMPTY, code="empty")
    plan.status = ActionPlan.Status.ADOPTED
    plan.adopted_by = by
    plan.adopted_at = clock.now()
    plan.save(update_fields=["status", "adopted_by", "adopted_at"])
    return plan


@transaction.atomic
def action_plan_new_version(*, plan: ActionPlan, by: User) -> ActionPlan:
    """Copy the adopted plan and its activities (not their occurrences) into a new draft version;
    the old version is marked as replaced."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != ActionPlan.Status.ADOPTED:
        raise ValidationError(ONLY_ADOPTED_GET_VERSIONS, code="status")
    draft = ActionPlan.objects.create(
        municipality=plan.municipality,
        title=plan.title,
        starts_on=plan.starts_on,
        ends_on=plan.ends_on,
        version=plan.version + 1,
        previous=plan,
        created_by=by,
    )
    for activity in plan.activities.prefetch_related("goals", "organisations"):
        copy = Activity.objects.create(plan=draft, **{name: getattr(activity, name) for name in COPIED_FIELDS})
        copy.goals.set(activity.goals.all())
        copy.organisations.set(activity.organisations.all())
    plan.status = ActionPlan.Status.REPLACED
    plan.save(update_fields=["status"])
    return draft


def _clean_problems(problems: Iterable[str]) -> list[str]:
    """The problem names, stripped, once each, in the order given."""
    cleaned: list[str] = []
    for name in (p.strip() for p in problems):
        if name and name not in cleaned:
            validate_no_personnummer(name)
            cleaned.append(name)
    return cleaned


def _refuse_not_adopted(plan: ActionPlan) -> None:
    _refuse_replaced(plan)
    if plan.status != ActionPlan.Status.ADOPTED:
        raise ValidationError({NON_FIELD_ERRORS: [ValidationError(ONLY_ADOPTED_GET_ADDITIONS, code="status")]})


def _save_activity(
    activity: Activity,
    goals: Iterable[Goal],
    organisations: Iterable[Organisation],
    values: dict[str, Any],
    *,
    to_addition: bool = False,
) -> Activity:
    """`to_addition`: a new activity of an addition to the adopted plan; any other is changed in a draft only."""
    plan = activity.plan
    if to_addition:
        _refuse_not_adopted(plan)
    else:
        _refuse_frozen(plan)
    goals = list(goals)
    errors: dict[str, list[ValidationError]] = {}
    allowed = set(goals_for_municipality(plan.municipality).values_list("id", flat=True))
    for goal in goals:
        if goal.id not in allowed:
            message = str(GOAL_ELSEWHERE).format(goal=goal.title, municipality=plan.municipality.name)
            errors.setdefault("goals", []).append(ValidationError(message, code="goal"))
    try:
        values["problems"] = _clean_problems(values.get("problems", []))
    except ValidationError as error:
        errors["problems"] = error.error_list
    for name, value in values.items():
        setattr(activity, name, value.strip() if isinstance(value, str) else value)
    try:
        activity.full_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    activity.save()
    activity.goals.set(goals)
    activity.organisations.set(organisations)
    return activity


@transaction.atomic
def activity_create(
    *, plan: ActionPlan, goals: Iterable[Goal] = (), organisations: Iterable[Organisation] = (), **values: Any
) -> Activity:
    """Add an activity to a draft plan. `values` are Activity fields (title, responsible, starts_on …)."""
    return _save_activity(Activity(plan=plan), goals, organisations, values)


@transaction.atomic
def activity_update(
    *, activity: Activity, goals: Iterable[Goal], organisations: Iterable[Organisation], **values: Any
) -> Activity:
    """Change an activity of a draft plan."""
    return _save_activity(activity, goals, organisations, values)


@transaction.atomic
def plan_addition_create(
    *,
    plan: ActionPlan,
    adopted_on: datetime.date,
    text: str,
    decided_at: models.Model | None = None,
    by: User | None,
) -> PlanAddition:
    """Record a decision that adds to the adopted plan: the next addition (Tillägg 1, 2 …). The adopted
    version's own activities are not touched; add the addition's with addition_activity_create."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    _refuse_not_adopted(plan)
    latest = plan.additions.aggregate(latest=Max("number"))["latest"] or 0
    addition = PlanAddition(plan=plan, number=latest + 1, adopted_on=adopted_on, text=text.strip(), recorded_by=by)
    if decided_at is not None:
        addition.decided_at = decided_at
    errors: dict = {}
    try:
        addition.full_clean(exclude=["recorded_by"])
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if adopted_on and not supported_day(adopted_on):
        errors.setdefault("adopted_on", []).append(ValidationError(day_outside(adopted_on), code="outside"))
    if errors:
        raise ValidationError(errors)
    addition.save()
    return addition


def plan_addition_for(*, plan: ActionPlan, decided_at: models.Model) -> PlanAddition | None:
    """The addition already recorded for the plan from where the decision was taken (one per meeting)."""
    return PlanAddition.objects.filter(
        plan=plan, decided_at_type=ContentType.objects.get_for_model(decided_at), decided_at_id=decided_at.pk
    ).first()


@transaction.atomic
def plan_addition_extend(*, addition: PlanAddition, text: str) -> PlanAddition:
    """Add a further decision's text to the addition (a second decision of the same meeting)."""
    text = text.strip()
    if text and text not in addition.text.split("\n\n"):
        addition.text = f"{addition.text}\n\n{text}" if addition.text else text
        addition.full_clean(exclude=["recorded_by"])
        addition.save(update_fields=["text"])
    return addition


@transaction.atomic
def addition_activity_create(
    *, addition: PlanAddition, goals: Iterable[Goal] = (), organisations: Iterable[Organisation] = (), **values: Any
) -> Activity:
    """Add an activity to the adopted plan as part of the addition; it is followed up with the plan's own."""
    activity = Activity(plan=addition.plan, addition=addition)
    return _save_activity(activity, goals, organisations, values, to_addition=True)


@transaction.atomic
def plan_addition_record(
    *, plan: ActionPlan, adopted_on: datetime.date, text: str, activity: dict[str, Any], by: User
) -> PlanAddition:
    """Record a decision that adds one activity to the adopted plan: the addition and its activity, or neither.
    `activity` holds the activity's values (its goals and organisations among them), as addition_activity_create
    takes them."""
    addition = plan_addition_create(plan=plan, adopted_on=adopted_on, text=text, by=by)
    values = dict(activity)
    addition_activity_create(
        addition=addition, goals=values.pop("goals"), organisations=values.pop("organisations"), **values
    )
    return addition


def _stamp_status(activity: Activity, status: str, by: User | None) -> None:
    activity.status = status
    activity.status_changed_by = by
    activity.status_changed_at = clock.now()


def activity_status_validate(*, activity: Activity, status: str, comment: str) -> None:
    """What activity_set_status checks; the importer checks a whole file with it first."""
    _refuse_replaced(activity.plan)
    errors: dict[str, list[ValidationError]] = {}
    for name, value in (("status", status), ("status_comment", comment)):
        field = cast(models.Field, Activity._meta.get_field(name))  # concrete fields, not relations
        try:
            field.clean(value, activity)
        except ValidationError as error:
            errors[name] = error.error_list
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_set_status(*, activity: Activity, status: str, comment: str, by: User | None) -> bool:
    """Set the activity's status and comment (an adopted plan's too: that is following it up).
    Returns whether anything changed."""
    comment = comment.strip()
    activity_status_validate(activity=activity, status=status, comment=comment)
    if (status, comment) == (activity.status, activity.status_comment):
        return False
    activity.status_comment = comment
    _stamp_status(activity, status, by)
    activity.save(update_fields=["status", "status_comment", "status_changed_by", "status_changed_at", "updated_at"])
    return True


class StatusesRefused(Exception):
    """Some of the statuses set together were refused, so none was saved; `errors` by the activity's id."""

    def __init__(self, errors: dict[int, ValidationError]) -> None:
        super().__init__(errors)
        self.errors = errors


@transaction.atomic
def activity_statuses_set(*, statuses: dict[int, tuple[str, str]], by: User) -> None:
    """Set the status and comment (activity id: (status, comment)) of several activities, as activity_set_status
    does: all of them, or none (StatusesRefused, with every refusal)."""
    activities = Activity.objects.select_related("plan").in_bulk(list(statuses))
    errors: dict[int, ValidationError] = {}
    for pk, (status, comment) in statuses.items():
        try:
            activity_set_status(activity=activities[pk], status=status, comment=comment, by=by)
        except ValidationError as error:
            errors[pk] = error
    if errors:
        raise StatusesRefused(errors)


def status_after_occurrence(*, status: str, done: int, target: int | None) -> str:
    """The one rule: the first occurrence starts an activity that was not started, and reaching its
    target count makes it done. A cancelled or done activity keeps its status."""
    if status not in {Activity.Status.NOT_STARTED, Activity.Status.ONGOING}:
        return status
    if target is not None and done >= target:
        return Activity.Status.DONE
    return Activity.Status.ONGOING if done else status


def occurrence_validate(occurrence: Occurrence) -> None:
    """What occurrence_log checks before it stores; the importer checks a whole file with it first."""
    _refuse_replaced(occurrence.activity.plan)
    errors: dict = {}
    try:
        occurrence.full_clean(exclude=["logged_by"])
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if occurrence.held_on and occurrence.held_on > clock.today():
        errors.setdefault("held_on", []).append(ValidationError(OCCURRENCE_IN_FUTURE, code="future"))
    elif occurrence.held_on and not supported_day(occurrence.held_on):
        errors.setdefault("held_on", []).append(ValidationError(day_outside(occurrence.held_on), code="outside"))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def occurrence_log(
    *, activity: Activity, held_on: datetime.date, what: str, where: str, reached: int | None, by: User | None
) -> Occurrence:
    """Log one time the activity was carried out; it counts toward the target."""
    occurrence = Occurrence(
        activity=activity, held_on=held_on, what=what.strip(), where=where.strip(), reached=reached, logged_by=by
    )
    occurrence_validate(occurrence)
    occurrence.save()
    status = status_after_occurrence(
        status=activity.status, done=activity.occurrences.count(), target=activity.target_count
    )
    if status != activity.status:
        _stamp_status(activity, status, by)
        activity.save(update_fields=["status", "status_changed_by", "status_changed_at", "updated_at"])
    return occurrence
