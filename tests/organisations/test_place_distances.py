"""The pure named-place helpers (organisations/lib/places.py): distances worked out by hand on the sphere."""

from __future__ import annotations

import math

import pytest

from samverkan.organisations.lib.places import PlacesError, great_circle_km, nearest, parse_places

# One degree along a meridian (or the equator) is 2πR/360 km on the sphere of radius R = 6371.0088 km.
DEGREE_KM = 2 * math.pi * 6371.0088 / 360


def test_it_measures_a_degree_of_latitude_and_of_longitude_on_the_equator():
    assert great_circle_km(66.0, 17.5, 67.0, 17.5) == pytest.approx(DEGREE_KM)
    assert great_circle_km(0.0, 10.0, 0.0, 11.0) == pytest.approx(DEGREE_KM)
    assert great_circle_km(66.05, 17.89, 66.05, 17.89) == 0


def test_it_shrinks_a_degree_of_longitude_with_the_cosine_of_the_latitude():
    # At 60° N a small step east is cos 60° = ½ as long as on the equator.
    assert great_circle_km(60.0, 17.0, 60.0, 17.01) == pytest.approx(DEGREE_KM * 0.01 / 2, rel=1e-4)


def test_it_finds_the_nearest_point_and_its_distance():
    points = [(66.10, 17.5), (66.01, 17.5), (65.0, 17.5)]
    assert nearest(66.0, 17.5, points) == (1, pytest.approx(0.01 * DEGREE_KM))
    assert nearest(66.0, 17.5, []) is None
    assert nearest(66.0, 17.5, [(66.1, 17.5), (65.9, 17.5)]) == (0, pytest.approx(0.1 * DEGREE_KM))  # the first


def test_it_parses_a_file_with_commas_or_semicolons_and_decimal_commas():
    text = (
        "municipality,name,kind,lat,lng\n"
        '2506,"Torget, Arjeplog",square,66.0515,17.8878\n'
        "\n"
        "2505,Moskosel,village,65.8667,19.45\n"
    )
    rows = parse_places(text, file="platser.csv")
    assert [(r.line, r.municipality, r.name, r.kind, r.lat, r.lng) for r in rows] == [
        (2, "2506", "Torget, Arjeplog", "square", 66.0515, 17.8878),
        (4, "2505", "Moskosel", "village", 65.8667, 19.45),
    ]
    semicolons = "\ufeffmunicipality;name;kind;lat;lng\n2506;Laisvall;village;66,0833;17,1667\n"
    assert [(r.name, r.lat, r.lng) for r in parse_places(semicolons, file="x.csv")] == [("Laisvall", 66.0833, 17.1667)]


def test_it_lists_every_problem_with_its_file_line_and_field():
    text = (
        "municipality,name,kind,lat,lng\n"
        "2506,Torget,square,66.05,17.88\n"
        "25,Skolan,school,66.05,17.88\n"
        "2506,,village,95,17.88\n"
        "2506,torget,castle,66.05,east\n"
        "2506,Hamnen,other\n"
    )
    with pytest.raises(PlacesError) as raised:
        parse_places(text, file="platser.csv")
    assert raised.value.problems == [
        "platser.csv:3: municipality: '25' is not a four-digit municipality code",
        "platser.csv:4: name: empty",
        "platser.csv:4: lat: '95' is not a latitude in decimal degrees (-90 to 90)",
        "platser.csv:5: name: 'torget' is already on line 2",
        "platser.csv:5: kind: 'castle' is not one of village, square, school, station, other",
        "platser.csv:5: lng: 'east' is not a longitude in decimal degrees (-180 to 180)",
        "platser.csv:6: row: expected 5 fields, found 3",
    ]


def test_it_refuses_a_file_without_the_header():
    with pytest.raises(PlacesError) as raised:
        parse_places("2506,Torget,square,66.05,17.88\n", file="platser.csv")
    assert raised.value.problems == [
        "platser.csv:1: header: expected municipality,name,kind,lat,lng, found 2506,torget,square,66.05,17.88"
    ]
