from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseModelFormSet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.core import clock
from samverkan.core.audit import record_export
from samverkan.core.forms import form_status
from samverkan.organisations.access import require_write, scope_for, sees_internal_figures
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import Municipality
from samverkan.planning.access import get_activity_for_user, get_plan_for_user
from samverkan.planning.actions import services
from samverkan.planning.actions.forms import (
    ActionPlanForm,
    ActivityForm,
    AdditionForm,
    OccurrenceForm,
    StatusForm,
    StatusFormSet,
)
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.actions.selectors import (
    activity_progress,
    follow_up_sheet,
    goal_choices,
    plan_activities,
    plan_additions,
    plan_cost,
    problem_names,
    visible_action_plans,
)
from samverkan.planning.effects.presentation import effect_section

STATUS_PREFIX = "activities"


def _followed_up(plan: ActionPlan) -> bool:
    """A plan's statuses and occurrences are kept until a newer version replaces it."""
    return plan.status != ActionPlan.Status.REPLACED


@login_required
def action_plan_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    plans = visible_action_plans(request.user).select_related("municipality", "adopted_by")
    context = {"plans": plans, "can_create": bool(scope_for(request.user).write_municipalities)}
    return render(request, "actions/list.html", context)


@login_required
def action_plan_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    municipalities = Municipality.objects.filter(id__in=scope_for(request.user).write_municipalities)
    if not municipalities.exists():
        raise Http404
    form = ActionPlanForm(request.POST or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.action_plan_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The draft action plan was created. Add its activities."))
            return redirect(plan)
    return render(request, "actions/new.html", {"form": form}, status=form_status(form))


def _render_plan(
    request: AuthenticatedHttpRequest,
    plan: ActionPlan,
    can_write: bool,
    formset: BaseModelFormSet[Activity, StatusForm] | None = None,
) -> HttpResponse:
    can_follow_up = can_write and _followed_up(plan)
    if can_follow_up and formset is None:
        formset = StatusFormSet(queryset=plan_activities(plan), prefix=STATUS_PREFIX)
    forms = {form.instance.pk: form for form in formset.initial_forms} if formset is not None else {}
    rows = [(activity, forms.get(activity.pk), *activity_progress(activity)) for activity in plan_activities(plan)]
    context = {
        "plan": plan,
        "can_write": can_write,
        "can_follow_up": can_follow_up,
        "is_draft": plan.status == ActionPlan.Status.DRAFT,
        "formset": formset,
        "rows": rows,
        "own_rows": [row for row in rows if row[0].addition_id is None],
        "additions": [
            (addition, [row for row in rows if row[0].addition_id == addition.pk]) for addition in plan_additions(plan)
        ],
        "cost": plan_cost(plan),
        "newer": getattr(plan, "next_version", None),
    }
    status = 400 if formset is not None and formset.is_bound else 200
    return render(request, "actions/detail.html", context, status=status)


@login_required
def action_plan_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan, can_write = get_plan_for_user(request, pk)
    if request.method != "POST":
        return _render_plan(request, plan, can_write)
    if not (can_write and _followed_up(plan)):
        raise Http404
    formset = StatusFormSet(request.POST, queryset=plan_activities(plan), prefix=STATUS_PREFIX)
    if formset.is_valid() and _save_statuses(request, formset):
        messages.success(request, _("The statuses were saved."))
        return redirect(plan)
    return _render_plan(request, plan, can_write, formset)


def _save_statuses(request: AuthenticatedHttpRequest, formset: BaseModelFormSet[Activity, StatusForm]) -> bool:
    """All the changed rows, or none of them."""
    statuses = {
        form.instance.pk: (form.cleaned_data["status"], form.cleaned_data["status_comment"])
        for form in formset.initial_forms
        if form.has_changed()
    }
    try:
        services.activity_statuses_set(statuses=statuses, by=request.user)
    except services.StatusesRefused as refused:
        for form in formset.initial_forms:
            if form.instance.pk in refused.errors:
                form.add_service_error(refused.errors[form.instance.pk])
        return False
    return True


@login_required
def action_plan_sheet(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan, _can_write = get_plan_for_user(request, pk)
    record_export(request, "action_plan_sheet", plan, detail="csv")
    response = HttpResponse(follow_up_sheet(plan), content_type="text/csv; charset=utf-8")
    name = f"uppfoljning-{slugify(plan.municipality.name)}-v{plan.version}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def action_plan_adopt(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan, can_write = get_plan_for_user(request, pk)
    require_write(can_write)
    try:
        services.action_plan_adopt(plan=plan, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The action plan was adopted. Follow it up by logging what is done."))
    return redirect(plan)


@login_required
@require_POST
def action_plan_new_version(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan, can_write = get_plan_for_user(request, pk)
    require_write(can_write)
    try:
        draft = services.action_plan_new_version(plan=plan, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(plan)
    messages.success(request, _("A new version was drafted from the plan; the old version is kept as replaced."))
    return redirect(draft)


@login_required
def action_plan_addition_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Record a decision that adds an activity to the adopted plan (Tillägg N); the adopted version stays."""
    plan, can_write = get_plan_for_user(request, pk)
    require_write(can_write)
    addition_form = AdditionForm(request.POST or None, prefix="addition")
    form = _activity_form(request, Activity(plan=plan))
    if request.method == "POST" and addition_form.is_valid() and form.is_valid():
        try:
            addition = services.plan_addition_record(
                plan=plan, activity=form.activity_values(), by=request.user, **addition_form.cleaned_data
            )
        except ValidationError as error:
            _add_addition_errors(error, addition_form, form)
        else:
            messages.success(
                request,
                _("Addition %(number)s was recorded; the adopted version stays as it was.")
                % {"number": addition.number},
            )
            return redirect(plan)
    context = {
        "plan": plan,
        "addition_form": addition_form,
        "form": form,
        "is_adopted": plan.status == ActionPlan.Status.ADOPTED,
    }
    failed = addition_form.errors or form.errors
    return render(request, "actions/addition_form.html", context, status=400 if failed else 200)


def _add_addition_errors(error: ValidationError, addition_form: AdditionForm, form: ActivityForm) -> None:
    """A service's errors beside the activity's fields, the rest on the decision (beside its fields or above it)."""
    keyed = getattr(error, "error_dict", {})
    if any(name in form.fields for name in keyed):
        form.add_service_error(ValidationError({name: keyed[name] for name in keyed if name in form.fields}))
        error = ValidationError({name: keyed[name] for name in keyed if name not in form.fields})
    addition_form.add_service_error(error)


def _activity_form(request: AuthenticatedHttpRequest, activity: Activity) -> ActivityForm:
    municipality = activity.plan.municipality
    return ActivityForm(
        request.POST or None,
        instance=activity,
        goals=goal_choices(municipality=municipality, user=request.user),
        problem_names=problem_names(municipality=municipality, user=request.user, today=clock.today()),
    )


def _edit_activity(
    request: AuthenticatedHttpRequest, activity: Activity, save: Callable[..., Activity]
) -> HttpResponse:
    plan = activity.plan
    if plan.status != ActionPlan.Status.DRAFT:
        messages.error(request, str(services.PLAN_FROZEN))
        return redirect(plan)
    form = _activity_form(request, activity)
    if request.method == "POST" and form.is_valid():
        values = form.activity_values()
        try:
            saved = save(goals=values.pop("goals"), organisations=values.pop("organisations"), **values)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The activity was saved."))
            return redirect(saved)
    context = {"plan": plan, "activity": activity, "form": form}
    return render(request, "actions/activity_form.html", context, status=form_status(form))


@login_required
def activity_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan, can_write = get_plan_for_user(request, pk)
    require_write(can_write)

    def create(**values) -> Activity:
        return services.activity_create(plan=plan, **values)

    return _edit_activity(request, Activity(plan=plan), create)


@login_required
def activity_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity, can_write = get_activity_for_user(request, pk)
    require_write(can_write)

    def update(**values) -> Activity:
        return services.activity_update(activity=activity, **values)

    return _edit_activity(request, activity, update)


def _render_activity(
    request: AuthenticatedHttpRequest, activity: Activity, can_write: bool, form: OccurrenceForm | None = None
) -> HttpResponse:
    plan = activity.plan
    can_log = can_write and _followed_up(plan)
    done, planned = activity_progress(activity)
    context = {
        "activity": activity,
        "plan": plan,
        "can_write": can_write,
        "can_edit": can_write and plan.status == ActionPlan.Status.DRAFT,
        "form": (form or OccurrenceForm()) if can_log else None,
        "occurrences": activity.occurrences.select_related("logged_by"),
        "done": done,
        "planned": planned,
        "effect_section": effect_section(
            activity, today=clock.today(), owner=sees_internal_figures(request.user, plan.municipality)
        ),
    }
    return render(request, "actions/activity.html", context, status=400 if form is not None else 200)


@login_required
def activity_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity, can_write = get_activity_for_user(request, pk)
    return _render_activity(request, activity, can_write)


@login_required
@require_POST
def occurrence_log(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity, can_write = get_activity_for_user(request, pk)
    require_write(can_write)
    if not _followed_up(activity.plan):
        raise Http404
    form = OccurrenceForm(request.POST)
    if form.is_valid():
        try:
            services.occurrence_log(activity=activity, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The occurrence was logged."))
            return redirect(activity)
    return _render_activity(request, activity, True, form)
