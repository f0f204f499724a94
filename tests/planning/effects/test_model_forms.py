"""The area form: what it refuses (with a message beside the field, keeping what was typed) and what it stores."""

from __future__ import annotations

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils.html import escape

from samverkan.organisations.lib.areas import Circle, Polygon, area_from_json
from samverkan.planning.effects import forms
from samverkan.planning.effects.models import Intervention
from tests.planning.effects.places import FAR, LIT, NEAR, OVERLAPPING, form_data

pytestmark = pytest.mark.django_db


def url(lit) -> str:
    return reverse("intervention_edit", args=[lit.activity.pk])


def post(client, world, lit, **values: object):
    client.force_login(world.alice)
    return client.post(url(lit), form_data(**values))


def test_it_saves_a_point_with_a_radius_and_a_comparison_place(client, world, lit):
    response = post(client, world, lit, categories=["Skadegörelse"])
    assert response.status_code == 302
    assert response["Location"] == lit.activity.get_absolute_url()
    intervention = Intervention.objects.get(activity=lit.activity)
    assert area_from_json(intervention.area) == Circle(LIT[0], LIT[1], 150.0)
    # The comparison's radius, left empty, is the area's.
    assert area_from_json(intervention.comparison) == Circle(FAR[0], FAR[1], 150.0)
    assert intervention.comparison_name == "Skolan"
    assert intervention.radius_m == 150
    assert intervention.starts_on.isoformat() == "2025-09-01"
    assert intervention.ends_on is None
    assert intervention.categories == ["Skadegörelse"]
    assert intervention.created_by == world.alice


def test_it_takes_a_named_place_for_the_point_and_for_the_comparison(client, world, lit):
    response = post(
        client,
        world,
        lit,
        lat="",
        lng="",
        place=lit.square.pk,
        comparison_lat="",
        comparison_lng="",
        comparison_place=lit.school.pk,
        comparison_name="",
        radius_m=200,
    )
    assert response.status_code == 302
    intervention = Intervention.objects.get(activity=lit.activity)
    assert area_from_json(intervention.area) == Circle(LIT[0], LIT[1], 200.0)
    assert intervention.place == lit.square
    assert area_from_json(intervention.comparison) == Circle(FAR[0], FAR[1], 200.0)
    assert intervention.comparison_name == "Skolan"  # the named place's name when none is typed


def test_it_saves_a_polygon_typed_as_coordinates(client, world, lit):
    corners = "66.049, 17.888\n66.051 17.888\n66.051,17.892\n66.049, 17.892"
    response = post(client, world, lit, lat="", lng="", radius_m="", polygon=corners)
    assert response.status_code == 302
    intervention = Intervention.objects.get(activity=lit.activity)
    area = area_from_json(intervention.area)
    assert area == Polygon(((66.049, 17.888), (66.051, 17.888), (66.051, 17.892), (66.049, 17.892)))
    assert intervention.radius_m is None
    # The comparison circle has the polygon's area: 222 m × 181 m is the circle of radius √(A/π).
    comparison = area_from_json(intervention.comparison)
    assert isinstance(comparison, Circle)
    assert comparison.radius_m == pytest.approx((area.area_m2() / 3.141592653589793) ** 0.5, abs=0.5)


def test_it_changes_the_stored_area_instead_of_adding_one(client, world, lit):
    post(client, world, lit)
    post(client, world, lit, radius_m=120)
    assert Intervention.objects.filter(activity=lit.activity).count() == 1
    assert Intervention.objects.get().radius_m == 120


@pytest.mark.parametrize(("radius", "typed"), [("0", 'value="0"'), ("-50", 'value="-50"')])
def test_it_refuses_a_radius_of_zero_or_less(client, world, lit, radius, typed):
    response = post(client, world, lit, radius_m=radius, comparison_name="Skolan vid kyrkan")
    assert response.status_code == 400
    assert response.context["form"].errors["radius_m"] == [str(forms.RADIUS_NOT_POSITIVE)]
    body = response.content.decode()
    assert escape(str(forms.RADIUS_NOT_POSITIVE)) in body
    assert typed in body and 'value="Skolan vid kyrkan"' in body  # what was typed stays
    assert not Intervention.objects.exists()


