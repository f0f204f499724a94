"""A refused import says what and where in Swedish, the field's name included."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from samverkan.sources.incidents.models import Incident
from tests.sources.incidents.test_import import GOOD, torget  # noqa: F401 - torget is a fixture

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("torget")
def test_it_refuses_another_municipalitys_file_in_swedish(client, world):
    client.force_login(world.alice)
    upload = io.BytesIO(GOOD.encode())
    upload.name = "est.csv"
    response = client.post(reverse("import_upload", args=["incidents"]), {"file": upload})
    assert response.status_code == 400
    assert "est.csv: kommun: du får inte importera uppgifter för Arvidsjaur" in response.content.decode()
    assert not Incident.objects.exists()
