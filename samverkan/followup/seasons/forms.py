from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.followup.seasons.models import EventKind
from samverkan.situation.models import RecurringEvent


class PrepareForm(forms.Form):
    event = forms.ModelChoiceField(label=_("Event"), queryset=RecurringEvent.objects.none())
    kind = forms.ChoiceField(label=_("Kind of event"), choices=EventKind.choices)

    def __init__(self, *args, events, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["event"]).queryset = events
