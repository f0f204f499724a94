"""`{% load named_places %}{% nearest_place lat lng municipality as nearest %}`: the point's distance from the
municipality's nearest named place ("1,2 km från Torget, Arjeplog"), "" when it has none."""

from __future__ import annotations

from django import template

from samverkan.organisations.models import Municipality, NamedPlace
from samverkan.organisations.places import nearest_named_place

register = template.Library()


@register.simple_tag
def nearest_place(lat: float, lng: float, municipality: Municipality) -> str:
    found = nearest_named_place(lat, lng, NamedPlace.objects.filter(municipality=municipality))
    return "" if found is None else found.text
