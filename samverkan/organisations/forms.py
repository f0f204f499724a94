"""The forms of the collaboration groups' pages."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samverkan.core.forms import ServiceErrorsMixin
from samverkan.organisations.models import CollaborationGroup, GroupMember, Municipality, Organisation


class GroupForm(ServiceErrorsMixin, forms.ModelForm):
    """A group's name, purpose and whom it reports to (renaming an existing group)."""

    class Meta:
        model = CollaborationGroup
        fields = ["name", "purpose", "reports_to"]
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {"purpose": forms.Textarea(attrs={"rows": 3})}


class NewGroupForm(GroupForm):
    """A new group, with the municipalities it works for."""

    class Meta(GroupForm.Meta):
        fields = ["name", "municipalities", "purpose", "reports_to"]
        widgets = {**GroupForm.Meta.widgets, "municipalities": forms.CheckboxSelectMultiple}

    def __init__(self, *args, municipalities: QuerySet[Municipality], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelMultipleChoiceField, self.fields["municipalities"])
        field.queryset = municipalities
        if municipalities.count() == 1:
            self.initial.setdefault("municipalities", list(municipalities))


class MemberForm(ServiceErrorsMixin, forms.ModelForm):
    class Meta:
        model = GroupMember
        fields = ["name", "organisation", "role"]

    def __init__(self, *args, organisations: QuerySet[Organisation], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organisation"]).queryset = organisations


class RemoveMemberForm(ServiceErrorsMixin, forms.Form):
    member = forms.ModelChoiceField(label=_("Member"), queryset=GroupMember.objects.none())

    def __init__(self, *args, group: CollaborationGroup, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["member"]).queryset = group.members.all()


def point_or_named_place(data: dict[str, Any], lat: str, lng: str, place: str) -> bool:
    """The point picker's rule (includes/point_picker.html): a named place chosen without a point on the map stands
    for the point, its coordinates written into the form's cleaned data. False when neither was given."""
    if data.get(lat) is not None and data.get(lng) is not None:
        return True
    chosen = data.get(place)
    if chosen is None:
        return False
    data[lat], data[lng] = chosen.lat, chosen.lng
    return True
