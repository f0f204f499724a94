from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from samverkan.organisations.models import Municipality


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("load_municipalities", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_loads_all_290_municipalities(db):
    assert run().splitlines()[0] == "municipalities: 290 created, 0 updated, 0 unchanged"
    arjeplog = Municipality.objects.get(code="2506")
    assert (arjeplog.name, arjeplog.county_code, arjeplog.county_name) == ("Arjeplog", "25", "Norrbottens län")
    assert arjeplog.boundary["type"] in {"Polygon", "MultiPolygon"}
    assert Municipality.objects.count() == 290


def test_it_changes_nothing_the_second_time(db):
    run()
    before = list(Municipality.objects.values_list("id", "code", "name", "county_name", "boundary"))
    assert run().splitlines()[0] == "municipalities: 0 created, 0 updated, 290 unchanged"
    assert list(Municipality.objects.values_list("id", "code", "name", "county_name", "boundary")) == before


def test_it_updates_a_changed_municipality(db):
    run()
    Municipality.objects.filter(code="2506").update(name="Arjeplogg")
    assert run().splitlines()[0] == "municipalities: 0 created, 1 updated, 289 unchanged"
    assert Municipality.objects.get(code="2506").name == "Arjeplog"


def test_it_refuses_a_bad_file_and_writes_nothing(db, tmp_path):
    features = [
        {
            "properties": {"id": "2506", "kom_namn": "Arjeplog", "lan_code": "25"},
            "geometry": {"type": "Polygon", "coordinates": [[[17, 66], [18, 66], [18, 67], [17, 66]]]},
        },
        {
            "properties": {"id": "25X6", "kom_namn": "Fel", "lan_code": "25"},
            "geometry": {"type": "Polygon", "coordinates": []},
        },
    ]
    bad = tmp_path / "bad.geojson"
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    with pytest.raises(CommandError) as error:
        run(str(bad))
    assert str(error.value) == "bad.geojson: feature 2: id: '25X6'"
    assert not Municipality.objects.exists()
