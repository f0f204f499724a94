from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from samverkan.core import clock
from samverkan.organisations.access import get_municipality_for_user, visible_municipalities
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.sources.police_events.forms import PeriodForm
from samverkan.sources.police_events.series import police_event_series, police_events_in

PER_PAGE = 25


@login_required
def police_events_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    municipalities = visible_municipalities(request.user)
    code = request.GET.get("kommun") or municipalities.values_list("code", flat=True).first()
    context: dict = {"municipalities": municipalities}
    if code is None:
        return render(request, "police_events/list.html", context)
    municipality, _can_write = get_municipality_for_user(request, code)
    form = PeriodForm(request.GET, today=clock.today())
    context.update(municipality=municipality, form=form)
    if not form.is_valid():
        return render(request, "police_events/list.html", context, status=400)
    period = {"municipality": municipality, "start": form.cleaned_data["from"], "end": form.cleaned_data["to"]}
    series = police_event_series(**period)
    context.update(
        by_type=list(series.by_type().values()),
        total=series.total(),
        by_month=[(datetime.date(year, month, 1), count) for (year, month), count in series.by_month().items()],
        page=Paginator(police_events_in(**period), PER_PAGE).get_page(request.GET.get("sida")),
    )
    return render(request, "police_events/list.html", context)
