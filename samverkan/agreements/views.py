from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from samverkan.agreements import services
from samverkan.agreements.access import (
    ProposalView,
    get_agreement_for_user,
    get_proposal_for_user,
    open_proposals,
    visible_agreements,
    writes_for_a_party,
)
from samverkan.agreements.follow_up_views import follow_up_context
from samverkan.agreements.forms import (
    AgreementForm,
    CommitmentForm,
    CommunicationItemForm,
    ProposalAnswerForm,
    SignatoryForm,
    SignatureForm,
)
from samverkan.agreements.models import Agreement, ChangeProposal, Commitment, CommunicationItem, Signatory
from samverkan.agreements.pages import page_sections
from samverkan.core import clock
from samverkan.organisations.access import require_write, scope_for, visible_municipalities
from samverkan.organisations.http import AuthenticatedHttpRequest

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

UNKNOWN_ANSWER = gettext_lazy("Answer with accept or reject.")


@login_required
def agreement_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    agreements = (
        visible_agreements(request.user).prefetch_related("municipalities").order_by("-starts_on", "part", "title")
    )
    scope = scope_for(request.user)
    writes = bool(scope.write_municipalities or scope.write_organisations)
    context = {"agreements": agreements, "today": clock.today(), "user_writes": writes}
    return render(request, "agreements/list.html", context)


def _refuse(request: AuthenticatedHttpRequest, agreement: Agreement, message: str) -> HttpResponse:
    """A change the agreement's state does not allow (signed, already signed): said, and nothing written."""
    context = {"agreement": agreement, "message": message, "needs_revision": agreement.needs_revision(clock.today())}
    return render(request, "agreements/refused.html", context, status=409)


def _refuse_locked(request: AuthenticatedHttpRequest, agreement: Agreement) -> HttpResponse:
    return _refuse(request, agreement, str(services.AGREEMENT_LOCKED))


def _signatories(
    agreement: Agreement, sign_form: tuple[int, SignatureForm] | None
) -> list[tuple[Signatory, SignatureForm | None]]:
    """The signatories, each unsigned one with its form for the day it signed."""
    rows: list[tuple[Signatory, SignatureForm | None]] = []
    for signatory in agreement.signatories.select_related("organisation"):
        form = None
        if signatory.signed_on is None:
            if sign_form is not None and sign_form[0] == signatory.pk:
                form = sign_form[1]
            else:
                form = SignatureForm(prefix=f"sign-{signatory.pk}")
        rows.append((signatory, form))
    return rows


def _render_detail(
    request: AuthenticatedHttpRequest,
    agreement: Agreement,
    can_write: bool,
    sign_form: tuple[int, SignatureForm] | None = None,
    **forms,
) -> HttpResponse:
    visible = visible_agreements(request.user)
    context = {
        "agreement": agreement,
        "can_write": can_write,
        "today": clock.today(),
        "needs_revision": agreement.needs_revision(clock.today()),
        "days_left": agreement.days_left(clock.today()),
        "local_parts": agreement.local_parts.filter(id__in=visible.values("id")),
        "revision": visible.filter(revision_of=agreement).first(),
        "revision_of": visible.filter(pk=agreement.revision_of_id).first() if agreement.revision_of_id else None,
        "history": agreement.changes.select_related("by", "related"),
        "proposals": open_proposals(request.user, agreement.proposals.all()),
        "signatories": _signatories(agreement, sign_form),
        "may_change": can_write and not agreement.is_locked,
        "page_sections": page_sections(agreement, request.user),
        **follow_up_context(agreement, can_write),
    }
    if can_write:
        context["commitment_form"] = forms.get("commitment_form") or CommitmentForm(agreement=agreement)
        context["communication_form"] = forms.get("communication_form") or CommunicationItemForm(agreement=agreement)
        context["signatory_form"] = forms.get("signatory_form") or SignatoryForm(agreement=agreement)
    status = 400 if forms or sign_form else 200
    return render(request, "agreements/detail.html", context, status=status)


