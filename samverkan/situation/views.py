from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.core import clock
from samverkan.core.audit import record_export
from samverkan.core.forms import form_status
from samverkan.organisations.access import (
    get_municipality_for_user,
    owns_municipality,
    require_write,
    sees_internal_figures,
    visible_municipalities,
)
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import Municipality
from samverkan.situation import services
from samverkan.situation.access import (
    get_baseline_for_user,
    get_police_area_for_user,
    get_police_region_for_user,
    readable_police_areas,
    readable_police_regions,
    visible_baselines,
)
from samverkan.situation.audience import ShownJoint, ShownPicture, for_audience, joint_for_audience
from samverkan.situation.extensions import internal_sections
from samverkan.situation.forms import THEME_ENTRY_SUGGESTIONS, ConclusionsForm, PeriodForm, ThemeEntryForm
from samverkan.situation.lib.themes import MAPPED_SOURCES, THEMES
from samverkan.situation.picture import from_json, joint_from_json
from samverkan.situation.presentation import (
    charts_for,
    glance,
    joint_charts_for,
    key_figure_panels,
    map_for,
    regional_charts_for,
)
from samverkan.situation.regional import ORDERS, RATE, regional_situation, regions_above
from samverkan.situation.reports import pdf_for
from samverkan.situation.selectors import (
    INTERNAL,
    PUBLIC,
    Audience,
    Period,
    audience_for,
    joint_audience,
    joint_municipalities,
    joint_picture_for,
    joint_situation,
    kept,
    kept_joint_situation,
    picture_for,
    version_key,
)
from samverkan.situation.themes import themes_overview
from samverkan.sources.incidents.selectors import incident_categories
from samverkan.sources.incidents.series import incident_points

CONCLUDED_PROBLEMS = 8  # the page asks for an analysis of the first eight problems


def _period(request: HttpRequest) -> tuple[PeriodForm, Period]:
    """The period of the address (start, end), else last year; an invalid one leaves its errors in the form."""
    default = Period.last_full_year(clock.today())
    form = PeriodForm(request.GET or None, initial={"start": default.start, "end": default.end})
    if form.is_bound and form.is_valid():
        return form, Period(form.cleaned_data["start"], form.cleaned_data["end"])
    return form, default


def _exact_period(request: HttpRequest) -> Period:
    """The period a download or a write is for: the one asked for, or a 400 when it is not valid."""
    form, period = _period(request)
    if form.errors:
        raise BadRequest(" ".join(str(error) for errors in form.errors.values() for error in errors))
    return period


def _query(period: Period) -> str:
    return f"start={period.start.isoformat()}&end={period.end.isoformat()}"


