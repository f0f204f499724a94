"""The municipalities' named places: loading them from a CSV file (lib/places.py's format), all or nothing,
and naming a point by its nearest place ("1,2 km från Torget, Arjeplog")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from samverkan.organisations.lib.places import PlacesError, nearest, parse_places
from samverkan.organisations.models import Municipality, NamedPlace

BUNDLED = Path(__file__).parent / "data" / "named_places.csv"
# A point further than this from every named place is probably a slip of the mouse: the pickers say so.
FAR_KM = 5.0
# Within this a point is called by the place's name alone ("Torget, Arjeplog"); further, with its distance.
AT_KM = 1.0


@dataclass
class PlacesLoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def named_places_load(*, path: Path, municipalities: Iterable[Municipality] | None = None) -> PlacesLoadResult:
    """Create or update the places of the file (by municipality and name); places not in it stay. Every problem
    is raised at once as a PlacesError (`FILE:LINE: field: …`) and nothing is written. With `municipalities`,
    rows of others are skipped (the bundled file, for the municipalities a database has)."""
    rows = parse_places(path.read_text(encoding="utf-8"), file=path.name)
    known = {m.code: m for m in (municipalities if municipalities is not None else Municipality.objects.all())}
    if municipalities is None:
        unknown = [
            f"{path.name}:{row.line}: municipality: no municipality has the code {row.municipality}"
            for row in rows
            if row.municipality not in known
        ]
        if unknown:
            raise PlacesError(unknown)
    rows = [row for row in rows if row.municipality in known]
    result = PlacesLoadResult()
    with transaction.atomic():
        existing = {
            (p.municipality_id, p.name): p
            for p in NamedPlace.objects.filter(municipality__in=[known[r.municipality] for r in rows])
        }
        for row in rows:
            municipality = known[row.municipality]
            place = existing.get((municipality.id, row.name))
            values = {"kind": row.kind, "lat": row.lat, "lng": row.lng}
            if place is None:
                NamedPlace.objects.create(municipality=municipality, name=row.name, **values)
                result.created += 1
            elif any(getattr(place, field) != value for field, value in values.items()):
                for field, value in values.items():
                    setattr(place, field, value)
                place.save(update_fields=list(values))
                result.updated += 1
            else:
                result.unchanged += 1
    return result


@dataclass(frozen=True)
class NearestPlace:
    place: NamedPlace
    km: float

    @property
    def far(self) -> bool:
        return self.km > FAR_KM

    @property
    def text(self) -> str:
        """'1,2 km från Torget, Arjeplog' in the active language."""
        return _("%(distance)s km from %(place)s") % {"distance": distance_text(self.km), "place": self.place.name}

    @property
    def warning(self) -> str:
        if not self.far:
            return ""
        return _("The point is more than %(limit)s km from every named place. Check that it is where you mean.") % {
            "limit": distance_text(FAR_KM, decimals=0)
        }


def distance_text(km: float, *, decimals: int = 1) -> str:
    return number_format(round(km, decimals), decimals, use_l10n=True)


def nearest_named_place(lat: float, lng: float, places: Iterable[NamedPlace]) -> NearestPlace | None:
    """The nearest of the places (e.g. a municipality's), or None when there are none."""
    candidates = list(places)
    found = nearest(lat, lng, [(p.lat, p.lng) for p in candidates])
    return None if found is None else NearestPlace(candidates[found[0]], found[1])


def place_name(lat: float, lng: float, places: Iterable[NamedPlace]) -> str | None:
    """What to call a point: the nearest place's name when it is near, "2,3 km från Torget, Arjeplog" when not;
    None without places."""
    found = nearest_named_place(lat, lng, places)
    if found is None:
        return None
    return found.place.name if found.km < AT_KM else found.text
