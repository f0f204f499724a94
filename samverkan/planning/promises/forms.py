from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import DATE_INPUT, DayField, ServiceErrorsMixin
from samverkan.organisations.models import Municipality
from samverkan.planning.actions.models import Activity
from samverkan.planning.promises.models import (
    Comment,
    Consultation,
    Promise,
    PromiseActivity,
    PromiseSet,
    PromiseSignatory,
    Suggestion,
)
from samverkan.planning.promises.services import SUGGESTION_MAX_LENGTH


class PromiseSetForm(ServiceErrorsMixin, forms.ModelForm):
    class Meta:
        model = PromiseSet
        fields = ["municipality", "title", "starts_on", "ends_on", "introduction"]
        widgets = {"starts_on": DATE_INPUT, "ends_on": DATE_INPUT, "introduction": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"starts_on": DayField, "ends_on": DayField}

    def __init__(self, *args, municipalities: QuerySet[Municipality], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["municipality"]).queryset = municipalities
        self.fields["title"].help_text = _("For example “Medborgarlöfte 2025–2026”.")


class PromiseForm(ServiceErrorsMixin, forms.ModelForm):
    prefix = "promise"

    class Meta:
        model = Promise
        fields = ["text", "text_en"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "text_en": forms.Textarea(attrs={"rows": 3, "lang": "en"}),  # English, spelled and read as English
        }


def promise_edit_form(promise: Promise, data: Mapping[str, Any] | None = None) -> PromiseForm:
    """The form to change a promise already written: one per promise on the page."""
    return PromiseForm(data, instance=promise, prefix=f"promise-{promise.pk}")


class ActionActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Activity) -> str:
        return f"{obj.title} ({obj.plan.title})"


class PromiseActivityForm(ServiceErrorsMixin, forms.ModelForm):
    """One per promise on the page, so each gets its own prefix."""

    activity = ActionActivityChoiceField(
        queryset=Activity.objects.none(),
        required=False,
        label=_("Activity in the action plan"),
        help_text=_("Linked, the occurrences logged in the action plan are the progress citizens see."),
    )

    class Meta:
        model = PromiseActivity
        fields = ["who", "what", "what_en", "unit", "planned", "activity"]
        widgets = {"what_en": forms.TextInput(attrs={"lang": "en"})}

    def __init__(self, data: Mapping[str, Any] | None = None, *, promise: Promise) -> None:
        super().__init__(data, prefix=f"activity-{promise.pk}")
        self.promise = promise
        activities = Activity.objects.filter(plan__municipality_id=promise.promise_set.municipality_id)
        cast(ActionActivityChoiceField, self.fields["activity"]).queryset = activities.select_related("plan")


class SignatoryForm(ServiceErrorsMixin, forms.ModelForm):
    prefix = "signatory"

    class Meta:
        model = PromiseSignatory
        fields = ["name", "title", "signed_on"]
        widgets = {"signed_on": DATE_INPUT}
        field_classes = {"signed_on": DayField}


class FollowUpForm(ServiceErrorsMixin, forms.Form):
    """What was done, one text per activity of the promises ("Utfört: …")."""

    def __init__(self, *args, activities: list[PromiseActivity], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for activity in activities:
            self.fields[f"activity_{activity.pk}"] = GuardedFormField(
                label=activity.what,
                initial=activity.followup or "Utfört: ",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def followups(self) -> dict[int, str]:
        return {int(name.removeprefix("activity_")): text for name, text in self.cleaned_data.items()}


class SuggestionForm(ServiceErrorsMixin, forms.ModelForm):
    class Meta:
        model = Suggestion
        fields = ["text"]
        labels = {"text": _("Your suggestion or reaction")}
        help_texts = {
            "text": _(
                "Write about places, situations and what you would like done – not about persons: no names, no "
                "personal identity numbers, phone numbers or e-mail addresses. We do not ask who you are, and "
                "answer on the municipality's page, not to you personally."
            )
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 6, "maxlength": SUGGESTION_MAX_LENGTH})}


class SuggestionAnswerForm(ServiceErrorsMixin, forms.Form):
    """The public answer to an accepted suggestion. One per suggestion on the page."""

    answer_status = forms.ChoiceField(label=_("Status"), choices=Suggestion.AnswerStatus.choices)
    answer = GuardedFormField(
        public=True,
        label=_("Public answer"),
        max_length=SUGGESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Shown with the suggestion on the municipality's public page, as the answer of the police and the "
            "municipality. No names, no phone numbers."
        ),
    )

    def __init__(self, data: Mapping[str, Any] | None = None, *, suggestion: Suggestion) -> None:
        initial = {"answer_status": suggestion.answer_status or Suggestion.AnswerStatus.RECEIVED}
        initial["answer"] = suggestion.answer
        super().__init__(data, prefix=f"suggestion-{suggestion.pk}", initial=initial)


class ConsultationForm(ServiceErrorsMixin, forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["opens_on", "closes_on", "introduction"]
        widgets = {"opens_on": DATE_INPUT, "closes_on": DATE_INPUT, "introduction": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"opens_on": DayField, "closes_on": DayField}
        help_texts = {"introduction": _("What citizens are asked, and what happens with their comments.")}


class PromiseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Promise) -> str:
        return obj.shown_text


class CommentForm(ServiceErrorsMixin, forms.ModelForm):
    """A citizen's comment: on one draft promise or on the whole, and the text. Nothing about the sender."""

    promise = PromiseChoiceField(
        queryset=Promise.objects.none(),
        required=False,
        label=_("Which promise your comment is about"),
        empty_label=_("The promises as a whole"),
    )

    class Meta:
        model = Comment
        fields = ["promise", "text"]
        labels = {"text": _("Your comment")}
        help_texts = {
            "text": _(
                "Write about places, situations and what you would like done – not about persons: no names, "
                "no personal identity numbers, no phone numbers or e-mail addresses. Comments are published "
                "after review, with the answer of the police and the municipality."
            )
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 6, "maxlength": SUGGESTION_MAX_LENGTH})}

    def __init__(self, *args, consultation: Consultation, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(PromiseChoiceField, self.fields["promise"]).queryset = consultation.promise_set.promises.all()


class CommentModerationForm(ServiceErrorsMixin, forms.Form):
    """Publish or reject a comment, with the public answer. One per comment on the page."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("publish", _("Publish")), ("reject", _("Reject"))],
    )
    answer = GuardedFormField(
        label=_("Public answer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown under the published comment, as the answer of the police and the municipality."),
    )

    def __init__(self, data: Mapping[str, Any] | None = None, *, comment: Comment) -> None:
        initial = {"answer": comment.answer}
        if comment.status != Comment.Status.NEW:
            initial["decision"] = "publish" if comment.status == Comment.Status.PUBLISHED else "reject"
        super().__init__(data, prefix=f"comment-{comment.pk}", initial=initial)


class ConsultationSummaryForm(ServiceErrorsMixin, forms.Form):
    prefix = "summary"

    summary = GuardedFormField(
        label=_("Summary for the decision"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What citizens said and what it changed in the promises: the basis for the decision. "
            "Linked from the adopted promises on the public page."
        ),
    )
