from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.agreements.access import writable_agreements
from samverkan.core.forms import ServiceErrorsMixin, form_status
from samverkan.organisations.access import require_write, scope_for, sees_internal_figures
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import Municipality
from samverkan.planning.access import get_goal_for_user, get_indicator_for_user
from samverkan.planning.goals import services
from samverkan.planning.goals.forms import GoalForm, IndicatorForm, ManualValueForm
from samverkan.planning.goals.models import Goal, Indicator
from samverkan.planning.goals.presentation import STATUS_LABELS, chart_for, indicator_view
from samverkan.planning.goals.selectors import (
    follow_up,
    goals_with_indicators,
    indicator_municipalities,
    indicators_for_user,
)
from samverkan.planning.goals.status import GREEN, GREY, RED, YELLOW


@login_required
def goal_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    goals = [
        {"goal": goal, "indicators": [indicator_view(follow_up(i, user=request.user)) for i in goal.visible_indicators]}
        for goal in goals_with_indicators(request.user)
    ]
    context = {
        "goals": goals,
        "can_create": writable_agreements(request.user).exists(),
        "statuses": [(colour, STATUS_LABELS[colour]) for colour in (GREEN, YELLOW, RED, GREY)],
    }
    return render(request, "goals/list.html", context)


@login_required
def goal_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    agreements = list(writable_agreements(request.user))
    if not agreements:
        raise Http404
    writable = Municipality.objects.filter(id__in=scope_for(request.user).write_municipalities).order_by("name")
    form = GoalForm(request.POST or None, agreements=agreements, municipalities=list(writable))
    if request.method == "POST" and form.is_valid():
        try:
            goal = services.goal_create(**form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The goal was created."))
            return redirect(goal)
    return render(request, "goals/goal_form.html", {"form": form}, status=form_status(form))


def _render_goal(
    request: AuthenticatedHttpRequest, goal: Goal, can_write: bool, **forms: ServiceErrorsMixin
) -> HttpResponse:
    indicators = list(indicators_for_user(request.user).filter(goal=goal))
    writable = scope_for(request.user).write_municipalities
    sections = []
    for indicator in indicators:
        result = follow_up(indicator, user=request.user)
        view = indicator_view(result)
        can_change = indicator.municipality_id in writable
        manual = indicator.series == Indicator.Series.MANUAL
        sections.append(
            {
                "view": view,
                "chart": chart_for(result, view),
                "can_change": can_change,
                "owner": sees_internal_figures(request.user, indicator.municipality),
                "values": indicator.manual_values.all() if manual else [],
                "value_form": (forms.get(f"value_form_{indicator.pk}") or ManualValueForm(indicator=indicator))
                if manual and can_change
                else None,
            }
        )
    municipalities = indicator_municipalities(request.user, goal) if can_write else []
    context = {
        "goal": goal,
        "can_write": can_write,
        "sections": sections,
        "indicator_form": (forms.get("indicator_form") or IndicatorForm(municipalities=municipalities))
        if municipalities
        else None,
    }
    return render(request, "goals/detail.html", context, status=400 if forms else 200)


@login_required
def goal_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    goal, can_write = get_goal_for_user(request, pk)
    return _render_goal(request, goal, can_write)


@login_required
def goal_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    goal, can_write = get_goal_for_user(request, pk)
    require_write(can_write)
    form = GoalForm(request.POST or None, goal=goal)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.goal_update(
                goal=goal, focus_area=data["focus_area"], title=data["title"], description=data["description"]
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Saved."))
            return redirect(goal)
    context = {"form": form, "goal": goal}
    return render(request, "goals/goal_form.html", context, status=form_status(form))


@login_required
@require_POST
def indicator_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    goal, can_write = get_goal_for_user(request, pk)
    municipalities = indicator_municipalities(request.user, goal) if can_write else []
    if not municipalities:
        raise Http404
    form = IndicatorForm(request.POST, municipalities=municipalities)
    if form.is_valid():
        try:
            services.indicator_create(goal=goal, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The indicator was added."))
            return redirect(goal)
    return _render_goal(request, goal, can_write, indicator_form=form)


@login_required
def indicator_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    indicator, can_write = get_indicator_for_user(request, pk)
    require_write(can_write)
    form = IndicatorForm(request.POST or None, municipalities=[indicator.municipality], indicator=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_update(indicator=indicator, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Saved."))
            return redirect(indicator.goal)
    context = {"form": form, "indicator": indicator}
    return render(request, "goals/indicator_form.html", context, status=form_status(form))


@login_required
@require_POST
def manual_value_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    indicator, can_write = get_indicator_for_user(request, pk)
    require_write(can_write)
    if indicator.series != Indicator.Series.MANUAL:
        raise Http404
    form = ManualValueForm(request.POST, indicator=indicator)
    if form.is_valid():
        try:
            services.manual_value_save(indicator=indicator, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Saved."))
            return redirect(indicator.goal)
    goal, can_write = get_goal_for_user(request, indicator.goal_id)
    return _render_goal(request, goal, can_write, **{f"value_form_{indicator.pk}": form})


@login_required
@require_POST
def manual_value_delete(request: AuthenticatedHttpRequest, pk: int, value: int) -> HttpResponse:
    indicator, can_write = get_indicator_for_user(request, pk)
    require_write(can_write)
    services.manual_value_delete(value=get_object_or_404(indicator.manual_values, pk=value))
    messages.success(request, _("Removed."))
    return redirect(indicator.goal)
