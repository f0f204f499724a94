"""Long work goes through the database queue and the real worker (django-tasks-db), not inside the request."""

from __future__ import annotations

import datetime
import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samverkan.audit.retention import retention_apply
from samverkan.core import clock
from samverkan.core.models import Job
from samverkan.followup.reports.models import GeneratedReport
from samverkan.sources.incidents.models import Incident
from samverkan.sources.models import ImportRun
from samverkan.worker import worker_thread

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The worker commits as it goes and, between jobs, closes a connection left inside a transaction (as it would a
# broken one): its tests run on the database as it is, not inside a test's transaction.
REAL = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_queue(settings) -> None:
    settings.TASKS = DATABASE_QUEUE


def incidents_csv(rows: int) -> bytes:
    """`rows` incidents in Arjeplog (2506), on the days before today."""
    day = clock.today()
    lines = ["id,occurred_from,kommunkod,lat,lng,category,severity,status,description"]
    for n in range(1, rows + 1):
        when = day - datetime.timedelta(days=n)
        lines.append(f"est-{n},{when:%Y-%m-%d} 22:10,2506,66.5,17.5,Klotter,1,ny,Klotter på elskåp {n}")
    return ("\n".join(lines) + "\n").encode()


def confirm_upload(client, data: bytes):
    preview = client.post(reverse("import_upload", args=["incidents"]), {"file": SimpleUploadedFile("est.csv", data)})
    assert preview.status_code == 200, preview.content.decode()
    return client.post(reverse("import_confirm", args=["incidents"]), {"token": preview.context["token"]})


def run_worker() -> str:
    out = io.StringIO()
    call_command("worker", batch=True, stdout=out, stderr=out)
    return out.getvalue()


@REAL
def test_it_queues_a_confirmed_import_and_the_worker_imports_it(client, world, in_english):
    client.force_login(world.alice)

    confirm = confirm_upload(client, incidents_csv(3))

    job = Job.objects.get()
    assert confirm.status_code == 302 and confirm["Location"] == reverse("job", args=[job.pk])
    assert (job.state, job.kind, job.created_by) == (Job.State.QUEUED, "import", world.alice)
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY
    assert not Incident.objects.exists()  # nothing imported inside the request
    waiting = client.get(confirm["Location"]).content.decode()
    assert "Queued" in waiting and reverse("job_status", args=[job.pk]) in waiting
    assert job.get_absolute_url() in client.get(reverse("sources")).content.decode()  # found again from Kartläggning

    run_worker()

    job.refresh_from_db()
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert (job.state, job.done, job.total) == (Job.State.DONE, 3, 3)
    assert Incident.objects.count() == 3
    run = ImportRun.objects.get()
    assert (run.by, run.created) == (world.alice, 3)
    assert job.message == "Imported est.csv: 3 created, 0 updated, 0 skipped."
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Finished" in page and job.message in page and f'href="{reverse("sources")}"' in page
    assert client.get(reverse("job_status", args=[job.pk])).json()["finished"] is True
    assert job.get_absolute_url() not in client.get(reverse("sources")).content.decode()


@REAL
def test_its_finished_jobs_are_deleted_after_the_retention_what_they_made_stays(client, world, settings):
    client.force_login(world.alice)
    confirm_upload(client, incidents_csv(2))
    run_worker()
    confirm_upload(client, incidents_csv(1))  # queued, never run: not finished, so never deleted
    finished = Job.objects.get(state=Job.State.DONE)
    day = timezone.localtime(finished.finished_at).date()
    last_kept = day + datetime.timedelta(days=settings.JOB_RETENTION_DAYS)

    assert retention_apply(today=last_kept).jobs == 0
    assert Job.objects.count() == 2 and DBTaskResult.objects.count() == 2

    done = retention_apply(today=last_kept + datetime.timedelta(days=1))

    assert done.jobs == 1 and done.jobs_before == day + datetime.timedelta(days=1)
    assert list(Job.objects.values_list("state", flat=True)) == [Job.State.QUEUED]
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == [TaskResultStatus.READY]
    assert Incident.objects.count() == 2 and ImportRun.objects.count() == 1  # what the job made stays
    assert client.get(finished.get_absolute_url()).status_code == 404


@REAL
def test_it_fails_the_job_with_a_message_when_its_upload_is_gone(client, world, settings, in_english):
    client.force_login(world.alice)
    confirm_upload(client, incidents_csv(1))
    for kept in (settings.DATA_DIR / "uploads").iterdir():  # queued; before the worker runs, the file is gone
        kept.unlink()

    run_worker()

    job = Job.objects.get()
    assert job.state == Job.State.FAILED
    assert job.message == "The uploaded file is no longer kept: upload it again."
    assert not ImportRun.objects.exists()
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Failed" in page and job.message in page


@REAL
def test_it_generates_the_annual_report_in_the_worker(client, world):
    client.force_login(world.alice)
    year = clock.today().year - 1

    response = client.post(reverse("annual_report_generate", args=["2506", year]))

    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url() and not GeneratedReport.objects.exists()
    run_worker()
    job.refresh_from_db()
    report = GeneratedReport.objects.get()
    assert (job.state, job.result_url, report.generated_by) == (Job.State.DONE, report.get_absolute_url(), world.alice)
    assert bytes(report.pdf).startswith(b"%PDF")
    assert report.get_absolute_url() in client.get(job.get_absolute_url()).content.decode()


@REAL
def test_it_schedules_a_periodic_job_once_while_it_waits(world):
    out = io.StringIO()
    call_command("schedule", "notify", stdout=out)
    call_command("schedule", "notify", stdout=out)

    job = Job.objects.get()
    assert out.getvalue().splitlines() == [f"notify: job {job.pk} queued", "notify: already queued"]
    run_worker()
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.created_by is None
    assert job.message.startswith("sent: ")
    call_command("schedule", "notify", stdout=out)  # the next hour's
    assert Job.objects.count() == 2


def test_it_shows_a_running_jobs_rows(client, world, in_english):
    client.force_login(world.alice)
    job = Job.objects.create(
        kind="import", label="Import", created_by=world.alice, created_at=clock.now(), state="running"
    )
    Job.objects.filter(pk=job.pk).update(done=1200, total=3400)

    page = client.get(job.get_absolute_url()).content.decode()
    status = client.get(reverse("job_status", args=[job.pk])).json()

    assert "1,200 of 3,400 rows" in page
    assert status["count"] in page and (status["done"], status["total"], status["finished"]) == (1200, 3400, False)


def test_it_shows_a_job_only_to_who_started_it(client, world):
    job = Job.objects.create(kind="import", label="Import", created_by=world.alice, created_at=clock.now())
    client.force_login(world.charlie)
    assert client.get(job.get_absolute_url()).status_code == 404
    assert client.get(reverse("job_status", args=[job.pk])).status_code == 404


@REAL
def test_it_runs_the_demos_worker_in_a_thread(world):
    call_command("schedule", "notify", stdout=io.StringIO())
    thread, running = worker_thread()
    try:
        deadline = time.monotonic() + 60
        while Job.objects.get().state != Job.State.DONE and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        running.running = False
        thread.join(timeout=30)
    assert Job.objects.get().state == Job.State.DONE
    assert not thread.is_alive()
