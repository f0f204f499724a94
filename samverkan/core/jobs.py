"""Long work in the worker, the one way: a Job row the page reads, a task that runs it and writes its progress.

A page (or the schedule) calls `job_start(task, kind=…, label=…, by=…, **arguments)`: it keeps a queued Job and
enqueues the task (Django's tasks framework; the database queue of django-tasks-db, which `samverkan worker`
runs). The task is a plain function decorated with `@task` that calls `job_run(job_id, work)`: `work` gets a
JobProgress (a progress output, so `core.progress.progress` counts rows into the Job) and returns a JobResult
(the message and a link to what it made, kept by the work itself); a JobFailed it raises is shown to the user
as its message. Any other error marks the job failed with a plain message and goes to the worker's log.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
from samverkan.core.models import Job

if TYPE_CHECKING:
    from django.tasks import Task

logger = logging.getLogger("samverkan.jobs")

UNEXPECTED = _("Something went wrong. Nothing of it was kept; try again, or ask the administrator (the worker's log).")
PROGRESS_EVERY_SECONDS = 0.5  # a job's row is written at most this often while it counts


@dataclass(frozen=True)
class JobResult:
    message: str
    result_url: str = ""


class JobFailed(Exception):
    """The work refused, with a message for the user (e.g. an import's problems, one per line)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class JobProgress:
    """The job's progress as a progress output (core.progress): `count(done, total)` writes it to the Job row."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self._written = 0.0

    def count(self, done: int, total: int) -> None:
        moment = time.monotonic()
        if done < total and moment - self._written < PROGRESS_EVERY_SECONDS:
            return
        self._written = moment
        Job.objects.filter(pk=self.job_id).update(done=min(done, total), total=total)

    # An output for the terminal's counter too, which a job never shows.
    def write(self, text: str, /) -> object:
        return None

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False


def job_start(task: Task, *, kind: str, label: str, by: Any = None, **arguments: Any) -> Job:
    """Keep a queued job and hand the task to the worker; the task gets `job_id` and the arguments (JSON values).

    With the immediate backend (TASKS_BACKEND) the task has run when this returns.
    """
    job = Job.objects.create(kind=kind, label=label[:500], created_by=by, created_at=clock.now())
    result = task.enqueue(job_id=job.pk, **arguments)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def job_run(job_id: int, work: Callable[[JobProgress], JobResult]) -> None:
    """Run the work of a job inside its task, writing its state, progress and outcome to the Job."""
    Job.objects.filter(pk=job_id).update(state=Job.State.RUNNING, started_at=clock.now())
    try:
        result = work(JobProgress(job_id))
    except JobFailed as failed:
        _finish(job_id, Job.State.FAILED, failed.message)
        return
    except Exception:
        _finish(job_id, Job.State.FAILED, str(UNEXPECTED))
        logger.exception("job %s failed", job_id)
        raise
    job = Job.objects.filter(pk=job_id).first()
    done = {"done": job.total} if job is not None and job.total is not None else {}
    _finish(job_id, Job.State.DONE, result.message, result_url=result.result_url, **done)


def _finish(job_id: int, state: str, message: str, **fields: Any) -> None:
    Job.objects.filter(pk=job_id).update(state=state, message=message, finished_at=clock.now(), **fields)
