from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverkan.core.figures import figure
from samverkan.core.forms import form_status
from samverkan.organisations.access import require_write
from samverkan.organisations.geography import map_config
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.planning.access import get_activity_for_user
from samverkan.planning.effects import services
from samverkan.planning.effects.forms import InterventionForm
from samverkan.planning.effects.presentation import map_areas
from samverkan.planning.effects.proposal import ProposedComparison, comparison_proposal
from samverkan.planning.effects.selectors import intervention_of

DEFAULT_RADIUS_M = 150
PROPOSED = gettext_lazy(
    "%(name)s is proposed: %(before)s incidents before the start, against the area's %(area)s. Check it and save."
)


def _with_proposal(data: QueryDict, proposal: ProposedComparison) -> QueryDict:
    """The typed form with the proposed comparison place in its comparison fields."""
    data = data.copy()
    data["comparison_place"] = ""
    data["comparison_lat"] = f"{proposal.area.lat:.6f}"
    data["comparison_lng"] = f"{proposal.area.lng:.6f}"
    data["comparison_radius_m"] = str(round(proposal.area.radius_m))
    data["comparison_name"] = proposal.name
    return data


@login_required
def intervention_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The activity's area, start and comparison place: set, changed, proposed or removed by its writers."""
    activity, can_write = get_activity_for_user(request, pk)
    require_write(can_write)
    intervention = intervention_of(activity)
    if request.method == "POST" and "remove" in request.POST:
        services.intervention_remove(activity=activity, by=request.user)
        messages.success(request, _("The area was removed; the activity's effect is no longer estimated."))
        return redirect(activity)
    proposing = request.method == "POST" and "propose" in request.POST
    initial = (
        InterventionForm.initial_for(intervention)
        if intervention
        else {"starts_on": activity.starts_on, "radius_m": DEFAULT_RADIUS_M}
    )
    form = InterventionForm(request.POST or None, activity=activity, proposing=proposing, initial=initial)
    if proposing and form.is_valid() and form.area is not None:
        data = form.cleaned_data
        proposal = comparison_proposal(
            municipality=activity.plan.municipality,
            area=form.area,
            start=data["starts_on"],
            categories=list(data["categories"]) or None,
        )
        if proposal is None:
            messages.warning(request, _("No place of the municipality at least 500 m from the area could be proposed."))
        else:
            messages.info(
                request,
                PROPOSED
                % {
                    "name": proposal.name,
                    "before": figure(proposal.before, "count"),
                    "area": figure(proposal.area_before, "count"),
                },
            )
            form = InterventionForm(_with_proposal(request.POST, proposal), activity=activity, initial=initial)
    elif request.method == "POST" and form.is_valid() and form.area is not None and form.comparison is not None:
        data = form.cleaned_data
        try:
            services.intervention_set(
                activity=activity,
                area=form.area,
                place=data["place"],
                comparison=form.comparison,
                comparison_name=data["comparison_name"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                categories=data["categories"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The area was saved; the activity's page shows its effect."))
            return redirect(activity)
    context = {
        "activity": activity,
        "plan": activity.plan,
        "form": form,
        "intervention": intervention,
        "map": map_config([activity.plan.municipality], cells=map_areas(intervention) if intervention else []),
    }
    return render(request, "effects/edit.html", context, status=form_status(form))
