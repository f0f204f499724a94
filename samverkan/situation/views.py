from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.core import clock
from samverkan.organisations.access import (
    get_municipality_for_user,
    owns_municipality,
    scope_for,
    visible_municipalities,
)
from samverkan.organisations.models import Organisation
from samverkan.situation import services
from samverkan.situation.forms import PeriodForm
from samverkan.situation.models import Baseline
from samverkan.situation.presentation import charts_for, joint_charts_for, map_for
from samverkan.situation.reports import pdf_for
from samverkan.situation.selectors import (
    INTERNAL,
    PUBLIC,
    Period,
    joint_municipalities,
    joint_situation,
    situation_for_municipality,
)


def _period(request: HttpRequest) -> tuple[PeriodForm, Period]:
    default = Period.last_full_year(clock.today())
    form = PeriodForm(request.GET or None, initial={"start": default.start, "end": default.end})
    if form.is_bound and form.is_valid():
        return form, Period(form.cleaned_data["start"], form.cleaned_data["end"])
    return form, default


def _query(period: Period) -> str:
    return f"start={period.start.isoformat()}&end={period.end.isoformat()}"


@login_required
def situation_index(request: HttpRequest) -> HttpResponse:
    areas = _readable_areas(request)
    owned = scope_for(request.user).owned_municipalities
    context = {
        "municipalities": visible_municipalities(request.user),
        "areas": areas,
        "baselines": Baseline.objects.filter(Q(municipality__in=owned) | Q(police_area__in=areas)).select_related(
            "municipality", "police_area", "adopted_by"
        ),
    }
    return render(request, "situation/index.html", context)


@login_required
def situation_municipality(request: HttpRequest, code: str) -> HttpResponse:
    municipality, can_write = get_municipality_for_user(request.user, code)
    form, period = _period(request)
    owner = owns_municipality(request.user, municipality)
    if request.method == "POST":
        if not can_write:
            raise Http404
        for problem in [""] + request.POST.getlist("problem"):
            text = request.POST.get(f"conclusion-{problem}", "")
            services.conclusion_save(
                municipality=municipality, period=period, problem=problem, text=text, by=request.user
            )
        messages.success(request, _("The conclusions were saved."))
        return redirect(f"{request.path}?{_query(period)}")
    data = situation_for_municipality(municipality=municipality, period=period, audience=INTERNAL if owner else PUBLIC)
    context = {
        "form": form,
        "data": data,
        "charts": charts_for(data),
        "map_config": map_for(data),
        "municipality": municipality,
        "can_write": can_write,
        "can_adopt": can_write and owner,
        "query": _query(period),
        "baselines": municipality.baselines.all(),
    }
    return render(request, "situation/municipality.html", context)


@login_required
@require_POST
def situation_adopt(request: HttpRequest, code: str) -> HttpResponse:
    municipality, can_write = get_municipality_for_user(request.user, code)
    if not (can_write and owns_municipality(request.user, municipality)):
        raise Http404
    _form, period = _period(request)
    data = situation_for_municipality(municipality=municipality, period=period, audience=INTERNAL)
    baseline = services.baseline_adopt(
        data=data, charts=charts_for(data), period=period, by=request.user, municipality=municipality
    )
    messages.success(
        request, _("The situation picture was adopted as version %(version)s.") % {"version": baseline.version}
    )
    return redirect(baseline)


@login_required
def situation_export(request: HttpRequest, code: str) -> HttpResponse:
    municipality, _can_write = get_municipality_for_user(request.user, code)
    _form, period = _period(request)
    audience = request.GET.get("audience", PUBLIC)
    if audience not in (INTERNAL, PUBLIC) or (
        audience == INTERNAL and not owns_municipality(request.user, municipality)
    ):
        raise Http404
    data = situation_for_municipality(municipality=municipality, period=period, audience=audience)
    name = f"lagesbild-{municipality.code}-{period.start.isoformat()}-{period.end.isoformat()}-{audience}"
    return _download(data, charts_for(data), name, request.GET.get("format", "json"))


def _download(data: dict, charts: dict[str, str], name: str, kind: str) -> HttpResponse:
    if kind == "pdf":
        response = HttpResponse(pdf_for(data, charts), content_type="application/pdf")
    elif kind == "json":
        response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


def _get_baseline(request: HttpRequest, pk: int) -> Baseline:
    baseline = get_object_or_404(Baseline.objects.select_related("municipality", "police_area", "adopted_by"), pk=pk)
    scope = scope_for(request.user)
    if baseline.municipality_id:
        # An adopted lägesbild holds the owner's full figures: it stays inside the municipality's organisation.
        if not owns_municipality(request.user, baseline.municipality):
            raise Http404
    elif baseline.police_area_id not in scope.read_organisations:
        raise Http404
    return baseline


@login_required
def baseline_detail(request: HttpRequest, pk: int) -> HttpResponse:
    baseline = _get_baseline(request, pk)
    kind = request.GET.get("format")
    if kind:
        return _download(baseline.data, baseline.charts, f"baslinje-{baseline.pk}-v{baseline.version}", kind)
    template = "situation/joint.html" if baseline.police_area_id else "situation/municipality.html"
    context = {"data": baseline.data, "charts": baseline.charts, "baseline": baseline}
    if baseline.municipality_id:
        context["map_config"] = map_for(baseline.data)
    return render(request, template, context)


def _readable_areas(request: HttpRequest):
    return Organisation.objects.filter(
        id__in=scope_for(request.user).read_organisations, kind=Organisation.Kind.POLICE_AREA
    )


def _get_area(request: HttpRequest, pk: int) -> Organisation:
    area = _readable_areas(request).filter(pk=pk).first()
    if area is None:
        raise Http404
    return area


@login_required
def situation_joint(request: HttpRequest, pk: int) -> HttpResponse:
    area = _get_area(request, pk)
    form, period = _period(request)
    data = joint_situation(police_area=area, period=period)
    context = {
        "form": form,
        "data": data,
        "charts": joint_charts_for(data),
        "area": area,
        "query": _query(period),
        "can_adopt": set(m.id for m in joint_municipalities(area)) <= scope_for(request.user).write_municipalities,
        "baselines": area.baselines.all(),
    }
    if request.GET.get("format"):
        return _download(
            data, context["charts"], f"gemensam-lagesbild-{area.pk}-{_query(period)}", request.GET["format"]
        )
    return render(request, "situation/joint.html", context)


@login_required
@require_POST
def situation_joint_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    area = _get_area(request, pk)
    if not set(m.id for m in joint_municipalities(area)) <= scope_for(request.user).write_municipalities:
        raise Http404
    _form, period = _period(request)
    data = joint_situation(police_area=area, period=period)
    baseline = services.baseline_adopt(
        data=data, charts=joint_charts_for(data), period=period, by=request.user, police_area=area
    )
    messages.success(
        request, _("The situation picture was adopted as version %(version)s.") % {"version": baseline.version}
    )
    return redirect(baseline)
