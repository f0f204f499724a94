"""Areas on the map: circles, polygons, the ring around them and the distance between their edges.

Expected values come from spherical trigonometry written here (the destination of a bearing and a distance),
not from the module's own projection."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan.organisations.lib.areas import (
    EARTH_RADIUS_M,
    NOT_A_CIRCLE_TEXT,
    NOT_A_RADIUS,
    NOT_SIMPLE,
    TOO_FEW_POINTS,
    Circle,
    Polygon,
    Ring,
    area_from_json,
    area_to_json,
    bbox_of,
    parse_circle,
)

ARJEPLOG = (66.05, 17.89)
SIDE_M = 1000.0


def destination(lat: float, lng: float, bearing_deg: float, metres: float) -> tuple[float, float]:
    """The point `metres` along the great circle from (lat, lng) at the bearing (degrees from north)."""
    phi, lam, theta, delta = math.radians(lat), math.radians(lng), math.radians(bearing_deg), metres / EARTH_RADIUS_M
    phi2 = math.asin(math.sin(phi) * math.cos(delta) + math.cos(phi) * math.sin(delta) * math.cos(theta))
    lam2 = lam + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi), math.cos(delta) - math.sin(phi) * math.sin(phi2)
    )
    return math.degrees(phi2), math.degrees(lam2)


def square(centre: tuple[float, float] = ARJEPLOG, side: float = SIDE_M) -> Polygon:
    """A square of the given side centred on centre, its corners along the diagonals."""
    half_diagonal = side / math.sqrt(2)
    return Polygon(tuple(destination(*centre, bearing, half_diagonal) for bearing in (45, 135, 225, 315)))


def inside(box: tuple[float, float, float, float], point: tuple[float, float]) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


bearings = st.floats(0, 360, exclude_max=True)
latitudes = st.floats(55.0, 69.0)  # Sweden
longitudes = st.floats(11.0, 24.0)
radii = st.floats(50.0, 5000.0)


@given(latitudes, longitudes, radii, bearings, st.floats(0.0, 0.99))
def test_it_holds_a_point_within_the_radius(lat, lng, radius, bearing, fraction):
    circle = Circle(lat, lng, radius)
    point = destination(lat, lng, bearing, fraction * radius)
    assert circle.contains(*point)
    assert inside(circle.bbox(), point)


@given(latitudes, longitudes, radii, bearings, st.floats(1.01, 3.0))
def test_it_leaves_out_a_point_beyond_the_radius(lat, lng, radius, bearing, factor):
    assert not Circle(lat, lng, radius).contains(*destination(lat, lng, bearing, factor * radius))


@given(latitudes, longitudes, radii, bearings, st.floats(0.0, 3.0))
def test_it_places_a_circles_ring_between_the_radius_and_twice_it(lat, lng, radius, bearing, factor):
    if min(abs(factor - 1), abs(factor - 2)) < 0.01:
        return  # too near an edge for the test's own rounding
    ring = Ring(Circle(lat, lng, radius))
    point = destination(lat, lng, bearing, factor * radius)
    assert ring.contains(*point) == (1 < factor < 2)
    if factor < 2:
        assert inside(ring.bbox(), point)


def test_it_answers_many_points_as_it_answers_one():
    circle = Circle(*ARJEPLOG, 400)
    polygon = square()
    points = [destination(*ARJEPLOG, bearing, metres) for bearing in range(0, 360, 30) for metres in (100, 550, 900)]
    for region in (circle, polygon, Ring(circle), Ring(polygon)):
        assert region.contains_each(points) == [region.contains(*point) for point in points]
    assert circle.contains_each([]) == polygon.contains_each([]) == Ring(circle).contains_each([]) == []


def test_it_measures_the_gap_between_two_circles_along_the_meridian():
    north = (ARJEPLOG[0] + 0.02, ARJEPLOG[1])
    between = math.radians(0.02) * EARTH_RADIUS_M  # along a meridian, on the sphere
    assert Circle(*ARJEPLOG, 300).distance_m(Circle(*north, 500)) == pytest.approx(between - 800, abs=0.01)
    assert Circle(*ARJEPLOG, 1500).distance_m(Circle(*north, 1000)) == 0.0


@given(bearings, st.floats(0.0, 0.49))
def test_it_holds_a_point_inside_the_square(bearing, fraction):
    # Within half a side of the centre is inside the square whatever the bearing.
    polygon = square()
    point = destination(*ARJEPLOG, bearing, fraction * SIDE_M)
    assert polygon.contains(*point)
    assert inside(polygon.bbox(), point)


@given(bearings, st.floats(0.72, 2.0))
def test_it_leaves_out_a_point_beyond_the_squares_corners(bearing, fraction):
    # Beyond half the diagonal (0.707 sides) from the centre is outside the square whatever the bearing.
    assert not square().contains(*destination(*ARJEPLOG, bearing, fraction * SIDE_M))


def test_it_measures_a_polygon():
    polygon = square()
    # The projection is on the ellipsoid, the square was laid out on the sphere: they agree to a few tenths of a %.
    assert polygon.area_m2() == pytest.approx(SIDE_M**2, rel=0.01)
    assert polygon.equal_area_radius_m() == pytest.approx(SIDE_M / math.sqrt(math.pi), rel=0.01)
    assert polygon.centre() == pytest.approx(ARJEPLOG, abs=1e-5)


def test_it_measures_a_polygons_ring_from_its_edge():
    polygon = square()
    ring = Ring(polygon)
    width = SIDE_M / math.sqrt(math.pi)  # the radius of the circle with the square's area
    assert ring.width_m == pytest.approx(width, rel=0.01)
    for bearing in (0, 90, 180, 270):  # straight out through the middle of each side
        assert not ring.contains(*destination(*ARJEPLOG, bearing, SIDE_M / 2 - 50))
        assert ring.contains(*destination(*ARJEPLOG, bearing, SIDE_M / 2 + 50))
        assert ring.contains(*destination(*ARJEPLOG, bearing, SIDE_M / 2 + 0.97 * width))
        assert not ring.contains(*destination(*ARJEPLOG, bearing, SIDE_M / 2 + 1.03 * width))
        assert inside(ring.bbox(), destination(*ARJEPLOG, bearing, SIDE_M / 2 + 0.99 * width))


def test_it_measures_the_gap_between_a_polygon_and_a_circle_or_another_polygon():
    polygon = square()
    east = destination(*ARJEPLOG, 90, 2000)
    # The square's east side is half a side east of the centre: the gap to a 300 m circle 2 km east is 1200 m.
    assert polygon.distance_m(Circle(*east, 300)) == pytest.approx(2000 - SIDE_M / 2 - 300, rel=0.01)
    assert Circle(*east, 300).distance_m(polygon) == polygon.distance_m(Circle(*east, 300))
    assert polygon.distance_m(square(east)) == pytest.approx(2000 - SIDE_M, rel=0.01)
    assert polygon.distance_m(Circle(*ARJEPLOG, 100)) == 0.0  # the circle lies within the square
    assert polygon.distance_m(square(destination(*ARJEPLOG, 90, 800))) == 0.0  # overlapping


def test_it_takes_a_closed_ring_of_points_as_the_same_polygon():
    points = square().points
    assert Polygon((*points, points[0])) == square()


@pytest.mark.parametrize(
    ("points", "error"),
    [
        (((66.0, 17.0), (66.01, 17.0)), TOO_FEW_POINTS.format(count=2)),
        (((66.0, 17.0), (66.01, 17.0), (66.0, 17.0)), TOO_FEW_POINTS.format(count=2)),
        (((66.0, 17.0), (66.01, 17.01), (66.0, 17.01), (66.01, 17.0)), NOT_SIMPLE),  # a bow tie
        (((66.0, 17.0), (66.01, 17.0), (66.02, 17.0)), NOT_SIMPLE),  # on one line
    ],
)
def test_it_refuses_a_polygon_that_is_not_one(points, error):
    with pytest.raises(ValueError, match=re_escape(error)):
        Polygon(points)


def re_escape(text: str) -> str:
    return "^" + re.escape(text) + "$"


@pytest.mark.parametrize(("lat", "lng", "radius"), [(91, 17, 100), (66, 181, 100), (66, 17, 0), (66, 17, math.nan)])
def test_it_refuses_a_circle_off_the_map_or_without_a_radius(lat, lng, radius):
    with pytest.raises(ValueError):
        Circle(lat, lng, radius)


@given(latitudes, longitudes, radii)
def test_it_writes_a_circle_to_json_and_reads_it_back(lat, lng, radius):
    circle = Circle(lat, lng, radius)
    assert area_from_json(area_to_json(circle)) == circle


def test_it_writes_a_polygon_to_json_and_reads_it_back():
    assert area_to_json(square())["type"] == "polygon"
    assert area_from_json(area_to_json(square())) == square()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"type": "circle", "lat": 66.0, "lng": 17.0},
        {"type": "circle", "lat": "66", "lng": 17.0, "radius_m": 100},
        {"type": "circle", "lat": 66.0, "lng": 17.0, "radius_m": True},
        {"type": "circle", "lat": 66.0, "lng": 17.0, "radius_m": -5},
        {"type": "polygon", "points": [[66.0, 17.0], [66.1, 17.0]]},
        {"type": "polygon", "points": [[66.0], [66.1, 17.0], [66.1, 17.1]]},
        {"type": "square", "lat": 66.0, "lng": 17.0, "radius_m": 100},
    ],
)
def test_it_refuses_json_that_is_not_an_area(data):
    with pytest.raises(ValueError):
        area_from_json(data)


def test_it_reads_a_circle_from_the_command_line():
    assert parse_circle("66.05, 17.89,300") == Circle(66.05, 17.89, 300.0)
    with pytest.raises(ValueError, match=re_escape(NOT_A_CIRCLE_TEXT.format(text="66.05,17.89"))):
        parse_circle("66.05,17.89")
    with pytest.raises(ValueError, match=re_escape(NOT_A_CIRCLE_TEXT.format(text="66.05,x,300"))):
        parse_circle("66.05,x,300")
    with pytest.raises(ValueError, match=re_escape(NOT_A_RADIUS.format(value=-3.0, maximum=100_000.0))):
        parse_circle("66.05,17.89,-3")


def test_it_boxes_several_regions_together():
    a, b = Circle(*ARJEPLOG, 200), square(destination(*ARJEPLOG, 90, 5000))
    box = bbox_of([a, b, Ring(a)])
    assert box == (
        min(a.bbox()[0], b.bbox()[0], Ring(a).bbox()[0]),
        min(a.bbox()[1], b.bbox()[1], Ring(a).bbox()[1]),
        max(a.bbox()[2], b.bbox()[2], Ring(a).bbox()[2]),
        max(a.bbox()[3], b.bbox()[3], Ring(a).bbox()[3]),
    )
