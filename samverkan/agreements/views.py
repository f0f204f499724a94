from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.agreements import services
from samverkan.agreements.access import get_agreement_for_user, visible_agreements
from samverkan.agreements.forms import AgreementForm, CommitmentForm, CommunicationItemForm, SignatoryForm
from samverkan.agreements.models import Agreement
from samverkan.core import clock
from samverkan.organisations.access import visible_municipalities


def _get_writable(request: HttpRequest, pk: int) -> Agreement:
    agreement, can_write = get_agreement_for_user(request.user, pk)
    if not can_write:
        raise Http404
    return agreement


@login_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    agreements = (
        visible_agreements(request.user).prefetch_related("municipalities").order_by("-starts_on", "part", "title")
    )
    return render(request, "agreements/list.html", {"agreements": agreements, "today": clock.today()})


def _render_detail(request: HttpRequest, agreement: Agreement, can_write: bool, **forms) -> HttpResponse:
    visible = visible_agreements(request.user)
    context = {
        "agreement": agreement,
        "can_write": can_write,
        "today": clock.today(),
        "needs_revision": agreement.needs_revision(clock.today()),
        "days_left": agreement.days_left(clock.today()),
        "local_parts": agreement.local_parts.filter(id__in=visible.values("id")),
        "revision": visible.filter(revision_of=agreement).first(),
        "revision_of": visible.filter(pk=agreement.revision_of_id).first(),
        "history": agreement.changes.select_related("by", "related"),
    }
    if can_write:
        context["commitment_form"] = forms.get("commitment_form") or CommitmentForm(agreement=agreement)
        context["communication_form"] = forms.get("communication_form") or CommunicationItemForm(agreement=agreement)
        context["signatory_form"] = forms.get("signatory_form") or SignatoryForm(agreement=agreement)
    status = 400 if forms else 200
    return render(request, "agreements/detail.html", context, status=status)


@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request.user, pk)
    return _render_detail(request, agreement, can_write)


@login_required
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _get_writable(request, pk)
    form = AgreementForm(
        request.POST or None,
        instance=agreement,
        sections=agreement.sections.all(),
        municipalities=visible_municipalities(request.user),
    )
    if request.method == "POST" and form.is_valid():
        # The service applies the cleaned values; reload so it compares against what is stored.
        stored = Agreement.objects.get(pk=agreement.pk)
        changed = services.agreement_update(
            agreement=stored, by=request.user, fields=form.agreement_fields(), sections=form.section_texts()
        )
        messages.success(request, _("The agreement was saved.") if changed else _("Nothing was changed."))
        return redirect(stored)
    status = 400 if request.method == "POST" else 200
    return render(request, "agreements/edit.html", {"agreement": agreement, "form": form}, status=status)


@login_required
@require_POST
def agreement_start_revision(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _get_writable(request, pk)
    if not agreement.needs_revision(clock.today()):
        messages.error(request, _("This agreement cannot be revised now."))
        return redirect(agreement)
    draft = services.agreement_start_revision(agreement=agreement, by=request.user)
    messages.success(request, _("A draft for the next period was created from the agreement."))
    return redirect(draft)


def _add(request: HttpRequest, pk: int, form_class, form_key: str, create) -> HttpResponse:
    agreement = _get_writable(request, pk)
    form = form_class(request.POST, agreement=agreement)
    if not form.is_valid():
        return _render_detail(request, agreement, True, **{form_key: form})
    create(agreement=agreement, by=request.user, **form.cleaned_data)
    messages.success(request, _("Saved."))
    return redirect(agreement)


@login_required
@require_POST
def commitment_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _add(request, pk, CommitmentForm, "commitment_form", services.commitment_add)


@login_required
@require_POST
def communication_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _add(request, pk, CommunicationItemForm, "communication_form", services.communication_item_add)


@login_required
@require_POST
def signatory_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _add(request, pk, SignatoryForm, "signatory_form", services.signatory_add)


@login_required
@require_POST
def commitment_delete(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    agreement = _get_writable(request, pk)
    services.commitment_delete(commitment=get_object_or_404(agreement.commitments, pk=item), by=request.user)
    messages.success(request, _("Removed."))
    return redirect(agreement)


@login_required
@require_POST
def communication_item_delete(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    agreement = _get_writable(request, pk)
    services.communication_item_delete(item=get_object_or_404(agreement.communication_plan, pk=item), by=request.user)
    messages.success(request, _("Removed."))
    return redirect(agreement)
