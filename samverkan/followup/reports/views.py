from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.agreements.access import get_agreement_for_user, open_proposals, visible_agreements
from samverkan.agreements.models import Agreement, ChangeProposal
from samverkan.core import clock
from samverkan.core.audit import record_export
from samverkan.followup.reports import services
from samverkan.followup.reports.evaluation import evaluation_for, sees_agreement_figures
from samverkan.followup.reports.forms import NarrativeForm, RhythmForm
from samverkan.followup.reports.models import Evaluation
from samverkan.followup.reports.renewal import next_agreement_start
from samverkan.followup.reports.selectors import (
    Place,
    annual_report,
    continuous_follow_up,
    generated_reports,
    get_report_for_user,
    groups_of,
    meeting_rhythm,
    narratives,
    place_for_area,
    place_for_municipality,
    sees_place_figures,
    visible_police_areas,
)
from samverkan.followup.seasons.selectors import TASKS_AHEAD, tasks_due
from samverkan.organisations.access import visible_municipalities
from samverkan.organisations.models import Municipality, User
from samverkan.sources.registry import IMPORTERS

YEARS_SHOWN = 3


@login_required
def index(request: HttpRequest) -> HttpResponse:
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
def municipality_follow_up(request: HttpRequest, code: str) -> HttpResponse:
    place = place_for_municipality(request.user, code)
    forms: dict[int, RhythmForm] = {}
    status = 200
    if request.method == "POST":
        if not place.can_write:
            raise Http404
        group = groups_of([place.municipality]).filter(pk=request.POST.get("group") or 0).first()
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
    follow_up = _follow_up_of(place.municipality, request.user, forms if place.can_write else None)
    return render(request, "reports/follow_up.html", {"place": place, "follow_up": follow_up}, status=status)


@login_required
def joint_follow_up(request: HttpRequest, area_id: int) -> HttpResponse:
    place = place_for_area(request.user, area_id)
    follow_ups = [_follow_up_of(municipality, request.user) for municipality in place.municipalities]
    return render(request, "reports/joint_follow_up.html", {"place": place, "follow_ups": follow_ups})


def _annual(request: HttpRequest, place: Place, year: int) -> HttpResponse:
    form = NarrativeForm(request.POST or None, initial=narratives(place, year))
    status = 200
    if request.method == "POST":
        if not place.can_write:
            raise Http404
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
def annual(request: HttpRequest, code: str, year: int) -> HttpResponse:
    return _annual(request, place_for_municipality(request.user, code), year)


@login_required
def joint_annual(request: HttpRequest, area_id: int, year: int) -> HttpResponse:
    return _annual(request, place_for_area(request.user, area_id), year)


def _generate(request: HttpRequest, place: Place, year: int) -> HttpResponse:
    if not (place.can_write and sees_place_figures(request.user, place)):
        raise Http404
    report = services.report_generate(place=place, year=year, by=request.user)
    message = _("Version %(version)s of the report is generated and kept.") % {"version": report.version}
    messages.success(request, message)
    return redirect(report)


@login_required
@require_POST
def generate(request: HttpRequest, code: str, year: int) -> HttpResponse:
    return _generate(request, place_for_municipality(request.user, code), year)


@login_required
@require_POST
def joint_generate(request: HttpRequest, area_id: int, year: int) -> HttpResponse:
    return _generate(request, place_for_area(request.user, area_id), year)


@login_required
def generated_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    return render(request, "reports/generated.html", {"report": report, "data": report.data})


@login_required
def generated_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    record_export(request, "annual_report", report, detail=f"{report.year} v{report.version} pdf")
    response = HttpResponse(bytes(report.pdf), content_type="application/pdf")
    name = report.municipality.code if report.municipality else f"lpo{report.police_area_id}"
    response["Content-Disposition"] = f'attachment; filename="arsrapport-{name}-{report.year}-v{report.version}.pdf"'
    return response


@login_required
def evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request.user, pk)
    kept = Evaluation.objects.filter(agreement=agreement).select_related("next_agreement").first()
    if kept and sees_agreement_figures(request.user, agreement):
        data = kept.data
    else:  # the kept figures are in full: anyone else sees them computed for that day as /mal/ shows them
        today = timezone.localdate(kept.created_at) if kept else clock.today()
        data = evaluation_for(agreement, today=today, user=request.user)
    context = {"agreement": agreement, "can_write": can_write, "kept": kept, "data": data}
    return render(request, "reports/evaluation.html", context)


@login_required
@require_POST
def next_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, can_write = get_agreement_for_user(request.user, pk)
    if not can_write:
        raise Http404
    if Evaluation.objects.filter(agreement=agreement).exists() or hasattr(agreement, "revision"):
        messages.error(request, _("The next agreement has already been started."))
        return redirect("evaluation", pk=agreement.pk)
    kept = next_agreement_start(agreement=agreement, by=request.user, today=clock.today())
    messages.success(request, _("The next agreement is drafted from this one, with the evaluation beside it."))
    return redirect(kept.next_agreement)
