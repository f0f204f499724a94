"""Areas on the map as plain data: a circle (a point and a radius) or a polygon, the ring around either, and the
edge-to-edge distance between two areas. No Django here (the import-linter contract "The pure modules import no
Django").

Lengths are in metres. A circle is measured along the sphere (haversine, the mean earth radius); a polygon in a
local azimuthal equidistant projection (WGS84) centred on its vertices, where distances of a few kilometres are
exact to well under a metre. Points on an edge count as inside.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import numpy as np
import shapely
from pyproj import CRS, Transformer
from shapely.geometry import Polygon as ShapelyPolygon
from shapely.geometry.base import BaseGeometry

from samverkan.organisations.lib.places import EARTH_RADIUS_KM, great_circle_m

EARTH_RADIUS_M = EARTH_RADIUS_KM * 1000
METRES_PER_DEGREE = EARTH_RADIUS_M * math.pi / 180
RADIUS_MAX_M = 100_000.0
POINTS_MAX = 500
# A bounding box is a prefilter: it may take in a little more than the area, never less.
BBOX_MARGIN_M = 1.0

NOT_A_LATITUDE = "{value!r} is not a latitude in decimal degrees (-90 to 90)"
NOT_A_LONGITUDE = "{value!r} is not a longitude in decimal degrees (-180 to 180)"
NOT_A_RADIUS = "{value!r} is not a radius in metres (above 0, at most {maximum:g})"
TOO_FEW_POINTS = "a polygon needs at least 3 distinct points, not {count}"
TOO_MANY_POINTS = "a polygon has at most {maximum} points, not {count}"
NOT_SIMPLE = "the polygon's edges cross each other, or it encloses nothing"
NOT_A_FACTOR = "{value!r} is not a ring factor (above 1, at most 10)"
NOT_A_CIRCLE_TEXT = "{text!r} is not LAT,LNG,RADIUS_M (e.g. 65.83,17.72,300)"
UNKNOWN_JSON = "{data!r} is not an area (a circle with lat, lng and radius_m, or a polygon with points)"


def _check_point(lat: float, lng: float) -> None:
    if not (isinstance(lat, int | float) and math.isfinite(lat) and -90 <= lat <= 90):
        raise ValueError(NOT_A_LATITUDE.format(value=lat))
    if not (isinstance(lng, int | float) and math.isfinite(lng) and -180 <= lng <= 180):
        raise ValueError(NOT_A_LONGITUDE.format(value=lng))


@lru_cache(maxsize=256)
def _projection(lat0: float, lng0: float) -> tuple[Transformer, Transformer]:
    """To and from a local azimuthal equidistant projection (metres) centred on (lat0, lng0)."""
    local = CRS.from_dict({"proj": "aeqd", "lat_0": lat0, "lon_0": lng0, "datum": "WGS84", "units": "m"})
    return (
        Transformer.from_crs("EPSG:4326", local, always_xy=True),
        Transformer.from_crs(local, "EPSG:4326", always_xy=True),
    )


def _project(origin: tuple[float, float], lats: Any, lngs: Any) -> tuple[Any, Any]:
    forward, _ = _projection(*origin)
    return forward.transform(lngs, lats)


def _bbox_around(
    min_lat: float, min_lng: float, max_lat: float, max_lng: float, metres: float
) -> tuple[float, float, float, float]:
    """A box that takes in every point within `metres` of the given box."""
    dlat = (metres + BBOX_MARGIN_M) / METRES_PER_DEGREE
    low, high = max(-90.0, min_lat - dlat), min(90.0, max_lat + dlat)
    widest = max(abs(low), abs(high))
    cos = math.cos(math.radians(widest))
    dlng = 180.0 if cos < 1e-6 else min(180.0, dlat / cos)
    return low, max(-180.0, min_lng - dlng), high, min(180.0, max_lng + dlng)


@dataclass(frozen=True)
class Circle:
    """Everything within radius_m of (lat, lng), along the sphere."""

    lat: float
    lng: float
    radius_m: float

    def __post_init__(self) -> None:
        _check_point(self.lat, self.lng)
        radius = self.radius_m
        if not (isinstance(radius, int | float) and math.isfinite(radius) and 0 < radius <= RADIUS_MAX_M):
            raise ValueError(NOT_A_RADIUS.format(value=radius, maximum=RADIUS_MAX_M))

    def contains(self, lat: float, lng: float) -> bool:
        return bool(great_circle_m(self.lat, self.lng, lat, lng) <= self.radius_m)

    def contains_each(self, points: Sequence[tuple[float, float]]) -> list[bool]:
        """contains() for many (lat, lng) points at once."""
        if not points:
            return []
        lats, lngs = np.asarray(points, dtype=float).T
        return [bool(inside) for inside in great_circle_m(self.lat, self.lng, lats, lngs) <= self.radius_m]

    def bbox(self) -> tuple[float, float, float, float]:
        """(min_lat, min_lng, max_lat, max_lng) taking in the whole circle."""
        return _bbox_around(self.lat, self.lng, self.lat, self.lng, self.radius_m)

    def centre(self) -> tuple[float, float]:
        return self.lat, self.lng

    def area_m2(self) -> float:
        return math.pi * self.radius_m**2

    def equal_area_radius_m(self) -> float:
        return self.radius_m

    def distance_m(self, other: Area) -> float:
        """The distance between the two areas' edges; 0 when they overlap or touch."""
        if isinstance(other, Circle):
            between = float(great_circle_m(self.lat, self.lng, other.lat, other.lng))
            return max(0.0, between - self.radius_m - other.radius_m)
        return other.distance_m(self)