@login_required
def agreement_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request, pk)
    return _render_detail(request, agreement, can_write)


@login_required
def agreement_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request, pk)
    require_write(can_write)
    if agreement.is_locked:
        return _refuse_locked(request, agreement)
    form = AgreementForm(
        request.POST or None,
        instance=agreement,
        sections=agreement.sections.all(),
        municipalities=visible_municipalities(request.user),
    )
    if request.method == "POST" and form.is_valid():
        # The service applies the cleaned values; reload so it compares against what is stored.
        stored = Agreement.objects.get(pk=agreement.pk)
        try:
            changed, proposal = services.agreement_edit(
                agreement=stored, by=request.user, fields=form.agreement_fields(), sections=form.section_texts()
            )
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            if changed or not proposal:
                messages.success(request, _("The agreement was saved.") if changed else _("Nothing was changed."))
            if proposal:
                messages.info(request, proposal.waiting_message())
            return redirect(stored)
    status = 400 if request.method == "POST" else 200
    context = {
        "agreement": agreement,
        "form": form,
        "proposals": open_proposals(request.user, agreement.proposals.all()),
    }
    return render(request, "agreements/edit.html", context, status=status)


@login_required
@require_POST
def agreement_start_revision(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request, pk)
    require_write(can_write)
    if not agreement.needs_revision(clock.today()):
        messages.error(request, _("This agreement cannot be revised now."))
        return redirect(agreement)
    draft = services.agreement_start_revision(agreement=agreement, by=request.user)
    messages.success(request, _("A draft for the next period was created from the agreement."))
    return redirect(draft)


def _add(request: AuthenticatedHttpRequest, pk: int, form_class, form_key: str, create) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request, pk)
    require_write(can_write)
    if agreement.is_locked:
        return _refuse_locked(request, agreement)
    form = form_class(request.POST, agreement=agreement)
    if not form.is_valid():
        return _render_detail(request, agreement, True, **{form_key: form})
    try:
        create(agreement=agreement, by=request.user, **form.cleaned_data)
    except ValueError as error:  # signed meanwhile
        return _refuse(request, agreement, str(error))
    messages.success(request, _("Saved."))
    return redirect(agreement)


@login_required
@require_POST
def commitment_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _add(request, pk, CommitmentForm, "commitment_form", services.commitment_add)


@login_required
@require_POST
def communication_item_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _add(request, pk, CommunicationItemForm, "communication_form", services.communication_item_add)


@login_required
@require_POST
def signatory_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _add(request, pk, SignatoryForm, "signatory_form", services.signatory_add)


def _delete(
    request: AuthenticatedHttpRequest, agreement: Agreement, row: Commitment | CommunicationItem | Signatory, delete
):
    """GET asks for confirmation, POST removes the row; a signed agreement refuses both."""
    if agreement.is_locked:
        return _refuse_locked(request, agreement)
    if request.method == "GET":
        context = {"agreement": agreement, "kind": row._meta.verbose_name, "row": row}
        return render(request, "agreements/confirm_delete.html", context)
    try:
        delete()
    except ValueError as error:  # signed meanwhile
        return _refuse(request, agreement, str(error))
    messages.success(request, _("Removed."))
    return redirect(agreement)


@login_required
@require_http_methods(["GET", "POST"])
def commitment_delete(request: AuthenticatedHttpRequest, pk: int, item: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request, pk)
    require_write(can_write)
    commitment = get_object_or_404(agreement.commitments, pk=item)
    return _delete(
        request, agreement, commitment, lambda: services.commitment_delete(commitment=commitment, by=request.user)
    )


