"""Create pages: a part 1 (a police area and the municipalities it covers) and a part 2 (one municipality under a
part 1). Both start as drafts, made by agreement_create."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverkan.agreements import services
from samverkan.agreements.access import get_agreement_for_user
from samverkan.agreements.models import Agreement
from samverkan.core.fields import GuardedFormField
from samverkan.core.forms import DATE_INPUT, DayField
from samverkan.organisations.access import scope_for, visible_municipalities
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import FocusArea, Municipality, Organisation, User

NOT_COVERED = gettext_lazy("The police area does not cover: %(names)s.")
NOT_YOURS = gettext_lazy("Choose at least one municipality or police area you write for.")
ENDS_BEFORE_START = gettext_lazy("The agreement ends after it starts.")


class _PeriodForm(forms.Form):
    title = GuardedFormField(label=gettext_lazy("Title"), max_length=300)
    starts_on = DayField(label=gettext_lazy("Valid from"), widget=DATE_INPUT)
    ends_on = DayField(label=gettext_lazy("Valid to"), widget=DATE_INPUT)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] <= data["starts_on"]:
            self.add_error("ends_on", ENDS_BEFORE_START)
        return data


class Part1Form(_PeriodForm):
    police_area = forms.ModelChoiceField(Organisation.objects.none(), label=gettext_lazy("Police area"))
    municipalities = forms.ModelMultipleChoiceField(
        Municipality.objects.none(), label=gettext_lazy("Municipalities"), widget=forms.CheckboxSelectMultiple
    )
    focus_areas = forms.ModelMultipleChoiceField(
        FocusArea.objects.all(), required=False, label=gettext_lazy("Focus areas"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, user: User, reached: QuerySet[Municipality], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        cast(forms.ModelMultipleChoiceField, self.fields["municipalities"]).queryset = reached.order_by("name")
        cast(forms.ModelChoiceField, self.fields["police_area"]).queryset = (
            Organisation.objects.filter(kind=Organisation.Kind.POLICE_AREA, municipalities__in=reached)
            .distinct()
            .order_by("name")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        area, chosen = data.get("police_area"), data.get("municipalities")
        if area is None or not chosen:
            return data
        outside = [m.name for m in chosen if not area.municipalities.filter(pk=m.pk).exists()]
        if outside:
            self.add_error("municipalities", str(NOT_COVERED) % {"names": ", ".join(outside)})
        scope = scope_for(self.user)
        if area.pk not in scope.write_organisations and not any(m.pk in scope.write_municipalities for m in chosen):
            self.add_error("municipalities", NOT_YOURS)
        return data

    def parties(self) -> list[Organisation]:
        municipal = Organisation.objects.filter(
            kind=Organisation.Kind.MUNICIPALITY, municipalities__in=self.cleaned_data["municipalities"]
        ).distinct()
        return [self.cleaned_data["police_area"], *municipal]


class Part2Form(_PeriodForm):
    municipality = forms.ModelChoiceField(Municipality.objects.none(), label=gettext_lazy("Municipality"))

    def __init__(self, *args, part1: Agreement, writable: QuerySet[Municipality], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["municipality"]).queryset = writable.order_by("name")
        self.fields["starts_on"].initial, self.fields["ends_on"].initial = part1.starts_on, part1.ends_on
        only = writable.first() if writable.count() == 1 else None
        self.fields["title"].initial = _("Collaboration agreement part 2 – %(municipality)s %(years)s") % {
            "municipality": only.name if only else "…",
            "years": f"{part1.starts_on.year}–{part1.ends_on.year}",
        }


@login_required
def part1_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    if not scope.write_municipalities and not scope.write_organisations:
        raise Http404
    form = Part1Form(request.POST or None, user=request.user, reached=visible_municipalities(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agreement = services.agreement_create(
            by=request.user,
            title=data["title"],
            part=Agreement.Part.STRATEGIC,
            status=Agreement.Status.DRAFT,
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            parties=form.parties(),
            municipalities=data["municipalities"],
            focus_areas=data["focus_areas"],
        )
        messages.success(request, _("The agreement is created as a draft."))
        return redirect(agreement)
    status = 400 if request.method == "POST" else 200
    return render(request, "agreements/create.html", {"form": form, "part": Agreement.Part.STRATEGIC}, status=status)


@login_required
def part2_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    part1, can_write = get_agreement_for_user(request, pk)
    writable = part1.municipalities.filter(id__in=scope_for(request.user).write_municipalities)
    if not can_write or part1.part != Agreement.Part.STRATEGIC or not writable.exists():
        raise Http404
    form = Part2Form(request.POST or None, part1=part1, writable=writable)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agreement = services.agreement_part2_create(
            part1=part1,
            municipality=data["municipality"],
            title=data["title"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            by=request.user,
        )
        messages.success(request, _("The agreement is created as a draft."))
        return redirect(agreement)
    context = {"form": form, "part": Agreement.Part.LOCAL, "part1": part1}
    return render(request, "agreements/create.html", context, status=400 if request.method == "POST" else 200)