@dataclass(frozen=True)
class Polygon:
    """A simple polygon given by its corners as (lat, lng), in order; the first is not repeated at the end."""

    points: tuple[tuple[float, float], ...]

    def __post_init__(self) -> None:
        points = tuple((float(lat), float(lng)) for lat, lng in self.points)
        if len(points) > 1 and points[0] == points[-1]:
            points = points[:-1]
        for lat, lng in points:
            _check_point(lat, lng)
        if len(points) > POINTS_MAX:
            raise ValueError(TOO_MANY_POINTS.format(maximum=POINTS_MAX, count=len(points)))
        if len(set(points)) < 3:
            raise ValueError(TOO_FEW_POINTS.format(count=len(set(points))))
        object.__setattr__(self, "points", points)
        if not self._local.is_valid or self._local.area < 1.0:  # square metres
            raise ValueError(NOT_SIMPLE)

    @cached_property
    def _origin(self) -> tuple[float, float]:
        lats, lngs = zip(*self.points, strict=True)
        return (min(lats) + max(lats)) / 2, (min(lngs) + max(lngs)) / 2

    @cached_property
    def _local(self) -> ShapelyPolygon:
        lats, lngs = zip(*self.points, strict=True)
        xs, ys = _project(self._origin, lats, lngs)
        polygon = ShapelyPolygon(list(zip(xs, ys, strict=True)))
        shapely.prepare(polygon)
        return polygon

    def _local_points(self, points: Sequence[tuple[float, float]]) -> tuple[Any, Any]:
        lats, lngs = np.asarray(points, dtype=float).T
        return _project(self._origin, lats, lngs)

    def contains(self, lat: float, lng: float) -> bool:
        return self.contains_each([(lat, lng)])[0]

    def contains_each(self, points: Sequence[tuple[float, float]]) -> list[bool]:
        if not points:
            return []
        xs, ys = self._local_points(points)
        return [bool(inside) for inside in shapely.intersects_xy(self._local, xs, ys)]

    def distances_m(self, points: Sequence[tuple[float, float]]) -> list[float]:
        """Each point's distance to the polygon; 0 inside or on an edge."""
        if not points:
            return []
        xs, ys = self._local_points(points)
        return [float(d) for d in shapely.distance(self._local, shapely.points(xs, ys))]

    def bbox(self) -> tuple[float, float, float, float]:
        lats, lngs = zip(*self.points, strict=True)
        box = min(lats), min(lngs), max(lats), max(lngs)
        # An edge is straight in the projection, a little bowed in degrees: a margin far above the bow.
        diagonal = float(great_circle_m(box[0], box[1], box[2], box[3]))
        return _bbox_around(*box, 2 * diagonal**2 / EARTH_RADIUS_M)

    def centre(self) -> tuple[float, float]:
        """The polygon's centroid."""
        centroid = self._local.centroid
        _, back = _projection(*self._origin)
        lng, lat = back.transform(centroid.x, centroid.y)
        return float(lat), float(lng)

    def area_m2(self) -> float:
        return float(self._local.area)

    def equal_area_radius_m(self) -> float:
        """The radius of the circle with the polygon's area."""
        return math.sqrt(self.area_m2() / math.pi)

    def _geometry_in(self, origin: tuple[float, float]) -> BaseGeometry:
        lats, lngs = zip(*self.points, strict=True)
        xs, ys = _project(origin, lats, lngs)
        return ShapelyPolygon(list(zip(xs, ys, strict=True)))

    def distance_m(self, other: Area) -> float:
        """The distance between the two areas' edges; 0 when they overlap or touch."""
        if isinstance(other, Circle):
            return max(0.0, self.distances_m([(other.lat, other.lng)])[0] - other.radius_m)
        (lat1, lng1), (lat2, lng2) = self._origin, other._origin
        origin = ((lat1 + lat2) / 2, (lng1 + lng2) / 2)
        return float(self._geometry_in(origin).distance(other._geometry_in(origin)))


