"""Points inside municipality boundaries, and the maps that show them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache

from django.conf import settings
from django.urls import reverse
from shapely.geometry import Point, shape
from shapely.prepared import PreparedGeometry, prep

from samverkan.organisations.models import Municipality


@cache
def _prepared(boundary_json: str) -> PreparedGeometry:
    return prep(shape(json.loads(boundary_json)))


def municipality_at(lat: float, lng: float, candidates: Iterable[Municipality]) -> Municipality | None:
    """The first of the candidates whose boundary contains the point (WGS84)."""
    point = Point(lng, lat)
    for municipality in candidates:
        if _prepared(json.dumps(municipality.boundary, sort_keys=True)).contains(point):
            return municipality
    return None


def map_config(municipalities: Iterable[Municipality], **extra) -> dict:
    """The settings a [data-map] element reads (see static/map.js); places_url is where a point picker searches
    the municipalities' named places and asks for the nearest one."""
    municipalities = list(municipalities)
    codes = ",".join(sorted(m.code for m in municipalities))
    return {
        "boundaries": {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"name": m.name}, "geometry": m.boundary} for m in municipalities
            ],
        },
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "places_url": reverse("named_places", args=[codes]) if codes else "",
        **extra,
    }
