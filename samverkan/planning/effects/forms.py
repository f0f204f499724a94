from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedFormField
from samverkan.core.figures import figure
from samverkan.core.forms import DATE_INPUT, DayField
from samverkan.organisations.forms import point_or_named_place
from samverkan.organisations.lib.areas import Area, Circle, Polygon, area_from_json
from samverkan.organisations.models import NamedPlace
from samverkan.planning.actions.models import Activity
from samverkan.planning.effects.lib.proposal import MIN_DISTANCE_M
from samverkan.planning.effects.models import Intervention
from samverkan.sources.incidents.selectors import incident_categories

AREA_REQUIRED = _("Click the map, give coordinates or pick a named place, or give a polygon.")
AREA_TWICE = _("Give either a polygon or a point with a radius, not both.")
RADIUS_REQUIRED = _("Give the radius in metres.")
RADIUS_NOT_POSITIVE = _("The radius must be more than 0 metres.")
POLYGON_LINE = _("Line %(line)s is not “latitude, longitude” in decimal degrees (e.g. 65.5987, 19.1905).")
POLYGON_TOO_FEW = _("A polygon needs at least three different points.")
POLYGON_INVALID = _("The polygon's edges cross each other, or it encloses nothing.")
COORDINATES_INVALID = _("The coordinates are not a place on the map.")
COMPARISON_REQUIRED = _("Click the map, give coordinates or pick a named place for the comparison place.")
COMPARISON_NAME_REQUIRED = _("Name the comparison place.")
COMPARISON_OVERLAPS = _(
    "The comparison place overlaps the area: choose one at least %(minimum)s m away from it (edge to edge)."
)
COMPARISON_TOO_CLOSE = _(
    "The comparison place is %(distance)s m from the area: choose one at least %(minimum)s m away (edge to edge)."
)
START_OUTSIDE = _("The start must lie within the activity's period, %(start)s – %(end)s.")
END_BEFORE_START = _("The end cannot be before the start.")

NUMBER = forms.NumberInput(attrs={"step": "any"})
_PAIR = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$")


def parse_polygon(text: str) -> list[tuple[float, float]]:
    """One corner a line as "lat, lng"; ValueError naming the first line that is not."""
    points = []
    lines = [line for line in text.splitlines() if line.strip()]
    for number, line in enumerate(lines, start=1):
        match = _PAIR.match(line)
        if match is None:
            raise ValueError(number)
        points.append((float(match[1]), float(match[2])))
    return points


