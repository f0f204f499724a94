from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samverkan.agreements.access import get_agreement_for_user, open_proposals, visible_agreements
from samverkan.agreements.models import Agreement, ChangeProposal
from samverkan.core import clock
from samverkan.core.audit import record_export
from samverkan.core.jobs import job_start
from samverkan.core.models import Job
from samverkan.followup.access import get_evaluation_for_user, get_report_for_user
from samverkan.followup.reports import services
from samverkan.followup.reports.evaluation import (
    confirms_for,
    current_evaluation,
    evaluation_confirm,
    evaluation_document,
    evaluation_for,
    evaluation_new_version,
    evaluation_pdf,
    evaluation_place,
    evaluation_refresh,
    evaluation_save,
    evaluation_start,
    parties_of,
    versions_of,
)
from samverkan.followup.reports.forms import EvaluationForm, NarrativeForm, RhythmForm
from samverkan.followup.reports.models import Evaluation
from samverkan.followup.reports.selectors import (
    Place,
    annual_report,
    continuous_follow_up,
    generated_reports,
    groups_of,
    meeting_rhythm,
    narratives,
    place_for_area,
    place_for_municipality,
    sees_place_figures,
    visible_police_areas,
)
from samverkan.followup.reports.tasks import annual_report_generate
from samverkan.followup.seasons.selectors import TASKS_AHEAD, tasks_due
from samverkan.organisations.access import require_write, visible_municipalities
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import Municipality, User
from samverkan.situation.selectors import kept as kept_for
from samverkan.sources.registry import IMPORTERS

YEARS_SHOWN = 3


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    this_year = clock.today().year
    context = {
        "years": list(range(this_year, this_year - YEARS_SHOWN, -1)),
        "municipalities": visible_municipalities(request.user).order_by("name"),
        "areas": visible_police_areas(request.user),
        "agreements": visible_agreements(request.user).filter(part=Agreement.Part.STRATEGIC).order_by("-starts_on"),
    }
    return render(request, "reports/index.html", context)


def _follow_up_of(municipality: Municipality, user: User, forms: dict[int, RhythmForm] | None = None) -> dict:
    """Everything the follow-up page shows of one municipality as the user may see it; with forms, a rhythm
    form for each group."""
    now = clock.now()
    today = timezone.localdate(now)
    data = continuous_follow_up(municipality, user=user, today=today)
    sources = [
        {"label": IMPORTERS[f.source].label, "latest": f.latest, "days": f.days, "stale": f.stale(today)}
        for f in data["freshness"]
    ]
    tasks = tasks_due(municipalities=[municipality], start=today, end=today + TASKS_AHEAD).filter(done=False)
    rows = meeting_rhythm(municipality, now)
    waiting = ChangeProposal.objects.filter(group__in=[row.group for row in rows])
    proposals = {view.proposal.group_id: view for view in open_proposals(user, waiting)}
    rhythm = [
        {
            "row": row,
            "form": None
            if forms is None
            else forms.get(row.group.pk)
            or RhythmForm(prefix=f"rhythm-{row.group.pk}", initial={"per_year": row.per_year}),
            "proposal": proposals.get(row.group.pk),
        }
        for row in rows
    ]
    return {"municipality": municipality, "data": data, "sources": sources, "tasks": tasks, "rhythm": rhythm}


