from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.bounds import DayField

PERIOD_BACKWARDS = _("The period ends before it starts.")
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    start = DayField(label=_("From"), widget=DATE_INPUT)
    end = DayField(label=_("To"), widget=DATE_INPUT)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", PERIOD_BACKWARDS)
        return data
