"""Which goals, indicators, action plans, activities and medborgarlöften a user reaches, and may change.

Each comes with whether the user may change it, from the user's scope (samverkan.organisations.access): a
municipality's object by the municipality's rule, a common goal by its agreement's. Anything outside a user's
reach answers 404, so its existence is not revealed.
"""

from __future__ import annotations

from django.http import Http404

from samverkan.agreements.access import writable_agreements
from samverkan.organisations.access import municipal_object_in_reach, scope_for
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.goals.models import Goal, Indicator
from samverkan.planning.goals.selectors import goals_for_user
from samverkan.planning.promises.models import PromiseSet


def get_goal_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Goal, bool]:
    """The goal and whether the user may change it (a common goal: whether the user writes for its agreement);
    404 for anyone else."""
    goal = goals_for_user(request.user).filter(pk=pk).first()
    if goal is None:
        raise Http404
    if goal.is_common:
        return goal, writable_agreements(request.user).filter(pk=goal.agreement_id).exists()
    return goal, goal.municipality_id in scope_for(request.user).write_municipalities


def get_indicator_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Indicator, bool]:
    """The indicator and whether the user may change it (and its values); 404 for anyone else."""
    queryset = Indicator.objects.filter(goal__in=goals_for_user(request.user)).select_related(
        "goal__focus_area", "goal__agreement", "goal__municipality", "municipality", "baseline"
    )
    return municipal_object_in_reach(request.user, queryset, pk=pk)


def get_plan_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[ActionPlan, bool]:
    """The action plan and whether the user may change it; 404 for anyone else."""
    queryset = ActionPlan.objects.select_related("municipality", "adopted_by", "created_by")
    return municipal_object_in_reach(request.user, queryset, pk=pk)


def get_activity_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Activity, bool]:
    """The activity and whether the user may change it; its plan's municipality decides, 404 for anyone else."""
    scope = scope_for(request.user)
    activity = (
        Activity.objects.select_related("plan__municipality")
        .filter(pk=pk, plan__municipality_id__in=scope.read_municipalities)
        .first()
    )
    if activity is None:
        raise Http404
    return activity, activity.plan.municipality_id in scope.write_municipalities


def get_promise_set_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[PromiseSet, bool]:
    """The set of medborgarlöften and whether the user may change it; 404 for anyone else."""
    return municipal_object_in_reach(request.user, PromiseSet.objects.select_related("municipality"), pk=pk)
