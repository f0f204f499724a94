"""`samverkan worker`: run the queued jobs (imports, reports' PDFs, scheduled fetches, notifications)."""

from __future__ import annotations

import logging
import signal
import sys

from django.core.management.base import BaseCommand, CommandParser

from samverkan.worker import INTERVAL_SECONDS, worker


class Command(BaseCommand):
    help = (
        "Run the jobs waiting in the database queue, one at a time, until stopped (SIGTERM or Ctrl+C let the "
        "running job finish). Run one or more beside `samverkan serve`; see README: Production."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then exit.")
        parser.add_argument("--max-tasks", type=int, default=None, help="Exit after this many jobs.")
        parser.add_argument(
            "--interval", type=float, default=INTERVAL_SECONDS, help="Seconds between looks at an empty queue."
        )

    def handle(self, *args, batch: bool, max_tasks: int | None, interval: float, verbosity: int, **options) -> None:
        for name in ("django_tasks_db", "django.tasks", "samverkan.jobs"):
            log = logging.getLogger(name)
            log.setLevel(logging.INFO if verbosity else logging.WARNING)
            if not log.handlers:
                log.addHandler(logging.StreamHandler(sys.stderr))
        running = worker(batch=batch, max_tasks=max_tasks, interval=interval)
        stops = [signal.SIGINT, signal.SIGTERM, *([signal.SIGQUIT] if hasattr(signal, "SIGQUIT") else [])]
        before = {stop: signal.getsignal(stop) for stop in stops}
        running.configure_signals()  # the first SIGTERM or Ctrl+C lets the running job finish, the second stops it
        try:
            running.run()
        finally:
            for stop, handler in before.items():
                signal.signal(stop, handler)
