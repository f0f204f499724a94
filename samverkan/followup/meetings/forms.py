from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samverkan.core.bounds import DayField, MomentField
from samverkan.core.fields import GuardedFormField
from samverkan.followup.meetings.models import Meeting
from samverkan.organisations.models import CollaborationGroup
from samverkan.planning.actions.forms import ServiceErrorsMixin
from samverkan.planning.actions.models import ActionPlan, Activity

FROZEN_HELP = _("Only in a draft plan: an adopted plan is frozen, only its status and comment can change.")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MeetingForm(ServiceErrorsMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "starts_at", "place", "attendees"]
        widgets = {"starts_at": DATETIME, "attendees": forms.CheckboxSelectMultiple}
        field_classes = {"starts_at": MomentField}

    def __init__(self, *args, group: CollaborationGroup, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = group.members.select_related("organisation")
        self.fields["attendees"].label_from_instance = lambda m: (
            f"{m.name} – {m.get_role_display()}, {m.organisation.name}"
        )


class MinutesForm(MeetingForm):
    class Meta(MeetingForm.Meta):
        fields = ["kind", "starts_at", "place", "attendees", "minutes"]


class AgendaForm(ServiceErrorsMixin, forms.Form):
    agenda = GuardedFormField(
        label=_("Agenda"), required=False, widget=forms.Textarea(attrs={"rows": 14}), help_text=_("One item per line.")
    )


class DecisionForm(ServiceErrorsMixin, forms.Form):
    text = GuardedFormField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 4}))
    plan = forms.ModelChoiceField(label=_("Action plan"), queryset=ActionPlan.objects.none())
    responsible = forms.ChoiceField(label=_("Responsible"), choices=Activity.Responsible.choices)
    role = GuardedFormField(label=_("Responsible role"), max_length=200, help_text=_("e.g. kommunpolis"))
    ends_on = DayField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, plans: QuerySet[ActionPlan], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].empty_label = None  # the group's plans are few; the first is preselected
        self.fields["plan"].label_from_instance = lambda p: f"{p.municipality.name}: {p} ({p.get_status_display()})"


class DecisionUpdateForm(ServiceErrorsMixin, forms.Form):
    text = GuardedFormField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 4}))
    activity = forms.ModelChoiceField(label=_("Activity"), queryset=Activity.objects.none())
    status = forms.ChoiceField(
        label=_("New status"), required=False, choices=[("", _("Unchanged"))] + Activity.Status.choices
    )
    status_comment = GuardedFormField(label=_("Status comment"), max_length=500, required=False)
    ends_on = DayField(
        label=_("New end date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=FROZEN_HELP,
    )
    role = GuardedFormField(
        label=_("New responsible role"),
        max_length=200,
        required=False,
        help_text=FROZEN_HELP,
    )

    def __init__(self, *args, activities: QuerySet[Activity], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities
        self.fields["activity"].label_from_instance = lambda a: (
            f"{a.plan.municipality.name}, {a.plan} ({a.plan.get_status_display()}): {a.title}"
        )
