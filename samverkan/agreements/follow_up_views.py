"""The follow-up forms of an agreement's page: a commitment's status of a year, a communication activity's
dates and owner. Open to those who write for the agreement, signed or not (samverkan.agreements.follow_up)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.agreements import follow_up
from samverkan.agreements.access import get_agreement_for_user
from samverkan.agreements.forms import CommitmentFollowUpForm, CommunicationFollowUpForm
from samverkan.agreements.models import Agreement
from samverkan.core import clock
from samverkan.organisations.access import require_write
from samverkan.organisations.http import AuthenticatedHttpRequest


def follow_up_context(agreement: Agreement, can_write: bool) -> dict:
    """What the agreement's page shows of its follow-up, with the forms for those who write for it."""
    years, rows = follow_up.follow_up_table(agreement, clock.today())
    items = agreement.communication_plan.select_related("owner")
    return {
        "follow_up_years": years,
        "follow_up_rows": rows,
        "follow_up_form": CommitmentFollowUpForm(agreement=agreement, years=years) if can_write and years else None,
        "communication_rows": [
            {
                "item": item,
                "due": item.is_due(clock.today()),
                "form": CommunicationFollowUpForm(instance=item) if can_write else None,
            }
            for item in items
        ],
    }


def _refused(request: AuthenticatedHttpRequest, agreement: Agreement, form, heading: str, action: str) -> HttpResponse:
    context = {"agreement": agreement, "form": form, "heading": heading, "action": action}
    return render(request, "agreements/follow_up_form.html", context, status=400)


@login_required
@require_POST
def commitment_follow_up(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request, pk)
    require_write(can_write)  # a signed agreement too: its follow-up is not its text
    years = follow_up.follow_up_years(agreement, clock.today())
    form = CommitmentFollowUpForm(request.POST, agreement=agreement, years=years)
    if form.is_valid():
        try:
            follow_up.commitment_follow_up(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The follow-up of the commitment is saved."))
            return redirect(agreement)
    return _refused(request, agreement, form, _("Follow up a commitment"), request.path)


@login_required
@require_POST
def communication_follow_up(request: AuthenticatedHttpRequest, pk: int, item: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request, pk)
    require_write(can_write)
    form = CommunicationFollowUpForm(request.POST, instance=get_object_or_404(agreement.communication_plan, pk=item))
    if form.is_valid():
        try:
            follow_up.communication_item_follow_up(item=form.instance, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The communication activity is saved."))
            return redirect(agreement)
    return _refused(request, agreement, form, _("Follow up the communication activity"), request.path)
