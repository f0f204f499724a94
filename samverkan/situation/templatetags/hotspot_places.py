"""`{% load hotspot_places %}{% hotspot_rows data as rows %}`: the hotspot cells a picture shows, each with what
to call it (its nearest named place, organisations/places.py), for the table that links each to the map."""

from __future__ import annotations

from django import template

from samverkan.core.hexagons import centre
from samverkan.organisations.models import NamedPlace
from samverkan.organisations.places import place_name
from samverkan.situation.audience import ShownCell, ShownPicture

register = template.Library()


@register.simple_tag
def hotspot_rows(data: ShownPicture) -> list[tuple[ShownCell, str | None]]:
    """Only the cells the audience may see are named (the boundary has dropped the others already)."""
    places = list(NamedPlace.objects.filter(municipality__code=data.municipality))
    return [(cell, place_name(*centre(cell.h3), places)) for cell in data.hotspots]
