from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import Agreement
from samverkan.core import clock
from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import DATE_INPUT, DayField, ServiceErrorsMixin
from samverkan.organisations.models import FocusArea, Municipality
from samverkan.planning.goals.models import Goal, Indicator, ManualValue
from samverkan.situation.models import Baseline

NUMBER_INPUT = forms.NumberInput(attrs={"step": "any"})
COMMON = ""


def _max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length


class GoalForm(ServiceErrorsMixin, forms.Form):
    """A new goal (with its agreement and municipality), or the goal to edit (`goal`): the rest of it."""

    agreement = forms.ModelChoiceField(label=_("Agreement"), queryset=Agreement.objects.none())
    municipality = forms.ChoiceField(
        label=_("Common or separate"),
        required=False,
        help_text=_("A common goal is shared by the whole agreement; a separate goal is one municipality's."),
    )
    focus_area = forms.ModelChoiceField(label=_("Focus area"), queryset=FocusArea.objects.all())
    title = GuardedFormField(label=_("Goal"), max_length=_max_length(Goal, "title"))
    description = GuardedFormField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(
        self,
        *args,
        agreements: Sequence[Agreement] = (),
        municipalities: Sequence[Municipality] = (),
        goal: Goal | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.municipalities = {m.code: m for m in municipalities}
        if goal is None:
            agreement = cast(forms.ModelChoiceField, self.fields["agreement"])
            agreement.queryset = Agreement.objects.filter(pk__in=[a.pk for a in agreements])
            cast(forms.ChoiceField, self.fields["municipality"]).choices = [
                (COMMON, _("Common goal of the whole agreement"))
            ] + [(m.code, _("Separate goal: %(name)s") % {"name": m.name}) for m in municipalities]
        else:
            del self.fields["agreement"], self.fields["municipality"]
            if goal.agreement.focus_areas.exists():
                cast(forms.ModelChoiceField, self.fields["focus_area"]).queryset = goal.agreement.focus_areas.all()
            self.initial.update(focus_area=goal.focus_area_id, title=goal.title, description=goal.description)

    def clean_municipality(self) -> Municipality | None:
        return self.municipalities.get(self.cleaned_data["municipality"])


class BaselineChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Baseline) -> str:
        return _("%(municipality)s, version %(version)s: %(start)s – %(end)s") % {
            "municipality": obj.municipality,
            "version": obj.version,
            "start": obj.start.isoformat(),
            "end": obj.end.isoformat(),
        }


class IndicatorForm(ServiceErrorsMixin, forms.Form):
    """A new indicator, or the indicator to edit (`indicator`): all but its series and municipality."""

    prefix = "indicator"
    name = GuardedFormField(label=_("Name"), max_length=_max_length(Indicator, "name"))
    series = forms.ChoiceField(label=_("Series"), choices=Indicator.Series.choices)
    key = forms.CharField(
        label=_("Which"),
        required=False,
        max_length=_max_length(Indicator, "key"),
        help_text=_(
            "The incident or crime category, the police event type, the survey item key (e.g. problem_buskorning), "
            "the Kolada KPI id or the indicator key. Empty for the survey's index and shares and for a series "
            "entered by hand."
        ),
    )
    municipality = forms.ModelChoiceField(label=_("Measured in"), queryset=Municipality.objects.none())
    baseline = BaselineChoiceField(
        label=_("Baseline: adopted situation picture"),
        queryset=Baseline.objects.none(),
        required=False,
        help_text=_("The indicator starts from the figure of its series in this situation picture."),
    )
    baseline_value = forms.FloatField(
        label=_("Baseline value"),
        required=False,
        widget=NUMBER_INPUT,
        help_text=_("Only when the situation picture has no figure for the series, e.g. one entered by hand."),
    )
    target_value = forms.FloatField(label=_("Target"), widget=NUMBER_INPUT)
    direction = forms.ChoiceField(label=_("Direction"), choices=Indicator.Direction.choices)
    target_date = DayField(label=_("Target date"), widget=DATE_INPUT)

    def __init__(self, *args, municipalities: list[Municipality], indicator: Indicator | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        baselines = Baseline.objects.filter(municipality__in=municipalities).select_related("municipality")
        cast(BaselineChoiceField, self.fields["baseline"]).queryset = baselines
        if indicator is None:
            municipality = cast(forms.ModelChoiceField, self.fields["municipality"])
            municipality.queryset = Municipality.objects.filter(pk__in=[m.pk for m in municipalities])
            if len(municipalities) == 1:
                self.initial["municipality"] = municipalities[0].pk
        else:
            del self.fields["series"], self.fields["municipality"]
            self.initial.update(
                name=indicator.name,
                key=indicator.key,
                baseline=indicator.baseline_id,
                baseline_value=indicator.baseline_value,
                target_value=indicator.target_value,
                direction=indicator.direction,
                target_date=indicator.target_date,
            )


class ManualValueForm(ServiceErrorsMixin, forms.Form):
    measured_on = DayField(label=_("Measured on"), widget=DATE_INPUT)
    value = forms.FloatField(label=_("Value"), widget=NUMBER_INPUT)
    note = GuardedFormField(label=_("Note"), required=False, max_length=_max_length(ManualValue, "note"))

    def __init__(self, data: Mapping[str, Any] | None = None, *, indicator: Indicator) -> None:
        super().__init__(data, prefix=f"value-{indicator.pk}")
        self.initial.setdefault("measured_on", clock.today())
