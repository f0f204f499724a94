from __future__ import annotations

import json

from samverkan.sources.kolada.models import KpiValue

from .conftest import DATA, run, state

ARJEPLOG = DATA / "kolada_arjeplog.json"


def test_it_changes_nothing_the_second_time(world):
    run(ARJEPLOG)
    before = state()
    out, _err = run(ARJEPLOG)
    assert out.strip() == "imported: 0 created, 0 updated, 14 skipped"
    assert state() == before


def test_it_updates_a_revised_value_and_fills_a_missing_one(world, tmp_path):
    run(ARJEPLOG)
    document = json.loads(ARJEPLOG.read_text())
    document["values"][1]["values"][0]["value"] = 1240.0  # N07403 Arjeplog 2023 revised
    document["values"][5]["values"][0]["value"] = 1.9  # N31807 Arjeplog 2024 women: was null
    revised = tmp_path / "kolada_revised.json"
    revised.write_text(json.dumps(document))
    out, _err = run(revised)
    assert out.strip() == "imported: 0 created, 2 updated, 12 skipped"
    latest = KpiValue.objects.get(kpi_id="N07403", region_code="2506", year=2023, gender="T")
    assert latest.value == 1240.0 and latest.run.name == str(revised)
    assert KpiValue.objects.get(kpi_id="N31807", region_code="2506", year=2024, gender="K").value == 1.9
