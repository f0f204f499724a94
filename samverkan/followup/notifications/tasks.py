"""Sending the notifications in the worker (`samverkan schedule notify`, `samverkan schedule digest`)."""

from __future__ import annotations

from django.conf import settings
from django.tasks import task

from samverkan.core import clock
from samverkan.core.jobs import JobProgress, JobResult, job_run
from samverkan.followup.notifications.services import notifications_send


@task
def notifications_send_due(*, job_id: int, digest: bool = False) -> None:
    """Email what is due (with the weekly digests when `digest`); each notification is sent once."""

    def work(progress: JobProgress) -> JobResult:
        outcome = notifications_send(today=clock.today(), digest=digest, base_url=settings.SITE_URL.rstrip("/"))
        return JobResult(
            f"sent: {outcome.emails} emails, {outcome.notifications} notifications, {outcome.already_sent} already sent"
        )

    job_run(job_id, work)
