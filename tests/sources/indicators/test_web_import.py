from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.organisations.models import User
from samverkan.sources.indicators.models import IndicatorValue
from samverkan.sources.models import ImportRun

from .conftest import DATA, state

REFERENCE = "is reference data: only an administrator imports national and county figures"

UPLOAD = reverse("import_upload", args=["indicators"])
CONFIRM = reverse("import_confirm", args=["indicators"])


def upload(client, name: str):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, (DATA / name).read_bytes(), "text/csv")})


def test_it_lives_at_the_generic_import_address():
    assert UPLOAD == "/kartlaggning/import/indicators/"


def test_it_previews_then_imports_for_an_administrator(client, world):
    # The file holds figures of the county and the country, which only an administrator imports.
    admin = User.objects.create_user("admin", password="password", is_staff=True)
    client.force_login(admin)
    response = upload(client, "can_arjeplog.csv")
    assert response.status_code == 200
    assert response.context["outcome"].created == 7
    assert "Alkoholkonsumenter, årskurs 9 Arjeplog 2024: 38,5 (n=26)" in response.content.decode()  # decimal comma
    assert not IndicatorValue.objects.exists()
    response = client.post(CONFIRM, {"token": response.context["token"]})
    assert response.status_code == 302
    assert IndicatorValue.objects.count() == 7
    assert ImportRun.objects.get().by == admin


@pytest.mark.usefixtures("in_english")
def test_it_refuses_county_and_national_figures_to_the_owner(client, world):
    client.force_login(world.alice)
    before = state()
    response = upload(client, "can_arjeplog.csv")
    assert response.status_code == 400
    assert [str(p) for p in response.context["problems"]] == [
        f"can_arjeplog.csv:5: municipality: Norrbottens län {REFERENCE}",
        f"can_arjeplog.csv:6: municipality: Hela landet {REFERENCE}",
    ]
    assert state() == before


def test_it_imports_an_iso_8859_1_file_through_the_web(client, world):
    client.force_login(world.charlie)
    response = upload(client, "can_arvidsjaur_latin1.csv")
    client.post(CONFIRM, {"token": response.context["token"]})
    assert IndicatorValue.objects.get(indicator__key="snusare-arskurs-9", year=2024).value == 14.3


@pytest.mark.usefixtures("in_english")
def test_it_refuses_arjeplog_rows_to_the_outsider(client, world):
    client.force_login(world.charlie)
    before = state()
    response = upload(client, "can_arjeplog.csv")
    assert response.status_code == 400
    assert "can_arjeplog.csv: municipality: you may not import data for Arjeplog" in response.content.decode()
    assert state() == before


@pytest.mark.usefixtures("in_english")
def test_it_shows_the_problem_lines_of_a_malformed_upload(client, world):
    client.force_login(world.alice)
    response = upload(client, "malformed.csv")
    assert response.status_code == 400
    assert "malformed.csv:4: municipality: unknown municipality &#x27;Atlantis&#x27;" in response.content.decode()
    assert not IndicatorValue.objects.exists()
