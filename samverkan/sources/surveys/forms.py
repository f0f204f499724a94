from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import DATE_INPUT, ServiceErrorsMixin
from samverkan.organisations.forms import point_or_named_place
from samverkan.organisations.models import Municipality, NamedPlace
from samverkan.sources.surveys import bank
from samverkan.sources.surveys.models import Question, Wave

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

KIND_INTRO = {
    bank.PROBLEM: _("How big a problem do you think the following are in the area where you live?"),
}


class QuestionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Question) -> str:
        return f"{obj.get_kind_display()}: {obj.text}"


class WaveForm(ServiceErrorsMixin, forms.Form):
    name = GuardedFormField(label=_("Name"), max_length=100, help_text=_("For example “Trygghetsmätning 2026”."))
    municipality: forms.ModelChoiceField[Municipality] = forms.ModelChoiceField(queryset=None, label=_("Municipality"))
    questions = QuestionChoiceField(
        queryset=Question.objects.all(), widget=forms.CheckboxSelectMultiple, label=_("Questions")
    )
    delomraden = GuardedFormField(
        label=capfirst(Wave._meta.get_field("delomraden").verbose_name),
        help_text=Wave._meta.get_field("delomraden").help_text,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["municipality"]).queryset = municipalities
        self.fields["questions"].initial = list(Question.objects.values_list("pk", flat=True))


class AnswerForm(ServiceErrorsMixin, forms.Form):
    """The public survey: the wave's questions, all optional, and an optional unsafe place."""

    free_text = GuardedFormField(
        public=True,
        label=_("What makes you feel unsafe? (optional)"),
        help_text=_("Describe places and situations, never persons: no names and no personal identity numbers."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    unsafe_lat = forms.FloatField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, widget=forms.NumberInput({"step": "any"})
    )
    unsafe_lng = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180, widget=forms.NumberInput({"step": "any"})
    )
    # Without the map: a named place of the municipality stands for the point (nobody is asked for coordinates).
    unsafe_place = forms.ModelChoiceField(
        label=_("Or choose the nearest named place"), queryset=NamedPlace.objects.none(), required=False
    )

    def __init__(self, *args, wave: Wave, questions: list[Question], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        place = cast(forms.ModelChoiceField, self.fields["unsafe_place"])
        place.queryset = NamedPlace.objects.filter(municipality=wave.municipality)
        place.empty_label = _("No place chosen")
        if wave.delomrade_names():
            self.fields["delomrade"] = forms.ChoiceField(
                label=_("Which part of the municipality do you live in?"),
                choices=[("", _("I prefer not to say"))] + [(name, name) for name in wave.delomrade_names()],
                required=False,
            )
        for question in questions:
            self.fields[question.key] = forms.ChoiceField(
                label=question.text, choices=question.options(), required=False, widget=forms.RadioSelect
            )

    def sections(self) -> list[tuple[StrOrPromise, list[forms.BoundField]]]:
        """The questions grouped by kind: a heading (or the question itself) and its fields."""
        grouped: dict[str, list[forms.BoundField]] = {}
        for question in self.questions:
            grouped.setdefault(question.kind, []).append(self[question.key])
        return [(KIND_INTRO.get(kind, Question.Kind(kind).label), fields) for kind, fields in grouped.items()]

    def submission(self) -> dict:
        """The service's arguments (samverkan.sources.surveys.services.response_submit)."""
        data = self.cleaned_data
        point_or_named_place(data, "unsafe_lat", "unsafe_lng", "unsafe_place")  # the pin is optional
        return {
            "answers": {question: data[question.key] for question in self.questions},
            "delomrade": data.get("delomrade", ""),
            "free_text": data["free_text"].strip(),
            "unsafe_lat": data["unsafe_lat"],
            "unsafe_lng": data["unsafe_lng"],
        }


class SurveyImportForm(forms.Form):
    """The survey import's own options on the web (Kartläggning → Importera), as the command's."""

    wave = GuardedFormField(
        label=_("Wave"),
        max_length=100,
        required=False,
        help_text=_("For example “Trygghetsmätning 2025”. Empty: the file's name."),
    )
    opened_on = forms.DateField(label=_("Opened on"), required=False, widget=DATE_INPUT)
    closed_on = forms.DateField(
        label=_("Closed on"),
        required=False,
        widget=DATE_INPUT,
        help_text=_(
            "Empty: the first and last day in the file's submitdate column, or else 1 January to 31 December "
            "of the year in the wave's name."
        ),
    )
