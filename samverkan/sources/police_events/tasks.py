"""The scheduled fetch of Polisen's latest events, in the worker (`samverkan schedule police_events`)."""

from __future__ import annotations

from django.conf import settings
from django.tasks import task
from django.utils import translation

from samverkan.core.jobs import JobFailed, JobProgress, JobResult, job_run
from samverkan.sources.importing import read_source
from samverkan.sources.parsing import ImportFailed
from samverkan.sources.police_events.services import FEED_URL, police_feed_claim
from samverkan.sources.registry import IMPORTERS
from samverkan.sources.tasks import import_in_job


@task
def police_events_fetch(*, job_id: int) -> None:
    """Fetch the feed and import it, at most once a minute (as `collect_police_events`, which it replaces in cron)."""

    def work(progress: JobProgress) -> JobResult:
        try:
            police_feed_claim(url=FEED_URL)
            source = read_source(FEED_URL)
        except ImportFailed as failed:
            raise JobFailed("\n".join(str(problem) for problem in failed.problems)) from failed
        return import_in_job(IMPORTERS["police_events"], source, by=None, progress=progress)

    with translation.override(settings.LANGUAGE_CODE):
        job_run(job_id, work)
