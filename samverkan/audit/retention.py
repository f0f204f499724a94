"""Retention (gallring) of the free text people typed, run daily by `samverkan gallra`.

- An incident's description and its handling notes are cleared INCIDENT_TEXT_RETENTION_YEARS after the incident
  occurred (by its date: an imported old incident loses its text at the next run).
- A citizen's report of an unsafe place loses its text and its photo after the same INCIDENT_TEXT_RETENTION_YEARS,
  counted from the day it was received (its public answer, category, place and status stay).
- A survey's free-text answers are cleared SURVEY_TEXT_RETENTION_MONTHS after its wave closed; an open wave keeps
  them.
- A finished job (samverkan.core.jobs: its page, its outcome message) and the task queue's record of it are deleted
  JOB_RETENTION_DAYS after it finished: the scheduled fetches alone queue 150 a day. What the job made (an import,
  a report) stays where the work kept it.
Categories, places, dates, severities, statuses and answers to the fixed questions stay: the figures need them.
Clearing writes "" in one queryset update per kind (no signals, so no audit entries: the audit never held these
texts, samverkan.core.audit masks them). Running it again clears nothing more.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samverkan.core.models import Job
from samverkan.sources.citizen_reports.models import CitizenReport, ReportPhoto
from samverkan.sources.incidents.models import Incident, IncidentNote
from samverkan.sources.surveys.models import Response


@dataclass(frozen=True)
class Retention:
    incidents_before: datetime.date  # incidents that occurred before this day lose their texts
    waves_closed_on_or_before: datetime.date  # waves closed on or before this day lose their free-text answers
    descriptions: int
    notes: int
    survey_texts: int
    citizen_texts: int = 0  # citizens' reports received before incidents_before: their texts
    citizen_photos: int = 0  # and their photos, deleted
    jobs_before: datetime.date | None = None  # jobs that finished before this day are deleted
    jobs: int = 0


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` years earlier (29 February: the 28th)."""
    year = day.year - years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier, or that month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def retention_apply(*, today: datetime.date, dry_run: bool = False) -> Retention:
    """Clear the texts whose time is up on `today` (with dry_run only count them)."""
    incidents_before = years_before(today, settings.INCIDENT_TEXT_RETENTION_YEARS)
    closed_by = months_before(today, settings.SURVEY_TEXT_RETENTION_MONTHS)
    moment = datetime.datetime.combine(incidents_before, datetime.time.min, timezone.get_current_timezone())
    descriptions = Incident.objects.filter(occurred_from__lt=moment).exclude(description="")
    notes = IncidentNote.objects.filter(incident__occurred_from__lt=moment).exclude(text="")
    survey_texts = Response.objects.filter(wave__closed_on__lte=closed_by).exclude(free_text="")
    citizen_texts = CitizenReport.objects.filter(received_at__lt=moment).exclude(text="")
    citizen_photos = ReportPhoto.objects.filter(report__received_at__lt=moment)
    jobs_before = today - datetime.timedelta(days=settings.JOB_RETENTION_DAYS)
    finished_before = datetime.datetime.combine(jobs_before, datetime.time.min, timezone.get_current_timezone())
    jobs = Job.objects.filter(state__in=[Job.State.DONE, Job.State.FAILED], finished_at__lt=finished_before)
    tasks = DBTaskResult.objects.finished().filter(finished_at__lt=finished_before)
    if dry_run:
        counts = (descriptions.count(), notes.count(), survey_texts.count())
        citizen = (citizen_texts.count(), citizen_photos.count())
        finished = jobs.count()
    else:
        with transaction.atomic():
            counts = (
                descriptions.update(description=""),
                notes.update(text=""),
                survey_texts.update(free_text=""),
            )
            citizen = (citizen_texts.update(text=""), citizen_photos.delete()[0])
            finished = jobs.delete()[0]
            tasks.delete()
    return Retention(incidents_before, closed_by, *counts, *citizen, jobs_before, finished)
