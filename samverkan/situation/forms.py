from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import DATE_INPUT, DayField, ServiceErrorsMixin
from samverkan.situation.lib.themes import THEMES
from samverkan.situation.models import theme_source_choices

PERIOD_BACKWARDS = _("The period ends before it starts.")
ANALYSIS = _("Analysis: %(name)s")
THEME_ENTRY_SUGGESTIONS = "theme-entry-suggestions"  # the id of the page's list of the municipality's categories


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


def _themes_by_focus_area() -> list[tuple[str, list[tuple[str, str]]]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for theme in THEMES:
        groups.setdefault(theme.focus_area, []).append((theme.key, theme.name))
    return list(groups.items())


class ThemeEntryForm(ServiceErrorsMixin, forms.Form):
    """One more thing a theme counts from a source, in the municipality (services.theme_entry_add)."""

    theme = forms.ChoiceField(label=_("Theme"), choices=_themes_by_focus_area)
    source = forms.ChoiceField(label=_("Source"), choices=theme_source_choices)
    entry = GuardedFormField(
        label=_("Entry"),
        max_length=200,
        help_text=_(
            "As the source names it: an incident category, a Brå crime category, a police event type, a Kolada KPI "
            "id (N07403), an indicator key, a survey question key, or a word used in dialogues."
        ),
        widget=forms.TextInput(attrs={"list": THEME_ENTRY_SUGGESTIONS}),
    )
