from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedFormField
from samverkan.followup.reports.models import EvaluationItem


class NarrativeForm(forms.Form):
    """The written sections of the annual report; the figures are filled in from the data."""

    summary = GuardedFormField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    proposals = GuardedFormField(
        label=_("Proposals for next year"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class RhythmForm(forms.Form):
    """A collaboration group's agreed rhythm: meetings per year."""

    per_year = forms.IntegerField(label=_("Meetings per year"), min_value=1, max_value=32767)


class EvaluationForm(forms.Form):
    """A draft evaluation's written parts: per item a status and an assessment (added per item), the conclusions
    and the recommendations for the next period."""

    conclusions = GuardedFormField(label=_("Conclusions"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    recommendations = GuardedFormField(
        label=_("Recommendations for the next period"),
        required=False,
        help_text=_("One recommendation a line: the next agreement proposes them."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, items, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"status-{item.pk}"] = forms.ChoiceField(
                label=_("Status"), choices=EvaluationItem.Status.choices, initial=item.status
            )
            self.fields[f"assessment-{item.pk}"] = GuardedFormField(
                label=_("Assessment"),
                required=False,
                initial=item.assessment,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def rows(self) -> list[tuple]:
        """(item, its status field, its assessment field) for the page."""
        return [(item, self[f"status-{item.pk}"], self[f"assessment-{item.pk}"]) for item in self.items]

    def assessments(self) -> dict[int, tuple[str, str]]:
        return {
            item.pk: (self.cleaned_data[f"status-{item.pk}"], self.cleaned_data[f"assessment-{item.pk}"])
            for item in self.items
        }
