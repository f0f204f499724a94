"""Upload, preview, confirm: the web side of every importer."""

from __future__ import annotations

from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from samverkan.core.jobs import job_start
from samverkan.core.models import Job
from samverkan.organisations.access import visible_municipalities
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.sources.importing import ConfigurableImporter, Importer, check_size, reach_for, run_import
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import ImportFailed, Problem, Source
from samverkan.sources.registry import IMPORTERS
from samverkan.sources.tasks import import_upload_apply
from samverkan.sources.uploads import upload_keep, upload_kept

# The source pages, in the order of the cycle's kartläggning.
SOURCE_PAGES = [
    (
        "incidents_list",
        gettext_lazy("Incidents (EST)"),
        gettext_lazy("What reporters from every party log, week by week."),
    ),
    ("bra_list", gettext_lazy("Reported crimes (Brå)"), gettext_lazy("Brå's statistics of reported crimes per year.")),
    (
        "police_events_list",
        gettext_lazy("Police events"),
        gettext_lazy("The events Polisen publishes, by type and month."),
    ),
    (
        "surveys_list",
        gettext_lazy("Safety surveys"),
        gettext_lazy("Citizens' view of problems and safety where they live."),
    ),
    ("dialogues_list", gettext_lazy("Dialogues"), gettext_lazy("What employees, citizens and partners raised.")),
    (
        "citizen_reports",
        gettext_lazy("Citizen reports"),
        gettext_lazy("Unsafe places citizens reported in the e-service."),
    ),
    ("kolada_list", gettext_lazy("Key figures (Kolada)"), gettext_lazy("Municipal key figures on crime and safety.")),
    ("indicators_list", gettext_lazy("Other indicators"), gettext_lazy("Youth surveys, supervision figures and more.")),
]


def _importer_for(request: AuthenticatedHttpRequest, key: str) -> Importer:
    if key not in IMPORTERS or not reach_for(request.user):
        raise Http404
    return IMPORTERS[key]


def _options(importer: Importer, data: dict | None):
    """The form of the importer's own options (`options_form`, e.g. the survey's wave and dates), or None."""
    form_class = getattr(importer, "options_form", None)
    return form_class(data) if form_class else None


@login_required
def sources(request: AuthenticatedHttpRequest) -> HttpResponse:
    can_import = bool(reach_for(request.user))
    pages = [(reverse(url_name), label, description) for url_name, label, description in SOURCE_PAGES]
    context = {
        "pages": pages,
        "importers": sorted(IMPORTERS.values(), key=lambda i: str(i.label)) if can_import else [],
        "runs": ImportRun.objects.filter(by=request.user)[:20],
        # Confirmed imports the worker has not finished: their pages show how far they have come.
        "jobs": Job.objects.filter(
            kind="import", created_by=request.user, state__in=[Job.State.QUEUED, Job.State.RUNNING]
        )[:20],
        "municipalities": visible_municipalities(request.user),
    }
    return render(request, "sources/index.html", context)


@login_required
def import_upload(request: AuthenticatedHttpRequest, key: str) -> HttpResponse:
    importer = _importer_for(request, key)
    options = _options(importer, request.POST if request.method == "POST" else None)
    context: dict = {"importer": importer, "options": options, "max_mb": settings.IMPORT_MAX_BYTES // 2**20}
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            context["problems"] = [Problem("", None, _("file"), _("Choose a file to import."))]
            return render(request, "sources/import.html", context, status=400)
        name, size = upload.name or "", upload.size or 0  # an upload has both
        try:
            check_size(name, size)  # before the file is read into memory
        except ImportFailed as failed:
            context.update(problems=failed.problems, file_name=name)
            return render(request, "sources/import.html", context, status=413)
        if options is not None:
            if not options.is_valid():
                return render(request, "sources/import.html", context, status=400)
            importer = cast(ConfigurableImporter, importer).configured(**options.cleaned_data)
        source = Source(name, upload.read())
        try:
            outcome = run_import(importer, source, by=request.user, dry_run=True)
        except ImportFailed as failed:
            context.update(problems=failed.problems, file_name=source.name)
            return render(request, "sources/import.html", context, status=400)
        token = upload_keep(data=source.data)
        chosen = {name: request.POST.get(name, "") for name in options.fields} if options else {}
        request.session[f"import:{token}"] = {"key": key, "name": source.name, "options": chosen}
        context.update(outcome=outcome, token=token, file_name=source.name)
    return render(request, "sources/import.html", context)


@login_required
def import_confirm(request: AuthenticatedHttpRequest, key: str) -> HttpResponse:
    importer = _importer_for(request, key)
    token = request.POST.get("token", "")
    if request.method != "POST":
        raise Http404
    pending = request.session.pop(f"import:{token}", None)
    if not (pending and pending["key"] == key and upload_kept(token=token)):
        raise Http404
    # The worker imports it (samverkan.sources.tasks); the job's page shows how far it has come.
    job = job_start(
        import_upload_apply,
        kind="import",
        label=_("Import of %(name)s") % {"name": pending["name"]},
        by=request.user,
        key=key,
        token=token,
        name=pending["name"],
        options=pending.get("options") or {},
        user_id=request.user.pk,
        language=get_language(),
    )
    if job.state == Job.State.FAILED:  # already run (the immediate backend): its problems, as a preview's
        problems = job.message.splitlines()
        return render(request, "sources/import.html", {"importer": importer, "problems": problems}, status=400)
    if job.state == Job.State.DONE:
        messages.success(request, job.message)
        return redirect("sources")
    return redirect(job)