@login_required
def municipality_follow_up(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    place = place_for_municipality(request.user, code)
    municipality = place.municipality
    assert municipality is not None  # a municipality's place
    forms: dict[int, RhythmForm] = {}
    status = 200
    if request.method == "POST":
        require_write(place.can_write)
        group = groups_of([municipality]).filter(pk=request.POST.get("group") or 0).first()
        if group is None:
            raise Http404
        form = RhythmForm(request.POST, prefix=f"rhythm-{group.pk}")
        if form.is_valid():
            try:
                proposal = services.meeting_rhythm_save(
                    group=group, per_year=form.cleaned_data["per_year"], by=request.user
                )
            except ValueError as error:
                form.add_error("per_year", str(error))
            else:
                if proposal is None:
                    messages.success(request, _("The meeting rhythm of %(group)s is saved.") % {"group": group.name})
                else:
                    messages.info(request, proposal.waiting_message())
                return redirect(request.path)
        forms[group.pk] = form
        status = 400
    follow_up = _follow_up_of(municipality, request.user, forms if place.can_write else None)
    return render(request, "reports/follow_up.html", {"place": place, "follow_up": follow_up}, status=status)


@login_required
def joint_follow_up(request: AuthenticatedHttpRequest, area_id: int) -> HttpResponse:
    place = place_for_area(request.user, area_id)
    follow_ups = [_follow_up_of(municipality, request.user) for municipality in place.municipalities]
    return render(request, "reports/joint_follow_up.html", {"place": place, "follow_ups": follow_ups})


def _annual(request: AuthenticatedHttpRequest, place: Place, year: int) -> HttpResponse:
    form = NarrativeForm(request.POST or None, initial=narratives(place, year))
    status = 200
    if request.method == "POST":
        require_write(place.can_write)
        if form.is_valid():
            for section, text in form.cleaned_data.items():
                services.narrative_save(place=place, year=year, section=section, text=text, by=request.user)
            messages.success(request, _("The texts are saved."))
            return redirect(request.path)
        status = 400
    context = {
        "place": place,
        "year": year,
        "form": form,
        "data": annual_report(place, year, user=request.user),
        "reports": generated_reports(place, year, request.user),
        "sees_figures": sees_place_figures(request.user, place),
    }
    return render(request, "reports/annual.html", context, status=status)


@login_required
def annual(request: AuthenticatedHttpRequest, code: str, year: int) -> HttpResponse:
    return _annual(request, place_for_municipality(request.user, code), year)


@login_required
def joint_annual(request: AuthenticatedHttpRequest, area_id: int, year: int) -> HttpResponse:
    return _annual(request, place_for_area(request.user, area_id), year)


def _generate(request: AuthenticatedHttpRequest, place: Place, year: int) -> HttpResponse:
    if not (place.can_write and sees_place_figures(request.user, place)):
        raise Http404
    # The worker renders the PDF (samverkan.followup.reports.tasks); the job's page shows it until it is kept.
    where: dict[str, str | int] = {"code": place.municipality.code} if place.municipality else {}
    if place.police_area is not None:
        where = {"area_id": place.police_area.pk}
    job = job_start(
        annual_report_generate,
        kind="annual_report",
        label=_("Annual report %(year)s for %(place)s") % {"year": year, "place": place.name},
        by=request.user,
        year=year,
        user_id=request.user.pk,
        language=get_language(),
        **where,
    )
    if job.state == Job.State.DONE:  # already run (the immediate backend)
        messages.success(request, job.message)
        return redirect(job.result_url)
    return redirect(job)


@login_required
@require_POST
def generate(request: AuthenticatedHttpRequest, code: str, year: int) -> HttpResponse:
    return _generate(request, place_for_municipality(request.user, code), year)


@login_required
@require_POST
def joint_generate(request: AuthenticatedHttpRequest, area_id: int, year: int) -> HttpResponse:
    return _generate(request, place_for_area(request.user, area_id), year)


@login_required
def generated_report(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report, _can_write = get_report_for_user(request, pk)
    return render(request, "reports/generated.html", {"report": report, "data": report.data})


@login_required
def generated_report_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report, _can_write = get_report_for_user(request, pk)
    record_export(request, "annual_report", report, detail=f"{report.year} v{report.version} pdf")
    response = HttpResponse(bytes(report.pdf), content_type="application/pdf")
    name = report.municipality.code if report.municipality else f"lpo{report.police_area_id}"
    response["Content-Disposition"] = f'attachment; filename="arsrapport-{name}-{report.year}-v{report.version}.pdf"'
    return response


@login_required
def evaluation(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The whole agreement's figures as the user may see them, and the evaluations of the scopes the user is a
    party to the picture of."""
    agreement, can_write = get_agreement_for_user(request, pk)
    data = evaluation_for(agreement, today=clock.today(), user=request.user)
    scopes = []
    if agreement.part == Agreement.Part.STRATEGIC:
        read = visible_municipalities(request.user)
        for municipality in agreement.municipalities.filter(id__in=read.values("id")).order_by("name"):
            place = place_for_municipality(request.user, municipality.code)
            if sees_place_figures(request.user, place):
                url = reverse("evaluation_municipality", args=[agreement.pk, municipality.code])
                scopes.append((place, url, current_evaluation(agreement, place)))
        for area in visible_police_areas(request.user):
            if agreement.parties.filter(pk=area.pk).exists():
                place = place_for_area(request.user, area.pk)
                url = reverse("evaluation_joint", args=[agreement.pk, area.pk])
                scopes.append((place, url, current_evaluation(agreement, place)))
    context = {
        "agreement": agreement,
        "can_write": can_write,
        "next": getattr(agreement, "revision", None),
        "data": data,
        "scopes": scopes,
    }
    return render(request, "reports/evaluation.html", context)


def _scope(request: AuthenticatedHttpRequest, agreement: Agreement, place: Place) -> HttpResponse:
    """A scope's evaluation: its current version, or, before there is one, a button for its writers to start it."""
    if request.method == "POST":
        require_write(place.can_write)
        try:
            kept = evaluation_start(agreement=agreement, place=place, by=request.user, today=clock.today())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        messages.success(request, _("The evaluation is started: its figures and suggested assessments filled in."))
        return redirect(kept)
    current = current_evaluation(agreement, place)
    if current is not None:
        return redirect(current)
    return render(request, "reports/evaluation_start.html", {"agreement": agreement, "place": place})


@login_required
def evaluation_municipality(request: AuthenticatedHttpRequest, pk: int, code: str) -> HttpResponse:
    agreement = get_agreement_for_user(request, pk)[0]
    return _scope(request, agreement, evaluation_place(request.user, agreement, code=code))


@login_required
def evaluation_joint(request: AuthenticatedHttpRequest, pk: int, area_id: int) -> HttpResponse:
    agreement = get_agreement_for_user(request, pk)[0]
    return _scope(request, agreement, evaluation_place(request.user, agreement, area_id=area_id))


@login_required
def evaluation_version(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    kept, place = get_evaluation_for_user(request, pk)
    editable = place.can_write and not kept.is_adopted
    form = (
        EvaluationForm(request.POST or None, items=kept.items.all(), initial=model_to_dict(kept)) if editable else None
    )
    status = 200
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                evaluation_save(
                    evaluation=kept,
                    items=form.assessments(),
                    conclusions=form.cleaned_data["conclusions"],
                    recommendations=form.cleaned_data["recommendations"],
                    by=request.user,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The evaluation is saved."))
            return redirect(kept)
        status = 400
    confirmed = {c.organisation_id: c for c in kept.confirmations.select_related("by")}
    context = {
        "kept": kept,
        "place": place,
        "data": evaluation_document(kept),
        "form": form,
        "versions": versions_of(kept),
        "parties": [(party, confirmed.get(party.pk)) for party in parties_of(kept)],
        "confirms_for": confirms_for(request.user, kept) if not kept.is_adopted else [],
        "can_write": place.can_write,
    }
    return render(request, "reports/evaluation_version.html", context, status=status)


def _evaluation_action(request: AuthenticatedHttpRequest, pk: int, action, done: str) -> HttpResponse:
    kept, place = get_evaluation_for_user(request, pk)
    require_write(place.can_write)
    try:
        kept = action(kept)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(kept)


@login_required
@require_POST
def evaluation_refresh_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    def refresh(kept: Evaluation) -> Evaluation:
        return evaluation_refresh(evaluation=kept, by=request.user, today=clock.today())

    return _evaluation_action(request, pk, refresh, _("The figures and the suggestions are refreshed."))


@login_required
@require_POST
def evaluation_confirm_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    def confirm(kept: Evaluation) -> Evaluation:
        return evaluation_confirm(evaluation=kept, by=request.user)

    return _evaluation_action(request, pk, confirm, _("Your party's confirmation is recorded."))


@login_required
@require_POST
def evaluation_new_version_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    def new_version(kept: Evaluation) -> Evaluation:
        return evaluation_new_version(evaluation=kept, by=request.user, today=clock.today())

    return _evaluation_action(request, pk, new_version, _("A new version is started from the adopted one."))


@login_required
@require_GET
def evaluation_pdf_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    kept, _place = get_evaluation_for_user(request, pk)
    record_export(request, "evaluation", kept, detail=f"v{kept.version} pdf")
    # Kept until a write to its municipality (its items, confirmations, figures …) or to the shared data.
    pdf = kept_for(
        "evaluation_pdf",
        kept.pk,
        municipality_ids=[kept.municipality_id] if kept.municipality_id else [],
        build=lambda: evaluation_pdf(kept),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = kept.municipality.code if kept.municipality else f"lpo{kept.police_area_id}"
    period = f"{kept.agreement.starts_on.year}-{kept.agreement.ends_on.year}"
    response["Content-Disposition"] = f'attachment; filename="utvardering-{name}-{period}-v{kept.version}.pdf"'
    return response
