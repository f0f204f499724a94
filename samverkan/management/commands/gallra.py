"""`samverkan gallra [--dry-run]`: retention of incident and survey free text and of finished jobs
(samverkan.audit.retention)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from samverkan.audit.retention import retention_apply
from samverkan.core import clock


class Command(BaseCommand):
    help = (
        "Clear the free text whose time is up: incident descriptions and handling notes "
        "INCIDENT_TEXT_RETENTION_YEARS after the incident, survey free-text answers SURVEY_TEXT_RETENTION_MONTHS "
        "after the wave closed; finished jobs JOB_RETENTION_DAYS after they finished. Run it daily, e.g. from cron: "
        "15 3 * * * samverkan gallra"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Count what would be cleared, clear nothing.")

    def handle(self, *args, dry_run: bool, **options) -> None:
        done = retention_apply(today=clock.today(), dry_run=dry_run)
        verb = "would clear" if dry_run else "cleared"
        years, months = settings.INCIDENT_TEXT_RETENTION_YEARS, settings.SURVEY_TEXT_RETENTION_MONTHS
        self.stdout.write(
            f"gallra: {verb} the description of {done.descriptions} incidents and the text of {done.notes} handling "
            f"notes of incidents before {done.incidents_before} ({years} years)"
        )
        self.stdout.write(
            f"gallra: {verb} the text of {done.citizen_texts} citizens' reports and {done.citizen_photos} of their "
            f"photos received before {done.incidents_before} ({years} years)"
        )
        self.stdout.write(
            f"gallra: {verb} the free text of {done.survey_texts} survey responses of waves closed on or before "
            f"{done.waves_closed_on_or_before} ({months} months)"
        )
        self.stdout.write(
            f"gallra: {'would delete' if dry_run else 'deleted'} {done.jobs} jobs finished before {done.jobs_before} "
            f"({settings.JOB_RETENTION_DAYS} days)"
        )
        if dry_run:
            self.stdout.write("gallra: nothing was cleared; run it daily, e.g. from cron: 15 3 * * * samverkan gallra")
