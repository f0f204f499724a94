from __future__ import annotations

import datetime
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samverkan.core import clock
from samverkan.core.audit import record_export, record_read
from samverkan.core.forms import form_status
from samverkan.organisations.access import (
    get_municipality_for_user,
    is_member_of,
    reads_incident_text,
    report_municipalities,
    require_write,
    scope_for,
    visible_municipalities,
)
from samverkan.organisations.geography import map_config
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import NamedPlace
from samverkan.sources.access import get_incident_for_user
from samverkan.sources.incidents import selectors, services
from samverkan.sources.incidents.forms import (
    HandlingForm,
    IncidentForm,
    PlaceFormSet,
    WeekFilterForm,
    category_formset,
)
from samverkan.sources.incidents.models import Incident

PAGE_SIZE = 25


@login_required
def incident_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    municipalities = list(visible_municipalities(request.user))
    incidents = Incident.objects.filter(municipality__in=municipalities).select_related(
        "category", "municipality", "place"
    )
    status = request.GET.get("status", "")
    if status in Incident.Status.values:
        incidents = incidents.filter(status=status)
    page = Paginator(incidents, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "statuses": Incident.Status.choices,
        "can_report": report_municipalities(request.user).exists(),
        "writable": [m for m in municipalities if m.id in scope_for(request.user).write_municipalities],
    }
    return render(request, "incidents/list.html", context)


@login_required
def incident_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    allowed = list(report_municipalities(request.user))
    if not allowed:
        raise Http404
    form = IncidentForm(request.POST or None, municipalities=allowed)
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.incident_report(report=form.report(), by=request.user, allowed=allowed)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The incident was logged. Thank you!"))
            return redirect(incident)
    context = {"form": form, "map": map_config(allowed)}
    return render(request, "incidents/new.html", context, status=form_status(form))


@login_required
def incident_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    incident, can_write = get_incident_for_user(request, pk)
    form = HandlingForm(request.POST or None, incident=incident) if can_write else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.incident_handle(
                    incident=incident,
                    by=request.user,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("Saved."))
                return redirect(incident)
    shows_text = reads_incident_text(
        request.user, organisation_id=incident.reporter_organisation_id, municipality_id=incident.municipality_id
    )
    show_reporter = is_member_of(request.user, incident.reporter_organisation_id)
    record_read(request, incident, "incident_reporter" if show_reporter else "incident")
    member_of = scope_for(request.user).member_of
    notes = [
        (note, shows_text or note.organisation_id in member_of)
        for note in incident.notes.select_related("by", "organisation")
    ]
    context = {
        "incident": incident,
        "form": form,
        "shows_text": shows_text,
        "show_reporter": show_reporter,
        "notes": notes,
        "map": map_config([incident.municipality], points=[[incident.lat, incident.lng, incident.category.name]]),
    }
    return render(request, "incidents/detail.html", context, status=400 if form is not None and form.errors else 200)


@login_required
def incident_settings(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    """A municipality's categories (each tied to a focus area) and named places."""
    municipality, can_write = get_municipality_for_user(request, code)
    require_write(can_write)
    data = request.POST or None
    categories = category_formset(data, municipality=municipality)
    places = PlaceFormSet(data, prefix="places", queryset=NamedPlace.objects.filter(municipality=municipality))
    if request.method == "POST" and categories.is_valid() and places.is_valid():
        services.incident_settings_save(
            municipality=municipality,
            categories=categories.save(commit=False),
            places=places.save(commit=False),
            removed=places.deleted_objects,
        )
        messages.success(request, _("Saved."))
        return redirect("incident_settings", code=code)
    context = {"municipality": municipality, "categories": categories, "places": places}
    return render(request, "incidents/settings.html", context, status=400 if request.method == "POST" else 200)


@login_required
def incident_week(request: AuthenticatedHttpRequest) -> HttpResponse:
    municipalities = list(visible_municipalities(request.user))
    if not municipalities:
        raise Http404
    municipality, _can_write = get_municipality_for_user(request, request.GET.get("kommun", municipalities[0].code))
    form = WeekFilterForm(request.GET or None, municipalities=municipalities, initial={"kommun": municipality.code})
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    export = request.GET.get("export")
    if export and form.errors:  # an export is of the week asked for, or none
        raise BadRequest(" ".join(str(error) for errors in form.errors.values() for error in errors))
    week = data.get("week") or selectors.current_week(clock.today())
    form.initial["week"] = week
    filters = {"category__name": data.get("category"), "status": data.get("status")}
    view = selectors.weekly_view(municipality=municipality, week=week, no_place=_("No named place"), **filters)
    if export in {"csv", "xlsx"}:
        record_export(request, "incidents", municipality, detail=f"{week:%G-W%V} {export}")

        def shows_text(incident: Incident) -> bool:
            return reads_incident_text(
                request.user, organisation_id=incident.reporter_organisation_id, municipality_id=municipality.id
            )

        return _export(municipality.code, week, view.incidents, export, shows_text)
    context = {
        "form": form,
        "municipality": municipality,
        "view": view,
        "week_end": week + datetime.timedelta(days=6),
        "query": request.GET.urlencode(),
        "map": map_config([municipality], points=[[i.lat, i.lng, i.category.name] for i in view.incidents]),
    }
    return render(request, "incidents/week.html", context, status=form_status(form))


def _export(
    code: str, week: datetime.date, incidents: list[Incident], kind: str, shows_text: Callable[[Incident], bool]
) -> HttpResponse:
    name = f"incidenter-{code}-{week:%G-v%V}.{kind}"
    if kind == "csv":
        response = HttpResponse(selectors.incidents_csv(incidents, shows_text), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            selectors.incidents_xlsx(incidents, shows_text),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
