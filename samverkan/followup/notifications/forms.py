from __future__ import annotations

from django import forms

from samverkan.followup.notifications.models import Frequency, Kind


class PreferencesForm(forms.Form):
    """One group of radio buttons per kind of notification, named by the kind."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label, choices=Frequency.choices, widget=forms.RadioSelect
            )
