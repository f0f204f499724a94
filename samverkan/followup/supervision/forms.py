from __future__ import annotations

from typing import cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import DATE_INPUT, DayField, ServiceErrorsMixin
from samverkan.followup.supervision.models import CHECKLIST, Answer, SupervisedObject, Visit

CHECK_PREFIX = "check_"
TEST_PURCHASE_NOTE = _(
    "A test purchase (kontrollköp) leads to dialogue only, never sanctions: leave the findings empty and write "
    "the dialogue under follow-up."
)


class SupervisedObjectForm(ServiceErrorsMixin, forms.Form):
    name = GuardedFormField(label=_("Business"), max_length=200, help_text=_("The business, never a person's name."))
    permit = forms.ChoiceField(label=_("Permit"), choices=SupervisedObject.Permit.choices)
    address = GuardedFormField(label=_("Address"), max_length=300, required=False)


class VisitForm(ServiceErrorsMixin, forms.Form):
    object = forms.ModelChoiceField(label=_("Object"), queryset=SupervisedObject.objects.none())
    visited_on = DayField(label=_("Date"), widget=DATE_INPUT)
    kind = forms.ChoiceField(label=_("Kind"), choices=Visit.Kind.choices, help_text=TEST_PURCHASE_NOTE)
    announced = forms.BooleanField(label=_("Announced"), required=False)
    joint_with_police = forms.BooleanField(label=_("Joint with the police"), required=False)
    findings = GuardedFormField(
        label=_("Findings"), required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=TEST_PURCHASE_NOTE
    )
    follow_up = GuardedFormField(label=_("Follow-up"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, objects: QuerySet[SupervisedObject], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["object"]).queryset = objects
        for key, label in CHECKLIST:
            self.fields[CHECK_PREFIX + key] = forms.ChoiceField(
                label=label, required=False, choices=[("", _("Not checked")), *Answer.choices]
            )

    def checklist_fields(self) -> list[forms.BoundField]:
        return [self[CHECK_PREFIX + key] for key, _label in CHECKLIST]

    def main_fields(self) -> list[forms.BoundField]:
        return [field for field in self if not field.name.startswith(CHECK_PREFIX)]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {name: value for name, value in data.items() if not name.startswith(CHECK_PREFIX)}
        arguments["checklist"] = {
            key: data[CHECK_PREFIX + key] for key, _label in CHECKLIST if data[CHECK_PREFIX + key]
        }
        return arguments
