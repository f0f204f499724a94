"""Upload, preview and confirm through the generic import pages."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.organisations.models import User
from samverkan.sources.bra.models import CrimeStatistic
from samverkan.sources.models import ImportRun
from tests.sources.bra.helpers import DATABASFIL, MALFORMED, NORRBOTTEN, database_state

REFERENCE = "is reference data: only an administrator imports national and county figures"


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def upload(client, path):
    url = reverse("import_upload", args=["bra"])
    return client.post(url, {"file": SimpleUploadedFile(path.name, path.read_bytes())})


def test_it_offers_the_import_at_its_address(english, world):
    english.force_login(world.alice)
    response = english.get("/kartlaggning/import/bra/")
    assert response.status_code == 200
    assert "Brå reported crimes" in response.content.decode()


def test_it_previews_then_stores_on_confirm(english, world):
    # The file holds a figure of the whole country, which only an administrator imports.
    admin = User.objects.create_user("admin", password="password", is_staff=True)
    english.force_login(admin)
    before = database_state()
    preview = upload(english, DATABASFIL)
    assert preview.status_code == 200
    assert "5 will be created, 0 updated and 0 are already as in the file." in preview.content.decode()
    assert database_state() == before
    confirm = english.post(reverse("import_confirm", args=["bra"]), {"token": preview.context["token"]})
    assert confirm.status_code == 302
    assert CrimeStatistic.objects.count() == 5
    assert ImportRun.objects.get().by == admin


def test_it_shows_the_problems_of_a_malformed_file(english, world):
    english.force_login(world.alice)
    response = upload(english, MALFORMED)
    assert response.status_code == 400
    assert [str(p) for p in response.context["problems"]] == [
        "anmalda_brott_fel.txt:3: Antal: '12x' is not a number",
        "anmalda_brott_fel.txt:4: Region: unknown region 'Atlantis kommun'",
        "anmalda_brott_fel.txt:5: År: '24' is not a year",
        "anmalda_brott_fel.txt:6: /100 000 inv: '28,3,8' is not a number",
    ]


def test_it_refuses_the_outsider_figures_of_another_municipality(english, world):
    english.force_login(world.charlie)
    response = upload(english, NORRBOTTEN)
    assert response.status_code == 400
    assert [str(p) for p in response.context["problems"]] == [
        "anmalda_brott_norrbotten.txt: municipality: you may not import data for Arjeplog",
        # The county's and the country's figures (the rows of ".." repeat their parents and are left out).
        *(
            f"anmalda_brott_norrbotten.txt:{line}: Region: {region} {REFERENCE}"
            for line, region in [
                (20, "Norrbottens län"),
                (23, "Norrbottens län"),
                (24, "Norrbottens län"),
                (25, "Hela landet"),
                (28, "Hela landet"),
                (29, "Hela landet"),
            ]
        ),
    ]
    assert not CrimeStatistic.objects.exists()
