from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.forms import DayField
from samverkan.organisations.models import Municipality
from samverkan.sources.dialogues.models import Dialogue, RaisedProblem

MORE_THAN_TOOK_PART = _("More than the {participants} participants who took part.")


class DialogueForm(forms.ModelForm):
    class Meta:
        model = Dialogue
        fields = ["municipality", "kind", "held_on", "format", "groups", "participants", "summary"]
        widgets = {"held_on": forms.DateInput(attrs={"type": "date"}), "summary": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"held_on": DayField}

    def __init__(self, *args, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["municipality"]).queryset = Municipality.objects.filter(
            id__in=[m.id for m in municipalities]
        )


class RaisedProblemForm(forms.ModelForm):
    class Meta:
        model = RaisedProblem
        fields = ["problem", "focus_area", "prioritised_by"]


class BaseProblemFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        participants = self.instance.participants
        for form in self.forms:
            count = form.cleaned_data.get("prioritised_by") if form.cleaned_data else None
            if participants and count and count > participants:
                form.add_error("prioritised_by", str(MORE_THAN_TOOK_PART).format(participants=participants))


ProblemFormSet = forms.inlineformset_factory(
    Dialogue, RaisedProblem, form=RaisedProblemForm, formset=BaseProblemFormSet, extra=5, can_delete=False
)
