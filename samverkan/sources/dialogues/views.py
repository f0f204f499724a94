from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samverkan.organisations.access import scope_for, visible_municipalities
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import Municipality
from samverkan.sources.access import get_dialogue_for_user
from samverkan.sources.dialogues import services
from samverkan.sources.dialogues.forms import DialogueForm, ProblemFormSet
from samverkan.sources.dialogues.inputs import dialogue_inputs
from samverkan.sources.dialogues.models import Dialogue


@login_required
def dialogue_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    dialogues = (
        Dialogue.objects.filter(municipality__in=visible_municipalities(request.user))
        .select_related("municipality")
        .prefetch_related("problems")
    )
    context = {
        "page": Paginator(dialogues, 20).get_page(request.GET.get("page")),
        "can_record": bool(scope_for(request.user).write_municipalities),
    }
    return render(request, "dialogues/list.html", context)


@login_required
def dialogue_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    writable = list(Municipality.objects.filter(id__in=scope_for(request.user).write_municipalities))
    if not writable:
        raise Http404
    form = DialogueForm(request.POST or None, municipalities=writable)
    problems = ProblemFormSet(request.POST or None, instance=form.instance)
    if request.method == "POST" and form.is_valid() and problems.is_valid():
        dialogue = services.dialogue_record(
            dialogue=form.save(commit=False), problems=problems.save(commit=False), by=request.user
        )
        messages.success(request, _("The dialogue was recorded."))
        return redirect(dialogue)
    status = 400 if request.method == "POST" else 200
    # What was said elsewhere since each municipality's last dialogue (citizens' accepted suggestions): input.
    inputs = [(m, dialogue_inputs(m)) for m in writable]
    context = {"form": form, "problems": problems, "suggestions": [(m, items) for m, items in inputs if items]}
    return render(request, "dialogues/new.html", context, status=status)


@login_required
def dialogue_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    dialogue, _can_write = get_dialogue_for_user(request, pk)
    return render(request, "dialogues/detail.html", {"dialogue": dialogue})