@login_required
def situation_index(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {
        "municipalities": visible_municipalities(request.user),
        "areas": readable_police_areas(request.user),
        "regions": readable_police_regions(request.user),
        "baselines": visible_baselines(request.user).select_related("municipality", "police_area", "adopted_by"),
    }
    return render(request, "situation/index.html", context)


@login_required
def situation_municipality(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    municipality, can_write = get_municipality_for_user(request, code)
    form, period = _period(request)
    audience = audience_for(request.user, municipality)
    conclusions = None
    if request.method == "POST":
        require_write(can_write)
        period = _exact_period(request)
        conclusions = ConclusionsForm(request.POST, problems=request.POST.getlist("problem"))
        if conclusions.is_valid():
            try:
                services.conclusions_save(
                    municipality=municipality, period=period, texts=conclusions.texts(), by=request.user
                )
            except ValidationError as error:
                conclusions.add_service_error(error)
            else:
                messages.success(request, _("The conclusions were saved."))
                return redirect(f"{request.path}?{_query(period)}")
    data = for_audience(picture_for(municipality=municipality, period=period), audience)
    if can_write and conclusions is None:
        problems = [problem.name for problem in data.problems[:CONCLUDED_PROBLEMS]]
        overall = {"": data.conclusions.overall}
        conclusions = ConclusionsForm(problems=problems, initial=overall | data.conclusions.problems)
    where = (municipality.pk, period.start, period.end, audience)
    context = {
        "form": form,
        "data": data,
        # The figures and the glance are rendered once per data version (templatetags/kept.py), the charts only then.
        "figures_key": version_key("situation_page", *where, municipality_ids=[municipality.pk]),
        "charts": SimpleLazyObject(lambda: charts_for(data, municipality.boundary)),
        "glance": glance(data),
        "key_figures": key_figure_panels(data),
        "map_config": map_for(data, municipality.boundary, _points_url(municipality, period, audience)),
        "municipality": municipality,
        "can_write": can_write,
        # The law puts the lägesbild on the municipality: its own organisation adopts it.
        "can_adopt": can_write and owns_municipality(request.user, municipality),
        "query": _query(period),
        "baselines": visible_baselines(request.user).filter(municipality=municipality),
        "conclusions_form": conclusions,
    }
    status = 400 if form.errors or (conclusions is not None and conclusions.errors) else 200
    return render(request, "situation/municipality.html", context, status=status)


def _points_url(municipality: Municipality, period: Period, audience: Audience) -> str:
    if audience != INTERNAL:
        return ""
    return f"{reverse('situation_points', args=[municipality.code])}?{_query(period)}"


@login_required
def situation_points(request: AuthenticatedHttpRequest, code: str) -> JsonResponse:
    """The incidents' points of the internal map: for the parties to the picture only, never in the picture."""
    municipality, _can_write = get_municipality_for_user(request, code)
    if not sees_internal_figures(request.user, municipality):
        raise Http404
    period = _exact_period(request)
    points = incident_points(municipality=municipality, start=period.start, end=period.end)
    return JsonResponse({"points": [[lat, lng] for lat, lng in points]})


@login_required
@require_POST
def situation_adopt(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    municipality, can_write = get_municipality_for_user(request, code)
    require_write(can_write and owns_municipality(request.user, municipality))
    period = _exact_period(request)
    baseline = services.baseline_adopt(
        picture=picture_for(municipality=municipality, period=period), by=request.user, municipality=municipality
    )
    messages.success(
        request, _("The situation picture was adopted as version %(version)s.") % {"version": baseline.version}
    )
    return redirect(baseline)


@login_required
def situation_export(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    municipality, _can_write = get_municipality_for_user(request, code)
    period = _exact_period(request)
    audience = request.GET.get("audience", PUBLIC)
    if audience not in (INTERNAL, PUBLIC) or (
        audience == INTERNAL and audience_for(request.user, municipality) != INTERNAL
    ):
        raise Http404
    name = f"lagesbild-{municipality.code}-{period.start.isoformat()}-{period.end.isoformat()}-{audience}"
    kind = request.GET.get("format", "json")
    if kind == "pdf":  # kept until the data changes, as the picture is

        def build() -> bytes:
            data = for_audience(picture_for(municipality=municipality, period=period), audience)
            return pdf_for(data, charts_for(data, municipality.boundary))

        where = [municipality.pk, period.start, period.end, audience]
        response = _attachment(
            kept("situation_pdf", *where, municipality_ids=[municipality.pk], build=build), name, kind
        )
    else:
        data = for_audience(picture_for(municipality=municipality, period=period), audience)
        extra = (
            internal_sections(municipality, start=period.start, end=period.end, today=clock.today())
            if audience == INTERNAL and kind == "json"
            else {}
        )
        response = _download(data, charts_for(data, municipality.boundary), name, kind, extra)
    record_export(request, "situation", municipality, detail=f"{period.start}–{period.end} {audience} {kind}")
    return response


def _download(
    data: ShownPicture | ShownJoint,
    charts: dict[str, dict[str, str]],
    name: str,
    kind: str,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """The picture as a PDF or as JSON; `extra`: the registered sections of the internal JSON (extensions.py)."""
    if kind == "pdf":
        return _attachment(pdf_for(data, charts), name, kind)
    if kind == "json":
        return _attachment(json.dumps({**data.to_json(), **(extra or {})}, ensure_ascii=False, indent=2), name, kind)
    raise Http404


def _attachment(body: bytes | str, name: str, kind: str) -> HttpResponse:
    content_type = "application/pdf" if kind == "pdf" else "application/json"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


@login_required
def baseline_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    baseline, _can_adopt = get_baseline_for_user(request, pk)
    kind = request.GET.get("format")
    name = f"baslinje-{baseline.pk}-v{baseline.version}"
    if baseline.police_area_id:
        joint = joint_for_audience(joint_from_json(baseline.data), joint_audience(request.user, baseline.police_area))
        charts = joint_charts_for(joint)
        if kind:
            response = _download(joint, charts, name, kind)
            record_export(request, "baseline", baseline, detail=f"v{baseline.version} {kind}")
            return response
        return render(request, "situation/joint.html", {"data": joint, "charts": charts, "baseline": baseline})
    municipality = baseline.municipality
    assert municipality is not None  # a baseline is of a municipality or of a police area (a constraint)
    data = for_audience(from_json(baseline.data), INTERNAL)
    charts = charts_for(data, municipality.boundary)
    if kind:
        response = _download(data, charts, name, kind)
        record_export(request, "baseline", baseline, detail=f"v{baseline.version} {kind}")
        return response
    context = {
        "data": data,
        "charts": charts,
        "glance": glance(data),
        "key_figures": key_figure_panels(data),
        "baseline": baseline,
        "map_config": map_for(data, municipality.boundary, ""),
    }
    return render(request, "situation/municipality.html", context)


@login_required
def situation_joint(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    area, can_adopt = get_police_area_for_user(request, pk)
    form, period = _period(request)
    if request.GET.get("format"):
        period = _exact_period(request)  # a download is of the period asked for
    audience = joint_audience(request.user, area)
    if (kind := request.GET.get("format")) == "pdf":  # kept until the data of one of its municipalities changes

        def build() -> bytes:
            shown = joint_situation(police_area=area, period=period, audience=audience)
            return pdf_for(shown, joint_charts_for(shown))

        ids = [m.pk for m in joint_municipalities(area)]
        body = kept("joint_pdf", area.pk, period.start, period.end, audience, municipality_ids=ids, build=build)
        response = _attachment(body, f"gemensam-lagesbild-{area.pk}-{_query(period)}", kind)
        record_export(request, "joint_situation", area, detail=f"{period.start}–{period.end} {kind}")
        return response
    data, figures_key = kept_joint_situation(police_area=area, period=period, audience=audience)
    if kind:
        response = _download(data, joint_charts_for(data), f"gemensam-lagesbild-{area.pk}-{_query(period)}", kind)
        record_export(request, "joint_situation", area, detail=f"{period.start}–{period.end} {kind}")
        return response
    context = {
        "form": form,
        "data": data,
        "figures_key": figures_key,
        "charts": SimpleLazyObject(lambda: joint_charts_for(data)),
        "area": area,
        "query": _query(period),
        "can_adopt": can_adopt,
        "baselines": visible_baselines(request.user).filter(police_area=area),
        "regions": readable_police_regions(request.user).filter(pk__in=regions_above(area)),
    }
    return render(request, "situation/joint.html", context, status=form_status(form))


@login_required
def situation_region(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Regional jämförelse: the municipalities of a police region or polisområde side by side (regional.py)."""
    region, _can_write = get_police_region_for_user(request, pk)
    form, period = _period(request)
    data = regional_situation(organisation=region, period=period, user=request.user)
    order = request.GET.get("sort", RATE)
    order = order if order in ORDERS else RATE
    context = {
        "form": form,
        "data": data,
        "rows": data.ordered(order),
        "order": order,
        "charts": SimpleLazyObject(lambda: regional_charts_for(data)),  # drawn only when not kept
        "region": region,
        "query": _query(period),
    }
    return render(request, "situation/region.html", context, status=form_status(form))


@login_required
@require_POST
def situation_joint_adopt(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    area, can_adopt = get_police_area_for_user(request, pk)
    require_write(can_adopt)
    period = _exact_period(request)
    baseline = services.baseline_adopt(
        picture=joint_picture_for(police_area=area, period=period), by=request.user, police_area=area
    )
    messages.success(
        request, _("The situation picture was adopted as version %(version)s.") % {"version": baseline.version}
    )
    return redirect(baseline)


@login_required
def situation_themes(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The themes and what each counts from each source in a municipality (?kommun=, else the first the user
    reads); its writers add entries of the municipality's own and remove them, and leave the product's out."""
    municipalities = visible_municipalities(request.user)
    code = request.GET.get("kommun") or municipalities.values_list("code", flat=True).first()
    if code is None:
        if request.method == "POST":
            raise Http404
        return render(request, "situation/themes.html", {"municipalities": municipalities})
    municipality, can_write = get_municipality_for_user(request, code)
    form = ThemeEntryForm()
    if request.method == "POST":
        require_write(can_write)
        if removed := request.POST.get("remove"):
            entry = municipality.theme_entries.filter(pk=removed).first() if removed.isdigit() else None
            if entry is None:
                raise Http404
            services.theme_entry_remove(entry=entry)
            messages.success(request, _("Removed."))
            return redirect(f"{request.path}?kommun={municipality.code}")
        if left_out := request.POST.get("leave_out"):  # "theme:source:index" of one of the product's entries
            theme, source, index = (left_out.split(":") + ["", "", ""])[:3]
            default = next((t for t in THEMES if t.key == theme), None)
            entries = default.entries(source) if default and source in MAPPED_SOURCES else ()
            if not index.isdigit() or int(index) >= len(entries):
                raise Http404
            services.theme_entry_leave_out(
                municipality=municipality, theme=theme, source=source, entry=entries[int(index)], by=request.user
            )
            messages.success(request, _("The entry is left out in %(name)s.") % {"name": municipality.name})
            return redirect(f"{request.path}?kommun={municipality.code}")
        form = ThemeEntryForm(request.POST)
        if form.is_valid():
            try:
                services.theme_entry_add(municipality=municipality, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("The entry was added."))
                return redirect(f"{request.path}?kommun={municipality.code}")
    context = {
        "municipalities": municipalities,
        "municipality": municipality,
        "focus_areas": themes_overview(municipality),
        "can_write": can_write,
        "form": form,
        "suggestions_id": THEME_ENTRY_SUGGESTIONS,
        "suggestions": [category.name for category in incident_categories(municipality)] if can_write else [],
    }
    return render(request, "situation/themes.html", context, status=form_status(form))
