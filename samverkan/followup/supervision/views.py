from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samverkan.core.forms import form_status
from samverkan.followup.supervision import services
from samverkan.followup.supervision.forms import SupervisedObjectForm, VisitForm
from samverkan.followup.supervision.models import CHECKLIST
from samverkan.followup.supervision.selectors import objects_of, visible_visits
from samverkan.organisations.access import get_municipality_for_user, require_write, scope_for, visible_municipalities
from samverkan.organisations.http import AuthenticatedHttpRequest


@login_required
def supervision_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    visits = list(visible_visits(request.user))
    writable = scope_for(request.user).write_municipalities
    sections = [
        {
            "municipality": municipality,
            "can_write": municipality.id in writable,
            "visits": [visit for visit in visits if visit.object.municipality_id == municipality.id],
        }
        for municipality in visible_municipalities(request.user)
    ]
    return render(request, "supervision/list.html", {"sections": sections, "checklist": CHECKLIST})


@login_required
def visit_new(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    municipality, can_write = get_municipality_for_user(request, code)
    require_write(can_write)
    form = VisitForm(request.POST or None, objects=objects_of(municipality))
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_create(by=request.user, **form.service_arguments())
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The visit was recorded."))
            return redirect("supervision")
    context = {"form": form, "municipality": municipality}
    return render(request, "supervision/visit_form.html", context, status=form_status(form))


@login_required
def object_new(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    municipality, can_write = get_municipality_for_user(request, code)
    require_write(can_write)
    form = SupervisedObjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.supervised_object_create(municipality=municipality, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The object was added."))
            return redirect("supervision_visit_new", code=municipality.code)
    context = {"form": form, "municipality": municipality}
    return render(request, "supervision/object_form.html", context, status=form_status(form))
