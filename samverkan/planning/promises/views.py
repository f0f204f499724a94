"""The staff pages of the medborgarlöften, and the public pages citizens read without logging in.

The public pages show only published promises. A citizen's suggestion leaves nothing about the
sender: no account, no session, no address. Like the survey, it is guarded by the per-client rate
limit of all public forms and a honeypot (samverkan.core.clients), which keep the address in the
cache only; the same text twice to a promise is refused as a duplicate.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.core import clients, clock
from samverkan.organisations.access import require_write, scope_for
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import Municipality
from samverkan.planning.access import get_promise_set_for_user
from samverkan.planning.promises import services
from samverkan.planning.promises.forms import (
    CommentForm,
    CommentModerationForm,
    ConsultationForm,
    ConsultationSummaryForm,
    FollowUpForm,
    PromiseActivityForm,
    PromiseForm,
    PromiseSetForm,
    SignatoryForm,
    SuggestionAnswerForm,
    SuggestionForm,
    promise_edit_form,
)
from samverkan.planning.promises.models import Consultation, Promise, PromiseActivity, PromiseSet, Suggestion
from samverkan.planning.promises.selectors import (
    accepted_suggestions,
    answered_suggestions,
    citizens_entrance,
    current_sets,
    last_citizen_dialogue_on,
    municipality_promises,
    open_consultations,
    open_surveys,
    public_consultations,
    public_municipalities,
    public_situation,
    published_comments,
    sets_for_user,
    shown_promises,
)

# Citizens: no login.


def citizens_home(request: HttpRequest) -> HttpResponse:
    """The citizens' entrance: each municipality's promises, the open surveys, and the way in for staff."""
    return render(request, "promises/citizens_home.html", citizens_entrance(today=clock.today()))


def _public_municipality(code: str) -> Municipality:
    return get_object_or_404(public_municipalities(), code=code)


def promises_public(request: HttpRequest, code: str) -> HttpResponse:
    """The municipality's public page: its promises, the lägesbild as the public sees it, and the answered
    suggestions."""
    municipality = _public_municipality(code)
    today = clock.today()
    context = {
        "municipality": municipality,
        "promises": municipality_promises(municipality, today=today),
        "consultations": open_consultations(today=today).filter(promise_set__municipality=municipality),
        "situation": public_situation(municipality=municipality, today=today),
        "answered": answered_suggestions(municipality=municipality),
        "surveys": open_surveys().filter(municipality=municipality),
        "permalink": request.build_absolute_uri(),
    }
    return render(request, "promises/public.html", context)


def _open_promise(code: str, pk: int) -> Promise:
    return get_object_or_404(
        Promise.objects.select_related("promise_set__municipality"),
        pk=pk,
        promise_set__in=current_sets().filter(municipality__code=code),
    )


def suggestion_new(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    promise = _open_promise(code, pk)
    form = SuggestionForm(request.POST or None)
    context: dict = {"promise": promise, "municipality": promise.promise_set.municipality, "form": form}
    if request.method == "POST":
        if wait := clients.public_form_wait(request):
            return clients.too_many(request, "promises/suggest.html", context, wait=wait)
        if clients.honeypot_filled(request):
            return redirect("suggestion_thanks", code, promise.pk)  # like a success; nothing is stored
    if request.method == "POST" and form.is_valid():
        try:
            services.suggestion_submit(promise=promise, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_service_error(error)
        else:
            return redirect("suggestion_thanks", code, promise.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "promises/suggest.html", context, status=status)


def suggestion_thanks(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    promise = _open_promise(code, pk)
    return render(request, "promises/suggest_thanks.html", {"municipality": promise.promise_set.municipality})


def _public_consultations(code: str):
    return public_consultations(today=clock.today()).filter(promise_set__municipality__code=code)


def consultations_public(request: HttpRequest, code: str) -> HttpResponse:
    """A municipality's consultations on its next promises: the open one first, then the closed ones."""
    consultations = list(_public_consultations(code).order_by("-closes_on"))
    if not consultations:
        raise Http404
    today = clock.today()
    context = {
        "municipality": consultations[0].promise_set.municipality,
        "rows": [(consultation, consultation.is_open(today)) for consultation in consultations],
    }
    return render(request, "promises/consultations_public.html", context)


