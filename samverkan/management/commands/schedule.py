"""`samverkan schedule NAME…`: hand a periodic job to the worker; cron or a systemd timer calls it (README)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.tasks import Task

from samverkan.core.jobs import job_start
from samverkan.core.models import Job
from samverkan.followup.notifications.tasks import notifications_send_due
from samverkan.sources.kolada.tasks import kolada_fetch
from samverkan.sources.police_events.tasks import police_events_fetch


@dataclass(frozen=True)
class Periodic:
    task: Task
    label: str
    cron: str  # when to run it, as a crontab's first five fields
    arguments: dict[str, Any] = field(default_factory=dict)


PERIODIC: dict[str, Periodic] = {
    "police_events": Periodic(police_events_fetch, "Polisens händelser (latest 500)", "*/10 * * * *"),
    "kolada": Periodic(kolada_fetch, "Kolada key figures", "30 4 * * 1"),
    "notify": Periodic(notifications_send_due, "Notifications", "0 * * * *"),
    "digest": Periodic(notifications_send_due, "Notifications and weekly digests", "0 7 * * 1", {"digest": True}),
}


class Command(BaseCommand):
    help = (
        "Queue periodic jobs for the worker: "
        + ", ".join(PERIODIC)
        + ". One already waiting in the queue is not queued again. --list prints a crontab."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(PERIODIC))
        parser.add_argument(
            "--list", action="store_true", dest="crontab", help="print a crontab line for each periodic job"
        )

    def handle(self, *args, names: list[str], crontab: bool, **options) -> None:
        if crontab:
            for name, periodic in PERIODIC.items():
                self.stdout.write(f"{periodic.cron} cd /srv/samverkan && uv run samverkan schedule {name}")
            return
        unknown = [name for name in names if name not in PERIODIC]
        if unknown or not names:
            raise CommandError(f"name one or more of: {', '.join(PERIODIC)} (unknown: {', '.join(unknown) or '-'})")
        for name in names:
            periodic = PERIODIC[name]
            if Job.objects.filter(kind=name, state=Job.State.QUEUED).exists():
                self.stdout.write(f"{name}: already queued")
                continue
            job = job_start(periodic.task, kind=name, label=periodic.label, **periodic.arguments)
            self.stdout.write(f"{name}: job {job.pk} {job.state}")
