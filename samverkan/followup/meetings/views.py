from __future__ import annotations

import hmac

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.core import clock
from samverkan.core.audit import record_export
from samverkan.core.forms import form_status
from samverkan.core.pdf import pdf_from_template
from samverkan.followup.access import get_group_for_user, get_meeting_for_user
from samverkan.followup.meetings import ical, services
from samverkan.followup.meetings.forms import AgendaForm, DecisionForm, DecisionUpdateForm, MeetingForm, MinutesForm
from samverkan.followup.meetings.models import GroupCalendar, Meeting
from samverkan.followup.meetings.selectors import (
    agenda_proposal,
    can_change_group,
    changeable_activities,
    decision_plans,
    groups_for_user,
)
from samverkan.organisations.access import require_write
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import CollaborationGroup


@login_required
def meeting_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    now = clock.now()
    groups = []
    for group in groups_for_user(request.user):
        meetings = group.meetings.all()
        calendar_url = request.build_absolute_uri(
            reverse("meetings_calendar", args=[group.pk]) + "?token=" + services.group_calendar_token(group=group)
        )
        groups.append(
            {
                "group": group,
                "can_write": can_change_group(request.user, group),
                "upcoming": meetings.filter(starts_at__gte=now).order_by("starts_at"),
                "past": meetings.filter(starts_at__lt=now),
                "calendar_url": calendar_url,
            }
        )
    return render(request, "meetings/list.html", {"groups": groups})


@login_required
def meeting_new(request: AuthenticatedHttpRequest, group_pk: int) -> HttpResponse:
    group, can_write = get_group_for_user(request, group_pk)
    require_write(can_write)
    form = MeetingForm(request.POST or None, instance=Meeting(group=group), group=group)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            meeting = services.meeting_create(
                group=group,
                kind=data["kind"],
                starts_at=data["starts_at"],
                place=data["place"],
                attendees=data["attendees"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The meeting was planned."))
            return redirect(meeting)
    return render(request, "meetings/form.html", {"form": form, "group": group}, status=form_status(form))


@login_required
def meeting_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting, can_write = get_meeting_for_user(request, pk)
    context = {
        "meeting": meeting,
        "can_write": can_write,
        "attendees": meeting.attendees.select_related("organisation"),
        "decisions": meeting.decisions.select_related("activity__plan__municipality"),
    }
    return render(request, "meetings/detail.html", context)


@login_required
def meeting_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting, can_write = get_meeting_for_user(request, pk)
    require_write(can_write)
    form = MinutesForm(request.POST or None, instance=meeting, group=meeting.group)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.meeting_update(
                meeting=meeting,
                kind=data["kind"],
                starts_at=data["starts_at"],
                place=data["place"],
                attendees=data["attendees"],
                minutes=data["minutes"],
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The meeting was saved."))
            return redirect(meeting)
    context = {"form": form, "group": meeting.group, "meeting": meeting}
    return render(request, "meetings/form.html", context, status=form_status(form))


@login_required
def meeting_agenda(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The chair's agenda; "prepare" fills it with what is open for the group, to edit before saving."""
    meeting, can_write = get_meeting_for_user(request, pk)
    require_write(can_write)
    prepare = request.method == "GET" and "prepare" in request.GET
    proposal = agenda_proposal(meeting=meeting, user=request.user) if prepare else None
    initial = {"agenda": "\n".join(proposal) if proposal is not None else meeting.agenda}
    form = AgendaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_set_agenda(meeting=meeting, agenda=form.cleaned_data["agenda"])
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The agenda was saved."))
            return redirect(meeting)
    context = {"form": form, "meeting": meeting, "proposal": proposal}
    return render(request, "meetings/agenda.html", context, status=form_status(form))


@login_required
def decision_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting, can_write = get_meeting_for_user(request, pk)
    require_write(can_write)
    plans = decision_plans(meeting.group)
    form = DecisionForm(request.POST or None, plans=plans)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decision_record(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            assert decision.activity is not None, "decision_record links the activity it adds"
            messages.success(request, _("The decision was recorded and added to the action plan."))
            return redirect(decision.activity.plan)
    context = {"form": form, "meeting": meeting, "has_plans": plans.exists()}
    return render(request, "meetings/decision.html", context, status=form_status(form))


@login_required
def decision_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting, can_write = get_meeting_for_user(request, pk)
    require_write(can_write)
    form = DecisionUpdateForm(request.POST or None, activities=changeable_activities(meeting.group))
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_update_record(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The decision was recorded and the activity changed."))
            return redirect(meeting)
    context = {"form": form, "meeting": meeting}
    return render(request, "meetings/decision_update.html", context, status=form_status(form))


@login_required
def meeting_minutes_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting, _can_write = get_meeting_for_user(request, pk)
    context = {
        "meeting": meeting,
        "attendees": meeting.attendees.select_related("organisation"),
        "decisions": meeting.decisions.select_related("activity__plan__municipality"),
    }
    pdf = pdf_from_template("meetings/minutes_pdf.html", context, request=request)
    record_export(request, "meeting_minutes", meeting, detail="pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"protokoll-{timezone.localtime(meeting.starts_at):%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def group_calendar_rotate(request: AuthenticatedHttpRequest, group_pk: int) -> HttpResponse:
    """A new secret calendar address for the group; only those who may change the group's meetings."""
    group, can_write = get_group_for_user(request, group_pk)
    require_write(can_write)
    services.group_calendar_token_rotate(group=group)
    messages.success(request, _("The calendar has a new address. The old address no longer works."))
    return redirect("meetings")


def group_calendar(request: HttpRequest, group_pk: int) -> HttpResponse:
    """The group's meetings for calendar clients, which cannot log in: the secret token is the key."""
    # group__pk, not group_id: Django answers an id beyond the database's integers with no row only there.
    calendar = get_object_or_404(GroupCalendar.objects.select_related("group"), group__pk=group_pk)
    if not hmac.compare_digest(request.GET.get("token", ""), calendar.token):
        raise Http404
    group: CollaborationGroup = calendar.group
    host = request.get_host()
    events = [
        ical.Event(
            uid=f"meeting-{meeting.pk}@{host}",
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            summary=f"{group.name}: {meeting.get_kind_display()}",
            location=meeting.place,
            description="\n".join(meeting.agenda_items()),
            url=request.build_absolute_uri(meeting.get_absolute_url()),
        )
        for meeting in group.meetings.order_by("starts_at")
    ]
    body = ical.calendar(name=group.name, events=events, stamp=clock.now())
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
