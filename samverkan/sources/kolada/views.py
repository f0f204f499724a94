from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from samverkan.organisations.access import visible_municipalities
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.sources.kolada.selectors import kpi_table


@login_required
def kolada_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    tables = [kpi_table(municipality=municipality) for municipality in visible_municipalities(request.user)]
    return render(request, "kolada/list.html", {"tables": tables})
