"""The web upload of the sources framework takes the feed's files too, within the user's municipalities."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.sources.police_events.models import PoliceEvent
from tests.sources.police_events.support import DATA


def upload(client, name: str):
    data = SimpleUploadedFile(name, (DATA / name).read_bytes())
    return client.post(reverse("import_upload", args=["police_events"]), {"file": data})


def test_it_previews_the_events_for_the_police_contact(client, world):
    client.force_login(world.bob)
    response = upload(client, "case-variants.json")
    assert response.status_code == 200
    assert (response.context["outcome"].created, response.context["outcome"].skipped) == (5, 0)
    assert PoliceEvent.objects.count() == 0


@pytest.mark.usefixtures("in_english")
def test_it_refuses_events_of_a_municipality_the_user_does_not_write(client, world):
    client.force_login(world.alice)
    response = upload(client, "case-variants.json")
    assert response.status_code == 400
    assert [str(problem) for problem in response.context["problems"]] == [
        "case-variants.json: municipality: you may not import data for Arvidsjaur"
    ]