def test_it_refuses_a_polygon_of_two_points(client, world, lit):
    response = post(client, world, lit, lat="", lng="", polygon="66.049, 17.888\n66.051, 17.888")
    assert response.status_code == 400
    assert response.context["form"].errors["polygon"] == [str(forms.POLYGON_TOO_FEW)]
    assert "66.051, 17.888" in response.content.decode()
    assert not Intervention.objects.exists()


def test_it_names_the_line_that_is_not_a_point(client, world, lit):
    response = post(client, world, lit, lat="", lng="", polygon="66.049, 17.888\nvid kyrkan\n66.051, 17.892")
    assert response.context["form"].errors["polygon"] == [str(forms.POLYGON_LINE % {"line": 2})]


def test_it_refuses_a_polygon_and_a_point_at_once(client, world, lit):
    response = post(client, world, lit, polygon="66.049, 17.888\n66.051, 17.888\n66.051, 17.892")
    assert response.context["form"].errors["polygon"] == [str(forms.AREA_TWICE)]


def test_it_refuses_a_comparison_place_overlapping_the_area(client, world, lit):
    response = post(client, world, lit, comparison_lat=OVERLAPPING[0], comparison_lng=OVERLAPPING[1])
    assert response.status_code == 400
    assert response.context["form"].errors["comparison_lat"] == [str(forms.COMPARISON_OVERLAPS % {"minimum": 500})]
    assert f'value="{OVERLAPPING[0]}"' in response.content.decode()
    assert not Intervention.objects.exists()


def test_it_refuses_a_comparison_place_closer_than_500_metres(client, world, lit):
    response = post(client, world, lit, comparison_lat=NEAR[0], comparison_lng=NEAR[1])
    assert response.status_code == 400
    # 0.004° of latitude is 444.8 m; less the two radii of 150 m, 145 m.
    [error] = response.context["form"].errors["comparison_lat"]
    assert error == str(forms.COMPARISON_TOO_CLOSE % {"distance": "145", "minimum": 500})


@pytest.mark.parametrize("start", ["2024-12-31", "2027-01-01"])
def test_it_refuses_a_start_outside_the_activity(client, world, lit, start):
    response = post(client, world, lit, starts_on=start)
    assert response.status_code == 400
    expected = forms.START_OUTSIDE % {"start": "2025-01-01", "end": "2026-12-31"}
    assert response.context["form"].errors["starts_on"] == [str(expected)]
    assert f'value="{start}"' in response.content.decode()


def test_it_refuses_an_end_before_the_start(client, world, lit):
    response = post(client, world, lit, ends_on="2025-08-01")
    assert response.context["form"].errors["ends_on"] == [str(forms.END_BEFORE_START)]


def test_it_asks_for_a_place_and_a_name(client, world, lit):
    response = post(client, world, lit, lat="", lng="", comparison_lat="", comparison_lng="", comparison_name="")
    errors = response.context["form"].errors
    assert errors["lat"] == [str(forms.AREA_REQUIRED)]
    assert errors["comparison_lat"] == [str(forms.COMPARISON_REQUIRED)]


def test_it_removes_the_area(client, world, lit):
    post(client, world, lit)
    response = client.post(url(lit), {"remove": "1"})
    assert response.status_code == 302
    assert not Intervention.objects.exists()


def test_an_activity_has_one_intervention(world, lit):
    values = {"area": {}, "comparison": {}, "comparison_name": "x", "starts_on": lit.activity.starts_on}
    Intervention.objects.create(activity=lit.activity, **values)
    with pytest.raises(IntegrityError):
        Intervention.objects.create(activity=lit.activity, **values)
