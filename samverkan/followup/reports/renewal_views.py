"""Starting the next agreement (a form proposing the new period) and deciding the focus areas proposed for it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samverkan.agreements.access import get_agreement_for_user
from samverkan.agreements.models import Agreement
from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import DATE_INPUT, DayField
from samverkan.followup.reports import renewal
from samverkan.organisations.access import require_write
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import FocusArea

UNKNOWN_DECISION = gettext_lazy("Answer with accept or reject.")


class NextPeriodForm(forms.Form):
    starts_on = DayField(label=gettext_lazy("New period from"), widget=DATE_INPUT)
    ends_on = DayField(label=gettext_lazy("New period to"), widget=DATE_INPUT)

    def __init__(self, *args, agreement: Agreement, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.agreement = agreement
        period = renewal.proposed_period(agreement)
        self.fields["starts_on"].initial = period.start
        self.fields["ends_on"].initial = period.end

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if "starts_on" in data and "ends_on" in data:
            for name, error in renewal.period_errors(self.agreement, data["starts_on"], data["ends_on"]).items():
                self.add_error(name, error)
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "accept"), ("reject", "reject")])
    focus_area = forms.ModelChoiceField(
        FocusArea.objects.all(), required=False, label=gettext_lazy("Focus area"), empty_label="—"
    )
    name = GuardedFormField(required=False, max_length=200, label=gettext_lazy("Or a new focus area"))


@login_required
def next_agreement(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request, pk)
    require_write(can_write)
    refused = renewal.refusal(agreement)
    if refused:
        messages.error(request, refused)
        return redirect(agreement.revision if hasattr(agreement, "revision") else agreement)
    form = NextPeriodForm(request.POST or None, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        draft = renewal.next_agreement_start(
            agreement=agreement,
            by=request.user,
            starts_on=form.cleaned_data["starts_on"],
            ends_on=form.cleaned_data["ends_on"],
        )
        messages.success(
            request, _("The next agreement is drafted for the new period, with a part 2 for each municipality.")
        )
        if draft.focus_area_proposals.exists():
            return redirect("focus_area_proposals", pk=draft.pk)
        return redirect(draft)
    context = {
        "agreement": agreement,
        "form": form,
        "local_parts": agreement.local_parts.order_by("title"),
        "baseline": renewal.latest_joint_baseline(agreement),
    }
    return render(request, "reports/next_agreement.html", context, status=400 if request.method == "POST" else 200)


def _render_proposals(
    request: AuthenticatedHttpRequest, agreement: Agreement, can_write: bool, errors=None
) -> HttpResponse:
    proposals = agreement.focus_area_proposals.select_related("focus_area", "decided_by")
    context = {
        "agreement": agreement,
        "can_write": can_write and not agreement.is_locked,
        "proposals": proposals,
        "focus_areas": FocusArea.objects.all(),
        "errors": errors or {},
    }
    return render(request, "reports/focus_area_proposals.html", context, status=400 if errors else 200)


@login_required
def focus_area_proposals(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request, pk)
    return _render_proposals(request, agreement, can_write)


@login_required
@require_POST
def focus_area_proposal_decide(request: AuthenticatedHttpRequest, pk: int, proposal: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request, pk)
    require_write(can_write)
    found = get_object_or_404(agreement.focus_area_proposals, pk=proposal)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        error = UNKNOWN_DECISION if "decision" in form.errors else next(iter(form.errors.values()))[0]
        return _render_proposals(request, agreement, True, {found.pk: str(error)})
    try:
        renewal.focus_area_proposal_decide(
            proposal=found,
            accepted=form.cleaned_data["decision"] == "accept",
            by=request.user,
            focus_area=form.cleaned_data["focus_area"],
            name=form.cleaned_data["name"],
        )
    except ValueError as error:
        return _render_proposals(request, agreement, True, {found.pk: str(error)})
    messages.success(request, _("Saved."))
    return redirect("focus_area_proposals", pk=agreement.pk)
