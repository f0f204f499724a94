from __future__ import annotations

from typing import cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samverkan.core.bounds import MAX_INTEGER
from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import DATE_INPUT, DayField, ServiceErrorsMixin
from samverkan.organisations.models import Municipality, Organisation
from samverkan.planning.actions.models import Activity
from samverkan.planning.goals.models import Goal


class ActionPlanForm(ServiceErrorsMixin, forms.Form):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects.none())
    title = GuardedFormField(label=_("Title"), max_length=300)
    starts_on = DayField(label=_("From"), widget=DATE_INPUT)
    ends_on = DayField(label=_("To"), widget=DATE_INPUT)

    def __init__(self, *args, municipalities: QuerySet[Municipality], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["municipality"]).queryset = municipalities


class GoalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Goal) -> str:
        return f"{obj.focus_area.short_name}: {obj.title}"


class ActivityForm(ServiceErrorsMixin, forms.ModelForm):
    """An activity of a draft plan: the goals and ranked problems it answers, who does it, and its target."""

    problems = forms.MultipleChoiceField(
        label=_("Problems of the situation picture"), required=False, widget=forms.CheckboxSelectMultiple
    )
    other_problems = GuardedFormField(
        label=_("Other problems"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line, for a problem not among the ranked ones."),
    )

    class Meta:
        model = Activity
        fields = [
            "title",
            "description",
            "goals",
            "problems",
            "other_problems",
            "responsible",
            "organisations",
            "role",
            "starts_on",
            "ends_on",
            "kind",
            "horizon",
            "target_count",
            "target_text",
            "cost",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "goals": forms.CheckboxSelectMultiple,
            "organisations": forms.CheckboxSelectMultiple,
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "kind": forms.RadioSelect,
            "horizon": forms.RadioSelect,
        }
        field_classes = {"starts_on": DayField, "ends_on": DayField, "goals": GoalChoiceField}

    def __init__(self, *args, goals: QuerySet[Goal], problem_names: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # radio buttons need no empty choice
        cast(forms.ChoiceField, self.fields["kind"]).choices = Activity.Kind.choices
        cast(forms.ChoiceField, self.fields["horizon"]).choices = Activity.Horizon.choices
        cast(GoalChoiceField, self.fields["goals"]).queryset = goals
        municipality = self.instance.plan.municipality
        organisations = Organisation.objects.filter(municipalities=municipality)
        cast(forms.ModelMultipleChoiceField, self.fields["organisations"]).queryset = organisations
        self.fields["organisations"].help_text = _("Tick several when the activity is done together.")
        stored = list(self.instance.problems) if self.instance.pk else []
        ranked = list(dict.fromkeys(problem_names))
        cast(forms.MultipleChoiceField, self.fields["problems"]).choices = [(name, name) for name in ranked]
        if not self.is_bound:
            self.initial["problems"] = [name for name in stored if name in ranked]
            self.initial["other_problems"] = "\n".join(name for name in stored if name not in ranked)
        if not self.instance.pk:
            self.initial.setdefault("starts_on", self.instance.plan.starts_on)
            self.initial.setdefault("ends_on", self.instance.plan.ends_on)

    def activity_values(self) -> dict:
        data = dict(self.cleaned_data)
        data["problems"] = data["problems"] + data.pop("other_problems").splitlines()
        return data


class AdditionForm(ServiceErrorsMixin, forms.Form):
    """The decision of an addition to an adopted plan; the activity it adds is an ActivityForm beside it."""

    text = GuardedFormField(
        label=_("Decision"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was decided, and by whom, e.g. “Samverkansgruppen beslutade att …”."),
    )
    adopted_on = DayField(label=_("Decided on"), widget=DATE_INPUT)


class OccurrenceForm(ServiceErrorsMixin, forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    what = GuardedFormField(label=_("What was done"), max_length=300)
    where = GuardedFormField(label=_("Where"), max_length=200, required=False)
    reached = forms.IntegerField(label=_("People reached"), min_value=0, max_value=MAX_INTEGER, required=False)


class StatusForm(ServiceErrorsMixin, forms.ModelForm):
    """One row of the inline editing in the plan's activity list."""

    class Meta:
        model = Activity
        fields = ["status", "status_comment"]
        widgets = {"status_comment": forms.TextInput(attrs={"size": 18})}


class BaseStatusFormSet(forms.BaseModelFormSet):
    def add_fields(self, form: forms.ModelForm, index: int | None) -> None:
        """A row's activity is one of the plan's: another id (another plan's, another municipality's) is a form
        error, where Django's formset would accept any activity and treat the row as a new one."""
        super().add_fields(form, index)
        cast(forms.ModelChoiceField, form.fields[Activity._meta.pk.name]).queryset = self.get_queryset()


StatusFormSet = forms.modelformset_factory(
    Activity, form=StatusForm, formset=BaseStatusFormSet, extra=0, edit_only=True
)
