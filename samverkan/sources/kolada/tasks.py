"""The scheduled Kolada fetch, in the worker (`samverkan schedule kolada`)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.tasks import task
from django.utils import translation

from samverkan.core import clock
from samverkan.core.jobs import JobFailed, JobProgress, JobResult, job_run
from samverkan.organisations.models import Municipality
from samverkan.sources.importing import read_source
from samverkan.sources.kolada.kpis import KPIS
from samverkan.sources.parsing import ImportFailed
from samverkan.sources.registry import IMPORTERS
from samverkan.sources.tasks import import_in_job

KOLADA_DATA = "https://api.kolada.se/v2/data/kpi/{kpis}/municipality/{codes}/year/{years}"
KOLADA_YEARS = 3  # the last three whole years: Kolada publishes a year late and revises the recent ones


def kolada_url(*, today: datetime.date) -> str:
    """Kolada's data for the product's key figures, every stored municipality and the country, the last years."""
    codes = ["0000", *Municipality.objects.order_by("code").values_list("code", flat=True)]
    years = [str(today.year - back) for back in range(KOLADA_YEARS, 0, -1)]
    return KOLADA_DATA.format(kpis=",".join(KPIS), codes=",".join(codes), years=",".join(years))


@task
def kolada_fetch(*, job_id: int) -> None:
    """Fetch and import the key figures as the operator (reference data everywhere)."""

    def work(progress: JobProgress) -> JobResult:
        try:
            source = read_source(kolada_url(today=clock.today()))
        except ImportFailed as failed:
            raise JobFailed("\n".join(str(problem) for problem in failed.problems)) from failed
        return import_in_job(IMPORTERS["kolada"], source, by=None, progress=progress)

    with translation.override(settings.LANGUAGE_CODE):
        job_run(job_id, work)
