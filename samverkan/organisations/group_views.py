"""The collaboration groups' pages: coordinators keep their groups and members here, everyone else reads them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samverkan.core.forms import form_status
from samverkan.organisations import services
from samverkan.organisations.access import (
    edits_groups_of,
    get_collaboration_group_for_user,
    require_write,
    scope_for,
    visible_groups,
)
from samverkan.organisations.forms import GroupForm, MemberForm, NewGroupForm, RemoveMemberForm
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import CollaborationGroup, Municipality, User
from samverkan.organisations.selectors import group_members, member_organisations


def _creatable_in(user: User) -> QuerySet[Municipality]:
    """The municipalities a new group may be for: those the user may keep groups of (alone or together)."""
    scope = scope_for(user)
    ids = scope.write_municipalities & scope.owned_municipalities
    if len(scope.write_municipalities) > 1:
        ids = scope.write_municipalities
    return Municipality.objects.filter(id__in=ids)


@login_required
@require_GET
def group_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    groups = [
        (group, edits_groups_of(request.user, {m.id for m in group.municipalities.all()}))
        for group in visible_groups(request.user).prefetch_related("members")
    ]
    context = {"groups": groups, "can_create": _creatable_in(request.user).exists()}
    return render(request, "organisations/groups.html", context)


@login_required
def group_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    municipalities = _creatable_in(request.user)
    require_write(municipalities.exists())
    form = NewGroupForm(request.POST or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            group = services.group_create(
                name=data["name"],
                purpose=data["purpose"],
                reports_to=data["reports_to"],
                municipalities=data["municipalities"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The group was created. Add its members."))
            return redirect("group", pk=group.pk)
    return render(request, "organisations/group_form.html", {"form": form}, status=form_status(form))


def _detail(
    request: AuthenticatedHttpRequest,
    group: CollaborationGroup,
    can_write: bool,
    *,
    member_form: MemberForm | None = None,
    remove_form: RemoveMemberForm | None = None,
) -> HttpResponse:
    context = {
        "group": group,
        "can_write": can_write,
        "members": group_members(group),
        "member_form": member_form or MemberForm(organisations=member_organisations(group)),
        "remove_form": remove_form,
    }
    bad = (member_form and member_form.errors) or (remove_form and remove_form.errors)
    return render(request, "organisations/group.html", context, status=400 if bad else 200)


@login_required
@require_GET
def group_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group, can_write = get_collaboration_group_for_user(request, pk)
    return _detail(request, group, can_write)


@login_required
def group_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group, can_write = get_collaboration_group_for_user(request, pk)
    require_write(can_write)
    form = GroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.group_update(
                group=group,
                name=data["name"],
                purpose=data["purpose"],
                reports_to=data["reports_to"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The group was saved."))
            return redirect("group", pk=group.pk)
    return render(request, "organisations/group_form.html", {"form": form, "group": group}, status=form_status(form))


@login_required
@require_POST
def group_member_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group, can_write = get_collaboration_group_for_user(request, pk)
    require_write(can_write)
    form = MemberForm(request.POST, organisations=member_organisations(group))
    if form.is_valid():
        data = form.cleaned_data
        try:
            member = services.group_member_add(
                group=group, name=data["name"], organisation=data["organisation"], role=data["role"], by=request.user
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("%(name)s was added to the group.") % {"name": member.name})
            return redirect("group", pk=group.pk)
    return _detail(request, group, can_write, member_form=form)


@login_required
@require_POST
def group_member_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group, can_write = get_collaboration_group_for_user(request, pk)
    require_write(can_write)
    form = RemoveMemberForm(request.POST, group=group)
    if form.is_valid():
        member = form.cleaned_data["member"]
        try:
            services.group_member_remove(member=member, by=request.user)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("%(name)s was removed from the group.") % {"name": member.name})
            return redirect("group", pk=group.pk)
    return _detail(request, group, can_write, remove_form=form)
