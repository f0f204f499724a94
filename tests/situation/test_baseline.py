from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samverkan.situation.models import Baseline
from tests.situation.conftest import log

QUERY = "?start=2025-01-01&end=2025-12-31"


def adopt(client, world) -> Baseline:
    client.force_login(world.alice)
    response = client.post(reverse("situation_adopt", args=["2506"]) + QUERY)
    baseline = Baseline.objects.get()
    assert response.status_code == 302 and response["Location"] == baseline.get_absolute_url()
    return baseline


def test_it_freezes_the_picture_when_it_is_adopted(client, picture):
    baseline = adopt(client, picture)
    assert (baseline.version, baseline.adopted_by, baseline.municipality) == (1, picture.alice, picture.arjeplog)
    assert baseline.data["audience"] == "internal"
    klotter = next(r for r in baseline.data["incidents"] if r["category"] == "Klotter")
    assert klotter["count"] == 4
    assert set(baseline.charts) >= {"problems", "incidents", "seasons", "hotspots"}
    assert baseline.charts["hotspots"]["svg"].startswith("<svg")


def test_it_leaves_the_baseline_unchanged_when_new_data_is_imported(client, picture, tmp_path):
    baseline = adopt(client, picture)
    frozen = (baseline.data, baseline.charts)
    log(picture, "2025-11-11", "Klotter")
    csv = tmp_path / "est.csv"
    csv.write_text(
        "occurred_from,lat,lng,category,severity,description\n2025-12-01 10:00,66.5,17.5,Klotter,1,Klotter på skolan\n",
        encoding="utf-8",
    )
    call_command("import_incidents", str(csv), stdout=io.StringIO(), stderr=io.StringIO())
    baseline.refresh_from_db()
    assert (baseline.data, baseline.charts) == frozen
    page = client.get(baseline.get_absolute_url()).content.decode()
    assert '<td class="number">4</td>' in page
    live = client.get(reverse("situation_municipality", args=["2506"]) + QUERY).content.decode()
    assert '<td class="number">6</td>' in live


def test_it_numbers_the_versions(client, picture):
    adopt(client, picture)
    client.post(reverse("situation_adopt", args=["2506"]) + QUERY)
    assert list(Baseline.objects.order_by("version").values_list("version", flat=True)) == [1, 2]


def test_it_refuses_to_change_or_delete_a_baseline(client, picture):
    baseline = adopt(client, picture)
    baseline.data = {}
    with pytest.raises(ValidationError):
        baseline.save()
    with pytest.raises(ValidationError):
        baseline.delete()
    assert Baseline.objects.get().data != {}


def test_it_lists_adopted_pictures_on_the_municipality_pages(client, picture):
    baseline = adopt(client, picture)
    for url in (reverse("situation_municipality", args=["2506"]) + QUERY, reverse("municipality", args=["2506"])):
        body = client.get(url).content.decode()
        adopted = timezone.localtime(baseline.adopted_at).strftime("%Y-%m-%d")
        assert baseline.get_absolute_url() in body and adopted in body


def test_it_lets_only_the_owner_adopt(client, picture):
    for user in (picture.bob, picture.lena, picture.charlie):
        client.force_login(user)
        assert client.post(reverse("situation_adopt", args=["2506"]) + QUERY).status_code == 404
    assert not Baseline.objects.exists()


def test_it_keeps_the_baseline_inside_the_municipality(client, picture):
    baseline = adopt(client, picture)
    for user in (picture.bob, picture.charlie):
        client.force_login(user)
        assert client.get(baseline.get_absolute_url()).status_code == 404
    client.force_login(picture.lena)
    assert client.get(baseline.get_absolute_url()).status_code == 200
