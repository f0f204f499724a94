from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import (
    FIRST_SIGNATURE_DAY,
    SIGNED_IN_THE_FUTURE,
    SIGNED_TOO_EARLY,
    Agreement,
    ChangeProposal,
    Commitment,
    CommitmentFollowUp,
    CommunicationItem,
    Signatory,
)
from samverkan.agreements.services import HAND_SET_STATUSES, STATUS_NOT_CHOSEN
from samverkan.core import clock
from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import DATE_INPUT, DayField, ServiceErrorsMixin
from samverkan.organisations.models import Organisation


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["title", "status", "starts_on", "ends_on", "parties", "municipalities", "focus_areas"]
        widgets = {
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "parties": forms.CheckboxSelectMultiple,
            "municipalities": forms.CheckboxSelectMultiple,
            "focus_areas": forms.CheckboxSelectMultiple,
        }
        field_classes = {"starts_on": DayField, "ends_on": DayField}

    def __init__(self, *args, sections, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # In force follows from the signatures, expired from the end, under revision from a revision.
        status = cast(forms.ChoiceField, self.fields["status"])
        status.choices = [(s.value, s.label) for s in HAND_SET_STATUSES]
        status.error_messages["invalid_choice"] = STATUS_NOT_CHOSEN
        current = self.instance.municipalities.all()
        choices = (municipalities | current).distinct()
        cast(forms.ModelMultipleChoiceField, self.fields["municipalities"]).queryset = choices
        cast(forms.ModelMultipleChoiceField, self.fields["parties"]).queryset = Organisation.objects.filter(
            Q(municipalities__in=choices) | Q(children__municipalities__in=choices) | Q(agreements=self.instance)
        ).distinct()
        if self.instance.part == Agreement.Part.STRATEGIC:
            self.fields["parties"].help_text = _(
                "A change of the parties is proposed to the other parties and made when all of them have accepted."
            )
        self.sections = list(sections)
        for section in self.sections:
            self.fields[f"section_{section.kind}"] = GuardedFormField(
                label=section.get_kind_display(),
                initial=section.body,
                required=False,
                widget=forms.Textarea(attrs={"rows": 8}),
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.instance.part == Agreement.Part.LOCAL and len(data.get("municipalities", [])) != 1:
            self.add_error("municipalities", _("A part 2 agreement is made for exactly one municipality."))
        if self._proposes_parties(data) and self.instance.proposals.filter(status=ChangeProposal.Status.OPEN).exists():
            self.add_error("parties", _("A change of the parties is already waiting for the parties' answers."))
        return data

    def _proposes_parties(self, data: dict[str, Any]) -> bool:
        if self.instance.part != Agreement.Part.STRATEGIC or "parties" not in data:
            return False
        return {p.pk for p in data["parties"]} != set(self.instance.parties.values_list("pk", flat=True))

    def agreement_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def section_texts(self) -> dict[str, str]:
        return {s.kind: self.cleaned_data[f"section_{s.kind}"] for s in self.sections}

    def agreement_bound_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.Meta.fields]

    def section_fields(self) -> list[forms.BoundField]:
        return [self[f"section_{s.kind}"] for s in self.sections]


class AgreementItemForm(forms.ModelForm):
    """A form for something listed on an agreement's page (commitment, plan item, signatory)."""

    def __init__(self, *args, agreement: Agreement, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.agreement = agreement


class CommitmentForm(AgreementItemForm):
    prefix = "commitment"

    class Meta:
        model = Commitment
        fields = ["responsible", "text", "recurrence", "due_on", "focus_area"]
        widgets = {"due_on": DATE_INPUT, "text": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"due_on": DayField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["focus_area"]).queryset = self.agreement.focus_areas.all()


class CommunicationItemForm(AgreementItemForm):
    prefix = "communication"

    class Meta:
        model = CommunicationItem
        fields = ["message", "audience", "channel", "when", "responsible"]
        widgets = {"message": forms.Textarea(attrs={"rows": 2})}


class SignatoryForm(AgreementItemForm):
    prefix = "signatory"

    class Meta:
        model = Signatory
        fields = ["name", "title", "organisation", "signed_on"]
        widgets = {"signed_on": DATE_INPUT}
        field_classes = {"signed_on": DayField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organisation"]).queryset = self.agreement.parties.all()


class SignatureForm(forms.Form):
    """The day a signatory signed: today or earlier."""

    signed_on = DayField(label=_("Signed on"), widget=DATE_INPUT)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signed_on"].initial = clock.today()

    def clean_signed_on(self):
        signed_on = self.cleaned_data["signed_on"]
        if signed_on > clock.today():
            raise forms.ValidationError(SIGNED_IN_THE_FUTURE)
        if signed_on < FIRST_SIGNATURE_DAY:
            raise forms.ValidationError(SIGNED_TOO_EARLY)
        return signed_on


class ProposalAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("accept", _("Accept")), ("reject", _("Reject"))])

    @property
    def accepted(self) -> bool:
        return self.cleaned_data["answer"] == "accept"


class CommitmentFollowUpForm(ServiceErrorsMixin, forms.Form):
    """A commitment's status and comment of a year (samverkan.agreements.follow_up)."""

    prefix = "follow-up"

    commitment = forms.ModelChoiceField(label=_("Commitment"), queryset=Commitment.objects.none())
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    status = forms.ChoiceField(label=_("Status"), choices=CommitmentFollowUp.Status.choices)
    comment = GuardedFormField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, agreement: Agreement, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["commitment"]).queryset = agreement.commitments.all()
        cast(forms.TypedChoiceField, self.fields["year"]).choices = [(year, year) for year in reversed(years)]


class CommunicationFollowUpForm(ServiceErrorsMixin, forms.ModelForm):
    """When a communication activity is planned and done, and which party owns it."""

    class Meta:
        model = CommunicationItem
        fields = ["planned_on", "done_on", "owner"]
        widgets = {"planned_on": DATE_INPUT, "done_on": DATE_INPUT}
        field_classes = {"planned_on": DayField, "done_on": DayField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.prefix = f"communication-{self.instance.pk}"
        cast(forms.ModelChoiceField, self.fields["owner"]).queryset = self.instance.agreement.parties.all()
