"""The web import takes the wave's name and dates as the command does, and keeps all or nothing."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.sources.surveys.models import Wave
from tests.sources.surveys.conftest import DATA, fingerprint, recount, stored_tallies

UPLOAD = reverse("import_upload", args=["survey"])
CONFIRM = reverse("import_confirm", args=["survey"])
D = datetime.date


def upload(client, name: str, **options: str):
    """Arjeplog's rows of the 2025 test file, under the file name given."""
    lines = (DATA / "trygghet-2025-utf8.csv").read_text("utf-8-sig").splitlines()
    data = "\n".join(line for line in lines if not line.startswith("2505")).encode()
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data, "text/csv"), **options})


def test_it_offers_the_wave_and_its_dates(client, world):
    client.force_login(world.alice)
    body = client.get(UPLOAD).content.decode()
    for field in ("wave", "opened_on", "closed_on"):
        assert f'name="{field}"' in body


def test_it_previews_then_imports_the_wave_with_its_dates(client, world):
    client.force_login(world.alice)
    response = upload(client, name="arjeplog.csv", wave="Höst", opened_on="2025-10-06", closed_on="2025-11-16")
    assert response.status_code == 200
    assert response.context["outcome"].created == 4
    assert "Höst (Arjeplog): 2025-10-06 – 2025-11-16" in response.content.decode()
    assert not Wave.objects.exists()
    assert client.post(CONFIRM, {"token": response.context["token"]}).status_code == 302
    wave = Wave.objects.get()
    assert (wave.name, wave.opened_on, wave.closed_on) == (
        "Höst",
        datetime.date(2025, 10, 6),
        datetime.date(2025, 11, 16),
    )
    assert stored_tallies() == recount()


def test_it_dates_by_the_year_in_the_file_name_when_nothing_is_given(client, world):
    client.force_login(world.alice)
    response = upload(client, name="arjeplog-2024.csv")
    client.post(CONFIRM, {"token": response.context["token"]})
    wave = Wave.objects.get()
    assert (wave.name, wave.opened_on, wave.closed_on) == (
        "arjeplog-2024",
        D(2024, 1, 1),
        D(2024, 12, 31),
    )


def test_it_refuses_a_wave_it_cannot_date(client, world):
    client.force_login(world.alice)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    before = fingerprint()
    response = upload(client, name="arjeplog.csv", wave="Höst")
    assert response.status_code == 400
    assert "arjeplog.csv: wave: the wave has no dates" in response.content.decode()
    assert fingerprint() == before


def test_it_refuses_a_day_that_is_no_date(client, world):
    client.force_login(world.alice)
    before = fingerprint()
    response = upload(client, name="arjeplog.csv", wave="Höst", opened_on="6 oktober")
    assert response.status_code == 400
    assert response.context["options"].errors["opened_on"]
    assert fingerprint() == before
