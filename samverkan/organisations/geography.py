"""Points, boundaries and coordinate systems."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache

from django.conf import settings
from pyproj import Transformer
from shapely.geometry import Point, shape
from shapely.prepared import PreparedGeometry, prep

from samverkan.organisations.models import Municipality

_SWEREF99TM_TO_WGS84 = Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True)


def sweref99tm_to_wgs84(northing: float, easting: float) -> tuple[float, float]:
    """(lat, lng) in WGS84 for a SWEREF 99 TM coordinate (N, E) in metres."""
    lng, lat = _SWEREF99TM_TO_WGS84.transform(easting, northing)
    return lat, lng


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
    """The settings a [data-map] element reads (see static/map.js)."""
    return {
        "boundaries": {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"name": m.name}, "geometry": m.boundary} for m in municipalities
            ],
        },
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        **extra,
    }