class InterventionForm(forms.Form):
    """Where and from when the activity acts, and the comparison place. With `proposing`, the comparison is left
    out (the page proposes one)."""

    place = forms.ModelChoiceField(label=_("Named place"), queryset=NamedPlace.objects.none(), required=False)
    lat = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90, widget=NUMBER)
    lng = forms.FloatField(label=_("Longitude"), required=False, min_value=-180, max_value=180, widget=NUMBER)
    radius_m = forms.FloatField(label=_("Radius (m)"), required=False, widget=NUMBER)
    polygon = GuardedFormField(
        label=_("Or a polygon"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One corner a line as latitude, longitude in decimal degrees; at least three corners."),
    )
    starts_on = DayField(label=_("Start"), widget=DATE_INPUT)
    ends_on = DayField(
        label=_("End"), required=False, widget=DATE_INPUT, help_text=_("Only when the intervention is temporary.")
    )
    categories = forms.MultipleChoiceField(
        label=_("Incident categories"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every category."),
    )
    comparison_place = forms.ModelChoiceField(
        label=_("Named place"), queryset=NamedPlace.objects.none(), required=False
    )
    comparison_lat = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90, widget=NUMBER)
    comparison_lng = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180, widget=NUMBER
    )
    comparison_radius_m = forms.FloatField(
        label=_("Radius (m)"), required=False, widget=NUMBER, help_text=_("Empty: the same as the area's.")
    )
    comparison_name = GuardedFormField(label=_("Name of the comparison place"), required=False, max_length=100)

    def __init__(self, *args: Any, activity: Activity, proposing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.activity = activity
        self.proposing = proposing
        municipality = activity.plan.municipality
        places = NamedPlace.objects.filter(municipality=municipality)
        for name in ("place", "comparison_place"):
            cast(forms.ModelChoiceField, self.fields[name]).queryset = places
        cast(forms.MultipleChoiceField, self.fields["categories"]).choices = [
            (c.name, c.name) for c in incident_categories(municipality)
        ]
        self.area: Area | None = None
        self.comparison: Area | None = None

    @staticmethod
    def initial_for(intervention: Intervention) -> dict[str, Any]:
        """The stored intervention as the form's initial values."""
        area, comparison = area_from_json(intervention.area), area_from_json(intervention.comparison)
        initial: dict[str, Any] = {
            "starts_on": intervention.starts_on,
            "ends_on": intervention.ends_on,
            "categories": list(intervention.categories),
            "comparison_name": intervention.comparison_name,
        }
        if isinstance(area, Circle):
            initial.update(lat=area.lat, lng=area.lng, radius_m=area.radius_m, place=intervention.place_id)
        else:
            initial["polygon"] = "\n".join(f"{lat}, {lng}" for lat, lng in area.points)
        if isinstance(comparison, Circle):
            initial.update(
                comparison_lat=comparison.lat, comparison_lng=comparison.lng, comparison_radius_m=comparison.radius_m
            )
        return initial

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        self.area = self._area(data)
        self._check_dates(data)
        if not self.proposing:
            self.comparison = self._comparison(data)
        return data

    def _area(self, data: dict[str, Any]) -> Area | None:
        text = (data.get("polygon") or "").strip()
        has_point = any(data.get(name) is not None for name in ("lat", "lng", "place"))
        if text:
            if has_point:
                self.add_error("polygon", AREA_TWICE)
                return None
            return self._polygon(text)
        if not point_or_named_place(data, "lat", "lng", "place"):
            if "lat" not in self.errors and "lng" not in self.errors:
                self.add_error("lat", AREA_REQUIRED)
            return None
        return self._circle(data["lat"], data["lng"], data.get("radius_m"), "radius_m", "lat")

    def _polygon(self, text: str) -> Area | None:
        try:
            points = parse_polygon(text)
        except ValueError as error:
            self.add_error("polygon", POLYGON_LINE % {"line": error.args[0]})
            return None
        if len(set(points)) < 3:
            self.add_error("polygon", POLYGON_TOO_FEW)
            return None
        try:
            return Polygon(tuple(points))
        except ValueError:
            self.add_error("polygon", POLYGON_INVALID)
            return None

    def _circle(self, lat: float, lng: float, radius: float | None, radius_field: str, point_field: str) -> Area | None:
        if radius is None:
            if radius_field not in self.errors:
                self.add_error(radius_field, RADIUS_REQUIRED)
            return None
        if radius <= 0:
            self.add_error(radius_field, RADIUS_NOT_POSITIVE)
            return None
        try:
            return Circle(lat, lng, radius)
        except ValueError:
            self.add_error(point_field, COORDINATES_INVALID)
            return None

    def _check_dates(self, data: dict[str, Any]) -> None:
        start, end, activity = data.get("starts_on"), data.get("ends_on"), self.activity
        if start is not None and not activity.starts_on <= start <= activity.ends_on:
            self.add_error(
                "starts_on",
                START_OUTSIDE % {"start": activity.starts_on.isoformat(), "end": activity.ends_on.isoformat()},
            )
        if start is not None and end is not None and end < start:
            self.add_error("ends_on", END_BEFORE_START)

    def _comparison(self, data: dict[str, Any]) -> Area | None:
        if not point_or_named_place(data, "comparison_lat", "comparison_lng", "comparison_place"):
            if "comparison_lat" not in self.errors and "comparison_lng" not in self.errors:
                self.add_error("comparison_lat", COMPARISON_REQUIRED)
            return None
        place = data.get("comparison_place")
        if not data.get("comparison_name") and place is not None:
            data["comparison_name"] = place.name
        if not data.get("comparison_name"):
            self.add_error("comparison_name", COMPARISON_NAME_REQUIRED)
        radius = data.get("comparison_radius_m")
        if radius is None and self.area is not None:
            radius = round(self.area.equal_area_radius_m())
        if radius is None:
            return None  # the area's error says what is wrong
        comparison = self._circle(
            data["comparison_lat"], data["comparison_lng"], radius, "comparison_radius_m", "comparison_lat"
        )
        if comparison is not None and self.area is not None:
            distance = self.area.distance_m(comparison)
            if distance == 0:
                self.add_error("comparison_lat", COMPARISON_OVERLAPS % {"minimum": MIN_DISTANCE_M})
            elif distance < MIN_DISTANCE_M:
                self.add_error(
                    "comparison_lat",
                    COMPARISON_TOO_CLOSE % {"distance": figure(round(distance), "count"), "minimum": MIN_DISTANCE_M},
                )
        return comparison
