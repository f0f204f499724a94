from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from samverkan.organisations.access import visible_municipalities
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.sources.bra.selectors import crime_table_for


@login_required
def bra_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    tables = [crime_table_for(municipality=m) for m in visible_municipalities(request.user)]
    return render(request, "bra/list.html", {"tables": tables})