type Area = Circle | Polygon


@dataclass(frozen=True)
class Ring:
    """The band around an area: outside it, and within (outer_factor - 1) × its radius of its edge. A circle's
    ring runs from its radius to outer_factor × its radius; a polygon's is as wide as (outer_factor - 1) × the
    radius of the circle with its area. Where displacement (or a diffusion of benefits) would show."""

    inner: Area
    outer_factor: float = 2.0

    def __post_init__(self) -> None:
        factor = self.outer_factor
        if not (isinstance(factor, int | float) and math.isfinite(factor) and 1 < factor <= 10):
            raise ValueError(NOT_A_FACTOR.format(value=factor))

    @property
    def width_m(self) -> float:
        return (self.outer_factor - 1) * self.inner.equal_area_radius_m()

    def contains(self, lat: float, lng: float) -> bool:
        return self.contains_each([(lat, lng)])[0]

    def contains_each(self, points: Sequence[tuple[float, float]]) -> list[bool]:
        if not points:
            return []
        inner = self.inner
        if isinstance(inner, Circle):
            lats, lngs = np.asarray(points, dtype=float).T
            distances = great_circle_m(inner.lat, inner.lng, lats, lngs)
            outer = inner.radius_m * self.outer_factor
            return [bool(inner.radius_m < d <= outer) for d in distances]
        return [0 < d <= self.width_m for d in inner.distances_m(points)]

    def bbox(self) -> tuple[float, float, float, float]:
        if isinstance(self.inner, Circle):
            return _bbox_around(self.inner.lat, self.inner.lng, self.inner.lat, self.inner.lng, self.outer_radius_m())
        return _bbox_around(*self.inner.bbox(), self.width_m)

    def outer_radius_m(self) -> float:
        """How far the ring reaches from a circle's centre (for a polygon: from its edge plus its equal-area
        radius)."""
        return self.inner.equal_area_radius_m() * self.outer_factor

    def centre(self) -> tuple[float, float]:
        return self.inner.centre()


type Region = Circle | Polygon | Ring


def area_to_json(area: Area) -> dict[str, Any]:
    if isinstance(area, Circle):
        return {"type": "circle", "lat": area.lat, "lng": area.lng, "radius_m": area.radius_m}
    return {"type": "polygon", "points": [[lat, lng] for lat, lng in area.points]}


def area_from_json(data: Mapping[str, Any]) -> Area:
    """The area area_to_json wrote; ValueError for anything else."""
    if not isinstance(data, Mapping):
        raise ValueError(UNKNOWN_JSON.format(data=data))
    kind = data.get("type")
    try:
        if kind == "circle" and set(data) == {"type", "lat", "lng", "radius_m"}:
            return Circle(_float(data["lat"]), _float(data["lng"]), _float(data["radius_m"]))
        if kind == "polygon" and set(data) == {"type", "points"} and isinstance(data["points"], list):
            return Polygon(tuple(_pair(point) for point in data["points"]))
    except (TypeError, KeyError) as error:
        raise ValueError(UNKNOWN_JSON.format(data=data)) from error
    raise ValueError(UNKNOWN_JSON.format(data=data))


def _float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(value)
    return float(value)


def _pair(point: object) -> tuple[float, float]:
    if not isinstance(point, list | tuple) or len(point) != 2:
        raise TypeError(point)
    return _float(point[0]), _float(point[1])


def parse_circle(text: str) -> Circle:
    """`LAT,LNG,RADIUS_M` (decimal points; spaces allowed) as a Circle; ValueError saying what is wrong."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 3:
        raise ValueError(NOT_A_CIRCLE_TEXT.format(text=text))
    try:
        lat, lng, radius = (float(part) for part in parts)
    except ValueError as error:
        raise ValueError(NOT_A_CIRCLE_TEXT.format(text=text)) from error
    return Circle(lat, lng, radius)


def bbox_of(regions: Iterable[Region]) -> tuple[float, float, float, float]:
    """The box taking in all the regions."""
    boxes = [region.bbox() for region in regions]
    return (
        min(box[0] for box in boxes),
        min(box[1] for box in boxes),
        max(box[2] for box in boxes),
        max(box[3] for box in boxes),
    )
