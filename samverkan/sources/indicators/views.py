from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from samverkan.organisations.access import owns_municipality, visible_municipalities
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.sources.indicators.selectors import indicator_table


@login_required
def indicators_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    tables = [
        indicator_table(municipality=municipality, owner=owns_municipality(request.user, municipality))
        for municipality in visible_municipalities(request.user)
    ]
    return render(request, "indicators/list.html", {"tables": tables})
