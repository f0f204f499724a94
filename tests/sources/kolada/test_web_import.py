from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.organisations.models import User
from samverkan.sources.kolada.models import KpiValue
from samverkan.sources.models import ImportRun

from .conftest import DATA, state

REFERENCE = "is reference data: only an administrator imports national and county figures"

UPLOAD = reverse("import_upload", args=["kolada"])
CONFIRM = reverse("import_confirm", args=["kolada"])


def upload(client):
    data = (DATA / "kolada_arjeplog.json").read_bytes()
    return client.post(UPLOAD, {"file": SimpleUploadedFile("kolada_arjeplog.json", data, "application/json")})


def test_it_lives_at_the_generic_import_address():
    assert UPLOAD == "/kartlaggning/import/kolada/"


def test_it_previews_then_imports_for_an_administrator(client, world):
    # The file holds figures of the country and the county, which only an administrator imports.
    admin = User.objects.create_user("admin", password="password", is_staff=True)
    client.force_login(admin)
    response = upload(client)
    assert response.status_code == 200
    assert response.context["outcome"].created == 14
    assert "N07403 Arjeplog 2023 T: 1\u202f231,2" in response.content.decode()  # Swedish: thin space, decimal comma
    assert not KpiValue.objects.exists()
    response = client.post(CONFIRM, {"token": response.context["token"]})
    assert response.status_code == 302
    assert KpiValue.objects.count() == 14
    assert ImportRun.objects.get().by == admin


@pytest.mark.usefixtures("in_english")
def test_it_refuses_national_and_county_figures_to_the_owner(client, world):
    client.force_login(world.alice)
    before = state()
    response = upload(client)
    assert response.status_code == 400
    assert [str(p) for p in response.context["problems"]] == [
        f"kolada_arjeplog.json:3: municipality: Norrbottens län {REFERENCE}",
        f"kolada_arjeplog.json:4: municipality: Hela landet {REFERENCE}",
        f"kolada_arjeplog.json:7: municipality: Hela landet {REFERENCE}",
    ]
    assert state() == before


@pytest.mark.usefixtures("in_english")
def test_it_refuses_arjeplog_rows_to_the_outsider(client, world):
    client.force_login(world.charlie)
    before = state()
    response = upload(client)
    assert response.status_code == 400
    assert "kolada_arjeplog.json: municipality: you may not import data for Arjeplog" in response.content.decode()
    assert state() == before


def test_it_offers_no_import_to_read_only_leadership(client, world):
    client.force_login(world.lena)
    assert upload(client).status_code == 404
