"""Imports in the worker: a confirmed upload (and `import_in_job`, which the sources' scheduled fetches use)."""

from __future__ import annotations

from typing import cast

from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from samverkan.core.jobs import JobFailed, JobProgress, JobResult, job_run
from samverkan.organisations.models import User
from samverkan.sources.importing import ConfigurableImporter, Importer, run_import
from samverkan.sources.parsing import ImportFailed, Source
from samverkan.sources.registry import IMPORTERS
from samverkan.sources.uploads import upload_take


def _imported(name: str, outcome) -> str:
    return _("Imported %(name)s: %(created)d created, %(updated)d updated, %(skipped)d skipped.") % {
        "name": name,
        "created": outcome.created,
        "updated": outcome.updated,
        "skipped": outcome.skipped,
    }


def import_in_job(importer: Importer, source: Source, *, by: User | None, progress: JobProgress) -> JobResult:
    """Run an import inside a job: its rows counted into the job, its problems the job's message."""
    try:
        outcome = run_import(importer, source, by=by, out=progress)
    except ImportFailed as failed:
        raise JobFailed("\n".join(str(problem) for problem in failed.problems)) from failed
    return JobResult(_imported(source.name, outcome), reverse("sources"))


@task
def import_upload_apply(
    *, job_id: int, key: str, token: str, name: str, options: dict, user_id: int, language: str
) -> None:
    """Import a previewed upload (kept under `token`) as the user who confirmed it, in their language."""

    def work(progress: JobProgress) -> JobResult:
        importer = IMPORTERS[key]
        form_class = getattr(importer, "options_form", None)
        if form_class is not None:
            form = form_class(options)
            if form.is_valid():
                importer = cast(ConfigurableImporter, importer).configured(**form.cleaned_data)
        data = upload_take(token=token)
        if data is None:  # taken by another confirmation, or cleaned after a day
            raise JobFailed(_("The uploaded file is no longer kept: upload it again."))
        return import_in_job(importer, Source(name, data), by=User.objects.get(pk=user_id), progress=progress)

    with translation.override(language):
        job_run(job_id, work)
