"""A previewed upload that is never confirmed is deleted after a day."""

from __future__ import annotations

import datetime
import io
import os
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from samverkan.core import clock
from samverkan.sources.models import ImportRun

CSV = (
    "id,occurred_from,kommunkod,lat,lng,category,severity,status,description\n"
    "est-1,2026-01-14 22:10,2506,66.5,17.5,Klotter,1,ny,Klotter på elskåp\n"
).encode()


def waiting(settings, name: str, *, hours: float) -> Path:
    """A file in the uploads folder that has waited `hours` by the clock."""
    folder = settings.DATA_DIR / "uploads"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(CSV)
    moment = (clock.now() - datetime.timedelta(hours=hours)).timestamp()
    os.utime(path, (moment, moment))
    return path


def listed(settings) -> list[str]:
    return sorted(path.name for path in (settings.DATA_DIR / "uploads").iterdir())


def test_it_deletes_the_uploads_older_than_a_day(settings):
    waiting(settings, "old", hours=25)
    waiting(settings, "fresh", hours=23)
    out = io.StringIO()

    call_command("clean_uploads", stdout=out)

    assert out.getvalue() == "deleted 1 unconfirmed upload(s)\n"
    assert listed(settings) == ["fresh"]


def test_it_has_nothing_to_clean_before_the_first_upload(settings):
    out = io.StringIO()
    call_command("clean_uploads", stdout=out)
    assert out.getvalue() == "deleted 0 unconfirmed upload(s)\n"


def test_it_sweeps_old_uploads_when_a_file_is_uploaded(client, world, settings):
    waiting(settings, "old", hours=30)
    waiting(settings, "fresh", hours=1)
    client.force_login(world.alice)

    response = client.post(reverse("import_upload", args=["incidents"]), {"file": SimpleUploadedFile("est.csv", CSV)})

    assert response.status_code == 200
    assert listed(settings) == sorted(["fresh", response.context["token"]])


def test_it_confirms_an_upload_within_the_day_and_removes_its_file(client, world, settings):
    client.force_login(world.alice)
    preview = client.post(reverse("import_upload", args=["incidents"]), {"file": SimpleUploadedFile("est.csv", CSV)})
    token = preview.context["token"]
    os.utime(settings.DATA_DIR / "uploads" / token, (clock.now().timestamp() - 3600,) * 2)
    call_command("clean_uploads", stdout=io.StringIO())

    confirm = client.post(reverse("import_confirm", args=["incidents"]), {"token": token})

    assert confirm.status_code == 302
    assert ImportRun.objects.get().created == 1
    assert listed(settings) == []


def test_it_cannot_confirm_an_upload_deleted_after_a_day(client, world, settings):
    client.force_login(world.alice)
    preview = client.post(reverse("import_upload", args=["incidents"]), {"file": SimpleUploadedFile("est.csv", CSV)})
    token = preview.context["token"]
    os.utime(settings.DATA_DIR / "uploads" / token, (clock.now().timestamp() - 25 * 3600,) * 2)
    call_command("clean_uploads", stdout=io.StringIO())

    confirm = client.post(reverse("import_confirm", args=["incidents"]), {"token": token})

    assert confirm.status_code == 404
    assert ImportRun.objects.count() == 0


def test_it_takes_only_a_token_from_the_uploads_folder(client, world, settings):
    (settings.DATA_DIR / "secret.txt").write_text("not an upload")
    client.force_login(world.alice)
    session = client.session
    session["import:../secret.txt"] = {"key": "incidents", "name": "est.csv", "options": {}}
    session.save()

    confirm = client.post(reverse("import_confirm", args=["incidents"]), {"token": "../secret.txt"})

    assert confirm.status_code == 404
    assert (settings.DATA_DIR / "secret.txt").exists()
