"""The named places' JSON for the maps' point pickers: public, since citizens pick points too (the survey's
pin, the citizens' reports). Named places are public facts (a village, a square, a station)."""

from __future__ import annotations

import math
import re

from django.db.models import Q
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samverkan.organisations.models import Municipality, NamedPlace
from samverkan.organisations.places import nearest_named_place

CODES = re.compile(r"^\d{4}(,\d{4})*$")
SEARCH_LIMIT = 10


def _coordinate(text: str | None, limit: float) -> float | None:
    try:
        value = float((text or "").replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) and -limit <= value <= limit else None


@require_GET
def named_places(request: HttpRequest, codes: str) -> JsonResponse:
    """GET /platser/2506/?q=tor: the places whose name contains q (all without q), {"places": [...]};
    GET /platser/2506,2505/?lat=66.05&lng=17.9: the nearest of them, {"nearest": {...} or null}."""
    wanted = codes.split(",") if CODES.match(codes) else []
    municipalities = list(Municipality.objects.filter(code__in=wanted))
    if not wanted or len(municipalities) != len(set(wanted)):
        raise Http404
    places = NamedPlace.objects.filter(municipality__in=municipalities)
    if "lat" in request.GET or "lng" in request.GET:
        lat, lng = _coordinate(request.GET.get("lat"), 90), _coordinate(request.GET.get("lng"), 180)
        if lat is None or lng is None:
            return JsonResponse({"error": _("lat and lng must be decimal degrees.")}, status=400)
        found = nearest_named_place(lat, lng, places)
        if found is None:
            return JsonResponse({"nearest": None, "text": _("This municipality has no named places yet.")})
        return JsonResponse(
            {
                "nearest": {"id": found.place.id, "name": found.place.name, "km": round(found.km, 3)},
                "text": found.text,
                "far": found.far,
                "warning": found.warning,
            }
        )
    query = request.GET.get("q", "").strip()[:100]
    if query:
        words = query.split()
        condition = Q()
        for word in words:
            condition &= Q(name__icontains=word)
        places = places.filter(condition)
    found_places = list(places.order_by("name")[: SEARCH_LIMIT if query else None])
    if query:  # names that start with the query first: "Arv" finds Arvidsjaur before "Torget, Arvidsjaur"
        found_places.sort(key=lambda p: not p.name.casefold().startswith(query.casefold()))
    return JsonResponse(
        {
            "places": [
                {"id": p.id, "name": p.name, "kind": p.get_kind_display(), "lat": p.lat, "lng": p.lng}
                for p in found_places
            ]
        }
    )
