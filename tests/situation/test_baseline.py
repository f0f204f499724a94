from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samverkan.situation.models import Baseline
from samverkan.situation.picture import SCHEMA_VERSION
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
    assert baseline.data["schema"] == SCHEMA_VERSION
    klotter = next(r for r in baseline.data["categories"] if r["category"] == "Klotter")
    assert (klotter["count"], klotter["previous"]) == (4, 1)
    # Stable keys only: no links and no translated labels are frozen with the figures.
    # (The theme mapping it was ranked on is data of the sources', whose names may hold a slash.)
    text = json.dumps({k: v for k, v in baseline.data.items() if k != "themes"}, ensure_ascii=False)
    assert "/" not in text.replace("+00:00", "") and "url" not in text and "Incidents" not in text
    page = client.get(baseline.get_absolute_url()).content.decode()
    assert '<figure class="chart"' in page and "<svg" in page


def test_it_leaves_the_baseline_unchanged_when_new_data_is_imported(client, picture, tmp_path):
    baseline = adopt(client, picture)
    frozen = baseline.data
    log(picture, "2025-11-11", "Klotter")
    csv = tmp_path / "est.csv"
    csv.write_text(
        "occurred_from,lat,lng,category,severity,description\n2025-12-01 10:00,66.5,17.5,Klotter,1,Klotter på skolan\n",
        encoding="utf-8",
    )
    call_command("import_incidents", str(csv), stdout=io.StringIO(), stderr=io.StringIO())
    baseline.refresh_from_db()
    assert baseline.data == frozen
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


def test_it_shows_the_baseline_to_the_parties_only(client, picture):
    baseline = adopt(client, picture)
    client.force_login(picture.charlie)
    assert client.get(baseline.get_absolute_url()).status_code == 404
    for user in (picture.lena, picture.bob):  # the municipality's leadership, and the police of its area
        client.force_login(user)
        assert client.get(baseline.get_absolute_url()).status_code == 200
        assert baseline.get_absolute_url() in client.get(reverse("situation")).content.decode()


def test_it_opens_a_baseline_adopted_before_the_picture_had_a_schema(client, world):
    old = {
        "municipality": "2506",
        "name": "Arjeplog",
        "county": "Norrbottens län",
        "from": "2024-01-01",
        "to": "2024-12-31",
        "audience": "internal",
        "population": {"residents": 2570, "present_population_mean": None},
        "incidents": [{"category": "Skadegörelse", "focus_area": "BRÅ", "count": 17, "previous": 11}],
        "incidents_by_month": [],
        "seasons": {"years": [2022, 2024], "months": [], "named_seasons": []},
        "police_events": [{"type": "Rattfylleri", "count": 7, "previous": 5}],
        "crime_statistics": [],
        "survey": [],
        "key_figures": {"kolada": [], "indicators": []},
        "hotspots": [],
        "points": [[66.05, 17.88]],
        "problems": [],
        "comparison": {"regions": [], "crime_per_1000": [], "survey": []},
        "conclusions": {"overall": "Skadegörelsen ökar.", "problems": {}},
    }
    baseline = Baseline.objects.create(
        municipality=world.arjeplog,
        version=1,
        start=datetime.date(2024, 1, 1),
        end=datetime.date(2024, 12, 31),
        data=old,
        adopted_by=world.alice,
    )
    client.force_login(world.alice)
    page = client.get(baseline.get_absolute_url()).content.decode()
    assert "Skadegörelse" in page and '<td class="number">17</td>' in page and "Skadegörelsen ökar." in page
    assert "Rattfylleri" in page and '<td class="number">7</td>' in page