@login_required
@require_http_methods(["GET", "POST"])
def communication_item_delete(request: AuthenticatedHttpRequest, pk: int, item: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request, pk)
    require_write(can_write)
    row = get_object_or_404(agreement.communication_plan, pk=item)
    return _delete(request, agreement, row, lambda: services.communication_item_delete(item=row, by=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def signatory_delete(request: AuthenticatedHttpRequest, pk: int, item: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request, pk)
    require_write(can_write)
    signatory = get_object_or_404(agreement.signatories, pk=item)
    return _delete(
        request, agreement, signatory, lambda: services.signatory_delete(signatory=signatory, by=request.user)
    )


@login_required
@require_POST
def signatory_sign(request: AuthenticatedHttpRequest, pk: int, item: int) -> HttpResponse:
    """Record the day a signatory signed; the last signature puts the agreement in force and locks it."""
    agreement, can_write = get_agreement_for_user(request, pk)
    require_write(can_write)
    signatory = get_object_or_404(agreement.signatories, pk=item)
    if agreement.is_locked:
        return _refuse_locked(request, agreement)
    form = SignatureForm(request.POST, prefix=f"sign-{signatory.pk}")
    if not form.is_valid():
        return _render_detail(request, agreement, True, sign_form=(signatory.pk, form))
    try:
        services.signatory_sign(signatory=signatory, signed_on=form.cleaned_data["signed_on"], by=request.user)
    except ValueError as error:  # already signed
        return _refuse(request, agreement, str(error))
    agreement.refresh_from_db()
    messages.success(request, agreement.current_status_label if agreement.is_locked else _("Signature recorded."))
    return redirect(agreement)


@login_required
def change_proposal(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _render_proposal(request, get_proposal_for_user(request, pk))


def _render_proposal(request: AuthenticatedHttpRequest, view: ProposalView, error: str = "") -> HttpResponse:
    proposal = view.proposal
    context = {"view": view, "proposal": proposal, "error": error, "answers": proposal.answers.select_related("by")}
    if proposal.agreement:
        context["agreement_visible"] = visible_agreements(request.user).filter(pk=proposal.agreement.pk).exists()
        context["current_parties"] = proposal.agreement.parties.all()
    return render(request, "agreements/proposal.html", context, status=400 if error else 200)


def _back(request: AuthenticatedHttpRequest, proposal: ChangeProposal) -> HttpResponse:
    """Back to the page the answer was given on, or to the proposal."""
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect(proposal)


def _refused(request: AuthenticatedHttpRequest, view: ProposalView, error: StrOrPromise) -> HttpResponse:
    return _render_proposal(request, view, str(error))


@login_required
@require_POST
def change_proposal_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    view = get_proposal_for_user(request, pk)
    if not writes_for_a_party(request.user, view.proposal):
        raise Http404
    form = ProposalAnswerForm(request.POST)
    if not form.is_valid():
        return _refused(request, view, UNKNOWN_ANSWER)
    if not view.proposal.is_open:
        return _refused(request, view, services.PROPOSAL_NOT_OPEN)
    if not view.answer_for:
        return _refused(request, view, services.NOTHING_TO_ANSWER)
    proposal = services.proposal_answer(proposal=view.proposal, accepted=form.accepted, by=request.user)
    if proposal.status == ChangeProposal.Status.APPLIED:
        messages.success(request, _("Every party has accepted: the change is made."))
    elif proposal.status == ChangeProposal.Status.REJECTED:
        messages.success(request, _("The proposal is rejected; nothing is changed."))
    else:
        messages.success(request, proposal.waiting_message())
    return _back(request, proposal)


@login_required
@require_POST
def change_proposal_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    view = get_proposal_for_user(request, pk)
    if not view.may_withdraw:
        if view.proposal.is_open or not writes_for_a_party(request.user, view.proposal):
            raise Http404
        return _refused(request, view, services.PROPOSAL_NOT_OPEN)
    services.proposal_withdraw(proposal=view.proposal, by=request.user)
    messages.success(request, _("The proposal is withdrawn."))
    return _back(request, view.proposal)


@login_required
@require_POST
def change_proposal_apply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    view = get_proposal_for_user(request, pk)
    if not services.is_administrator(request.user):
        raise Http404
    if not view.may_apply:
        return _refused(request, view, services.PROPOSAL_NOT_OPEN)
    services.proposal_apply(proposal=view.proposal, by=request.user)
    messages.success(request, _("The change is made by an administrator."))
    return _back(request, view.proposal)
