"""The worker: runs the jobs waiting in the database queue (django-tasks-db's worker, with the product's defaults).

`samverkan worker` runs it as its own process (production: one or more, beside `samverkan serve`);
`samverkan demo` runs one in a thread of the demo's process, so the demo stays one command.
"""

from __future__ import annotations

import threading

from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

QUEUE = "default"
INTERVAL_SECONDS = 1.0  # how often an idle worker looks for a queued job


def worker(*, batch: bool = False, max_tasks: int | None = None, interval: float = INTERVAL_SECONDS) -> Worker:
    """A worker of the default queue; `batch` stops it when the queue is empty."""
    return Worker(
        queue_names=[QUEUE],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )


def worker_thread() -> tuple[threading.Thread, Worker]:
    """Start a worker in a daemon thread of this process (the demo's); it ends with the process, or when its
    `running` is set to False (it finishes the job it runs and stops within INTERVAL_SECONDS)."""
    running = worker()

    def run() -> None:
        try:
            running.run()
        finally:
            close_old_connections()

    thread = threading.Thread(target=run, name="samverkan-worker", daemon=True)
    thread.start()
    return thread, running
