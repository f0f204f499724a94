from __future__ import annotations

import datetime
from typing import Any, cast

from django import forms
from django.forms import BaseModelFormSet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import DayField, MomentField, ServiceErrorsMixin
from samverkan.organisations.forms import point_or_named_place
from samverkan.organisations.models import Municipality, NamedPlace
from samverkan.sources.incidents.models import Incident, IncidentCategory
from samverkan.sources.incidents.selectors import STANDARD_CATEGORIES, incident_categories, standard_categories
from samverkan.sources.incidents.services import IncidentReport

SPAN_BACKWARDS = _("The end of the time span is before its start.")
PLACE_REQUIRED = _("Click the map, give coordinates, or pick a named place.")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class IncidentForm(ServiceErrorsMixin, forms.Form):
    service_error_fields = {"outside": "lat", "category": "category", "personnummer": "description"}

    occurred_from = MomentField(label=_("When"), widget=DATETIME_INPUT)
    occurred_to = MomentField(label=_("Until (for a time span)"), required=False, widget=DATETIME_INPUT)
    category = forms.ChoiceField(label=_("Category"))
    severity = forms.TypedChoiceField(
        label=_("Severity"),
        coerce=int,
        choices=[(1, _("1 – low")), (2, _("2 – medium")), (3, _("3 – high"))],
        widget=forms.RadioSelect,
    )
    place = forms.ModelChoiceField(label=_("Named place"), queryset=NamedPlace.objects.none(), required=False)
    lat = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    lng = forms.FloatField(label=_("Longitude"), required=False, min_value=-180, max_value=180)
    description = GuardedFormField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Describe the place and the situation. Never names, personal identity numbers or other persons' data."
        ),
    )

    def __init__(self, *args, municipalities: list[Municipality], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.municipalities = municipalities
        names = {c.name: None for m in municipalities for c in incident_categories(m)}
        cast(forms.ChoiceField, self.fields["category"]).choices = [("", "—")] + [(n, n) for n in names]
        cast(forms.ModelChoiceField, self.fields["place"]).queryset = NamedPlace.objects.filter(
            municipality__in=municipalities
        )
        if not self.is_bound:
            self.initial.setdefault("occurred_from", timezone.localtime(clock.now()).replace(second=0, microsecond=0))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("occurred_from"), data.get("occurred_to")
        if start and end and end < start:
            self.add_error("occurred_to", SPAN_BACKWARDS)
        if not point_or_named_place(data, "lat", "lng", "place"):
            self.add_error("lat", PLACE_REQUIRED)
        return data

    def report(self) -> IncidentReport:
        data = self.cleaned_data
        return IncidentReport(
            occurred_from=data["occurred_from"],
            occurred_to=data["occurred_to"],
            lat=data["lat"],
            lng=data["lng"],
            category=data["category"],
            severity=data["severity"],
            description=data["description"],
            place=data["place"],
        )


class HandlingForm(ServiceErrorsMixin, forms.Form):
    service_error_fields = {"personnummer": "note", "status": "status"}

    status = forms.ChoiceField(label=_("Status"))
    note = GuardedFormField(
        label=_("Handling note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, incident: Incident, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        statuses = [Incident.Status(incident.status), *incident.next_statuses()]
        cast(forms.ChoiceField, self.fields["status"]).choices = [(s.value, s.label) for s in statuses]
        self.initial.setdefault("status", incident.status)


class WeekFilterForm(forms.Form):
    kommun = forms.ChoiceField(label=_("Municipality"))
    week = DayField(label=_("Week starting"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    category = forms.ChoiceField(label=_("Category"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + list(Incident.Status.choices)
    )

    def __init__(self, *args, municipalities: list[Municipality], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kommun"]).choices = [(m.code, m.name) for m in municipalities]
        names = {c.name: None for m in municipalities for c in incident_categories(m)}
        cast(forms.ChoiceField, self.fields["category"]).choices = [("", _("All"))] + [(n, n) for n in names]

    def clean_week(self) -> datetime.date | None:
        week = self.cleaned_data["week"]
        return week - datetime.timedelta(days=week.weekday()) if week else None


CATEGORY_FIELDS = ["name", "focus_area", "active", "order"]
CategoryFormSet = forms.modelformset_factory(IncidentCategory, fields=CATEGORY_FIELDS, extra=2, can_delete=False)
# The standard list offered as new rows, with the two empty ones.
StandardCategoryFormSet = forms.modelformset_factory(
    IncidentCategory, fields=CATEGORY_FIELDS, extra=len(STANDARD_CATEGORIES) + 2, can_delete=False
)
PlaceFormSet = forms.modelformset_factory(
    NamedPlace,
    fields=["name", "kind", "lat", "lng"],
    extra=2,
    can_delete=True,
    widgets={"lat": forms.NumberInput(attrs={"step": "any"}), "lng": forms.NumberInput(attrs={"step": "any"})},
)


def category_formset(data: QueryDict | None, *, municipality: Municipality) -> BaseModelFormSet:
    """The municipality's categories. One without categories of its own is offered the standard list as new rows,
    stored when the form is saved: the page itself writes nothing."""
    stored = IncidentCategory.objects.filter(municipality=municipality)
    if data is not None or stored.exists():
        return CategoryFormSet(data, prefix="categories", queryset=stored)
    initial = [
        {"name": c.name, "focus_area": c.focus_area_id, "active": True, "order": c.order}
        for c in standard_categories(municipality)
    ]
    return StandardCategoryFormSet(prefix="categories", queryset=stored, initial=initial)
