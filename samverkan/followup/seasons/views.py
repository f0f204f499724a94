from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.core import clock
from samverkan.core.bounds import supported_year
from samverkan.core.forms import form_status
from samverkan.followup.seasons import services
from samverkan.followup.seasons.forms import PrepareForm
from samverkan.followup.seasons.lib.wheel import Span, wheel_chart
from samverkan.followup.seasons.selectors import activities_in_year, tasks_for_year
from samverkan.organisations.access import get_municipality_for_user, require_write, visible_municipalities
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import Municipality, PresentPopulation
from samverkan.situation.models import RecurringEvent
from samverkan.situation.selectors import Period, audience_for, situation_for_municipality


def _year(request: AuthenticatedHttpRequest) -> int:
    """The year asked for, this year when none is; a year outside the supported ones is no page (404)."""
    value = request.GET.get("year") or request.POST.get("year") or ""
    if not value:
        return clock.today().year
    if value.isascii() and value.isdigit() and len(value) == 4 and supported_year(int(value)):
        return int(value)
    raise Http404


def _wheel_url(municipality: Municipality, year: int) -> str:
    return f"{reverse('yearly_wheel', args=[municipality.code])}?year={year}"


@login_required
def wheel_index(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "seasons/index.html", {"municipalities": visible_municipalities(request.user)})


def _render_wheel(
    request: AuthenticatedHttpRequest, municipality: Municipality, can_write: bool, year: int, form: PrepareForm
) -> HttpResponse:
    events = RecurringEvent.objects.filter(municipality=municipality)
    previous = Period(datetime.date(year - 1, 1, 1), datetime.date(year - 1, 12, 31))
    audience = audience_for(request.user, municipality)
    months = situation_for_municipality(municipality=municipality, period=previous, audience=audience).seasons.months
    peaks = {row.month for row in months if row.peak}
    activities = list(activities_in_year(municipality=municipality, year=year))
    activity_spans = [
        Span(
            label=activity.title,
            start_month=max(activity.starts_on, datetime.date(year, 1, 1)).month,
            start_day=max(activity.starts_on, datetime.date(year, 1, 1)).day,
            end_month=min(activity.ends_on, datetime.date(year, 12, 31)).month,
            end_day=min(activity.ends_on, datetime.date(year, 12, 31)).day,
        )
        for activity in activities
    ]
    event_spans = [
        Span(
            label=event.name,
            start_month=event.start_month,
            start_day=event.start_day,
            end_month=event.end_month,
            end_day=event.end_day,
        )
        for event in events
    ]
    svg = wheel_chart(
        chart_id="wheel",
        title=_("Yearly wheel %(municipality)s %(year)s") % {"municipality": municipality.name, "year": year},
        summary=_("%(events)s recurring events and %(activities)s planned activities; peak months: %(peaks)s.")
        % {
            "events": len(event_spans),
            "activities": len(activity_spans),
            "peaks": ", ".join(str(MONTHS[month]) for month in sorted(peaks)) or "–",
        },
        month_labels=[str(MONTHS_3[month]) for month in range(1, 13)],
        rings=[(_("Recurring events"), event_spans), (_("Planned activities"), activity_spans)],
        peaks=peaks,
        peak_label=_("More incidents than usual (peak)"),
    )
    present = {row.month: row for row in PresentPopulation.objects.filter(municipality=municipality, year=year)}
    month_rows = [
        {
            "month": month,
            "name": MONTHS[month],
            "events": [event.name for event in events if month in event.months()],
            "activities": [span.label for span in activity_spans if span.start_month <= month <= span.end_month],
            "incidents": months[month - 1].incidents,
            "peak": month in peaks,
            "present": present.get(month),
        }
        for month in range(1, 13)
    ]
    context = {
        "municipality": municipality,
        "can_write": can_write,
        "year": year,
        "svg": svg,
        "month_rows": month_rows,
        "peak_years": previous.start.year,
        "tasks": tasks_for_year(municipality=municipality, year=year),
        "form": form,
        "missing_present": len(present) < 12,
    }
    return render(request, "seasons/wheel.html", context, status=form_status(form))


@login_required
def yearly_wheel(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    municipality, can_write = get_municipality_for_user(request, code)
    form = PrepareForm(events=RecurringEvent.objects.filter(municipality=municipality))
    return _render_wheel(request, municipality, can_write, _year(request), form)


@login_required
@require_POST
def tasks_prepare(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    municipality, can_write = get_municipality_for_user(request, code)
    require_write(can_write)
    year = _year(request)
    form = PrepareForm(request.POST, events=RecurringEvent.objects.filter(municipality=municipality))
    if not form.is_valid():
        return _render_wheel(request, municipality, True, year, form)
    created = services.tasks_prepare(event=form.cleaned_data["event"], year=year, kind=form.cleaned_data["kind"])
    messages.success(request, _("%(count)s coordination tasks were added.") % {"count": len(created)})
    return redirect(_wheel_url(municipality, year))


@login_required
@require_POST
def tasks_mark(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    municipality, can_write = get_municipality_for_user(request, code)
    require_write(can_write)
    year = _year(request)
    done = set(request.POST.getlist("done"))
    for task in tasks_for_year(municipality=municipality, year=year):
        if (str(task.pk) in done) != task.done:
            services.task_mark(task=task, done=not task.done, by=request.user)
    messages.success(request, _("The tasks were saved."))
    return redirect(_wheel_url(municipality, year))


@login_required
@require_POST
def present_population(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    municipality, can_write = get_municipality_for_user(request, code)
    require_write(can_write)
    year = _year(request)
    try:
        created = services.present_population_from_events(municipality=municipality, year=year)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The present population was filled in for %(count)s months.") % {"count": len(created)}
        )
    return redirect(_wheel_url(municipality, year))