def consultation_public(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The draft promises, the published comments with their answers, the comment form while open, and the
    summary once written. Guarded like the suggestions: the rate limit, the honeypot, no duplicate text."""
    consultation = get_object_or_404(_public_consultations(code), pk=pk)
    form = CommentForm(request.POST or None, consultation=consultation)
    context: dict = {
        "consultation": consultation,
        "municipality": consultation.promise_set.municipality,
        "promises": consultation.promise_set.promises.all(),
        "comments": published_comments(consultation),
        "is_open": consultation.is_open(clock.today()),
        "form": form,
    }
    if request.method == "POST":
        if wait := clients.public_form_wait(request):
            return clients.too_many(request, "promises/consultation_public.html", context, wait=wait)
        if clients.honeypot_filled(request):
            return redirect("consultation_thanks", code, consultation.pk)  # like a success; nothing is stored
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_submit(consultation=consultation, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            return redirect("consultation_thanks", code, consultation.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "promises/consultation_public.html", context, status=status)


def consultation_thanks(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    consultation = get_object_or_404(_public_consultations(code), pk=pk)
    context = {"consultation": consultation, "municipality": consultation.promise_set.municipality}
    return render(request, "promises/consultation_thanks.html", context)


# Staff: login, access through planning.access (outsiders 404, read-only roles never change anything).


@login_required
def promise_sets(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {
        "sets": sets_for_user(request.user).select_related("municipality"),
        "can_create": bool(scope_for(request.user).write_municipalities),
    }
    return render(request, "promises/list.html", context)


@login_required
def promise_set_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    writable = Municipality.objects.filter(id__in=scope_for(request.user).write_municipalities)
    if not writable:
        raise Http404
    form = PromiseSetForm(request.POST or None, municipalities=writable)
    if request.method == "POST" and form.is_valid():
        try:
            promise_set = services.promise_set_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The draft was created. Add the promises and what is done to keep them."))
            return redirect(promise_set)
    status = 400 if request.method == "POST" else 200
    return render(request, "promises/create.html", {"form": form}, status=status)


def _render_detail(
    request: AuthenticatedHttpRequest, promise_set: PromiseSet, can_write: bool, *, failed: dict | None = None
) -> HttpResponse:
    failed = failed or {}
    answer_forms = failed.get("answer_forms", {})
    promises = shown_promises(promise_set)
    editable = can_write and promise_set.status == PromiseSet.Status.DRAFT
    rows = []
    for item in promises:
        pk = item.promise.pk
        if editable:
            edit_form = failed.get("edit_forms", {}).get(pk) or promise_edit_form(item.promise)
            activity_form = failed.get("activity_forms", {}).get(pk) or PromiseActivityForm(promise=item.promise)
            rows.append((item, edit_form, activity_form))
        else:
            rows.append((item, None, None))
    context: dict = {
        "promise_set": promise_set,
        "can_write": can_write,
        "consultation": Consultation.objects.filter(promise_set=promise_set).first(),
        "rows": rows,
        "revision": PromiseSet.objects.filter(revision_of=promise_set).first(),
        "suggestions": (
            suggestions := Suggestion.objects.filter(promise__promise_set=promise_set).select_related(
                "promise", "answered_by"
            )
        ),
        # Accepted suggestions take a public answer; a failed form keeps what was typed, and says why.
        "answer_rows": [
            (
                suggestion,
                (answer_forms.get(suggestion.pk) or SuggestionAnswerForm(suggestion=suggestion)) if can_write else None,
            )
            for suggestion in suggestions
            if suggestion.status == Suggestion.Status.ACCEPTED or suggestion.pk in answer_forms
        ],
        # Accepted since the last medborgardialog: what the next one should take up.
        "dialogue_since": (since := last_citizen_dialogue_on(promise_set.municipality)),
        "dialogue_input": accepted_suggestions(municipality=promise_set.municipality, since=since),
    }
    if editable:
        context["promise_form"] = failed.get("promise_form") or PromiseForm()
        context["signatory_form"] = failed.get("signatory_form") or SignatoryForm()
    return render(request, "promises/detail.html", context, status=400 if failed else 200)


@login_required
def promise_set_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    promise_set, can_write = get_promise_set_for_user(request, pk)
    return _render_detail(request, promise_set, can_write)


@login_required
@require_POST
def promise_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    promise_set, can_write = get_promise_set_for_user(request, pk)
    require_write(can_write)
    form = PromiseForm(request.POST)
    if form.is_valid():
        try:
            services.promise_add(promise_set=promise_set, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The promise was added."))
            return redirect(promise_set)
    return _render_detail(request, promise_set, True, failed={"promise_form": form})


@login_required
@require_POST
def promise_update(request: AuthenticatedHttpRequest, pk: int, promise: int) -> HttpResponse:
    promise_set, can_write = get_promise_set_for_user(request, pk)
    require_write(can_write)
    target = get_object_or_404(promise_set.promises, pk=promise)
    form = promise_edit_form(target, request.POST)
    if form.is_valid():
        try:
            services.promise_update(promise=target, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The promise was saved."))
            return redirect(promise_set)
    return _render_detail(request, promise_set, True, failed={"edit_forms": {target.pk: form}})


@login_required
@require_POST
def promise_remove(request: AuthenticatedHttpRequest, pk: int, promise: int) -> HttpResponse:
    promise_set, can_write = get_promise_set_for_user(request, pk)
    require_write(can_write)
    target = get_object_or_404(promise_set.promises, pk=promise)
    try:
        services.promise_remove(promise=target, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The promise was removed."))
    return redirect(promise_set)


@login_required
@require_POST
def promise_activity_add(request: AuthenticatedHttpRequest, pk: int, promise: int) -> HttpResponse:
    promise_set, can_write = get_promise_set_for_user(request, pk)
    require_write(can_write)
    target = get_object_or_404(promise_set.promises, pk=promise)
    form = PromiseActivityForm(request.POST, promise=target)
    if form.is_valid():
        try:
            services.promise_activity_add(promise=target, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The activity was added."))
            return redirect(promise_set)
    return _render_detail(request, promise_set, True, failed={"activity_forms": {target.pk: form}})


@login_required
@require_POST
def promise_signatory_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    promise_set, can_write = get_promise_set_for_user(request, pk)
    require_write(can_write)
    form = SignatoryForm(request.POST)
    if form.is_valid():
        try:
            services.promise_signatory_add(promise_set=promise_set, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The signatory was added."))
            return redirect(promise_set)
    return _render_detail(request, promise_set, True, failed={"signatory_form": form})


def _step(
    request: AuthenticatedHttpRequest, pk: int, service: Callable[..., PromiseSet | None], done: str
) -> HttpResponse:
    """A workflow button: run the step, or tell why it cannot be taken."""
    promise_set, can_write = get_promise_set_for_user(request, pk)
    require_write(can_write)
    try:
        result = service(promise_set=promise_set, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(promise_set)
    messages.success(request, done)
    return redirect(result or promise_set)


@login_required
@require_POST
def promise_set_sign(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, services.promise_set_sign, _("The promises are signed. Publish them when ready."))


@login_required
@require_POST
def promise_set_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, services.promise_set_publish, _("The promises are published on the public page."))


@login_required
@require_POST
def promise_set_revise(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        services.promise_set_revise,
        _("A new draft version was created. The published version stays public until the new one is published."),
    )


@login_required
def promise_set_follow_up(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    promise_set, can_write = get_promise_set_for_user(request, pk)
    require_write(can_write)
    if promise_set.status != PromiseSet.Status.PUBLISHED:
        raise Http404
    activities = list(PromiseActivity.objects.filter(promise__promise_set=promise_set).select_related("promise"))
    form = FollowUpForm(request.POST or None, activities=activities)
    if request.method == "POST" and form.is_valid():
        try:
            services.promise_set_follow_up(promise_set=promise_set, followups=form.followups(), by=request.user)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The promises are followed up; citizens see what was done."))
            return redirect(promise_set)
    status = 400 if request.method == "POST" else 200
    return render(request, "promises/follow_up.html", {"promise_set": promise_set, "form": form}, status=status)


@login_required
@require_POST
def suggestion_moderate(request: AuthenticatedHttpRequest, pk: int, suggestion: int) -> HttpResponse:
    promise_set, can_write = get_promise_set_for_user(request, pk)
    require_write(can_write)
    target = get_object_or_404(Suggestion, pk=suggestion, promise__promise_set=promise_set)
    decision = request.POST.get("decision")
    if decision not in ("accept", "reject"):
        messages.error(request, _("Choose to accept or reject the suggestion."))
        return redirect(promise_set)
    accept = decision == "accept"
    services.suggestion_moderate(suggestion=target, accept=accept, by=request.user)
    messages.success(request, _("The suggestion was accepted.") if accept else _("The suggestion was rejected."))
    return redirect(promise_set)


@login_required
@require_POST
def suggestion_answer(request: AuthenticatedHttpRequest, pk: int, suggestion: int) -> HttpResponse:
    promise_set, can_write = get_promise_set_for_user(request, pk)
    require_write(can_write)
    target = get_object_or_404(Suggestion, pk=suggestion, promise__promise_set=promise_set)
    form = SuggestionAnswerForm(request.POST, suggestion=target)
    if form.is_valid():
        try:
            services.suggestion_answer(
                suggestion=target,
                status=form.cleaned_data["answer_status"],
                answer=form.cleaned_data["answer"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The answer is published with the suggestion on the public page."))
            return redirect(f"{promise_set.get_absolute_url()}#answer-{target.pk}")
    return _render_detail(request, promise_set, True, failed={"answer_forms": {target.pk: form}})


# Samråd, the staff side: open the draft for comments, moderate and answer them, summarise the result.


def _render_consultation(
    request: AuthenticatedHttpRequest, promise_set: PromiseSet, can_write: bool, *, failed: dict | None = None
) -> HttpResponse:
    failed = failed or {}
    consultation = Consultation.objects.filter(promise_set=promise_set).first()
    today = clock.today()
    comments = list(consultation.comments.select_related("promise", "answered_by")) if consultation else []
    context: dict = {
        "promise_set": promise_set,
        "consultation": consultation,
        "can_write": can_write,
        "is_open": consultation is not None and consultation.is_open(today),
        "closed": consultation is not None and today > consultation.closes_on,
    }
    if can_write:
        context["rows"] = [
            (comment, failed.get("moderation", {}).get(comment.pk) or CommentModerationForm(comment=comment))
            for comment in comments
        ]
        if promise_set.status == PromiseSet.Status.DRAFT or "form" in failed:
            context["form"] = failed.get("form") or ConsultationForm(instance=consultation)
        if consultation is not None and context["closed"]:
            context["summary_form"] = failed.get("summary_form") or ConsultationSummaryForm(
                initial={"summary": consultation.summary}
            )
    else:
        context["rows"] = [(comment, None) for comment in comments]
    return render(request, "promises/consultation.html", context, status=400 if failed else 200)


@login_required
def consultation(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    promise_set, can_write = get_promise_set_for_user(request, pk)
    if request.method != "POST":
        return _render_consultation(request, promise_set, can_write)
    require_write(can_write)
    form = ConsultationForm(request.POST, instance=Consultation.objects.filter(promise_set=promise_set).first())
    if form.is_valid():
        try:
            services.consultation_save(promise_set=promise_set, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The consultation was saved."))
            return redirect("consultation", promise_set.pk)
    return _render_consultation(request, promise_set, True, failed={"form": form})


@login_required
@require_POST
def comment_moderate(request: AuthenticatedHttpRequest, pk: int, comment: int) -> HttpResponse:
    promise_set, can_write = get_promise_set_for_user(request, pk)
    require_write(can_write)
    consultation = get_object_or_404(Consultation, promise_set=promise_set)
    target = get_object_or_404(consultation.comments, pk=comment)
    form = CommentModerationForm(request.POST, comment=target)
    if form.is_valid():
        publish = form.cleaned_data["decision"] == "publish"
        try:
            services.comment_moderate(
                comment=target, publish=publish, answer=form.cleaned_data["answer"], by=request.user
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The comment was published.") if publish else _("The comment was rejected."))
            return redirect("consultation", promise_set.pk)
    return _render_consultation(request, promise_set, True, failed={"moderation": {target.pk: form}})


@login_required
@require_POST
def consultation_summarise(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    promise_set, can_write = get_promise_set_for_user(request, pk)
    require_write(can_write)
    consultation = get_object_or_404(Consultation, promise_set=promise_set)
    form = ConsultationSummaryForm(request.POST)
    if form.is_valid():
        try:
            services.consultation_summarise(
                consultation=consultation, summary=form.cleaned_data["summary"], by=request.user
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The summary was saved. It is linked from the promises once published."))
            return redirect("consultation", promise_set.pk)
    return _render_consultation(request, promise_set, True, failed={"summary_form": form})
