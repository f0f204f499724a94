"""Coordinate systems: Swedish SWEREF 99 TM (EPSG:3006) to WGS84 (EPSG:4326). No Django here."""

from __future__ import annotations

from pyproj import Transformer

_SWEREF99TM_TO_WGS84 = Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True)


def sweref99tm_to_wgs84(northing: float, easting: float) -> tuple[float, float]:
    """(lat, lng) in WGS84 for a SWEREF 99 TM coordinate (N, E) in metres."""
    lng, lat = _SWEREF99TM_TO_WGS84.transform(easting, northing)
    return lat, lng
