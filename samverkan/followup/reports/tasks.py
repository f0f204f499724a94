"""The annual report's PDF, made in the worker: generating one renders the whole report, which takes seconds."""

from __future__ import annotations

from django.http import Http404
from django.tasks import task
from django.utils import translation
from django.utils.translation import gettext as _

from samverkan.core.jobs import JobFailed, JobProgress, JobResult, job_run
from samverkan.followup.reports import services
from samverkan.followup.reports.selectors import place_for_area, place_for_municipality, sees_place_figures
from samverkan.organisations.models import User


@task
def annual_report_generate(
    *, job_id: int, year: int, user_id: int, language: str, code: str = "", area_id: int | None = None
) -> None:
    """Generate and keep the next version of a municipality's (code) or a police area's (area_id) annual report,
    as the user who asked: their reach is checked again here, as the page checked it."""

    def work(progress: JobProgress) -> JobResult:
        user = User.objects.get(pk=user_id)
        try:
            place = place_for_municipality(user, code) if code else place_for_area(user, area_id or 0)
        except Http404 as gone:
            raise JobFailed(_("You no longer may generate this report.")) from gone
        if not (place.can_write and sees_place_figures(user, place)):
            raise JobFailed(_("You no longer may generate this report."))
        report = services.report_generate(place=place, year=year, by=user)
        message = _("Version %(version)s of the report is generated and kept.") % {"version": report.version}
        return JobResult(message, report.get_absolute_url())

    with translation.override(language):
        job_run(job_id, work)
