from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedFormField


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
