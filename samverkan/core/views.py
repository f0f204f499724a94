"""A job's page: what the worker is doing with it, how far it has come, and where its result is kept."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samverkan.core.figures import figure
from samverkan.core.models import Job


def _job_for_user(request, pk: int) -> Job:
    """The user's own job; anyone else's is 404 (a job holds a file's name, a report's place)."""
    job = Job.objects.filter(pk=pk, created_by=request.user).first()
    if job is None:
        raise Http404
    return job


def _count(job: Job) -> str:
    """How far a running job has come, e.g. "1 200 av 3 400 rader"; empty while it has not counted."""
    if job.state != Job.State.RUNNING or not job.total:
        return ""
    return _("%(done)s of %(total)s rows") % {"done": figure(job.done, "count"), "total": figure(job.total, "count")}


@login_required
@require_GET
def job(request, pk: int) -> HttpResponse:
    job = _job_for_user(request, pk)
    return render(request, "core/job.html", {"job": job, "count": _count(job)})


@login_required
@require_GET
def job_status(request, pk: int) -> JsonResponse:
    """The job's state for the page's script, which updates the page and reloads it when the job is finished."""
    job = _job_for_user(request, pk)
    state = {"state": job.state, "label": job.get_state_display(), "count": _count(job)}
    return JsonResponse({**state, "done": job.done, "total": job.total, "finished": job.finished})
