from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import DayField, ServiceErrorsMixin

PERIOD_BACKWARDS = _("The period ends before it starts.")
ANALYSIS = _("Analysis: %(name)s")
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    start = DayField(label=_("From"), widget=DATE_INPUT)
    end = DayField(label=_("To"), widget=DATE_INPUT)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", PERIOD_BACKWARDS)
        return data


def conclusion_field(problem: str) -> str:
    """The name of a conclusion's field, as the page posts it: "conclusion-" and the problem ("" for the summary)."""
    return f"conclusion-{problem}"


class ConclusionsForm(ServiceErrorsMixin, forms.Form):
    """The overall summary and the analysis of each problem shown, saved together (services.conclusions_save),
    whose errors are keyed by problem."""

    def __init__(self, data=None, *, problems: list[str], initial: dict[str, str] | None = None) -> None:
        initial = initial or {}
        super().__init__(data, initial={conclusion_field(problem): text for problem, text in initial.items()})
        self.problems = problems
        self.service_error_fields = {problem: conclusion_field(problem) for problem in ["", *problems]}
        self.fields[conclusion_field("")] = GuardedFormField(
            label=_("Overall summary"), required=False, widget=forms.Textarea(attrs={"rows": 6})
        )
        for problem in problems:
            self.fields[conclusion_field(problem)] = GuardedFormField(
                label=ANALYSIS % {"name": problem}, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )

    def texts(self) -> dict[str, str]:
        return {problem: self.cleaned_data[conclusion_field(problem)] for problem in ["", *self.problems]}
