from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import ServiceErrorsMixin
from samverkan.organisations.forms import point_or_named_place
from samverkan.organisations.models import Municipality, NamedPlace
from samverkan.sources.citizen_reports.models import CitizenReport
from samverkan.sources.citizen_reports.photos import MAX_BYTES
from samverkan.sources.citizen_reports.services import PHOTO_PROBLEMS, Submission
from samverkan.sources.incidents.selectors import incident_categories

PLACE_REQUIRED = _("Click the map where the place is, or pick a named place from the list.")
TEXT_MAX = 2000
DEFAULT_INCIDENT_CATEGORY = "Otrygg plats"


class ReportForm(ServiceErrorsMixin, forms.Form):
    """The citizen's report. The place is a click on the map (which fills the hidden point) or a named place: a
    citizen is never asked for coordinates."""

    service_error_fields = {"personnummer": "text", "contact_details": "text", "outside": "lat"}

    category = forms.ChoiceField(
        label=_("What is it about?"), choices=CitizenReport.Category.choices, widget=forms.RadioSelect
    )
    place = forms.ModelChoiceField(
        label=_("Named place"),
        queryset=NamedPlace.objects.none(),
        required=False,
        help_text=_("Or pick the nearest named place if you do not use the map."),
    )
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lng = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    text = GuardedFormField(
        public=True,
        label=_("What makes the place unsafe?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Describe the place and what makes it feel unsafe. Do not write names, personal identity numbers, "
            "phone numbers or e-mail addresses: such a text is refused."
        ),
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_(
            "At most 10 MB. The photo is seen only by the municipality's staff and never published; its "
            "location data and other metadata are removed."
        ),
    )

    def __init__(self, *args, municipality: Municipality, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        places = cast(forms.ModelChoiceField, self.fields["place"])
        places.queryset = NamedPlace.objects.filter(municipality=municipality)
        places.empty_label = _("No named place")

    def clean_photo(self) -> bytes | None:
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        if upload.size is not None and upload.size > MAX_BYTES:
            raise forms.ValidationError(PHOTO_PROBLEMS["too_big"], code="too_big")
        return upload.read(MAX_BYTES + 1)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not point_or_named_place(data, "lat", "lng", "place"):
            self.add_error("lat", PLACE_REQUIRED)
        return data

    def submission(self) -> Submission:
        data = self.cleaned_data
        return Submission(
            category=data["category"],
            lat=data["lat"],
            lng=data["lng"],
            text=data["text"],
            place=data["place"],
            photo=data["photo"],
        )


class ReviewForm(ServiceErrorsMixin, forms.Form):
    service_error_fields = {"category": "incident_category", "reviewed": "decision"}

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept into the incident log")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    incident_category = forms.ChoiceField(label=_("Incident category"), required=False)
    severity = forms.TypedChoiceField(
        label=_("Severity"),
        coerce=int,
        choices=[(1, _("1 – low")), (2, _("2 – medium")), (3, _("3 – high"))],
        initial=1,
        required=False,
        empty_value=None,
    )

    def __init__(self, *args, municipality: Municipality, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        names = [c.name for c in incident_categories(municipality)]
        cast(forms.ChoiceField, self.fields["incident_category"]).choices = [(n, n) for n in names]
        if DEFAULT_INCIDENT_CATEGORY in names:
            self.initial.setdefault("incident_category", DEFAULT_INCIDENT_CATEGORY)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("decision") == "accept" and not data.get("incident_category"):
            self.add_error("incident_category", _("Choose the incident category the report is logged under."))
        return data


class HandlingForm(ServiceErrorsMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"))
    answer = GuardedFormField(
        public=True,
        label=_("Answer to the citizen"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Public: shown on the citizen's receipt page. No names or contact details."),
    )

    def __init__(self, *args, report: CitizenReport, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        statuses = [CitizenReport.Status(report.status), *report.next_statuses()]
        cast(forms.ChoiceField, self.fields["status"]).choices = [(s.value, s.label) for s in statuses]
        self.initial.setdefault("status", report.status)
        self.initial.setdefault("answer", report.answer)
