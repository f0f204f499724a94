from __future__ import annotations

from samverkan.sources.indicators.models import IndicatorValue

from .conftest import DATA, run, state


def test_it_changes_nothing_the_second_time(world):
    run(DATA / "can_arjeplog.csv")
    run(DATA / "can_arvidsjaur_latin1.csv")
    before = state()
    assert run(DATA / "can_arjeplog.csv")[0].strip() == "imported: 0 created, 0 updated, 7 skipped"
    assert run(DATA / "can_arvidsjaur_latin1.csv")[0].strip() == "imported: 0 created, 0 updated, 4 skipped"
    assert state() == before


def test_it_updates_a_corrected_row(world, tmp_path):
    run(DATA / "can_arjeplog.csv")
    corrected = tmp_path / "can_arjeplog.csv"
    corrected.write_text(
        (DATA / "can_arjeplog.csv").read_text().replace("Arjeplog,2024,38.5,26", "Arjeplog,2024,37.9,27")
    )
    assert run(corrected)[0].strip() == "imported: 0 created, 1 updated, 6 skipped"
    value = IndicatorValue.objects.get(indicator__key="alkoholkonsumenter-arskurs-9", region_code="2506", year=2024)
    assert (value.value, value.n, value.run.name) == (37.9, 27, str(corrected))
