from __future__ import annotations

from typing import cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import DayField, MomentField, ServiceErrorsMixin
from samverkan.followup.meetings.models import Meeting
from samverkan.organisations.models import CollaborationGroup, GroupMember
from samverkan.planning.actions.models import ActionPlan, Activity

FROZEN_HELP = _("Only in a draft plan: an adopted plan is frozen, only its status and comment can change.")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class AttendeesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: GroupMember) -> str:
        return f"{obj.name} – {obj.get_role_display()}, {obj.organisation.name}"


class PlanField(forms.ModelChoiceField):
    def label_from_instance(self, obj: ActionPlan) -> str:
        return f"{obj.municipality.name}: {obj} ({obj.get_status_display()})"


class ActivityField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Activity) -> str:
        return f"{obj.plan.municipality.name}, {obj.plan} ({obj.plan.get_status_display()}): {obj.title}"


class MeetingForm(ServiceErrorsMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "starts_at", "place", "attendees"]
        widgets = {"starts_at": DATETIME, "attendees": forms.CheckboxSelectMultiple}
        field_classes = {"starts_at": MomentField, "attendees": AttendeesField}

    def __init__(self, *args, group: CollaborationGroup, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(AttendeesField, self.fields["attendees"]).queryset = group.members.select_related("organisation")


class MinutesForm(MeetingForm):
    class Meta(MeetingForm.Meta):
        fields = ["kind", "starts_at", "place", "attendees", "minutes"]


class AgendaForm(ServiceErrorsMixin, forms.Form):
    agenda = GuardedFormField(
        label=_("Agenda"), required=False, widget=forms.Textarea(attrs={"rows": 14}), help_text=_("One item per line.")
    )


class DecisionForm(ServiceErrorsMixin, forms.Form):
    text = GuardedFormField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 4}))
    # The group's plans are few; the first is preselected.
    plan = PlanField(label=_("Action plan"), queryset=ActionPlan.objects.none(), empty_label=None)
    responsible = forms.ChoiceField(label=_("Responsible"), choices=Activity.Responsible.choices)
    role = GuardedFormField(label=_("Responsible role"), max_length=200, help_text=_("e.g. kommunpolis"))
    ends_on = DayField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, plans: QuerySet[ActionPlan], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(PlanField, self.fields["plan"]).queryset = plans


class DecisionUpdateForm(ServiceErrorsMixin, forms.Form):
    text = GuardedFormField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 4}))
    activity = ActivityField(label=_("Activity"), queryset=Activity.objects.none())
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
        cast(ActivityField, self.fields["activity"]).queryset = activities
